"""Every page, in one pass per way of opening the site: it loads with no console error, no failed
request and no request outside the site; it does not scroll sideways; axe-core finds no violation.
The two passes between them cover both ways (from disk and over HTTP), both palettes and both
widths (a desktop's and a phone's), each page loaded once a pass, as a reader goes from page to
page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browsing import RULES, RUN_AXE, WIDTHS, Site, nav_pages, settle

PASSES = {"http": ("light", "desktop"), "file": ("dark", "phone")}
"""Each way of opening the site, with the palette and the width its pass reads every page in. axe's
full set of rules (the light palette's) reads the stylesheets as data, which a page opened from disk
may not (its origin is none): that pass goes over HTTP."""


def read_every_page(
    site, pages: list[str], palette: str, device: str, axe_script: str
) -> dict[str, list[str]]:
    """What is wrong on each page, read in turn in one tab (every request it made answered before
    the next), by kind: problems loading it, overflow to the side, axe's violations."""
    page = site.open(pages[0])
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[device], strict=True)))
    if palette == "dark":
        page.locator('label[title="Switch to dark mode"]').click()
    found: dict[str, list[str]] = {"loading": [], "overflow": [], "axe": []}
    for path in pages:
        page.goto(site.base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            found["overflow"].append(f"{path}: {overflow}px too wide")
        scheme = page.locator("body").get_attribute("data-md-color-scheme")
        assert scheme == ("slate" if palette == "dark" else "default"), f"{path}: the palette was lost"
        page.add_script_tag(content=axe_script)
        found["axe"] += [f"{path}: {v}" for v in page.evaluate(RUN_AXE, RULES[palette])]
        settle(page)  # every request the page made answered, before the next page
        found["loading"] += [f"{path}: {p}" for p in page.watch.take()]
    return found


@pytest.mark.parametrize("way", PASSES)
def test_every_page_loads_cleanly_fits_its_width_and_has_no_accessibility_violation(
    request, built_site: Path, axe_script: str, way: str
) -> None:
    pages = nav_pages(built_site)
    assert len(pages) >= 15
    site = request.getfixturevalue(f"{way}_site")
    found = read_every_page(site, pages, *PASSES[way], axe_script)
    assert not found["loading"], found["loading"][0]
    assert not found["overflow"], found["overflow"]
    assert not found["axe"], "\n".join(found["axe"])


def test_a_remote_image_is_caught(site, built_site: Path, tmp_path: Path) -> None:
    """The guard itself: a page that loads an image from elsewhere is reported, not let through."""
    page = site.open("index.html")
    page.evaluate("""() => { const img = new Image(); img.src = "https://example.org/x.png";
                            document.body.append(img); }""")
    page.wait_for_timeout(300)
    assert page.watch.outside == ["https://example.org/x.png"]


def test_the_pass_reports_a_file_missing_from_a_page(
    context, built_site: Path, axe_script: str, tmp_path
) -> None:
    """The pass's own guard: a picture missing from the site, asked for as the page loads, is
    reported with its page, though the pass goes on as soon as every request is answered."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    index = copy / "index.html"
    index.write_text(
        index.read_text("utf-8").replace("</body>", '<img src="missing.png" alt=""></body>'), "utf-8"
    )
    found = read_every_page(Site(copy.as_uri() + "/", context), ["index.html"], *PASSES["file"], axe_script)
    assert found["loading"], "the missing picture is reported"
    assert all("missing.png" in p or "FILE_NOT_FOUND" in p for p in found["loading"]), found
