"""A clean plain text in the most ordinary shape (a title, a byline, headings in ordinary case on
lines of their own, one of them a date, a titled list, numbered notes) converts with no warning:
its headings are headings, never paragraphs said to end mid-sentence."""

from __future__ import annotations

from pathlib import Path

from cancun_reader.build.texts import make_article
from cancun_reader.core.model import Entry, Footnote, Heading, ListBlock, Paragraph, Source

TEXT = Path(__file__).resolve().parent / "fixtures" / "plain-ordinary.txt"


def test_a_plain_text_in_the_ordinary_shape_converts_with_no_warning() -> None:
    entry = Entry(file=TEXT.name, slug="plain", title="Plain", catalogued=False)
    article, notices = make_article(Source(f"sources/{TEXT.name}", TEXT.read_text("utf-8"), entry), [])
    assert notices == []
    headings = [b.text for b in article.blocks if isinstance(b, Heading)]
    assert headings == ["Thursday, 20 November", "What the marchers asked for", "Notes"]
    # its own title and byline are kept as printed, not numbered: ¶1 is the body's first paragraph
    front = [(b.front, b.text) for b in article.blocks if isinstance(b, Paragraph) and b.front]
    assert front == [
        ("title", "Miami, November 2003: the streets and the summit"),
        ("byline", "By Rosa Martínez"),
    ]
    first = next(b for b in article.blocks if isinstance(b, Paragraph) and not b.front)
    assert first.number == 1 and first.text.startswith("The trade ministers of the Americas")
    assert [len(b.items) for b in article.blocks if isinstance(b, ListBlock)] == [3]
    assert [b.number for b in article.blocks if isinstance(b, Footnote)] == ["1"]
