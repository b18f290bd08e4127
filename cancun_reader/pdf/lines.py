"""The lines of a page: runs gathered into the rows they stand on, and what a line is, as the
reading parts its blocks (another size, weight or slant of type, another box).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from cancun_reader.core.prose.words import SUPERSCRIPT_DIGITS
from cancun_reader.pdf.page import Box, Glyph, Run, Style

RAISED = 0.55
"""A run whose baseline is within this many ems of a row's stands on that row: a note's number set
as a superscript is raised a third of an em or so; the next line is more than an em below."""


RAISED_SMALL, SUPERSCRIPT_SIZE = 0.7, 0.85
"""A run in type this much smaller than the row's may stand this many of the row's ems above its
baseline: a note's number, set small and raised high."""


DROP_CAP = 1.8
"""A letter this many times the body's size or more, at a paragraph's start, is a drop cap."""


@dataclass(frozen=True)
class Line:
    """A line of the reading: its text, where it stands, its style, and what it belongs to."""

    text: str
    box: Box
    style: Style  # the style most of its letters are set in
    column: tuple[float, float]  # the x-range of its column (or of the page's text, for a span)
    group: int = -1  # the box it is read in, if any
    furniture: bool = False
    page: int = 0
    ends: tuple[Style, Style] | None = None  # the styles of its first and last letters
    note: bool = False  # a note the page sets at its foot

    @property
    def first(self) -> Style:
        return self.ends[0] if self.ends else self.style

    @property
    def last(self) -> Style:
        return self.ends[1] if self.ends else self.style


def first_word_width(line: Line) -> float:
    """How wide a line's first word is: its share of the line's width, by its letters.

    >>> first_word_width(Line("The end", Box(0, 0, 70, 10), Style("Serif", 10), (0, 100)))
    30.0
    """
    word = line.text.split(" ", 1)[0]
    return line.box.width * len(word) / max(len(line.text), 1)


def rows(runs: list[Run], body: Style) -> list[list[Run]]:
    """Runs gathered into the rows they stand on (a line cut at its wide spaces, a note's raised
    number), each row left to right, rows top to bottom. A drop cap, on the baseline of its
    paragraph's second or third line, is a row of its own, above its first."""
    found: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.baseline, r.box.x0)):
        if found:
            last = found[-1]
            size = max(run.style.size, last[0].style.size)
            alike = max(run.style.size, last[0].style.size) < DROP_CAP * min(
                run.style.size, last[0].style.size
            )
            smaller = min(run.style.size, last[0].style.size) <= SUPERSCRIPT_SIZE * size  # a raised number
            raised = RAISED_SMALL if smaller else RAISED
            if alike and abs(run.baseline - statistics.median(r.baseline for r in last)) < raised * size:
                last.append(run)
                continue
        found.append([run])
    for row in found:
        row.sort(key=lambda r: r.box.x0)
    found.sort(key=lambda row: row_top(row, body))
    return found


def row_top(row: list[Run], body: Style) -> float:
    """Where a row stands, as rows are ordered: its top; a drop cap's a little higher (see
    `DROP_CAP_AHEAD`)."""
    return min(r.box.top - (DROP_CAP_AHEAD * r.style.size if is_cap(r, row, body) else 0) for r in row)


DROP_CAP_AHEAD = 0.5
"""A drop cap's box is hardly above its paragraph's first line (LaTeX's `lettrine` aligns their
tops): it is read as if it stood this many of its ems higher, before that line, not after it."""


def is_cap(run: Run, row: list[Run], body: Style) -> bool:
    """Whether a run alone on its row is a letter or two in type a drop cap's size."""
    return len(row) == 1 and len(run.text) <= 2 and run.style.size >= DROP_CAP * body.size


def joined(row: list[Run]) -> str:
    """A row's runs as one line: a space between runs, none before a raised note number that
    touches its word; a number raised above the row's baseline is a note's, and is written so
    (`attend.¹`), with a space after it when it opens the line (`¹ The four countries`)."""
    base = max(row, key=lambda r: (r.style.size, len(r.text)))
    texts = [superscript(r.text) if is_raised_number(r, base) else r.text for r in row]
    text = texts[0]
    if text != row[0].text and len(row) > 1:
        text += " "
    for (before, run), written in zip(pairwise(row), texts[1:], strict=True):
        gap = run.box.x0 - before.box.x1
        touching = gap < 0.1 * before.style.size
        text += ("" if touching or text.endswith(" ") else " ") + written
    return text


AS_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def superscript(text: str) -> str:
    return text.translate(AS_SUPERSCRIPT)


RAISED_LEAST = 0.15
"""A note's number stands at least this many of the line's ems above its baseline."""


def is_raised_number(run: Run, base: Run) -> bool:
    """Whether a run is a number set above the row's baseline, in type no larger: a note's number."""
    return (
        run is not base
        and run.text.isdigit()
        and run.style.size <= base.style.size
        and base.baseline - run.baseline >= RAISED_LEAST * base.style.size
    )


def merge_box(row: list[Run]) -> Box:
    return Box(
        min(r.box.x0 for r in row),
        min(r.box.top for r in row),
        max(r.box.x1 for r in row),
        max(r.box.bottom for r in row),
    )


def letters(row: list[Run]) -> list[Glyph]:
    return [g for r in row for g in r.glyphs if g.text.isalpha()]


def main_style(row: list[Run]) -> Style:
    """The style most of a row's letters are set in."""
    counted = Counter(g.style for g in letters(row))
    return counted.most_common(1)[0][0] if counted else row[0].style


def ends_of(row: list[Run]) -> tuple[Style, Style] | None:
    """The styles of a row's first and last letters: a heading run into its paragraph starts a line
    in another type than it ends in."""
    found = letters(row)
    return (found[0].style, found[-1].style) if found else None


def kind(line: Line, style: Style, body: Style) -> tuple:
    """What a line is at one of its ends, as far as parting blocks goes: its box, the size (to a
    tenth of the body's), weight and font of its type there, and its slant if it is slanted all
    through (an italic word ending a line of the body parts nothing); furniture or not."""
    return (
        line.group,
        line.note,
        round(style.size / body.size, 1),
        style.bold,
        style.font,
        line.style.italic,
        line.furniture,
    )


def breaks_between(before: Line, line: Line, body: Style) -> bool:
    """Whether a blank line parts two lines: the first ends in another kind of type than the second
    begins with (a heading run into its paragraph begins one, and ends in the paragraph's type);
    or one is a row of a table in the text's flow and the other is not (its rows, bold or not, are
    one table)."""
    if before.group < 0 and line.group < 0 and ("\t" in before.text or "\t" in line.text):
        return ("\t" in before.text) != ("\t" in line.text)  # a table's head row goes with its rows
    return kind(before, before.last, body) != kind(line, line.first, body)
