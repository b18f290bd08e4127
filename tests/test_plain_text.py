"""A clean plain text in the most ordinary shape (a title, a byline, headings in ordinary case on
lines of their own, one of them a date, a titled list, numbered notes) converts with no warning:
its headings are headings, never paragraphs said to end mid-sentence."""

from __future__ import annotations

from pathlib import Path

from cancun_reader.model import Entry, Footnote, Heading, ListBlock, Source
from cancun_reader.pipeline import make_article

TEXT = Path(__file__).resolve().parent / "fixtures" / "plain-ordinary.txt"


def test_a_plain_text_in_the_ordinary_shape_converts_with_no_warning() -> None:
    entry = Entry(file=TEXT.name, slug="plain", title="Plain", catalogued=False)
    article, notices = make_article(Source(f"sources/{TEXT.name}", TEXT.read_text("utf-8"), entry), [])
    assert notices == []
    headings = [b.text for b in article.blocks if isinstance(b, Heading)]
    assert headings[1:] == ["Thursday, 20 November", "What the marchers asked for", "Notes"]
    assert [len(b.items) for b in article.blocks if isinstance(b, ListBlock)] == [3]
    assert [b.number for b in article.blocks if isinstance(b, Footnote)] == ["1"]
