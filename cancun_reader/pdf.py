"""Stage 0, a PDF in `sources/`: its text as pdftotext reads it, and what its page shows of each
line that the text alone has lost.

A text extracted from a PDF keeps its characters and loses the rest. The indent a magazine gives a
paragraph's first line is the only mark of most of its paragraph breaks: without it, a break is
seen only where a line falls short of the full width, counted in characters (`make bench` measures
how often that fails); and a caption is told from a paragraph of one sentence only by its smaller
type. Given the PDF itself, the build reads it with pdftotext's `-bbox-layout`, which places every
line: the text is pdftotext's reading, line by line as `pdftotext file.pdf` gives it, and with it
go the lines the page indents as a paragraph's first, those it fills to the column's edge, and
those it sets in smaller type (`Printed`). The layout stage breaks a paragraph at an indent and
infers no break after a full line (`layout/paragraphs.py`); the repairs set a block in small type
apart as a caption (`repair/captions.py`). Each change is recorded, as any other.
"""

from __future__ import annotations

import functools
import re
import shutil
import statistics
import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .layout.lines import ends_sentence, starts_sentence
from .model import Printed

PDFTOTEXT = "pdftotext"
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters a PDF's text layer may hold: no letter of the text, and not allowed in the
XML pdftotext writes (a form feed among them: pages are the XML's own)."""
XHTML = "{http://www.w3.org/1999/xhtml}"

INDENT = (0.6, 2.5)
"""A paragraph's first-line indent, in line heights: from a little over half an em to two and a
half (the corpus indents by 1.2em). Less is the ragged edge of a justified column; more is a list,
a quotation or a box beside the text."""

AT_EDGE = 0.2
"""Within this share of a line height of the block's left edge, a line starts at the edge."""

TOUCHING = 0.05
"""Words closer than this share of a line height are one word: a note number set as a superscript
after its word (`process,¹`), which pdftotext's text gives without a space."""


@dataclass(frozen=True)
class PrintedLine:
    """A line as the page prints it: its words, where it starts and ends, its height and top."""

    text: str
    left: float
    height: float
    right: float = 0.0
    top: float = 0.0

    @property
    def bottom(self) -> float:
        return self.top + self.height


@functools.cache
def reader_version() -> str:
    """The pdftotext that reads PDFs here, as it names itself: a cached reading of a PDF is good only
    for the pdftotext that made it."""
    if shutil.which(PDFTOTEXT) is None:
        return "none"
    said = subprocess.run([PDFTOTEXT, "-v"], capture_output=True, text=True, check=False)
    return (said.stderr or said.stdout).split("\n", 1)[0]


def read_pdf(data: bytes, shown_as: str) -> tuple[str, Printed]:
    """The text of a PDF (its bytes), and what its page shows of its lines. A file pdftotext cannot
    read is refused, saying what to do instead."""
    stem = Path(shown_as).stem
    if shutil.which(PDFTOTEXT) is None:
        raise InputError(
            shown_as,
            "is a PDF, and reading one needs pdftotext (Debian's poppler-utils: apt-get install "
            f"poppler-utils); or save its text as {stem}.txt",
        )
    done = subprocess.run(
        [PDFTOTEXT, "-bbox-layout", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=False
    )
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1].removeprefix("Syntax Error: ") if said else f"exit status {done.returncode}"
        raise InputError(
            shown_as,
            f"pdftotext cannot read it ({reason}); save the PDF again, or save its text as {stem}.txt",
        )
    try:
        text, printed = text_and_lines(NOT_XML.sub("", done.stdout.decode("utf-8", "replace")))
    except ElementTree.ParseError as error:
        raise InputError(shown_as, f"pdftotext's reading of it cannot be parsed ({error})") from None
    if not text.strip():
        raise InputError(
            shown_as,
            "holds no text pdftotext can read (a scanned page is a picture of its letters); "
            f"save its text, read by OCR, as {stem}.txt",
        )
    return text, printed


def text_and_lines(xhtml: str) -> tuple[str, Printed]:
    """pdftotext's text from its `-bbox-layout` reading: the lines of a flow one after the other,
    a blank line between flows and a form feed after each page; and the lines that open a paragraph
    by their indent or by a space above them, those that fill their column, and those set in
    smaller type than the text.

    >>> def line(x, words): return f'<line xMin="{x}" yMin="0" xMax="200" yMax="12"><word xMin="{x}" \\
    ... xMax="{x + 30}">{words}</word></line>'
    >>> block = line(50, "ended.") + line(62, "Then") + line(50, "they went.")
    >>> page = f'<doc xmlns="http://www.w3.org/1999/xhtml"><page><flow><block>{block}</block></flow></page></doc>'
    >>> text, printed = text_and_lines(page)
    >>> text, printed.indented
    ('ended.\\nThen\\nthey went.\\n\\n\\x0c', frozenset({2}))
    """
    pages, indented, full, heights, number = [], set(), set(), {}, 0
    following: list[tuple[int, PrintedLine, PrintedLine]] = []  # each line after another of its flow
    for page in ElementTree.fromstring(xhtml).iter(f"{XHTML}page"):
        flows = []
        for flow in page.iter(f"{XHTML}flow"):
            texts, before = [], None
            for block in flow.iter(f"{XHTML}block"):
                lines = [printed_line(line) for line in block.iter(f"{XHTML}line")]
                for index, line in enumerate(lines):
                    number += 1
                    texts.append(line.text)
                    heights[number] = line.height
                    if opens_paragraph(lines, index):
                        indented.add(number)
                    if fills_column(lines, index):
                        full.add(number)
                    if before is not None:
                        following.append((number, before, line))
                    before = line
            flows.append("\n".join(texts))
            number += 1  # the blank line after the flow
        pages.append("\n\n".join(flows) + "\n\n\f")
        number += 0 if flows else 2  # a page without text is two line ends before its form feed
    printed = Printed(
        frozenset(indented), frozenset(full), set_in_smaller_type(heights), opened_after_space(following)
    )
    return "".join(pages), printed


def printed_line(line: ElementTree.Element) -> PrintedLine:
    """A line's words, joined as pdftotext's text joins them, with where the page sets it."""
    height = float(line.get("yMax", 0)) - float(line.get("yMin", 0))
    text, right = "", None
    for word in line.iter(f"{XHTML}word"):
        left = float(word.get("xMin", 0))
        if right is not None and left - right >= TOUCHING * height:
            text += " "
        text += word.text or ""
        right = float(word.get("xMax", 0))
    top = float(line.get("yMin", 0))
    return PrintedLine(text, float(line.get("xMin", 0)), height, float(line.get("xMax", 0)), top)


def opens_paragraph(lines: list[PrintedLine], index: int) -> bool:
    """Whether the line at `index` of a block is a paragraph's first line, indented: it starts an
    indent in from the block's left edge, between lines that start at the edge, and the line
    before it ends a sentence.

    >>> def block(*lines): return [PrintedLine(t, x, 12) for x, t in lines]
    >>> lines = block((50, "the talks ended."), (62, "The farmers"), (50, "went home."))
    >>> opens_paragraph(lines, 1)
    True

    Negative: the second line of a list item that hangs, and a line the one before runs into.
    >>> lines = block((50, "• Import of generic"), (62, "medicines"), (50, "• Export"))
    >>> opens_paragraph(lines, 1)
    False
    >>> lines = block((50, "the talks ended"), (62, "the farmers"), (50, "went home."))
    >>> opens_paragraph(lines, 1)
    False
    """
    if index == 0:
        return False
    line, before = lines[index], lines[index - 1]
    edge = min(other.left for other in lines)
    after = lines[index + 1] if index + 1 < len(lines) else None
    return (
        INDENT[0] * line.height < line.left - edge < INDENT[1] * line.height
        and before.left - edge < AT_EDGE * line.height
        and (after is None or after.left - edge < AT_EDGE * line.height)
        and ends_sentence(before.text)
    )


FULL_FROM = 3
"""A block of fewer lines does not show where its column's right edge is."""


def fills_column(lines: list[PrintedLine], index: int) -> bool:
    """Whether the line at `index` of a block reaches the block's right edge, as every line of a
    justified paragraph does but its last: such a line does not end its paragraph, however few
    characters it holds.

    >>> def block(*lines): return [PrintedLine(t, 50, 12, x) for x, t in lines]
    >>> lines = block((250, "agreed on a common text on agriculture."), (250, "They went"), (120, "home."))
    >>> fills_column(lines, 0)
    True

    Negative: a paragraph's last line, and a block too short to show its column's edge.
    >>> fills_column(lines, 2)
    False
    >>> fills_column(lines[:2], 0)
    False
    """
    if len(lines) < FULL_FROM:
        return False
    line = lines[index]
    return max(other.right for other in lines) - line.right < AT_EDGE * line.height


SMALLER = 0.9
"""Type at least a tenth smaller than the text's: a caption's, a box's, a note's (a byline, a
little smaller, is not)."""


def set_in_smaller_type(heights: dict[int, float]) -> frozenset[int]:
    """The lines, by number, whose type is smaller than the text's by a tenth or more: the text's
    is the height most of its lines have (to a tenth of a point).

    >>> sorted(set_in_smaller_type({1: 14.5, 2: 14.5, 3: 12.4, 4: 14.5, 5: 9.3}))
    [3, 5]

    Negative: a byline a little smaller than the text, and a text in one size.
    >>> set_in_smaller_type({1: 14.5, 2: 13.1, 3: 14.5})
    frozenset()
    >>> set_in_smaller_type({})
    frozenset()
    """
    if not heights:
        return frozenset()
    sizes = Counter(round(height, 1) for height in heights.values())
    text = sizes.most_common(1)[0][0]
    return frozenset(number for number, height in heights.items() if height < SMALLER * text)


SPACE = 0.4
"""A space above a line, beyond the text's usual space between lines, of this share of the line's
height or more, parts it from the line before: a paragraph set with space around it (half an em
or so), or a heading, a box, a pull quote."""


def opened_after_space(following: list[tuple[int, PrintedLine, PrintedLine]]) -> frozenset[int]:
    """The lines, by number, that open a paragraph by the space above them, as a report sets its
    paragraphs (no indent, space between): more space than the text's usual between two lines of a
    flow (its median), after a line that ends a sentence and before one that begins one. Given
    each line that follows another of its flow, with that line.

    >>> def line(top, text): return PrintedLine(text, 50, 12, 200, top)
    >>> lines = [line(0, "The talks began."), line(15, "They went on"), line(30, "for days.")]
    >>> lines.append(line(52, "Then"))
    >>> opened_after_space([(n + 2, a, b) for n, (a, b) in enumerate(zip(lines, lines[1:]))])
    frozenset({4})

    Negative: the space above a line that goes on with a sentence a pull quote interrupted, and the
    lines of a text set without space between its paragraphs.
    >>> lines[2:] = [line(30, "for days, and"), line(52, "then they ended.")]
    >>> opened_after_space([(n + 2, a, b) for n, (a, b) in enumerate(zip(lines, lines[1:]))])
    frozenset()
    """
    if not following:
        return frozenset()
    usual = statistics.median(line.top - before.bottom for _, before, line in following)
    return frozenset(
        number
        for number, before, line in following
        if line.top - before.bottom - usual >= SPACE * line.height
        and ends_sentence(before.text)
        and starts_sentence(line.text)
    )
