"""Properties of the converter on texts hypothesis makes up: paragraphs, line and page breaks,
hyphens at breaks, accented letters and typography, Markdown and HTML characters.

For every such text the converter does not crash, every word of it reaches the page in order (the
fidelity check of test_fidelity), and no HTML from the text reaches the page as HTML.
"""

from __future__ import annotations

import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from fidelity import check_fidelity
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from project import site_markdown

from cancun_reader.build.texts import make_article
from cancun_reader.core.errors import InputError
from cancun_reader.core.model import Entry, Source
from cancun_reader.site.pages import render_article
from cancun_reader.site.render import render_body
from cancun_reader.sources.read import decode_source

WORDS = [
    "the",
    "trade",
    "ministers",
    "met",
    "in",
    "Cancún",
    "WTO",
    "G21",
    "Miami",
    "FTAA",
    "peasants",
    "mobiliza",
    "tion",
    "sur",
    "prise",
    "anti",
    "NGO",
    "Vía",
    "Campesina",
    "Group",
    "of",
    "21",
    "2003",
    "déjà",
    "São",
    "Paulo",
    "über",
    "naïve",
    "“quoted”",
    "‘single’",
    "it’s",
    "—",
    "–",
    "…",
    "€13",
]
MARKUP = [
    *list("<>&*_`[](){}#!|\\:=~^-+.\"'"),
    "<script>",
    "</script>",
    "<b>",
    "<img src=x onerror=alert(1)>",
    "javascript:",
    "--8<--",
    "{:",
    "*[",
    "[^1]:",
    "{{",
    "}}",
    "{%",
    "<!--",
    "-->",
    "&amp;",
    "&#106;",
    "www.example.org",
    "http://x.org",
]
HEADINGS = ["CONCLUSIONS", "THE EMERGENCE OF THE G21", "U.S."]

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKUP))
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join)
paragraph = st.lists(
    st.tuples(sentence, st.sampled_from([".", "", ",", "-", "?", ":"])), min_size=1, max_size=4
).map(lambda parts: " ".join(text + end for text, end in parts))
block = st.one_of(
    paragraph,
    paragraph.map(lambda text: text.replace(" ", "\n", 2)),  # hard-wrapped lines
    st.sampled_from(HEADINGS),
    st.lists(sentence, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
)
text = st.tuples(st.lists(block, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n", "\r"])).map(
    lambda parts: ("\n\n".join(parts[0]) + "\n").replace("\n", parts[1])
)

ALLOWED_TAGS = {
    "p",
    "em",
    "a",
    "aside",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "figure",
    "svg",
    "title",
    "desc",
    "text",
    "rect",
    "sup",
    "hr",
    "details",
    "summary",
    "span",
    "code",
    "strong",
    "abbr",
}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def convert_text(source_text: str):
    """The article made of a text, read as the build reads it (line ends normalised), or None for
    the one refusal: a text with nothing in it."""
    entry = Entry(file="made-up.txt", slug="made-up", title="Made up")
    decoded, _ = decode_source(source_text.encode("utf-8"), "sources/made-up.txt")
    try:
        return make_article(Source("sources/made-up.txt", decoded, entry), [])[0]
    except InputError as error:
        assert "is empty" in error.message
        return None


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text)
def test_the_converter_never_crashes(source_text: str) -> None:
    article = convert_text(source_text)
    assert article is None or render_article(article, [])


@SETTINGS
@given(text)
# Failures hypothesis found once, kept: a paragraph merely similar to another, once taken for its
# pull quote; a text with CR line ends, once converted without the reading stage that normalises
# them; a repeated heading, once removed as a running head; a pull quote set apart from between the
# lines of a paragraph, once checked as if it were still part of that paragraph; a word in capitals
# broken at a line end, once taken for a box title (and a bullet put into the text); a link after a
# line-end hyphen, once compared as two words; a box left in its place, whose words the text's
# next run once took for its own; a heading in capitals broken after a hyphen, once joined with a
# space (`WTO- WTO.`); a heading after a box's last list, once put into the box, apart from the
# line after it (and a one-word line above a one-word sentence, once taken for a heading); items
# found in a box, one a line, once checked with the line after them (which went on elsewhere); the
# mark of a join after a hyphen, once read as parting the compound; a text beginning in lower case,
# once joined after a one-word line as if it were a paragraph's end read first (and such an end, of
# two runs, joined to its paragraph: the check follows both; and one read after another column;
# the years of a fact file read inside a sentence, moved into their box; and an end read after
# another column, whose words the check once matched in the paragraph it now ends; a small table
# in the text, its cells once looked for among what the page sets apart); a line-end hyphen before
# a line that is a hyphen alone, whose `the--the` the check once read as two words (one run in
# about forty met it; a run of 4,000 examples found it again); a heading marked with its change,
# whose anchor and name in the contents, `_`, once read as emphasis and showed on the page.
@example("Cancún the the the the the the the the the.\n\nThe the the the the the the the the the the.\n")
@example("the\r#.\r")
@example("CONCLUSIONS\n\nCONCLUSIONS\n\nTHE EMERGENCE OF THE G21\n")
@example("the\nPaulo\nthe the the the the the the.\n\nthe. Paulo the the the the the the the.\n")
@example("the.\n\nFTAA-\nthe\nthe.\n")
@example("the-\nwww.example.org.\n")
@example("the.\n\nCONCLUSIONS\n\n- the trade\n\nthe.\n")
@example("the\n\nCONCLUSIONS\n\nthe\nthe\nthe.\n")  # a paragraph under a title is no box
@example("the-\n\nCONCLUSIONS\n\nthe\nthe\nCancún.\n")  # nor when its last line begins with a capital
@example("the.\n\nWTO-\nWTO.\n")
@example("the-\n\nCONCLUSIONS\n\n- the\n\nCancún\nCancún.\n")
@example("the-\n\nCONCLUSIONS\n\n- the\n\nCancún\n\nCancún.\n")
@example("the-\n\nCONCLUSIONS\n\n- the\n\nWTO\nCancún.\n")
@example("the-\n\nCONCLUSIONS\n\nMiami\nPaulo\nCancún.\n")
@example("the-\n\nCONCLUSIONS\n\nCancún\nMiami\nCancún.\n")
@example("the-\n\nCONCLUSIONS\n\nCancún\nCancún\nCancún.\n")
@example("the the the.\n\nthe-\nCancún\nthe the the the.\n")
@example("the the\n\nthe the.\n\nCancún\n")
@example("It began.\n\nthe end of it came\n\nsoon after, and it fell.\n\nThe price fell and the subsidies\n")
@example("It began.\n\nThe price fell and the\n\nA DEADLOCK\n\nIt ended.\n\npaid in the\n\nnorth, it fell.\n")
@example("It began.\n\nWhen the\n1996\n1999\nthey met.\n\nDATES\nGroups set up\nSeattle fails\n\nIt ended.\n")
@example("< the the the\n\n< the.\n\nthe the the trade.\n")
@example("CONCLUSIONS\n\n2003 the\n\n2003 the\n")
@example("the-\n-\nthe.\n")
@example("_ FTAA.\n")
@example('*The* _FTAA_ "talks" & after\n\nIt began.\n')
def test_every_word_reaches_the_page_in_order(source_text: str) -> None:
    article = convert_text(source_text)
    if article is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "made-up.txt"
        path.write_bytes(source_text.encode("utf-8"))
        check_fidelity(article, path)


@SETTINGS
@given(text)
def test_no_html_from_the_text_reaches_the_page(source_text: str) -> None:
    article = convert_text(source_text)
    if article is None:
        return
    parser = Tags()
    parser.feed(site_markdown().convert(render_body(article.blocks)))
    for tag, attributes in parser.found:
        assert tag in ALLOWED_TAGS, f"<{tag}> from the text"
        for name, value in attributes:
            assert not name.startswith("on"), f"<{tag} {name}>"
            assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.IGNORECASE), (
                f"<{tag} {name}>"
            )
