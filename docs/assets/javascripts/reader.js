// Cancún 2003 Reader: the two things a page does once it is loaded.

// "Cite this article" names the page; put in the address it is being read at, without the
// fragment or the search highlight, wherever the site is published or opened from.
document.querySelectorAll(".page-address").forEach((element) => {
  const address = new URL(window.location.href);
  address.hash = "";
  address.search = "";
  element.textContent = address.href;
});

// A table too wide for the screen scrolls inside its box: let the keyboard reach it too, and say
// what it is (WCAG 2.1.1; axe: scrollable-region-focusable).
// Material wraps tables in their box once its own script has run: look after it has.
function reachWideTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach((box) => {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table, scrolls sideways");
    }
  });
}

if (window.document$) {
  window.document$.subscribe(() => requestAnimationFrame(reachWideTables));
} else {
  window.addEventListener("load", reachWideTables);
}
window.addEventListener("resize", reachWideTables);
