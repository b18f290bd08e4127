"""The edition made visible: every change listed on its article's page and linked both ways to the
text as received; every line of every source on its as-received page; no reader ever shown a
command; the editorial report accounting for every text."""

from __future__ import annotations

import html
import re

import pytest
from project import COMMAND, HAND_WRITTEN_DOCS, ROOT

from cancun_reader.build.pipeline import convert, read_collection
from cancun_reader.build.texts import make_article
from cancun_reader.core.kinds import Kind, UnknownKind
from cancun_reader.core.model import Entry, Paragraph, Repair, Source
from cancun_reader.site.edition import received_line
from cancun_reader.site.marks import marks_by_block, numbered
from cancun_reader.site.render import render_body

LINE = re.compile(r'<li id="L(?P<number>\d+)">.*?<span class="line-text">(?P<text>.*?)</span>')
CHANGE = re.compile(r'<span id="change-(?P<number>\d+)"></span>(?P<entry>.*)')
ANCHOR = re.compile(r"\{ #(?P<anchor>[\w-]+) \}")


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return convert(ROOT / "sources", ROOT / "topics").pages


@pytest.fixture(scope="module")
def articles():
    return {a.slug: a for a in read_collection(ROOT / "sources", ROOT / "topics").articles}


SLUGS = sorted(p.stem for p in (ROOT / "sources").glob("*.txt"))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_line_of_the_source_is_on_its_page_as_received(pages, articles, slug: str) -> None:
    source = articles[slug].source.text.split("\n")
    shown = {int(m["number"]): m["text"] for m in LINE.finditer(pages[f"received/{slug}.md"])}
    assert sorted(shown) == list(range(1, len(source) + 1)), "one row per line, numbered from 1"
    for number, text in enumerate(source, start=1):
        assert shown[number] == received_line(text), f"line {number} is not shown as received"
    assert pages[f"received/{articles[slug].source.entry.file}"] == articles[slug].source.text


@pytest.mark.parametrize("slug", SLUGS)
def test_every_change_is_listed_and_linked_both_ways(pages, articles, slug: str) -> None:
    article = articles[slug]
    page = pages[f"articles/{slug}.md"]
    received = pages[f"received/{slug}.md"]
    entries = {int(m["number"]): m["entry"] for m in CHANGE.finditer(page)}
    assert sorted(entries) == list(range(1, len(article.repairs) + 1)), "one entry per recorded change"
    anchors = {m["anchor"] for m in ANCHOR.finditer(page)}
    lines = {int(m["number"]) for m in LINE.finditer(received)}
    for number, entry in entries.items():
        line = int(re.search(r"#L(\d+)\)", entry)[1])
        assert line in lines, f"change {number} links to a line that is not on the page: {line}"
        assert f'href="../articles/{slug}.html#change-{number}"' in received, f"line {line} links back"
        for target in re.findall(r"\]\(#([\w-]+)\)", entry):
            assert target in anchors, f"change {number} links to no paragraph: #{target}"


def test_the_long_article_lists_its_changes_and_says_how_many(pages) -> None:
    page = pages["articles/citizens-diplomacy-cancun-miami.md"]
    assert "this edition makes 57 changes to it, 6 of them editorial corrections" in page
    assert "[Read the text as received](../received/citizens-diplomacy-cancun-miami.md)" in page
    assert (
        "word broken at a line end made whole: <code>mobiliza- tion</code> → <code>mobilization</code>"
        in (html.unescape(page))
    )


def test_a_text_the_build_left_alone_says_so_in_one_line(pages) -> None:
    page = pages["articles/mexico-discovers-the-wto.md"]
    assert "*Presented as received: nothing in this text was changed.*" in page
    assert 'transcribers-note" markdown' not in page and "Changes made to this text" not in page


"""A command, a path of the project or the build's own vocabulary: none of it on a reader's page."""
EDITORS = ("editors.md", "guide.md", "performance.md", "editorial-report.md", "repairs.md")
"""The editors' section: how the site is made, and how well it holds."""
EDITORS_FOLDERS = (".includes", "proofreading/")
"""The fragments pages include, and the editors' proofreading views."""


def test_no_page_shows_a_reader_a_command(pages) -> None:
    generated = [
        name
        for name in pages
        if name.endswith(".md") and not name.startswith(EDITORS_FOLDERS) and name not in EDITORS
    ]
    hand_written = [name for name in HAND_WRITTEN_DOCS if name.endswith(".md") and name not in EDITORS]
    shown = {name: pages[name] for name in generated}
    shown |= {name: (ROOT / "docs" / name).read_text(encoding="utf-8") for name in hand_written}
    for name, page in shown.items():
        text = re.sub(
            r"\]\([^)]*\)|href=\"[^\"]*\"|^(?:---\n.*?\n---\n)", "]", page, flags=re.S
        )  # the words shown
        found = COMMAND.search(text)
        assert not found, f"{name} shows a command: {found[0] if found else ''}"


def test_the_editorial_report_accounts_for_every_text(pages, articles) -> None:
    report = pages["editorial-report.md"]
    for slug in articles:
        assert f"](articles/{slug}.md)" in report and f"](received/{slug}.md)" in report
    assert "[its corrections file](received/citizens-diplomacy-cancun-miami.corrections.yml)" in report
    assert "no corrections file" in report
    assert "| word broken at a line end made whole | " in report


def test_a_hostile_line_is_shown_as_text() -> None:
    shown = received_line('<script>alert(1)</script> --8<-- "secret.txt" \f{ #x }')
    assert "<script" not in shown and "--8<--" not in shown
    assert 'class="page-break"' in shown


@pytest.mark.parametrize("slug", SLUGS)
def test_each_change_has_one_mark_in_the_text(pages, articles, slug: str) -> None:
    page = pages[f"articles/{slug}.md"]
    marks = re.findall(r'<a class="change-mark" href="#change-(\d+)"', page)
    assert sorted(map(int, marks)) == list(range(1, len(articles[slug].repairs) + 1))
    for title in re.findall(r'class="change-mark"[^>]*title="([^"]*)"', page):
        said = r"Change \d+: .+ \(.*\), line \d+ as received"  # plain words: no file of the project
        assert re.fullmatch(said, html.unescape(title)), title
    corrections = [r for r in articles[slug].repairs if r.kind.startswith("correction:")]
    # the reader's list of changes names no file; the editorial report, for editors, names the line
    # of each correction in its text's corrections file
    assert "corrections file" not in page
    report = next(
        part for part in pages["editorial-report.md"].split("\n## ") if f"articles/{slug}.md)" in part
    )
    assert report.count("its corrections file, line ") == len(corrections), "a correction names its line"


def test_a_word_made_whole_is_marked_where_it_stands(pages) -> None:
    page = html.unescape(pages["articles/citizens-diplomacy-cancun-miami.md"])
    made_whole = r'<ins class="change" title="Change \d+: word broken at a line end made whole[^"]*">'
    assert re.search(made_whole + "mobilization</ins>", page)


def test_where_a_pull_quote_or_a_box_stood_is_shown(pages, articles) -> None:
    """The note where a pull quote or box stood in print links to the block itself, set apart."""
    page = pages["articles/citizens-diplomacy-cancun-miami.md"]
    stood = re.findall(
        r'\[<a href="#mark-(\d+)">the (pull quote|box)</a> \(change \d+\) stood here in print\]', page
    )
    changes = dict(numbered(articles["citizens-diplomacy-cancun-miami"]))
    kinds = {"pull quote": Kind.PULL_QUOTE_SET_APART, "box": Kind.SIDEBAR_SET_APART}
    assert len(stood) >= 5
    for number, kind in stood:
        assert changes[int(number)].kind == kinds[kind]
        assert page.count(f'id="mark-{number}"') == 1, "the note of where it stood leads to the block"


@pytest.mark.parametrize("slug", SLUGS)
def test_marks_are_numbered_in_reading_order_each_in_the_text_it_concerns(pages, slug: str) -> None:
    """A reader meets ✎1, ✎2, ✎3… in that order, and no mark stands alone between paragraphs: each
    is in the paragraph, heading, box or quotation it concerns."""
    page = pages[f"articles/{slug}.md"].split('<div class="changes"')[0]
    marks = [int(n) for n in re.findall(r'<a class="change-mark" href="#change-(\d+)"', page)]
    assert marks == sorted(marks)
    for block in re.split(r"\n\n+", page):
        if 'class="change-mark"' in block:
            assert not block.startswith("<div"), block[:200]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_words_of_a_change_are_cut_at_word_boundaries(articles, slug: str) -> None:
    """A change's words, cut short for its mark and the list, end and begin with whole words: never
    "AT THE FIF"."""
    article = articles[slug]
    words = set(re.findall(r"\w+", article.source.text + " ".join(b.text for b in article.paragraphs)))
    for repair in article.repairs:
        for part in repair.before.split(" ¶ "):  # the text's own words (`after` may say what was done)
            found = re.findall(r"\w+", part)
            assert not found or {found[0], found[-1]} <= words, part


def test_a_change_of_an_unknown_kind_fails_where_it_is_made() -> None:
    """A repair added later must add its kind to `Kind`, which says on the page what it did: a
    `Repair` of anything else cannot be made, a kind's name typed as a string included."""
    with pytest.raises(UnknownKind, match="'word glued' is no Kind: add it to Kind"):
        Repair("word glued", 3, "gl ued", "glued")  # type: ignore[arg-type]
    with pytest.raises(UnknownKind, match=r"'word rejoined' is no Kind: record Kind\.WORD_REJOINED"):
        Repair("word rejoined", 3, "mobiliza- tion", "mobilization")  # type: ignore[arg-type]
    assert len(Kind) > 30 and all(kind.said for kind in Kind)
    assert Repair(Kind.WORD_REJOINED, 3, "mobiliza- tion", "mobilization").kind.said


def test_a_continuation_read_first_is_marked_where_it_was_joined_and_its_lines_lead_there() -> None:
    """pdftotext read the end of a paragraph (beside a floated pull quote) before its beginning: the
    join is marked at the words where it was made, and the lines of the end read first lead to the
    paragraph they now end, not to the one before them in the extraction."""

    text = (ROOT / "tests/corpus/extracted/01-cotton.chromium.pdftotext.txt").read_text(encoding="utf-8")
    entry = Entry(file="cotton.txt", slug="cotton", title="Cotton", catalogued=False)
    article, _ = make_article(Source("sources/cotton.txt", text, entry), [])
    join = next(r for r in article.repairs if r.kind == Kind.PARAGRAPH_REJOINED_OUT_OF_ORDER)
    paragraph = next(b for b in article.blocks if isinstance(b, Paragraph) and b.line == join.into)
    assert "argued that the subsidies paid in the North encouraged overproduction" in paragraph.text
    assert dict(article.placed)[join.line] == paragraph.line, "the line read first leads to its paragraph"
    page = html.unescape(render_body(article.blocks, None, marks_by_block(article)))
    number = next(n for n, repair in numbered(article) if repair is join)
    mark = rf'the subsidies<a class="change-mark" href="#change-{number}" title="Change {number}: paragraph'
    assert re.search(mark + r" cut by the layout joined to its continuation, which the extraction gave", page)
