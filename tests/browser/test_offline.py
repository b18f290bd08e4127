"""Offline after one visit: a reader who has opened the published site once over HTTP keeps
reading, navigating and searching when the connection is gone, and is told when a newer build has
been published; from disk, no service worker is ever registered."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from browsing import READY, Host, Site, launch, search


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
