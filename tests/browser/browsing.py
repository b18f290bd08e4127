"""Browser tests: Debian's Chromium driven by Playwright, on the built site opened from disk
(file://) and over http://127.0.0.1 from a server the tests start and stop themselves.

Browsers are never downloaded (`playwright install` cannot work here): Playwright launches
/usr/bin/chromium. Without it, these tests are skipped with a message saying how to get it.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
LOCAL_SCHEMES = ("data", "blob", "about")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async (options) => (await axe.run(document, options)).violations.map(v =>
    `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0].target.join(' ')})`)"""
WIDTHS = {"phone": (390, 844), "desktop": (1440, 900)}
"""A phone's window and a desktop's, in CSS pixels."""

RULES = {
    "light": {"resultTypes": ["violations"]},
    "dark": {"resultTypes": ["violations"], "runOnly": ["color-contrast"]},
}
"""Every rule in the light palette; in the dark one, the contrast of the text, which is all that the
palette changes (its names, roles, landmarks and order are the light page's). Only violations are
gathered in full (axe-core's `resultTypes`): what passes is not listed node by node."""


@dataclass
class Watch:
    """What a page did that a reader must never see: requests outside the site, failed requests,
    console errors, uncaught exceptions."""

    allowed: tuple[str, ...]
    pending: set = field(default_factory=set)  # the requests made and not yet answered
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def inside(self, url: str) -> bool:
        return urlsplit(url).scheme in LOCAL_SCHEMES or url.startswith(self.allowed)

    def problems(self) -> list[str]:
        return [f"request outside the site: {u}" for u in self.outside] + self.failed + self.errors

    def take(self) -> list[str]:
        """The problems seen since the last time they were taken."""
        found = self.problems()
        self.outside.clear(), self.failed.clear(), self.errors.clear()
        return found


class Site:
    """One way of opening the built site: its base address, and a page made to report problems."""

    def __init__(self, base: str, context) -> None:
        self.base = base
        self.context = context

    def open(self, path: str = "index.html", *, wait: str = "load"):
        page = self.context.new_page()
        watch = Watch(allowed=(self.base,))
        page.watch = watch
        page.on("request", lambda r: watch.pending.add(r))
        page.on("requestfinished", lambda r: watch.pending.discard(r))
        page.on("requestfailed", lambda r: watch.pending.discard(r))
        page.on("requestfailed", functools.partial(_failed, watch))
        page.on("console", lambda m: m.type == "error" and watch.errors.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: watch.errors.append(f"page error: {e}"))
        page.route("**/*", functools.partial(_guard, watch))
        page.goto(self.base + path, wait_until=wait)
        return page


def settle(page, limit: float = 10.0) -> None:
    """Wait until every request the page has made is answered (or failed), as a reader's page
    finishes loading: what `networkidle` waits for, without its half a second of silence after."""
    waited = 0.0
    while page.watch.pending and waited < limit:
        page.wait_for_timeout(25)
        waited += 0.025


def _failed(watch: Watch, request) -> None:
    """A request that failed, but for one cut off because the page was left (`net::ERR_ABORTED`:
    the browser's own favicon, a page's script still loading when the reader goes on), which no
    reader sees; a file missing from the site, or a request the guard stopped, is recorded."""
    if request.failure != "net::ERR_ABORTED":
        watch.failed.append(f"failed request: {request.url} ({request.failure})")


def _guard(watch: Watch, route) -> None:
    """Let requests inside the site through; stop and record any other, before it leaves."""
    if watch.inside(route.request.url):
        route.continue_()
    else:
        watch.outside.append(route.request.url)
        route.abort()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A connection the browser closed mid-answer (a page left while it loaded) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test output is the place for failures only
        pass


RESULTS_OF = """(words) => [...document.querySelectorAll('.md-search-result__item a')].some((a) => {
    const searched = (new URL(a.href).searchParams.get('h') || '').toLowerCase().split(/\\s+/);
    return words.every((word) => searched.includes(word)); })"""
"""Whether the results shown are those of the whole query: each result's address carries the words
searched for (`?h=`), so results still shown from the query before, or from the query half typed
(`Lee Ky` while `Lee Kyoung Hae` is being typed, which Material replaces a moment later), are not
taken."""


def search(page, query: str, *, focused: bool = False):
    """Type a query into the search box and wait for its own results; their links."""
    if not focused:
        page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_function(RESULTS_OF, arg=query.lower().split(), timeout=15_000)
    return page.locator(".md-search-result__item a")


def nav_pages(site_dir: Path) -> list[str]:
    """Every page a reader can reach from the navigation: all the site's pages but the 404 page."""
    return sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html") if p.name != "404.html")


def launch(chromium, **options):
    """A fresh browser context of the worker's Chromium, as every browser test starts: its own
    storage, cache and permissions, nothing kept from a test before. Service workers are blocked
    unless asked for: the site's keeps a copy of every page, which `test_offline.py` tests, and
    which would make every other test over HTTP download it all."""
    return chromium.new_context(**{"service_workers": "block", **options})


class Host:
    """A static host serving a copy of the site, which can be switched off and on again (at the
    same address, as a host that comes back)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = 0
        self.start()

    def start(self) -> None:
        handler = functools.partial(QuietHandler, directory=str(self.folder))
        self.httpd = QuietServer(("127.0.0.1", self.port), handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


READY = """new Promise((ready, failed) => {
    navigator.serviceWorker.ready.then(ready);
    setTimeout(() => failed(new Error("no service worker active after 30 s: reader.js registers it")), 30000);
})"""
"""The page's service worker once it is active; a page that never registers one fails the test
rather than keep it waiting."""
