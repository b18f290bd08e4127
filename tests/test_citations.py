"""Topic pages stay true to the texts: a quotation goes when its sentence goes, and a statement
whose cited words are gone stops the build with the topic file, the line and the words."""

from __future__ import annotations

from pathlib import Path

import pytest

from cancun_reader.build.pipeline import convert
from cancun_reader.core.errors import InputError

WALKOUT = "sources/cancun-walkout-pww.txt"
LONG = "sources/citizens-diplomacy-cancun-miami.txt"


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def topic_page(project: Path, slug: str) -> str:
    return convert(project / "sources", project / "topics").pages[f"topics/{slug}.md"]


@pytest.fixture(autouse=True)
def inside(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)  # so that messages name files as an editor sees them


def test_removing_a_quoted_sentence_removes_the_quotation(project: Path) -> None:
    sentence = "The global justice movement recognized the crucial importance of the Group of 21"
    assert sentence in topic_page(project, "g21")
    edit(project, LONG, sentence + ", wondering", "It wondered")
    assert sentence not in topic_page(project, "g21")


def test_editing_a_quoted_sentence_changes_the_quotation(project: Path) -> None:
    edit(project, LONG, "together despite its fragility", "together despite its weakness")
    page = topic_page(project, "g21")
    assert "together despite its weakness" in page and "fragility" not in page


@pytest.mark.parametrize(
    ("relative", "old", "new", "message"),
    [
        (  # words that the G21 introduction cites
            WALKOUT,
            "What was known as the G15",
            "What was called the G15",
            "topics/g21.md:58: cites “What was known as the G15”, which sources/cancun-walkout-pww.txt "
            "does not have (this quotation, or that text, was edited since)",
        ),
        (  # words that a key fact rests on
            LONG,
            "led by Brazil, China and India",
            "led by Brazil and India",
            "topics/g21.md:14: cites “led by Brazil, China and India”, which "
            "sources/citizens-diplomacy-cancun-miami.txt does not have (this quotation, or that text, was "
            "edited since)",
        ),
        (  # a member the table lists must be named by its quotation
            "topics/g21.md",
            "members: [Egypt, South Africa, Nigeria]",
            "members: [Egypt, South Africa, Nigeria, Kenya]",
            "topics/g21.md:30: group 'Africa' lists 'Kenya', which its quotation does not name",
        ),
        (  # a citation must name an article that exists
            "topics/nafta.md",
            "[[mexico-discovers-the-wto: served as",
            "[[mexico: served as",
            "topics/nafta.md:15: cites 'mexico', which is not the slug of any article",
        ),
    ],
)
def test_a_citation_that_no_longer_holds_stops_the_build(
    project: Path, relative: str, old: str, new: str, message: str
) -> None:
    edit(project, relative, old, new)
    with pytest.raises(InputError) as caught:
        convert(project / "sources", project / "topics")
    assert str(caught.value).startswith(message), str(caught.value)
