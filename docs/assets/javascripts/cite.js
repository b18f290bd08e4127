// "Cite this article" names the page; put in the address it is being read at, without the
// fragment or the search highlight, wherever the site is published or opened from.
document.querySelectorAll(".page-address").forEach((element) => {
  const address = new URL(window.location.href);
  address.hash = "";
  address.search = "";
  element.textContent = address.href;
});
