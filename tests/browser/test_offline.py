"""Offline after one visit: a reader who has opened the published site once over HTTP keeps
reading, navigating and searching when the connection is gone, and is told when a newer build has
been published; from disk, no service worker is ever registered."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from browsing import QuietHandler, QuietServer, Site, launch, search


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


@pytest.fixture
def host(built_site: Path, tmp_path: Path):
    folder = tmp_path / "published"
    shutil.copytree(built_site, folder)
    served = Host(folder)
    yield served
    served.stop()


@pytest.fixture
def browser(chromium):
    """A browser that lets service workers run (the other tests block them)."""
    context = launch(chromium, service_workers="allow", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


READY = """new Promise((ready, failed) => {
    navigator.serviceWorker.ready.then(ready);
    setTimeout(() => failed(new Error("no service worker active after 30 s: reader.js registers it")), 30000);
})"""
"""The page's service worker once it is active; a page that never registers one fails the test
rather than keep it waiting."""


def kept(page) -> int:
    """How many files the service worker keeps, once it is active."""
    return page.evaluate(
        f"""async () => {{
            await {READY};
            const names = await caches.keys();
            const cache = await caches.open(names.find((n) => n.startsWith("cancun-reader-")));
            return (await cache.keys()).length;
        }}"""
    )


def files_listed(site: Path) -> int:
    return len(json.loads(re.search(r"const FILES = (\[.*?\]);", (site / "sw.js").read_text())[1]))


def test_after_one_visit_the_site_reads_navigates_and_searches_with_no_connection(
    host: Host, browser
) -> None:
    site = Site(host.base, browser)
    page = site.open("index.html")
    assert kept(page) == files_listed(host.folder)
    host.stop()  # the connection is gone

    page.goto(host.base + "articles/citizens-diplomacy-cancun-miami.html?changes=show")
    assert page.locator("h1").first.inner_text().startswith("Citizens' diplomacy from Cancún to Miami")
    page.get_by_role("link", name="Timeline", exact=True).first.click()
    page.wait_for_load_state()
    assert "/timeline.html?changes=show" in page.url and page.locator("h1").first.inner_text().startswith(
        "Timeline"
    )
    first = search(page, "Zoellick").first
    assert "articles/" in first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert "Zoellick" in page.locator("article").inner_text()
    page.goto(host.base + "no-such-page.html")
    assert "404" in page.locator("article").inner_text()
    assert page.watch.problems() == []


def test_a_newer_build_is_announced_and_loaded_when_the_reader_chooses(host: Host, browser) -> None:
    site = Site(host.base, browser)
    page = site.open("index.html")
    kept(page)
    worker = host.folder / "sw.js"  # a new build: another version of the worker, a changed page
    worker.write_text(re.sub(r'const VERSION = "\w+"', 'const VERSION = "newer"', worker.read_text()))
    page.reload()
    note = page.get_by_role("status").filter(has_text="newer edition")
    note.wait_for(timeout=15_000)
    with page.expect_navigation():
        note.get_by_role("button", name="Load it").click()
    names = page.evaluate(f"async () => {{ await {READY}; return caches.keys(); }}")
    assert names == ["cancun-reader-newer"]
    assert page.get_by_role("status").count() == 0


def test_from_disk_no_service_worker_is_registered(built_site: Path, browser) -> None:
    page = Site(built_site.as_uri() + "/", browser).open("articles/cancun-walkout-pww.html")
    assert page.evaluate("() => navigator.serviceWorker === undefined || !navigator.serviceWorker.controller")
    assert page.watch.problems() == []
