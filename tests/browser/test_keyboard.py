"""A reader with a keyboard only: the skip link first, a sensible tab order, search within reach,
and the focus always visible."""

from __future__ import annotations

import re

from browsing import search
from playwright.sync_api import expect

FOCUS_STYLE = """() => {
  const e = document.activeElement;
  // Material draws the focus of a hidden radio button (the palette toggle) on the label after it.
  const shown = e.matches('input.md-option') ? e.nextElementSibling : e;
  const s = getComputedStyle(shown);
  return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          cls: e.className, inArticle: e.closest('article') !== null,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
          shadow: s.boxShadow !== 'none', underline: s.textDecorationLine.includes('underline')};
}"""


def test_the_first_tab_reaches_the_skip_link_which_skips_to_the_text(site) -> None:
    page = site.open("articles/cancun-walkout-pww.html")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUS_STYLE)
    assert "md-skip" in focused["cls"] and focused["text"] == "Skip to content"
    assert page.locator("a.md-skip").is_visible()
    page.keyboard.press("Enter")
    # `page.url` learns of a move within the page from an event that may come after `press`
    # returns (it failed so once in eight runs): `expect` waits for it
    expect(page).to_have_url(re.compile(r"#after-cancun-the-developing-countries-hold-their-ground$"))


def test_tab_order_runs_header_then_navigation_then_text_with_focus_visible(site) -> None:
    page = site.open("articles/cancun-walkout-pww.html")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_STYLE)
        assert focused["outline"] or focused["shadow"] or focused["underline"], (
            f"focus not visible on {focused}"
        )
        seen.append(focused)
    texts = [f["text"] for f in seen]
    assert texts.index("Skip to content") < texts.index("Articles") < texts.index("About")
    links_in_text = [i for i, f in enumerate(seen) if f["tag"] == "A" and f["inArticle"]]
    assert links_in_text and links_in_text[0] > texts.index("About"), (
        "the article's own links come after the menus"
    )


def test_search_is_reachable_from_the_keyboard(site) -> None:
    page = site.open("index.html")
    page.keyboard.press("/")  # Material's shortcut, announced in the search field
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    search(page, "Seattle", focused=True)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
