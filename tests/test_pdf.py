"""Reading a PDF (`cancun_reader/pdf.py`): pdftotext's placed lines become the text pdftotext gives,
line for line, and what the page shows of a line is said of that line and no other.

Property: for pages hypothesis makes up (flows of blocks of lines of words, some lines indented,
some in smaller type, some with space above them, some pages empty), every line's words are on
the line of the text whose number the reading gives it, and the lines it calls small or opened
after a space are those made so, or among them.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cancun_reader.pdf import read_pdf, text_and_lines

CORPUS = Path(__file__).resolve().parent / "corpus" / "pdf"
EDGE, WIDTH, HEIGHT = 50.0, 200.0, 12.0

words = st.lists(st.sampled_from(["the", "talks", "Cancún", "ended.", "&", "<G21>", "¹", "2003"]), min_size=1)
line = st.tuples(words, st.booleans(), st.booleans(), st.booleans())  # indented, small, space above
block = st.lists(line, min_size=1, max_size=6)
flow = st.lists(block, min_size=1, max_size=3)
page = st.lists(flow, max_size=3)  # a page may be empty: a picture only


def line_xml(texts: list[str], indented: bool, small: bool, top: float) -> str:
    left = EDGE + (HEIGHT if indented else 0)
    bottom = top + HEIGHT * (0.8 if small else 1)
    out, x = [], left
    for text in texts:
        out.append(
            f'<word xMin="{x}" yMin="{top}" xMax="{x + 20}" yMax="{bottom}">{html.escape(text)}</word>'
        )
        x += 24
    return f'<line xMin="{left}" yMin="{top}" xMax="{EDGE + WIDTH}" yMax="{bottom}">{"".join(out)}</line>'


def flow_xml(blocks: list) -> str:
    """A flow's lines one under the other, 15 points apart, 25 where one has space above it."""
    top, out = 0.0, []
    for each_block in blocks:
        lines = []
        for texts, indented, small, spaced in each_block:
            top += 25 if spaced else 15
            lines.append(line_xml(texts, indented, small, top))
        out.append("<block>" + "".join(lines) + "</block>")
    return "<flow>" + "".join(out) + "</flow>"


def document(pages: list) -> str:
    body = "".join("<page>" + "".join(flow_xml(f) for f in p) + "</page>" for p in pages)
    return f'<doc xmlns="http://www.w3.org/1999/xhtml">{body}</doc>'


@settings(max_examples=150, deadline=None)
@given(st.lists(page, min_size=1, max_size=4))
def test_every_line_is_read_onto_the_line_its_number_says(pages: list) -> None:
    text, printed = text_and_lines(document(pages))
    lines = text.split("\n")
    number = 0
    made_small, made_spaced = set(), set()
    for each_page in pages:
        for each_flow in each_page:
            for each_block in each_flow:
                for texts, _indented, small, spaced in each_block:
                    number += 1
                    assert lines[number - 1].lstrip("\f") == " ".join(texts)
                    if small:
                        made_small.add(number)
                    if spaced:
                        made_spaced.add(number)
            number += 1  # the blank line between flows
        if not each_page:
            number += 2
    assert printed.indented <= {n for n in range(1, number + 1) if lines[n - 1]}
    assert printed.full == set() or all(lines[n - 1] for n in printed.full)
    assert printed.spaced <= made_spaced
    if made_small and len(made_small) * 2 < sum(1 for ln in lines if ln.strip("\f")):
        assert printed.small == made_small


def test_a_corpus_pdf_reads_as_pdftotext_reads_it() -> None:
    """The text is pdftotext's own, line for line (but for the spaces of a page number set as
    `– 3 –`, which the placed words keep)."""
    pdf = CORPUS / "09-medicines.weasyprint.pdf"
    text, printed = read_pdf(pdf.read_bytes(), pdf.name)
    plain = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text == plain
    lines = text.split("\n")
    assert [lines[n - 1] for n in sorted(printed.indented)] == [
        "The dispute had begun with the declaration on public health adopted at",
        "Health campaigners did not celebrate for long. They warned that new bi\u2010",
    ]
