"""Every page loads, from disk and over HTTP, with no console error, no failed request and no
request to any address outside the site."""

from __future__ import annotations

from pathlib import Path

from browsing import nav_pages


def test_every_page_loads_cleanly(site, built_site: Path) -> None:
    """Each page in turn in one tab, as a reader goes from page to page, all of it loaded (the
    network idle) before the next."""
    pages = nav_pages(built_site)
    assert len(pages) >= 15
    page = site.open(pages[0])
    for path in pages:
        page.goto(site.base + path)
        page.wait_for_load_state("networkidle")
        problems = page.watch.problems()
        assert not problems, f"{path}: {problems[0]}"


def test_a_remote_image_is_caught(site, built_site: Path, tmp_path: Path) -> None:
    """The guard itself: a page that loads an image from elsewhere is reported, not let through."""
    page = site.open("index.html")
    page.evaluate("""() => { const img = new Image(); img.src = "https://example.org/x.png";
                            document.body.append(img); }""")
    page.wait_for_timeout(300)
    assert page.watch.outside == ["https://example.org/x.png"]
