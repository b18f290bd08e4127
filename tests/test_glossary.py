"""The glossary: abbreviations spelled out by the texts (tests/cases/glossary/*.yml), the editors'
list, and a tooltip on every page where one is used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project import ROOT, load_cases

from cancun_reader.collection.glossary import abbreviations_in, load_glossary
from cancun_reader.core.errors import InputError
from cancun_reader.core.model import Article, Entry, Paragraph, Source


def article_of(text: str) -> Article:
    entry = Entry(file="x.txt", slug="x", title="X")
    return Article(Source("sources/x.txt", text, entry), (Paragraph(text, 1),))


@pytest.mark.parametrize("case", load_cases("glossary"))
def test_abbreviations_spelled_out_by_a_text(case: dict) -> None:
    found = [{"short": a.short, "long": a.long} for a in abbreviations_in(article_of(case["text"]))]
    assert found == case["found"]


def test_the_editors_list_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "abbreviations.yml"
    path.write_text("IMF: International Monetary Fund\nnot one: Something\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(path)
    assert caught.value.line == 2 and "'not one' is not an abbreviation" in caught.value.message


def test_every_abbreviation_on_every_page_has_its_tooltip(built_site: Path) -> None:
    """Wherever WTO, FTAA or RMALC stands as a word in a page's text, it is an <abbr> with a title."""
    expected = {"WTO": "World Trade Organization", "FTAA": "Free Trade Area of the Americas"}
    expected["RMALC"] = "Mexican Action Network on Free Trade"
    checked = 0
    for page in sorted(built_site.rglob("*.html")):
        if page.parent.name == "received":
            continue  # the text as received is shown exactly as it is, with nothing added
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        # a citation (an article's, the bibliography's) is text to copy, as a reference manager
        # would write it: no tooltips there
        article = re.sub(
            r'<div class="cite-this".*?</div>|<ul class="bibliography">.*?</ul>', "", article, flags=re.DOTALL
        )
        body = re.sub(r"<(abbr|a|code|title|h[1-6])\b.*?</\1>|<[^>]+>", " ", article, flags=re.DOTALL)
        for short, long in expected.items():
            if re.search(rf"(?<![\w-]){short}(?![\w-])", body):
                raise AssertionError(f"{page.relative_to(built_site)}: {short} without its tooltip")
            if f'<abbr title="{long}">{short}</abbr>' in article:
                checked += 1
    assert checked >= 10


def test_the_glossary_page_lists_what_each_abbreviation_stands_for(built_site: Path) -> None:
    page = (built_site / "glossary.html").read_text(encoding="utf-8")
    for short in ("RMALC", "G21", "AFL-CIO", "IMF", "NAFTA"):
        assert re.search(rf"<dt>(<abbr[^>]*>)?{short}(</abbr>)?</dt>", page), short
    assert page.count("<dt>") >= 25
    assert "<table" not in page.partition("<article")[2], "a list, which a phone shows whole, not a table"
    assert (ROOT / "sources" / "abbreviations.yml").exists()


def entry_of(page: str, short: str) -> str:
    return re.search(rf"<dt>(?:<abbr[^>]*>)?{short}(?:</abbr>)?</dt>(.*?)(?=<dt>|</dl>)", page, re.DOTALL)[1]


@pytest.mark.parametrize(
    ("short", "used_in"),
    [
        ("EU", ["cancun-walkout-pww"]),  # "U.S.-EU-led"
        ("NGO", ["citizens-diplomacy-cancun-miami", "mexico-discovers-the-wto"]),  # "NGOs", "anti-NGO"
        ("AFL-CIO", ["citizens-diplomacy-cancun-miami"]),
    ],
)
def test_usage_is_found_in_compounds_and_plurals(built_site: Path, short: str, used_in: list[str]) -> None:
    entry = entry_of((built_site / "glossary.html").read_text(encoding="utf-8"), short)
    assert re.findall(r'href="articles/([a-z0-9-]+)\.html"', entry) == used_in
    # each title quoted, one from the next by a semicolon: a title's own commas are not taken for two
    titles = re.findall(r"“<a [^>]*>(.*?)</a>”", entry)
    assert len(titles) == len(used_in) and entry.count("</a>”; “<a") == len(used_in) - 1, entry


@pytest.mark.parametrize(("short", "topic"), [("FTAA", "ftaa"), ("G21", "g21"), ("NAFTA", "nafta")])
def test_an_abbreviation_with_a_topic_links_to_its_page(built_site: Path, short: str, topic: str) -> None:
    entry = entry_of((built_site / "glossary.html").read_text(encoding="utf-8"), short)
    assert f'href="topics/{topic}.html"' in entry
