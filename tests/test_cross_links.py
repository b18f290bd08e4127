"""Cross-links in the built site: paragraph permalinks, topic tags and links from the first mention
in each section, the home page's cards and events, the chart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project import ROOT

from cancun_reader.build.pipeline import convert, read_collection

ARTICLES = ["cancun-walkout-pww", "citizens-diplomacy-cancun-miami", "mexico-discovers-the-wto"]


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", ARTICLES)
def test_every_paragraph_has_its_number_as_a_permalink_to_itself(built_site: Path, slug: str) -> None:
    """The numbers that citations give (`Delos, ¶9`) are on the page, in order, with no gap."""
    page = read(built_site, f"articles/{slug}.html")
    paragraphs = re.findall(r'<p id="(p-[a-z0-9-]+)">(.*?)</p>', page, re.DOTALL)
    assert len(paragraphs) >= 5
    for number, (anchor, content) in enumerate(paragraphs, start=1):
        assert (
            f'<a class="paragraph-link paragraph-number" href="#{anchor}" '
            f'title="Link to paragraph {number}" data-search-exclude>¶{number}</a>'
        ) in content
        assert re.search(
            rf'<a [^>]*class="paragraph-link source-link" data-search-exclude="" '
            rf'href="../received/{slug}.html#L\d+"',
            content,
        )  # the arrow to the line as received, left out of search


@pytest.mark.parametrize("slug", ARTICLES)
def test_articles_carry_their_topics_as_tags(built_site: Path, slug: str) -> None:
    page = read(built_site, f"articles/{slug}.html")
    tags = re.findall(r'<a href="[^"]*topics/index\.html#(tag:[^"]+)" class="md-tag">([^<]+)</a>', page)
    assert tags, "no tags"
    listing = read(built_site, "topics/index.html")
    for anchor, name in tags:
        assert f'id="{anchor}"' in listing, name
    # shown once: as links to the topics' pages, the tags themselves hidden
    assert '<nav class="md-tags" aria-label="Topics of this page" hidden>' in page
    line = re.search(r'<p class="article-topics" data-search-exclude="">Topics: (.*?)</p>', page)
    assert line and all(f"{name} ·" in re.sub(r"<[^>]+>", "", line[1]) + " ·" for _, name in tags)


def test_first_mention_of_a_topic_in_each_section_links_to_it() -> None:
    pages = convert(ROOT / "sources", ROOT / "topics").pages
    page = pages["articles/citizens-diplomacy-cancun-miami.md"]
    sections = re.split(r"\n## ", page)
    linked_somewhere = set()
    for section in sections:
        links = re.findall(r"\]\(\.\./topics/([a-z0-9-]+)\.md\)", section)
        assert len(links) == len(set(links)), f"a topic linked twice in one section: {links}"
        linked_somewhere |= set(links)
    assert {"g21", "ftaa", "singapore-issues"} <= linked_somewhere
    # the FTAA is linked again in a later section, at its first mention there
    assert sum("](../topics/ftaa.md)" in s for s in sections) >= 2


def test_home_has_a_card_for_every_article_and_topic_and_the_main_events(built_site: Path) -> None:
    page = read(built_site, "index.html")
    collection = read_collection(ROOT / "sources", ROOT / "topics")
    for article in collection.articles:
        assert f'href="articles/{article.slug}.html"' in page
    for topic in collection.topics:
        assert f'href="topics/{topic.slug}.html"' in page
    events = page[page.index('id="main-events"') :]
    for date in ("December 1996", "9–13 November 2001", "10–14 September 2003", "19–21 November [2003]"):
        assert f"<strong>{date}</strong>" in events


def test_the_participation_table_has_its_chart_beside_it(built_site: Path) -> None:
    page = read(built_site, "articles/citizens-diplomacy-cancun-miami.html")
    block = page[page.index('<div class="table-and-chart">') :]
    block = block[: block.index("</figure>")]
    assert "<table>" in block and '<svg class="bar-chart" role="img"' in block
    assert block.count('<rect class="bar"') == 5  # the continents; the countries are inside America
    description = re.search(r"<desc[^>]*>(.*?)</desc>", block)[1]
    for number in ("63", "407", "41", "331", "19"):
        assert number in description
    assert "<script" not in block
