"""What a reader does, in a real browser, offline: search, follow a quotation to its paragraph,
point at an abbreviation, switch to the dark palette and come back to find it kept."""

from __future__ import annotations

import datetime
import re
import urllib.parse

import pytest
from browsing import Site, search
from playwright.sync_api import expect
from project import build_site

SEARCHES = {
    "Lee Kyoung Hae": "mexico-discovers-the-wto",
    "Singapore": "cancun-walkout-pww",
    "campesinos": "mexico-discovers-the-wto",
}


@pytest.mark.parametrize("query", SEARCHES)
def test_search_works_offline_and_lands_on_the_passage(site, query: str) -> None:
    page = site.open("index.html")
    results = search(page, query)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    expected = SEARCHES[query]
    assert any(f"articles/{expected}.html" in href for href in hrefs), hrefs
    first = next(i for i, href in enumerate(hrefs) if f"articles/{expected}.html" in href)
    results.nth(first).click()
    page.wait_for_url(f"**/articles/{expected}.html*")
    page.wait_for_selector("mark[data-md-highlight]", timeout=10_000)  # highlighting runs after load
    marks = page.locator("mark[data-md-highlight]")
    assert marks.count() >= 1, "the passage is highlighted"
    word = query.split()[0].lower()
    assert any(word in marks.nth(i).inner_text().lower() for i in range(marks.count()))
    page.wait_for_function(
        "() => { const r = document.querySelector('article mark[data-md-highlight]')"
        ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }",
        timeout=5_000,
    )  # the first word found is in view: the reader lands on its paragraph
    assert not page.watch.problems(), page.watch.problems()[0]


@pytest.mark.parametrize(("query", "article"), [("Zoellick", "citizens-diplomacy-cancun-miami")])
def test_search_ranks_the_article_above_the_pages_that_quote_it(site, query: str, article: str) -> None:
    """The timeline and the topic pages quote the sentence too; the article comes first."""
    page = site.open("index.html")
    results = search(page, query)
    first = results.first.get_attribute("href")
    assert f"articles/{article}.html" in first, first
    snippet = page.locator(".md-search-result__item").first.inner_text()
    assert "¶" not in snippet and "Topics:" not in snippet, snippet  # no permalink, topics not twice


def test_search_results_show_the_text_once_and_each_title_lands_on_the_words(http_site) -> None:
    """A result's snippet is the text's own words (not the editors' notes, the byline, or a chart's
    labels run together), a page's topics are shown once (not under each of its sections), and its
    title, like its sections, lands on the first word found."""
    page = http_site.open("index.html")
    search(page, "Cancún")
    items = page.locator(".md-search-result__item")
    texts = [items.nth(i).inner_text() for i in range(items.count())]
    for text in texts:
        assert not re.search(r"Editorial title|Author unknown|Transcriber's note|\d{8}", text), text
    for i in range(items.count()):
        tags = [t.inner_text() for t in items.nth(i).locator(".md-tag").all()]
        assert len(tags) == len(set(tags)), f"tags repeated in one result: {tags}"
    page.locator("input.md-search__input").fill("")
    title = search(page, "Zoellick").first  # in one section of the article: its title matches nothing
    assert "articles/citizens-diplomacy-cancun-miami.html" in title.get_attribute("href")
    title.click()
    page.wait_for_url("**/articles/citizens-diplomacy-cancun-miami.html?h=Zoellick*")
    page.wait_for_function(
        "() => { const m = document.querySelector('article mark[data-md-highlight]');"
        " if (!m) return false; const r = m.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }",
        timeout=5_000,
    )
    assert not page.watch.problems(), page.watch.problems()[0]


@pytest.mark.parametrize("query", ["Singapore issues", "Lee Kyung Hae"])
def test_an_article_found_shows_a_passage_with_the_words_searched(http_site, query: str) -> None:
    """Each article found shows a passage that holds every word searched (a name in another
    spelling its topic knows counts: `Also spelt`), not the text's opening found by its topics; no
    word is said to be missing; its topics are one line; no back-link arrow is indexed."""
    page = http_site.open("index.html")
    search(page, query)
    items = page.locator(".md-search-result__item")
    articles = 0
    for i in range(items.count()):
        item = items.nth(i)
        if "/articles/" not in item.locator("a").first.get_attribute("href"):
            continue
        articles += 1
        assert "↩" not in item.inner_text(), item.inner_text()
        passage = item.evaluate(
            "el => { const c = el.cloneNode(true); c.querySelectorAll('.md-tags, details, h1')"
            ".forEach(n => n.remove()); return c.textContent.toLowerCase(); }"
        )
        assert all(word in passage for word in query.lower().split()), passage
        assert "Missing" not in item.inner_text(), item.inner_text()
        for tags in item.locator(".md-tags").all():
            assert tags.bounding_box()["height"] < 24, "a result's topics take more than a line"
    assert articles >= 2, f"{articles} articles found for {query}"


def test_search_finds_a_topic_by_another_spelling_of_its_name(http_site) -> None:
    page = http_site.open("index.html")
    results = search(page, "Kyung")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("topics/via-campesina-and-lee-kyoung-hae.html" in href for href in hrefs), hrefs


def test_a_quotation_leads_to_its_paragraph_in_view(site) -> None:
    page = site.open("topics/g21.html")
    link = page.locator("article li a[href*='/articles/']", has_text="¶").nth(3)
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**#{target}")
    paragraph = page.locator(f"#{target}")
    box = paragraph.bounding_box()
    height = page.evaluate("window.innerHeight")
    assert box and 0 <= box["y"] < height, f"paragraph {target} is not scrolled into view: {box}"
    assert "G21" in paragraph.inner_text() or "Group of 21" in paragraph.inner_text()


def test_an_abbreviation_shows_its_long_form_on_hover(site) -> None:
    page = site.open("articles/cancun-walkout-pww.html")
    abbreviation = page.locator("article abbr", has_text="IMF").first
    abbreviation.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().strip() == "International Monetary Fund"


def test_the_dark_palette_is_kept_across_pages(site) -> None:
    page = site.open("index.html")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator('label[title="Switch to dark mode"]').click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(page.url.replace("index.html", "about.html"))
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_cite_this_gives_no_address_while_unpublished_and_todays_date_of_access(site) -> None:
    """Read from disk or from `make serve`, an unpublished copy's citation gives no address (neither
    a placeholder nor the local one) and says why; MLA gives the reader's date of access, in its
    form; each form has a button that copies it."""
    before = datetime.date.today()
    page = site.open("articles/citizens-diplomacy-cancun-miami.html#p-a-paradigmatic-example-is-the-case")
    forms = page.locator(".cite-this .citation")
    assert forms.count() == 3
    assert "not been published at a web address" in page.locator(".cite-this .unpublished").inner_text()
    days = {before, datetime.date.today()}  # two, if midnight passed while the page loaded
    chicago, apa, mla = (forms.nth(i).inner_text() for i in range(3))
    for form in (chicago, apa, mla):
        assert "http" not in form and "example" not in form and "file:" not in form, form
    assert any(re.search(rf"Accessed {day.day} \w+\.? {day.year}\.", mla) for day in days), mla
    assert page.locator(".cite-this .copy-citation").count() == 3
    assert not page.watch.problems(), page.watch.problems()[0]


def test_a_paragraph_number_offers_its_citation_in_three_styles_and_copies_it(site) -> None:
    """The teacher's path: the number after a paragraph (¶3) opens how to cite that paragraph (a
    short note, the in-text forms, the article's reference), and a button copies each, from disk
    too; a second click closes it."""
    page = site.open("articles/cancun-walkout-pww.html")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    number = page.locator("article p a.paragraph-number").nth(2)
    assert number.inner_text() == "¶3"
    number.click()
    panel = page.locator(".cite-paragraph")
    assert panel.count() == 1 and "How to cite paragraph 3" in panel.inner_text()
    assert "not been published at a web address" in panel.locator(".unpublished").inner_text()
    forms = [t.strip() for t in panel.locator("p.citation").all_inner_texts()]
    assert forms[0].startswith("Delos, “[After Cancún…],” para. 3.")
    assert "(Delos, 2003, para. 3)" in forms[2] and "(Delos, par. 3)" in forms[4]
    assert "People’s Weekly World" in forms[1], forms  # the article's own reference
    panel.locator(".copy-citation").nth(2).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "(Delos, 2003, para. 3)", copied
    assert page.url.endswith("#" + number.get_attribute("href").split("#")[1])
    number.click()
    assert page.locator(".cite-paragraph").count() == 0
    assert not page.watch.problems(), page.watch.problems()[0]


def test_the_bibliography_cites_every_article_in_three_styles(site) -> None:
    page = site.open("bibliography.html")
    for style in ("Chicago", "APA", "MLA"):
        listed = page.locator(f"h2:has-text('{style}') + ul.bibliography li.citation")
        assert listed.count() == 3, style
    assert page.locator("a[href$='cite/collection.ris']").count() == 1
    assert not page.watch.problems(), page.watch.problems()[0]


def test_a_change_and_its_line_as_received_lead_to_each_other(site) -> None:
    page = site.open("received/citizens-diplomacy-cancun-miami.html")
    link = page.locator("a.line-change").nth(5)
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/articles/citizens-diplomacy-cancun-miami.html#{target}")
    entry = page.locator(f"li:has(> #{target})")
    entry.wait_for(state="visible", timeout=5_000)  # the collapsed list opens on the way in
    height = page.evaluate("window.innerHeight")
    box = entry.bounding_box()
    assert box and 0 <= box["y"] < height, f"{target} is not scrolled into view: {box}"
    back = entry.locator("a", has_text="line ")
    line = back.get_attribute("href").split("#")[1]
    back.click()
    page.wait_for_url(f"**/received/citizens-diplomacy-cancun-miami.html#{line}")
    row = page.locator(f"#{line}")
    box = row.bounding_box()
    assert box and 0 <= box["y"] < height, f"line {line} is not scrolled into view: {box}"
    assert f"change-{target.split('-')[1]}" in row.inner_html()
    assert not page.watch.problems(), page.watch.problems()[0]


def visible_marks(page) -> int:
    return page.evaluate(
        """() => [...document.querySelectorAll('article .change-mark')]
            .filter((mark) => mark.offsetParent !== null).length"""
    )


def test_the_changes_are_shown_in_place_and_hidden_again(site) -> None:
    page = site.open("articles/citizens-diplomacy-cancun-miami.html")
    changes = page.locator("article li:has(> span[id^='change-'])").count()
    assert changes == 57 and visible_marks(page) == 0, "hidden until the reader asks"
    toggle = page.locator("a.changes-toggle")
    toggle.click()
    assert visible_marks(page) == changes, "one mark per recorded change"
    expect(page).to_have_url(re.compile(r"changes=show"))  # the address is changed in place: wait for it
    assert toggle.get_attribute("aria-pressed") == "true"
    assert toggle.inner_text() == "Hide the changes in the text"
    topic = page.locator("article a[href*='topics/g21.html']").first
    assert "changes=show" in topic.get_attribute("href"), "the choice goes with the reader to other pages"
    toggle.click()
    assert visible_marks(page) == 0
    expect(page).not_to_have_url(re.compile(r"changes=show"))
    assert not page.watch.problems(), page.watch.problems()[0]


def test_shown_changes_come_with_a_legend_and_list_them_opens_the_list(site) -> None:
    """A reader who shows the changes is told what the marks mean; *List them* opens the folded
    list at its top; a mark is called what it shows (its kind, at a paragraph's start), and says in
    plain words, to the eye and to a screen reader, what was done."""
    page = site.open("articles/citizens-diplomacy-cancun-miami.html")
    legend = page.locator(".changes-legend")
    assert not legend.is_visible()
    page.locator("a.changes-toggle").click()
    assert legend.is_visible() and "underlined twice: a word made whole" in legend.inner_text()
    mark = page.locator("a.change-mark").first  # named by what it shows, described by its label
    name = mark.evaluate("m => m.getAttribute('aria-label') || m.textContent")
    assert name == mark.inner_text() or name == mark.get_attribute("title"), name
    assert mark.get_attribute("title").startswith("Change 1: ")
    list_them = page.locator(".transcribers-note a[href='#changes']")
    assert page.locator(".changes details").get_attribute("open") is None
    list_them.click()
    expect(page.locator(".changes details")).to_have_attribute("open", "")
    assert page.locator("li:has(> #change-1)").is_visible()
    assert not page.watch.problems(), page.watch.problems()[0]


def test_a_shown_change_says_what_it_is_and_where_a_quote_stood_leads_to_it(site) -> None:
    """With the changes shown, a mark at a paragraph's start says its kind at a glance (not a bare
    ✎14); the note where a pull quote stood in print leads to the quote; the list of changes speaks
    to a reader, naming no file of the project."""
    page = site.open("articles/citizens-diplomacy-cancun-miami.html?changes=show")
    joined = page.locator("article p > a.change-mark", has_text="paragraph rejoined").first
    assert joined.is_visible() and re.fullmatch(r"✎\d+ paragraph rejoined", joined.inner_text().strip())
    note = page.locator(".change-origin", has_text="the pull quote").first
    note.locator("a").click()
    target = page.url.split("#")[1]
    quote = page.locator(f"#{target}")
    assert quote.evaluate("m => m.closest('aside.pull-quote') !== null"), "the note leads to the quote"
    box = quote.bounding_box()
    assert box and 0 <= box["y"] < page.evaluate("window.innerHeight")
    assert "corrections file" not in page.locator("article .changes").text_content()
    assert not page.watch.problems(), page.watch.problems()[0]


def test_the_address_keeps_the_changes_shown_and_print_follows_it(site) -> None:
    page = site.open("articles/citizens-diplomacy-cancun-miami.html?changes=show")
    assert visible_marks(page) == 57
    page.emulate_media(media="print")
    assert page.locator(".changes").is_visible(), "the list of changes prints with the marks"
    assert visible_marks(page) == 57
    # readable in black and white: told apart by lines and text, not by colour
    styles = page.evaluate(
        """() => ({
            mark: getComputedStyle(document.querySelector('.change-mark')).borderStyle,
            made: getComputedStyle(document.querySelector('ins.change')).textDecorationStyle,
            removed: getComputedStyle(document.querySelector('del.change-removed')).textDecorationLine,
        })"""
    )
    assert styles == {"mark": "solid", "made": "double", "removed": "line-through"}, styles
    page.goto(page.url.replace("?changes=show", ""))
    page.emulate_media(media="print")
    assert not page.locator(".changes").is_visible() and visible_marks(page) == 0


def test_the_text_size_and_line_width_are_chosen_and_remembered(site) -> None:
    """Reading comfort, from disk too: one "Aa" button opens three text sizes and three line
    widths, Escape closes them; the choice holds on the next page and after a reload."""
    page = site.open("articles/cancun-walkout-pww.html")
    paragraph = page.locator("article p").nth(3)
    usual_size = paragraph.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    usual_width = paragraph.evaluate("p => p.getBoundingClientRect().width")
    opener = page.get_by_role("button", name="Reading comfort: text size and line width")
    assert opener.get_attribute("aria-expanded") == "false"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    page.locator('.reading-comfort button[data-line-width="narrow"]').click()
    assert paragraph.evaluate("p => p.getBoundingClientRect().width") < usual_width
    page.locator('.reading-comfort button[data-text-size="large"]').click()
    assert paragraph.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") > usual_size
    pressed = page.locator('.reading-comfort button[aria-pressed="true"]').all_inner_texts()
    assert pressed == ["large", "narrow"]
    page.keyboard.press("Escape")  # the panel closes, and the button that opened it has the focus
    assert page.locator("#comfort-panel").is_hidden() and opener.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('comfort-opener')")
    other = site.open("topics/g21.html")
    assert other.locator("html").get_attribute("data-text-size") == "large"
    assert other.locator("html").get_attribute("data-line-width") == "narrow"
    other.reload()
    assert other.locator("html").get_attribute("data-text-size") == "large"
    assert not page.watch.problems(), page.watch.problems()[0]


def test_a_reader_reports_an_error_in_a_text_or_a_paragraph_where_the_site_says(project, context) -> None:
    """With `report_errors_to` set, each text's page offers a link to report an error, and so does
    each paragraph's citation panel, carrying the text's title and the paragraph; a site that sets
    none (the built site of the other tests) offers no link anywhere."""
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - cancun_reader:",
            "  - cancun_reader:\n      report_errors_to: mailto:editors@reader.invalid",
            1,
        ),
        encoding="utf-8",
    )
    assert build_site(project, project / "site").returncode == 0
    page = Site((project / "site").as_uri() + "/", context).open("articles/cancun-walkout-pww.html")
    text = page.locator(".cite-this a.report-error")
    assert text.inner_text() == "Report an error in this text"
    href = urllib.parse.unquote(text.get_attribute("href"))
    assert href.startswith("mailto:editors@reader.invalid?subject=Error in “") and "After Cancún" in href
    page.locator("article p a.paragraph-number").nth(2).click()
    paragraph = page.locator(".cite-paragraph a.report-error")
    assert paragraph.inner_text() == "Report an error in this paragraph"
    assert ", paragraph 3&body=" in urllib.parse.unquote(paragraph.get_attribute("href"))
    assert not page.watch.problems(), page.watch.problems()[0]


def test_no_report_link_where_the_site_gives_no_address(site) -> None:
    page = site.open("articles/cancun-walkout-pww.html")
    page.locator("article p a.paragraph-number").nth(2).click()
    assert page.locator(".cite-paragraph").count() == 1
    assert page.locator("a.report-error").count() == 0
