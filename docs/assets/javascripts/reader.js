// Cancún 2003 Reader: what a page does once it is loaded.

// "Cite this article" gives the date of access, which only the reader knows: today's, in the form
// each style writes it (Chicago and APA "November 25, 2026", MLA "25 Nov. 2026").
const MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

function accessDate(form, today) {
  if (form === "day-month-year") {
    return `${today.getDate()} ${MLA_MONTHS[today.getMonth()]} ${today.getFullYear()}`;
  }
  return today.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
}

document.querySelectorAll(".access-date").forEach((element) => {
  element.textContent = accessDate(element.dataset.form, new Date());
});

// Reading comfort: the size of the text and the width of its lines, three steps each, in a small
// panel that one "Aa" button beside every page's title opens (as Wikipedia's appearance menu), and
// remembered (in the browser's storage: from disk too). Where a line is no wider than the narrowest
// step (a phone), the panel offers no line width. Without a script the page keeps the theme's own.
const COMFORT = {
  "text-size": { label: "Text size", steps: ["small", "medium", "large"], usual: "medium" },
  "line-width": { label: "Line width", steps: ["narrow", "medium", "wide"], usual: "wide" },
};

function remembered(name) {
  try {
    return localStorage.getItem(`cancun-reader:${name}`);
  } catch {
    return null; // storage refused (a policy, private browsing): the choice lasts for the page
  }
}

function applyComfort(name, step) {
  document.documentElement.dataset[name === "text-size" ? "textSize" : "lineWidth"] = step;
  document.querySelectorAll(`.reading-comfort [data-${name}]`).forEach((button) => {
    button.setAttribute("aria-pressed", String(button.dataset[name === "text-size" ? "textSize" : "lineWidth"] === step));
  });
}

function addComfortControls() {
  const article = document.querySelector("article.md-content__inner");
  if (!article || article.querySelector(".reading-comfort")) return;
  const controls = document.createElement("div");
  controls.className = "reading-comfort";
  const opener = document.createElement("button");
  opener.type = "button";
  opener.className = "comfort-opener";
  opener.textContent = "Aa";
  opener.title = "Text size and line width";
  opener.setAttribute("aria-label", "Reading comfort: text size and line width");
  opener.setAttribute("aria-expanded", "false");
  opener.setAttribute("aria-controls", "comfort-panel");
  const panel = document.createElement("div");
  panel.id = "comfort-panel";
  panel.className = "comfort-panel";
  panel.hidden = true;
  panel.setAttribute("role", "group");
  panel.setAttribute("aria-label", "Reading comfort");
  const show = (open) => {
    panel.hidden = !open;
    opener.setAttribute("aria-expanded", String(open));
  };
  opener.addEventListener("click", () => show(panel.hidden));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      show(false);
      opener.focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (!panel.hidden && !controls.contains(event.target)) show(false);
  });
  Object.entries(COMFORT).forEach(([name, { label, steps }]) => {
    const group = document.createElement("div");
    group.className = `comfort-${name}`;
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", label);
    group.append(`${label}: `);
    steps.forEach((step) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = step;
      button.setAttribute(`data-${name}`, step);
      button.setAttribute("aria-label", `${label}: ${step}`);
      button.addEventListener("click", () => {
        try {
          localStorage.setItem(`cancun-reader:${name}`, step);
        } catch {
          // not remembered: the choice still holds on this page
        }
        applyComfort(name, step);
      });
      group.append(button);
    });
    panel.append(group);
  });
  controls.append(opener, panel);
  article.prepend(controls);
  Object.entries(COMFORT).forEach(([name, { steps, usual }]) => {
    const chosen = remembered(name);
    applyComfort(name, steps.includes(chosen) ? chosen : usual);
  });
}

if (window.document$) {
  window.document$.subscribe(addComfortControls);
} else {
  addComfortControls();
}

// Copy a citation: a button beside each form ("Cite this article", the bibliography, a paragraph's
// citation). The clipboard API where the page may use it (over http(s), and from disk in
// Chromium); else the older command, which works from disk everywhere.
function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).catch(() => copyByCommand(text));
  }
  return Promise.resolve(copyByCommand(text));
}

function copyByCommand(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

function addCopyButton(form, label) {
  if (form.querySelector(".copy-citation")) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-citation";
  button.textContent = "Copy";
  button.setAttribute("aria-label", `Copy the ${label} citation`);
  button.addEventListener("click", () => {
    const text = form.cloneNode(true);
    text.querySelectorAll(".copy-citation").forEach((b) => b.remove());
    copyText(text.textContent.trim()).then(() => {
      button.textContent = "Copied";
      setTimeout(() => (button.textContent = "Copy"), 2000);
    });
  });
  form.append(" ", button);
}

function citationStyleOf(form) {
  const named = form.previousElementSibling?.classList.contains("citation-style")
    ? form.previousElementSibling.textContent.trim()
    : form.closest("ul.bibliography")?.previousElementSibling?.textContent.trim();
  return named || "";
}

document.querySelectorAll(".cite-this p.citation, ul.bibliography li.citation").forEach((form) => {
  addCopyButton(form, citationStyleOf(form));
});

// Cite a paragraph: its number (¶9) is a link to it, and a click also opens, below it, how to
// cite it in each style: where one's text refers to it (APA, MLA), or a short note (Chicago), with
// the paragraph's number; and the article's own reference, as "Cite this article" gives it. What
// is known of the article is in the page's head (`citation_*`): nothing unknown is written.
function articleFacts() {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || "";
  const author = meta("citation_author");
  const title = meta("citation_title");
  const short = title.split(/[:.?!]/)[0].split(" ").slice(0, 4).join(" ");
  return {
    family: author ? author.split(" ").pop() : "",
    year: (meta("citation_date") || "").slice(0, 4),
    title,
    short: short.length < title.length ? `${short.replace(/[,;]$/, "")}…${title.startsWith("[") ? "]" : ""}` : title,
  };
}

function paragraphCitations(number) {
  const { family, year, short } = articleFacts();
  const who = family || `“${short}”`;
  return {
    Chicago: `${family ? `${family}, ` : ""}“${short},” para. ${number}.`,
    APA: `(${who}, ${year || "n.d."}, para. ${number})`,
    MLA: `(${who}, par. ${number})`,
  };
}

// Report an error: where the site's editors take reports (the plugin's `report_errors_to`, a
// mailto: address or a tracker's new-issue address), with the text's title and the place in it
// already filled in; offered under "Cite this article" and in each paragraph's citation panel, and
// nowhere when the site gives no address.
function reportLink(place, words) {
  const to = document.querySelector('meta[name="cancun-reader:report-errors-to"]')?.content;
  const title = document.querySelector("article h1")?.textContent.replace("¶", "").trim();
  if (!to || !title) return null;
  const subject = `Error in “${title}”` + (place === "the text" ? "" : `, ${place}`);
  const body = `${subject}\n${window.location.href.split("#")[0]}\n\n“${words.trim().slice(0, 200)}…”\n\nWhat is wrong:`;
  const link = document.createElement("a");
  link.className = "report-error";
  link.textContent = `Report an error in this ${place.startsWith("paragraph") ? "paragraph" : "text"}`;
  const [field, text] = to.startsWith("mailto:") ? ["subject", "body"] : ["title", "body"];
  link.href = `${to}${to.includes("?") ? "&" : "?"}${field}=${encodeURIComponent(subject)}&${text}=${encodeURIComponent(body)}`;
  const line = document.createElement("p");
  line.className = "report-error-line";
  line.append(link);
  return line;
}

const citeThis = document.querySelector(".cite-this");
const textReport = citeThis && reportLink("the text", document.querySelector("article p:not(.byline)")?.textContent || "");
if (textReport) citeThis.append(textReport);

function citeParagraph(link) {
  const paragraph = link.closest("p");
  const number = link.textContent.replace("¶", "").trim();
  const open = paragraph.nextElementSibling;
  if (open?.classList.contains("cite-paragraph")) {
    open.remove();
    return;
  }
  const panel = document.createElement("div");
  panel.className = "cite-paragraph";
  panel.setAttribute("role", "region");
  panel.setAttribute("aria-label", `How to cite paragraph ${number}`);
  panel.tabIndex = -1;
  const heading = document.createElement("p");
  heading.className = "cite-paragraph-title";
  heading.textContent = `How to cite paragraph ${number}`;
  panel.append(heading);
  const references = [...document.querySelectorAll(".cite-this p.citation")];
  Object.entries(paragraphCitations(number)).forEach(([style, inText], index) => {
    const label = document.createElement("p");
    label.className = "citation-style";
    label.innerHTML = `<strong>${style}</strong> ${style === "Chicago" ? "note" : "in the text"}`;
    const form = document.createElement("p");
    form.className = "citation";
    form.textContent = inText;
    panel.append(label, form);
    addCopyButton(form, `${style} paragraph`);
    if (references[index]) {
      const reference = document.createElement("p");
      reference.className = "citation citation-reference";
      reference.innerHTML = references[index].innerHTML;
      reference.querySelectorAll(".copy-citation").forEach((b) => b.remove());
      panel.append(reference);
      addCopyButton(reference, `${style} reference`);
    }
  });
  const report = reportLink(`paragraph ${number}`, paragraph.textContent);
  if (report) panel.append(report);
  const unpublished = document.querySelector(".cite-this .unpublished");
  if (unpublished) {
    // an unpublished copy gives no address: the panel says why, as "Cite this article" does
    const why = document.createElement("p");
    why.className = "unpublished";
    why.textContent = unpublished.textContent;
    panel.append(why);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.className = "cite-paragraph-close";
  close.textContent = "Close";
  close.addEventListener("click", () => {
    panel.remove();
    link.focus();
  });
  panel.addEventListener("keydown", (event) => event.key === "Escape" && close.click());
  if (regionsOf(paragraph).length) {
    const show = document.createElement("button");
    show.type = "button";
    show.className = "show-printed";
    show.textContent = "Show on the printed page";
    show.addEventListener("click", () => outline(paragraph));
    panel.append(show);
  }
  panel.append(close);
  paragraph.after(panel);
  panel.focus({ preventScroll: true });
}

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.paragraph-number") : null;
  if (!link || !link.closest("article p")) return;
  event.preventDefault();
  window.history.replaceState(null, "", link.getAttribute("href"));
  citeParagraph(link);
});

// "List them" and a change's mark lead to the list of changes, which is folded: open it, so the
// reader lands on what they asked for, not on a closed box.
function openChangesFor(hash) {
  if (!hash || !(hash === "#changes" || hash.startsWith("#change-"))) return;
  const list = document.querySelector(".changes details");
  if (!list) return;
  list.open = true;
  document.querySelector(hash === "#changes" ? "#changes" : hash)?.scrollIntoView({ block: "center" });
}

window.addEventListener("hashchange", () => openChangesFor(window.location.hash));
openChangesFor(window.location.hash);

// A table too wide for the screen scrolls inside its box: let the keyboard reach it too, and say
// what it is (WCAG 2.1.1; axe: scrollable-region-focusable), by its number on the page, so that two
// such tables are two regions of different names (axe: landmark-unique).
// Material wraps tables in their box once its own script has run: look after it has.
function reachWideTables() {
  const boxes = [
    [".md-typeset__scrollwrap", "Table"],
    [".map-scroll", "Map"],
  ];
  for (const [selector, what] of boxes) {
    document.querySelectorAll(selector).forEach((box, index) => {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", `${what} ${index + 1}, scrolls sideways`);
      }
      showScrolling(box, what);
      if (what === "Map") centreOnMarkers(box);
    });
  }
}

// What scrolls sideways says so where a reader sees it, above it: a table or map wider than the
// screen is otherwise cut at its edge with nothing to tell that more of it is there.
function showScrolling(box, what) {
  const wide = box.scrollWidth > box.clientWidth + 1;
  const hint = box.previousElementSibling;
  const shown = hint !== null && hint.classList.contains("scroll-hint");
  box.classList.toggle("scrolls-sideways", wide);
  if (wide && !shown) {
    const said = document.createElement("p");
    said.className = "scroll-hint";
    said.setAttribute("aria-hidden", "true"); // the region's name says it to a screen reader
    said.textContent = `← The ${what.toLowerCase()} is wider than the screen: swipe it sideways →`;
    box.before(said);
  } else if (!wide && shown) {
    hint.remove();
  }
}

// A map wider than the screen opens on the middle of the countries it numbers, not on its left
// edge; once, so that a reader's own scrolling is kept.
function centreOnMarkers(box) {
  const markers = [...box.querySelectorAll(".marker circle")];
  if (box.dataset.centred || !markers.length || box.scrollWidth <= box.clientWidth) return;
  const origin = box.getBoundingClientRect().left - box.scrollLeft;
  const xs = markers.map((circle) => {
    const place = circle.getBoundingClientRect();
    return place.left + place.width / 2 - origin;
  });
  box.scrollLeft = Math.max(0, (Math.min(...xs) + Math.max(...xs)) / 2 - box.clientWidth / 2);
  box.dataset.centred = "true";
}

if (window.document$) {
  window.document$.subscribe(() => requestAnimationFrame(reachWideTables));
} else {
  window.addEventListener("load", reachWideTables);
}
window.addEventListener("resize", reachWideTables);

// Show the changes: every change the build made to a text, marked where it was made. The choice
// is in the address (`?changes=show`), so it survives a reload, a bookmark and a printout, and is
// carried by every link to another page of the site; it needs no connection and works from disk.
const SHOW_CHANGES = "changes";

function changesShown() {
  return new URLSearchParams(window.location.search).get(SHOW_CHANGES) === "show";
}

function withChanges(address, shown) {
  const url = new URL(address, window.location.href);
  if (shown) {
    url.searchParams.set(SHOW_CHANGES, "show");
  } else {
    url.searchParams.delete(SHOW_CHANGES);
  }
  return url.href;
}

function isPageOfTheSite(link) {
  const href = link.getAttribute("href");
  if (!href || href.startsWith("#") || link.closest(".md-search")) return false;
  const url = new URL(href, window.location.href);
  const here = new URL(window.location.href);
  return url.protocol === here.protocol && url.host === here.host && /(\.html|\/)$/.test(url.pathname);
}

function showChanges(shown) {
  document.documentElement.classList.toggle("show-changes", shown);
  document.querySelectorAll("a[href]").forEach((link) => {
    if (isPageOfTheSite(link) && !link.classList.contains("changes-toggle")) {
      link.setAttribute("href", withChanges(link.getAttribute("href"), shown));
    }
  });
  document.querySelectorAll(".changes-toggle").forEach((toggle) => {
    toggle.textContent = shown ? "Hide the changes in the text" : "Show the changes in the text";
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-pressed", String(shown));
    toggle.setAttribute("href", withChanges(window.location.href.split("#")[0], !shown));
  });
}

document.querySelectorAll(".changes-toggle").forEach((toggle) => {
  toggle.addEventListener("click", (event) => {
    event.preventDefault();
    const shown = !document.documentElement.classList.contains("show-changes");
    window.history.replaceState(null, "", withChanges(window.location.href, shown));
    showChanges(shown);
  });
});
showChanges(changesShown());

// A search result opens its page at the section that holds the words (`?h=words#section`); bring
// the first word found into view, so the reader lands on its paragraph, not on the section's top.
// Material marks the words once the page is shown: wait for the first mark, a few seconds at most.
function revealFirstMatch() {
  if (!new URLSearchParams(window.location.search).has("h")) return;
  const reveal = () => {
    const mark = document.querySelector("article mark[data-md-highlight]");
    if (mark) mark.scrollIntoView({ block: "center" });
    return Boolean(mark);
  };
  if (reveal()) return;
  const watcher = new MutationObserver(() => reveal() && watcher.disconnect());
  watcher.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => watcher.disconnect(), 5000);
}

// Printed, a link to another site gives its address after its words (reader.css): not a link
// inside this one, whose words say where it leads, nor one whose words are its address already (a
// citation's), so that no address is printed twice.
function bareAddress(text) {
  return text.trim().replace(/^https?:\/\//, "").replace(/\/$/, "");
}

function addressOf(link) {
  try {
    return new URL(link.getAttribute("href"), window.location.href);
  } catch {
    return null; // an address a text misprinted: not printed, and nothing else stops
  }
}

document.querySelectorAll(".md-typeset a[href]").forEach((link) => {
  if (!(link instanceof HTMLAnchorElement)) return; // a chart's links are SVG's
  const address = addressOf(link);
  const outside = address && /^https?:$/.test(address.protocol) && address.origin !== window.location.origin;
  if (outside && bareAddress(link.textContent) !== bareAddress(address.href)) {
    link.dataset.printAddress = address.href;
  }
});

// A result's page title links to the page with the words it matched; where the words are only in
// its sections, Material gives it none (`?h=`): give it the words searched for, so that it too lands
// on the first of them.
document.addEventListener(
  "click",
  (event) => {
    const link = event.target.closest?.("a.md-search-result__link");
    const query = document.querySelector("input.md-search__input")?.value.trim();
    if (!link || !query) return;
    const address = new URL(link.href);
    if (address.searchParams.has("h") && !address.searchParams.get("h")) {
      address.searchParams.set("h", query);
      link.href = address.href;
    }
  },
  true,
);

if (window.document$) {
  window.document$.subscribe(revealFirstMatch);
} else {
  window.addEventListener("load", revealFirstMatch);
}

// Abbreviations: Material shows what one stands for when the pointer is on it. Let a touch screen
// and the keyboard have it too: the first of each on a page is reached with Tab (not every WTO of
// the text: the tab order would stop at each), and a tap on any of them gives it the focus, which
// shows it. Abbreviations in headings are left as they are. The work is done once per kind of
// abbreviation, and per tap, not once per abbreviation of the page.
const IN_TITLE = "h1, h2, h3, h4, h5, h6";

function reachAbbreviations() {
  const seen = new Set();
  document.querySelectorAll("article abbr").forEach((abbr) => {
    if (seen.has(abbr.textContent) || abbr.closest(IN_TITLE)) return;
    seen.add(abbr.textContent);
    abbr.tabIndex = 0;
  });
}

document.addEventListener("click", (event) => {
  const abbr = event.target instanceof Element ? event.target.closest("article abbr") : null;
  if (!abbr || abbr.closest(IN_TITLE)) return;
  if (!abbr.hasAttribute("tabindex")) abbr.tabIndex = -1;
  abbr.focus();
});

if (window.document$) {
  window.document$.subscribe(reachAbbreviations);
} else {
  window.addEventListener("load", reachAbbreviations);
}

// The printed page beside the text (a text read from a PDF): the button shows its pages, each
// block's regions outlined over them as links (cancun_reader/site/printed_view.py). A region leads to
// its block; a block of the text (a click on it while the pages are shown, or "Show on the printed
// page" in a paragraph's citation panel) brings its page into view with every region of it
// outlined, the parts of a paragraph continued in another column or page too. On a narrow screen
// the pages take the screen's lower half, one page at a time. The pictures load as they are shown.
const PRINTED = document.querySelector(".printed-pages");

function blockOf(region) {
  const target = region.getAttribute("href");
  if (target && target !== "#") return document.getElementById(decodeURIComponent(target.slice(1)));
  return document.querySelector(`article [data-line="${region.dataset.line}"]:not(.printed-region)`);
}

function regionsOf(block) {
  if (!PRINTED || !block) return [];
  const note = block.closest("li[id^='fn:']");
  if (note) return [...PRINTED.querySelectorAll(`.printed-region[href="#${CSS.escape(note.id)}"]`)];
  const line = block.closest("[data-line]:not(.printed-region)")?.dataset.line;
  return line ? [...PRINTED.querySelectorAll(`.printed-region[data-line="${line}"]`)] : [];
}

function printedShown() {
  return document.documentElement.classList.contains("printed-shown");
}

function showPrinted(shown) {
  const toggle = document.querySelector(".printed-toggle");
  document.documentElement.classList.toggle("printed-shown", shown);
  PRINTED.hidden = !shown;
  toggle.setAttribute("aria-pressed", String(shown));
  toggle.textContent = shown ? "Hide the printed page" : "Show the printed page";
}

function outline(block) {
  const regions = regionsOf(block);
  if (!regions.length) return false;
  if (!printedShown()) showPrinted(true);
  PRINTED.querySelectorAll(".printed-region.outlined").forEach((r) => r.classList.remove("outlined"));
  regions.forEach((region) => region.classList.add("outlined"));
  const first = regions[0];
  const box = PRINTED.getBoundingClientRect();
  const at = first.getBoundingClientRect();
  PRINTED.scrollBy({ top: at.top - box.top - box.height / 4, left: at.left - box.left - 16 });
  return true;
}

if (PRINTED) {
  const toggle = document.querySelector(".printed-toggle");
  toggle.hidden = false;
  toggle.addEventListener("click", () => showPrinted(!printedShown()));
  PRINTED.addEventListener("click", (event) => {
    const region = event.target instanceof Element ? event.target.closest(".printed-region") : null;
    if (!region) return;
    event.preventDefault();
    const block = blockOf(region);
    if (!block) return;
    PRINTED.querySelectorAll(".printed-region.outlined").forEach((r) => r.classList.remove("outlined"));
    regionsOf(block).forEach((r) => r.classList.add("outlined"));
    if (block.id) window.history.replaceState(null, "", `#${block.id}`);
    block.classList.add("printed-chosen");
    setTimeout(() => block.classList.remove("printed-chosen"), 2000);
    block.scrollIntoView({ block: "center" });
    if (!block.hasAttribute("tabindex")) block.tabIndex = -1;
    block.focus({ preventScroll: true });
  });
  document.querySelector("article").addEventListener("click", (event) => {
    if (!printedShown() || !(event.target instanceof Element)) return;
    if (event.target.closest("a, button, .printed-pages, .cite-paragraph")) return;
    outline(event.target);
  });
  document.addEventListener("keydown", (event) => event.key === "Escape" && printedShown() && showPrinted(false));
}

// Offline after one visit: over http(s), the service worker the build wrote (named in the page's
// head) keeps a copy of the whole site. Never on file://, where there is nothing to keep. When a
// newer build has been published, the reader is told, and chooses when to load it.
function offerNewerEdition(waiting) {
  if (document.querySelector(".newer-edition")) return;
  const note = document.createElement("div");
  note.className = "newer-edition";
  note.setAttribute("role", "status");
  note.textContent = "A newer edition of this site has been published. ";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Load it";
  button.addEventListener("click", () => waiting.postMessage("take-over"));
  note.append(button);
  document.body.append(note);
}

function keepForOffline() {
  const named = document.querySelector('meta[name="cancun-reader:service-worker"]');
  if (!named || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  const hadOne = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => hadOne && location.reload());
  // A browser that refuses service workers (private browsing, a policy) reads the site online only.
  navigator.serviceWorker
    .register(new URL(named.content, location.href))
    .then((registration) => {
      if (!registration) return;
      const announce = (worker) => worker.state === "installed" && hadOne && offerNewerEdition(worker);
      if (registration.waiting) announce(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker.addEventListener("statechange", () => announce(worker));
      });
    })
    .catch(() => {});
}

keepForOffline();
