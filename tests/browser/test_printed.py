"""The printed page beside the text, for a text added as a PDF: the button shows its pages; a
paragraph's "Show on the printed page" outlines every part of it, in each column it runs through;
a region leads back to its block; from disk and over HTTP, on a desktop and a phone, by keyboard,
with no accessibility violation in either palette, and never in print."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import ARTIFACTS, AXE, READY, RULES, RUN_AXE, Host, Site, launch
from project import ROOT, build_site, copy_project, made_once

PDF = ROOT / "tests" / "corpus" / "latex" / "02-walkout.latex-s250101.pdf"
PAGE = "articles/walkout-printed.html"
CONTINUED = "#p-the-four-subjects-were-investment-competition"
"""A paragraph that runs from the foot of the first column into the second."""


@pytest.fixture(scope="session")
def printed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with one more text, added as a PDF with no catalog entry, as an editor adds one."""

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        shutil.copy(PDF, project / "sources" / "walkout-printed.pdf")
        result = build_site(project, project / "site")
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "printed", build) / "project" / "site"


@pytest.fixture(scope="session")
def printed_server(printed_site: Path) -> Iterator[str]:
    host = Host(printed_site)  # the site over HTTP, on a free port
    yield host.base
    host.stop()


@pytest.fixture(params=["file", "http"])
def site(request, context, printed_site: Path) -> Site:
    if request.param == "file":
        return Site(printed_site.as_uri() + "/", context)
    return Site(request.getfixturevalue("printed_server"), context)


def show_on_printed_page(page, anchor: str) -> None:
    """Open a paragraph's citation panel by its number and ask for its printed page."""
    page.evaluate(f"document.querySelector('{anchor}').scrollIntoView()")
    page.locator(f"{anchor} a.paragraph-number").click()
    page.locator(".show-printed").click()


def outlined(page) -> list[dict]:
    return page.evaluate(
        """[...document.querySelectorAll('.printed-region.outlined')].map((r) => {
            const box = r.getBoundingClientRect();
            return {page: r.closest('.printed-page').dataset.page, left: box.left, top: box.top,
                    width: box.width, height: box.height};
        })"""
    )


def test_a_paragraph_shows_every_part_of_it_on_its_printed_page_and_a_region_leads_back(site) -> None:
    page = site.open(PAGE)
    pages = page.locator(".printed-pages")
    assert pages.is_hidden()  # until asked for
    page.locator(".printed-toggle").click()
    assert pages.is_visible()
    assert page.locator(".printed-toggle").get_attribute("aria-pressed") == "true"
    show_on_printed_page(page, CONTINUED)
    parts = outlined(page)
    assert len(parts) == 2 and parts[0]["page"] == parts[1]["page"] == "1"
    assert parts[1]["left"] > parts[0]["left"] + parts[0]["width"] / 2  # the second column
    first = page.locator(".printed-page[data-page='1'] img")
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", first.element_handle())
    # the region of the pull quote leads to the pull quote in the text
    page.locator(".printed-region[aria-label^='A pull quote,']").click()
    assert page.evaluate("document.activeElement.matches('aside.pull-quote')")
    assert "outlined" in (
        page.locator(".printed-region[aria-label^='A pull quote,']").get_attribute("class") or ""
    )
    # and a paragraph's region to the paragraph, its address in the page's
    page.locator(".printed-region[aria-label^='Paragraph 5,']").first.click()
    assert page.url.endswith("#p-when-the-meeting-broke-up-some")
    assert len(outlined(page)) == 2  # its two parts, on two pages
    assert not page.watch.problems(), page.watch.problems()[0]


def test_the_pages_come_as_they_are_shown_and_every_page_is_legible(site) -> None:
    page = site.open(PAGE)
    loaded = "[...document.querySelectorAll('.printed-page img')].filter((i) => i.complete && i.naturalWidth)"
    assert page.evaluate(f"{loaded}.length") == 0  # nothing drawn while the pages are hidden
    page.locator(".printed-toggle").click()
    page.wait_for_function(f"{loaded}.length >= 1")
    sizes = page.evaluate(f"{loaded}.map((i) => [i.width, i.naturalWidth])")
    assert sizes and all(shown == natural for shown, natural in sizes)  # at 100%: the body's type ≥ 12 px


def test_the_printed_page_by_keyboard(site) -> None:
    page = site.open(PAGE)
    page.locator(".printed-toggle").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('printed-region')")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('[data-line]') !== null"), name
    page.keyboard.press("Escape")
    assert page.locator(".printed-pages").is_hidden()


def test_on_a_phone_the_page_takes_the_lower_half_and_fits_its_width(chromium, printed_server: str) -> None:
    browser = launch(chromium, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = Site(printed_server, browser).open(PAGE)
    page.locator(".printed-toggle").click()
    show_on_printed_page(page, CONTINUED)
    box = page.locator(".printed-pages").bounding_box()
    assert box and box["width"] <= 390 and 380 <= box["y"] <= 460
    image = page.locator(".printed-page[data-page='1'] img").bounding_box()
    assert image and image["width"] <= 390
    assert len(outlined(page)) == 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "printed-page-phone.png"))
    browser.close()


def test_never_in_print(site) -> None:
    page = site.open(PAGE)
    page.locator(".printed-toggle").click()
    page.emulate_media(media="print")
    assert page.locator(".printed-pages").is_hidden() and page.locator(".printed-toggle").is_hidden()


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_no_accessibility_violation_with_the_printed_page_shown(
    chromium, printed_server: str, palette: str
) -> None:
    browser = launch(chromium, viewport={"width": 1440, "height": 900}, color_scheme=palette)
    page = Site(printed_server, browser).open(PAGE)
    page.locator(".printed-toggle").click()
    show_on_printed_page(page, CONTINUED)
    if palette == "light":
        page.screenshot(path=str(ARTIFACTS / "printed-page-desktop.png"))
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(RUN_AXE, RULES["dark" if palette == "dark" else "light"])
    assert not found, found
    browser.close()


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_editors_view_of_the_pages_has_no_accessibility_violation(
    chromium, printed_server: str, palette: str
) -> None:
    browser = launch(chromium, viewport={"width": 1280, "height": 1000}, color_scheme=palette)
    page = Site(printed_server, browser).open("proofreading/walkout-printed.html")
    regions = page.locator(".page-model .model-region")
    assert regions.count() > 20
    sheet = page.locator(".page-model .printed-sheet").first.bounding_box()
    first = regions.first.bounding_box()
    assert sheet and first and sheet["x"] <= first["x"] <= sheet["x"] + sheet["width"]  # on its page
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(RUN_AXE, RULES[palette])
    assert not found, found
    if palette == "light":
        page.evaluate("document.querySelector('h2').scrollIntoView()")
        page.wait_for_function("document.querySelector('.md-header__topic:last-child') !== null")
        page.screenshot(path=str(ARTIFACTS / "editors-view.png"), animations="disabled")
    assert not page.watch.problems(), page.watch.problems()[0]
    browser.close()


def test_a_printed_page_looked_at_once_is_there_offline_and_none_is_kept_before(
    chromium, printed_site: Path, tmp_path: Path
) -> None:
    """The pictures are not downloaded at the first visit (a thousand texts' pages would be too
    many); one the reader has looked at is kept, and shows with no connection."""
    folder = tmp_path / "published"
    shutil.copytree(printed_site, folder)
    host = Host(folder)
    browser = launch(chromium, service_workers="allow", viewport={"width": 1280, "height": 900})
    try:
        page = Site(host.base, browser).open(PAGE)
        kept = f"""async () => {{ await {READY}; const names = await caches.keys();
            const cache = await caches.open(names.find((n) => n.startsWith("cancun-reader-")));
            return (await cache.keys()).map((r) => r.url).filter((u) => u.includes("/printed/")); }}"""
        assert page.evaluate(kept) == []  # none kept at the first visit
        page.locator(".printed-toggle").click()
        page.wait_for_function("document.querySelector('.printed-page img').naturalWidth > 0")
        page.wait_for_function(f"({kept})().then((urls) => urls.length >= 1)")
        host.stop()  # the connection is gone
        page.reload()
        page.locator(".printed-toggle").click()
        page.wait_for_function("document.querySelector('.printed-page img').naturalWidth > 0")
    finally:
        browser.close()
