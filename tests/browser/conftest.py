"""Fixtures of the browser tests: Debian's Chromium through Playwright, and the site from disk and
over HTTP. The helpers are in `browsing.py`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import AXE, Host, Site, launch

from cancun_reader.devtools.chromium import CHROMIUM, FLAGS


@pytest.fixture(scope="session")
def playwright_driver():
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's Chromium is not installed: run `make test` as root (it installs the packages "
            "chromium and chromium-driver), or `apt-get install chromium chromium-driver`"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright_driver):
    """Debian's Chromium, started once in each worker of the test run; each test has a fresh
    context of it (`launch`), as separate from the others as a new profile."""
    browser = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def context(chromium):
    """A fresh desktop browser for each test."""
    browser = launch(chromium, viewport={"width": 1440, "height": 900})
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    host = Host(built_site)  # the site over HTTP, on a free port
    yield host.base
    host.stop()


@pytest.fixture(params=["file", "http"])
def site(request, context, built_site: Path) -> Site:
    """The site, opened from disk and over HTTP in turn."""
    if request.param == "file":
        return Site(built_site.as_uri() + "/", context)
    return Site(request.getfixturevalue("server"), context)


@pytest.fixture
def http_site(context, server: str) -> Site:
    return Site(server, context)


@pytest.fixture
def file_site(context, built_site: Path) -> Site:
    return Site(built_site.as_uri() + "/", context)


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core, to run in a page."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `make test`, which runs `npm ci`")
    return AXE.read_text(encoding="utf-8")
