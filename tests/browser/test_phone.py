"""Phone first: on a 390×844 touch screen, an article's text starts on the first screen, its topics
are shown once, paragraph numbers, source links and abbreviations answer a tap; on a desktop, the
keyboard reaches abbreviations, titles are not dotted, and a line is a reading measure. In the light
and the dark palette; screenshots of each first screen are kept in artifacts/."""

from __future__ import annotations

import pytest
from browsing import ARTIFACTS, Site, launch

ARTICLES = ["cancun-walkout-pww", "citizens-diplomacy-cancun-miami", "mexico-discovers-the-wto"]


@pytest.fixture(params=["light", "dark"])
def phone(request, chromium, server: str):
    """The site on a phone: a 390×844 touch screen with no hover, in either palette."""
    browser = launch(
        chromium,
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
        color_scheme=request.param,
    )
    yield Site(server, browser), request.param
    browser.close()


@pytest.mark.parametrize("slug", ARTICLES)
def test_the_text_starts_on_the_first_screen(phone, slug: str) -> None:
    site, palette = phone
    page = site.open(f"articles/{slug}.html")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == {"light": "default", "dark": "slate"}[palette]
    first = page.locator("article p[id^='p-']").first.bounding_box()
    assert first and first["y"] + 24 < 844, f"the first paragraph starts at {first}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"first-screen-{slug}-phone-{palette}.png"))
    assert not page.watch.problems(), page.watch.problems()[0]


def test_the_topics_are_shown_once(phone) -> None:
    site, _ = phone
    page = site.open("articles/citizens-diplomacy-cancun-miami.html")
    assert not page.locator("nav.md-tags").is_visible()
    topics = page.locator("article .article-topics a")
    assert topics.count() >= 5 and topics.first.is_visible()


def test_paragraph_numbers_and_source_links_answer_a_tap(phone) -> None:
    site, _ = phone
    page = site.open("articles/cancun-walkout-pww.html")
    number = page.locator("article a.paragraph-number").nth(2)
    source = page.locator("article a.source-link").nth(2)
    for link in (number, source):
        assert link.evaluate("e => getComputedStyle(e).opacity") == "1", "no hover on a phone"
        box = link.bounding_box()
        assert box and box["height"] >= 10
    number.tap()
    page.wait_for_function("location.hash === '#p-after-iraq-the-empire-was-quickly'", timeout=5_000)


def test_a_tap_on_an_abbreviation_shows_its_long_form(phone) -> None:
    site, _ = phone
    page = site.open("articles/cancun-walkout-pww.html")
    page.locator("article p abbr", has_text="IMF").first.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().strip() == "International Monetary Fund"


def test_the_keyboard_reaches_an_abbreviation_and_its_long_form(file_site) -> None:
    page = file_site.open("articles/cancun-walkout-pww.html")
    page.locator("article a.paragraph-number").first.focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        raise AssertionError("no abbreviation is reached with Tab")
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    title = page.evaluate("document.activeElement.textContent")
    assert tooltip.inner_text().strip() and title.isupper()
    # one tab stop per abbreviation, not one per use
    stops = page.evaluate(
        "[...document.querySelectorAll('article abbr')].filter(a => a.tabIndex === 0).map(a => a.textContent)"
    )
    assert stops and len(stops) == len(set(stops))


def test_titles_are_not_dotted_and_lines_are_a_reading_measure(file_site) -> None:
    page = file_site.open("articles/mexico-discovers-the-wto.html")
    title_abbr = page.locator("article h1 abbr")
    assert title_abbr.count() == 1
    assert title_abbr.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    measure = page.evaluate(
        "() => { const p = document.querySelector('article p[id^=\"p-\"]');"
        " return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize); }"
    )
    assert 28 <= measure <= 38, f"a line is {measure:.1f} em wide"


def test_the_map_numbers_are_legible_on_a_phone(phone) -> None:
    """The members' map of G21: every number at least 11 px on a phone (the map scrolls sideways,
    and the keyboard reaches it), and no two numbers' circles overlap."""
    site, _ = phone
    page = site.open("topics/g21.html")
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.world-map .marker text')].map(text =>
            parseFloat(getComputedStyle(text).fontSize) * text.ownerSVGElement.getScreenCTM().a)"""
    )
    assert len(sizes) >= 15 and min(sizes) >= 11, sizes
    scroll = page.locator(".map-scroll")
    assert scroll.get_attribute("tabindex") == "0" and scroll.get_attribute("role") == "region"
    circles = page.evaluate(
        """() => [...document.querySelectorAll('.world-map .marker circle')].map(c => {
            const box = c.getBoundingClientRect(); return [box.x, box.y, box.width]; })"""
    )
    for i, (x1, y1, width) in enumerate(circles):
        for x2, y2, _ in circles[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= width - 0.5, "two numbers overlap"


def test_reading_comfort_is_one_button_beside_the_title_with_no_line_width(phone) -> None:
    """Text size is one "Aa" button on the title's row, not two rows above every title; its panel
    offers no line width, which on a phone's narrow lines would change nothing."""
    site, _ = phone
    page = site.open("articles/citizens-diplomacy-cancun-miami.html")
    control, title = (
        page.locator(".reading-comfort").bounding_box(),
        page.locator("article h1").bounding_box(),
    )
    assert control and title and control["height"] <= 48, control
    assert title["y"] <= control["y"] < title["y"] + title["height"], "the control takes a row of its own"
    assert page.locator(".reading-comfort button:visible").count() == 1
    page.locator(".comfort-opener").tap()
    assert page.locator(".comfort-text-size").is_visible() and page.locator(".comfort-line-width").is_hidden()
    page.locator('.comfort-panel button[data-text-size="large"]').tap()
    assert page.locator("html").get_attribute("data-text-size") == "large"
    assert not page.watch.problems(), page.watch.problems()[0]


@pytest.mark.parametrize("path", ["topics/g21.html", "timeline.html", "glossary.html"])
def test_tables_fit_a_phone_or_say_they_scroll(phone, path: str) -> None:
    """No page is wider than the phone; a table fits it, or says above it that it scrolls
    sideways inside its own box, as the G21's map does, which opens on the middle of its countries."""
    site, _ = phone
    page = site.open(path)
    page.wait_for_timeout(100)  # the theme wraps tables, then reader.js measures them
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for box in page.locator(".md-typeset__scrollwrap, .map-scroll").all():
        wide = box.evaluate("b => b.scrollWidth > b.clientWidth + 1")
        hint = box.evaluate("b => !!b.previousElementSibling?.classList.contains('scroll-hint')")
        assert wide == hint, f"a box {'scrolls with no word' if wide else 'fits but says it scrolls'}"
    if path == "topics/g21.html":
        assert page.locator(".members-map .scroll-hint").is_visible()
        seen = page.locator(".map-scroll").evaluate(
            """box => { const xs = [...box.querySelectorAll('.marker circle')]
                .map(c => c.getBoundingClientRect().x);
            const view = box.getBoundingClientRect(); const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
            return view.left <= middle && middle <= view.right; }"""
        )
        assert seen, "the map opens away from the countries it numbers"
        table = page.locator("article table").first.bounding_box()
        assert table and table["x"] + table["width"] <= 390, "the members' table runs past the screen"
    assert not page.watch.problems(), page.watch.problems()[0]
