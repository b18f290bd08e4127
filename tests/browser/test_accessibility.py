"""axe-core finds no violation where a reader changes what a page shows: the changes shown, every
collapsed box open, the largest text on the narrowest lines, in both palettes (every page as it
opens is checked by `test_pages.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import RULES, RUN_AXE


def violations(http_site, palette: str, addresses: list[str], axe_script: str, opened: bool = False) -> str:
    """What axe-core finds on each page, in the palette asked for; with `opened`, every collapsed
    box open, so what it holds is checked too."""
    page = http_site.open("index.html")
    if palette == "dark":
        page.locator('label[title="Switch to dark mode"]').click()
    found = []
    for address in addresses:
        page.goto(http_site.base + address)
        scheme = page.locator("body").get_attribute("data-md-color-scheme")
        assert scheme == ("slate" if palette == "dark" else "default")
        if opened:
            page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        page.add_script_tag(content=axe_script)
        found += [f"{address}: {v}" for v in page.evaluate(RUN_AXE, RULES[palette])]
    return "\n".join(found)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_no_accessibility_violation_with_the_changes_shown(
    http_site, built_site: Path, axe_script: str, palette: str
) -> None:
    articles = sorted(f"articles/{p.name}?changes=show" for p in (built_site / "articles").glob("*.html"))
    assert not (found := violations(http_site, palette, articles, axe_script, opened=True)), found


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_no_accessibility_violation_in_large_text_on_narrow_lines(
    http_site, built_site: Path, axe_script: str, palette: str
) -> None:
    """The reading-comfort choices change nothing axe checks: the largest text on the narrowest
    lines, the controls themselves included, in both palettes."""
    page = http_site.open("index.html")
    page.locator(".reading-comfort .comfort-opener").click()
    page.locator('.reading-comfort button[data-text-size="large"]').click()
    page.locator('.reading-comfort button[data-line-width="narrow"]').click()
    pages = ["index.html", "articles/cancun-walkout-pww.html", "topics/g21.html"]
    assert not (found := violations(http_site, palette, pages, axe_script)), found
