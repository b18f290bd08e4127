"""Screenshots of the main kinds of page, on a phone and on a desktop, kept in artifacts/ (git-ignored)
for a person to look at (that no page scrolls sideways is checked by `test_pages.py`)."""

from __future__ import annotations

import pytest
from browsing import ARTIFACTS, WIDTHS

SHOTS = {
    "home": "index.html",
    "article": "articles/citizens-diplomacy-cancun-miami.html",
    "topic": "topics/g21.html",
}


@pytest.mark.parametrize("device", WIDTHS)
def test_screenshots_of_home_article_and_topic(http_site, device: str) -> None:
    width, height = WIDTHS[device]
    ARTIFACTS.mkdir(exist_ok=True)
    page = http_site.open("index.html")
    page.set_viewport_size({"width": width, "height": height})
    for name, path in SHOTS.items():
        page.goto(http_site.base + path)
        shot = ARTIFACTS / f"{name}-{device}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000


def test_a_screenshot_of_the_g21_map(http_site) -> None:
    page = http_site.open("topics/g21.html")
    ARTIFACTS.mkdir(exist_ok=True)
    figure = page.locator("figure.members-map")
    shot = ARTIFACTS / "g21-map.png"
    figure.screenshot(path=str(shot))
    box = figure.bounding_box()
    assert box and box["width"] > 500 and shot.stat().st_size > 20_000
