"""The PDF reader, the page as data (`cancun_reader/pdf/`): glyphs into words, and runs of type
and drawings into lines in reading order, from tests/cases/page/*.yml; and the corpus's PDFs read
as the build reads them.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from project import load_cases

from cancun_reader.build.texts import make_article
from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import (
    Block,
    Caption,
    Entry,
    Footnote,
    Heading,
    ListBlock,
    Printed,
    PullQuote,
    Sidebar,
    Source,
    Table,
)
from cancun_reader.pdf.document import read_pdf
from cancun_reader.pdf.glyphs import run_of
from cancun_reader.pdf.page import Box, Drawing, Glyph, Page, Run, Style
from cancun_reader.pdf.passes import PASSES, Reading, text_in_order
from cancun_reader.pdf.reading import write_text

CORPUS = Path(__file__).resolve().parent / "corpus" / "pdf"
HEIGHT = 1.15  # a glyph's box is this many ems tall


def glyph(text: str, x0: float, x1: float, style: Style, top: float = 0.0) -> Glyph:
    return Glyph(text, Box(x0, top, x1, top + HEIGHT * style.size), top + 0.9 * style.size, style)


def written_glyph(text: str, x0: float, x1: float, raised: float = 0.0) -> Glyph:
    """A glyph as a case writes it, in ten-point type; `raised` (points) above the baseline in
    seven-point type, as a note's number is set."""
    if not raised:
        return glyph(text, x0, x1, Style("Serif", 10))
    small = Style("Serif", 7)
    return Glyph(text, Box(x0, 9 - raised - 0.9 * 7, x1, 9 - raised + 0.25 * 7), 9 - raised, small)


def run(text: str, x0: float, top: float, x1: float, size: float = 10, font: str = "", **flags: bool) -> Run:
    """A run of type as a case writes it, its letters spread evenly over its width; in the body's
    serif, or a bold sans, unless it names its `font` (a small-capitals cut, say)."""
    style = Style(font or ("Serif" if not flags.get("bold") else "Sans"), size, **flags)
    step = (x1 - x0) / max(len(text), 1)
    glyphs = tuple(
        glyph(c, x0 + i * step, x0 + (i + 1) * step, style, top) for i, c in enumerate(text) if c != " "
    )
    return Run(text, Box(x0, top, x1, top + HEIGHT * size), top + 0.9 * size, style, glyphs)


def runs_of_case(written: list) -> list[Run]:
    runs = []
    for item in written:
        if isinstance(item, list):
            runs.append(run(*item))
        elif "runs" in item:
            runs.extend(run(**each) for each in item["runs"])
        else:
            runs.append(run(**item))
    return runs


def page_of_case(number: int, written: dict) -> Page:
    drawings = tuple(Drawing(Box(*d[:4]), filled=d[4], stroked=not d[4]) for d in written.get("drawings", []))
    pictures = tuple(Box(*p) for p in written.get("pictures", []))
    width, height = written.get("size", (595, 842))  # A4 unless the case says (842, 595: landscape)
    return Page(number, width, height, tuple(runs_of_case(written["runs"])), drawings, pictures)


@pytest.mark.parametrize("case", load_cases("page"))
def test_page_case(case: dict) -> None:
    if "glyphs" in case:
        assert run_of([written_glyph(*g) for g in case["glyphs"]]).text == case["text"]
        return
    text, printed = text_in_order([page_of_case(n, p) for n, p in enumerate(case["pages"], 1)])
    if "text" in case:
        assert text == case["text"]
    if "small" in case:
        assert sorted(printed.small) == case["small"]
    if "indented" in case:
        assert sorted(printed.indented) == case["indented"]
    if "headings" in case:
        assert sorted(printed.headings) == case["headings"]
    if "blocks" in case:
        assert blocks_of(text, printed) == case["blocks"]


def blocks_of(text: str, printed: Printed) -> list[str]:
    """The article a page's reading becomes, each block as a case writes it: `p: `, `h: `,
    `quote: `, `caption: `, `list: ` (items parted by ` | `), `table: ` (cells by ` | `, rows by
    ` / `), `box: ` (its title, then what it holds in brackets), `note 1: `."""
    entry = Entry(file="case.pdf", slug="case", title="Case", catalogued=False)
    article, _ = make_article(Source("sources/case.pdf", text, entry, printed), [])
    return [block_as_written(block) for block in article.blocks]


def block_as_written(block: Block) -> str:
    if isinstance(block, Sidebar):
        return f"box: {block.title} [{'; '.join(block_as_written(b) for b in block.blocks)}]"
    if isinstance(block, ListBlock):
        return "list: " + " | ".join(block.items)
    if isinstance(block, Table):
        return "table: " + " / ".join(" | ".join(row) for row in block.rows)
    if isinstance(block, Footnote):
        return f"note {block.number}: {block.text}"
    kind = {Heading: "h", PullQuote: "quote", Caption: "caption"}.get(type(block), "p")
    return f"{kind}: {block.text}"


def test_a_corpus_pdf_is_read_with_its_paragraphs_indents_and_without_its_furniture_in_the_flow() -> None:
    """A two-column PDF set by WeasyPrint: its running head opens each page and its page number
    ends it, its indented lines are said to be, and its words are those the page shows (no
    ligature code point)."""
    pdf = CORPUS / "09-medicines.weasyprint.pdf"
    text, printed = read_pdf(pdf.read_bytes(), pdf.name)
    pages = text.split("\f")
    assert len(pages) == 2
    for page in pages:
        lines = [line for line in page.split("\n") if line]
        assert lines[0] == "Health and Trade"
        assert lines[-1].strip("– ").isdigit()
    lines = text.split("\n")
    assert [lines[n - 1] for n in sorted(printed.indented)] == [
        "The dispute had begun with the declaration on public health adopted at",
        "Health campaigners did not celebrate for long. They warned that new bi\u2010",
    ]
    assert not any("\ufb00" <= c <= "\ufb06" for c in text)


def test_every_change_made_to_a_pdf_names_the_page_and_the_rectangle_it_came_from() -> None:
    """Each change recorded on a line of a PDF's text (a paragraph broken at an indent, a running
    head removed, a note linked) can be shown on its page: the page reader keeps where every line
    stands."""
    pdf = CORPUS / "09-medicines.weasyprint.pdf"
    text, printed = read_pdf(pdf.read_bytes(), pdf.name)
    entry = Entry(file="m.pdf", slug="m", title="M", catalogued=False)
    article, _ = make_article(Source("sources/m.pdf", text, entry, printed), [])
    lines = text.split("\n")
    kinds = set()
    for repair in article.repairs:
        if lines[repair.line - 1].strip():
            page, left, top, right, bottom = printed.place_of(repair.line)
            assert page in (1, 2) and 0 <= left < right <= 595.3 and 0 <= top < bottom <= 841.9, repair
            kinds.add(repair.kind)
    assert {Kind.RUNNING_HEAD_REMOVED, Kind.PAGE_NUMBER_REMOVED} <= kinds, kinds


def test_each_pass_of_the_pdf_reader_adds_what_it_says_and_nothing_else() -> None:
    """The reader is its passes (`pdf/passes.py`): run in order on a page, each fills the fields of
    what is known that it names, and leaves the others as the passes before it left them."""
    case = next(p.values[0] for p in load_cases("page") if len(p.values[0].get("pages", ())) > 1)
    reading = Reading(tuple(page_of_case(n, p) for n, p in enumerate(case["pages"], 1)))
    filled = {"pages"}
    for each in PASSES:
        after = each.run(reading)
        changed = {f.name for f in fields(Reading) if getattr(after, f.name) != getattr(reading, f.name)}
        assert changed <= set(each.adds) and set(each.adds) - filled, each.name
        filled |= set(each.adds)
        reading = after
    assert filled == {f.name for f in fields(Reading)}  # every field is some pass's
    assert text_in_order(list(reading.pages)) == write_text(reading)
