"""The long article as a reader gets it in the built site: one continuous text, with its pull
quotes, sidebars, headings and notes in their places (tests/cases/long_article.yml)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from project import CASES

EXPECTED = yaml.safe_load((CASES / "long_article.yml").read_text(encoding="utf-8"))
TAG = re.compile(r"<[^>]+>")


CHANGE_MARKS = re.compile(r"<(a|del|span)\b[^>]*data-search-exclude[^>]*>.*?</\1>", re.DOTALL)
"""The marks of the changes, hidden until the reader asks for them."""


def text_of(fragment: str) -> str:
    """The words of some HTML as a reader sees them, without the paragraphs' permalinks and the
    hidden marks of the changes."""
    fragment = CHANGE_MARKS.sub("", fragment)
    return (
        re.sub(r"\s+", " ", html.unescape(TAG.sub("", fragment))).replace(" ¶", "").replace(" ↩", "").strip()
    )


@pytest.fixture(scope="module")
def page(built_site: Path) -> str:
    return (built_site / "articles" / "citizens-diplomacy-cancun-miami.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def paragraphs(page: str) -> list[str]:
    article = page[page.index('<article class="md-content__inner') : page.index("</article>")]
    return [text_of(p) for p in re.findall(r"<p\b[^>]*>(.*?)</p>", article, re.DOTALL)]


@pytest.mark.parametrize("joined", EXPECTED["joins"])
def test_each_cut_comes_out_joined_inside_one_paragraph(paragraphs: list[str], joined: str) -> None:
    assert any(joined in p for p in paragraphs), joined


def test_no_stray_fragment_remains(paragraphs: list[str]) -> None:
    assert not [p for p in paragraphs if re.match(r"(prise|tion|ment|try|ket)\b", p)]
    assert sum(p.count("surprise") for p in paragraphs) == 1


def test_pull_quotes_are_set_apart(page: str, paragraphs: list[str]) -> None:
    quotes = [text_of(q) for q in re.findall(r'<aside class="pull-quote">(.*?)</aside>', page, re.DOTALL)]
    assert len(quotes) == EXPECTED["pull_quotes"]
    body = [p for p in paragraphs if len(p) > 300]
    for quote in quotes:
        assert not any(quote in p for p in body), f"pull quote glued into the text: {quote}"


def test_sidebars_are_boxes_with_real_lists_and_a_table(page: str) -> None:
    boxes = re.findall(r'<aside class="sidebar">(.*?)</aside>', page, re.DOTALL)
    assert len(boxes) == len(EXPECTED["sidebars"])
    for box, expected in zip(boxes, EXPECTED["sidebars"], strict=True):
        assert text_of(re.search(r'<p class="sidebar-title">(.*?)</p>', box)[1]) == expected["title"]
        assert f"<{expected['has']}>" in box
    assert box.count("<tr>") == 12 and re.search(r'<th scope="row">TOTAL</th>\s*<td>961</td>', box)


def test_headings_are_headings_in_title_case(page: str) -> None:
    text = re.sub(
        r'<div class="changes">.*?</details>', "", page, flags=re.DOTALL
    )  # the list of changes aside
    headings = [text_of(h).rstrip("¶").strip() for h in re.findall(r"<h2\b[^>]*>(.*?)</h2>", text, re.DOTALL)]
    assert headings == EXPECTED["headings"]


def test_footnotes_are_linked_both_ways(page: str) -> None:
    references = re.findall(r'<a class="footnote-ref" href="#(fn:\d+)"', page)
    back = re.findall(r'<a class="footnote-backref" href="#(fnref:\d+)"', page)
    assert len(references) == len(back) == EXPECTED["footnotes"]
    for target in references + back:
        assert f'id="{target}"' in page


def test_the_leaders_words_are_a_block_quotation(page: str) -> None:
    quotation = text_of(re.search(r"<blockquote>(.*?)</blockquote>", page, re.DOTALL)[1])
    assert quotation.startswith("On the 14th the summit collapsed")
    assert quotation.endswith("And this has to be taken into account for future struggles.1")


def test_the_list_of_changes_counts_the_repairs(page: str) -> None:
    changes = text_of(re.search(r'<div class="changes">(.*?)</details>', page, re.DOTALL)[1])
    for what, count in (
        ("word broken at a line end made whole", 7),
        ("paragraph cut by the layout joined to its continuation", 20),
        ("pull quote (a sentence the layout repeated large) set apart", 4),
        ("box set apart from the text it interrupted", 3),
        ("note linked to its marker", 2),
        ("editorial correction", 6),
    ):
        assert changes.count(what) == count, what
