"""What the page shows of each line of the reading besides its text (`Printed`): an indent, a
full line, a space above, small type beside a picture, a box, a note, a pull quote between rules,
a drop cap, furniture, and where the line stands."""

from __future__ import annotations

import statistics

from cancun_reader.core.model import Printed
from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.pdf.drawings import near
from cancun_reader.pdf.flow import (
    INDENT,
    after_short_lines,
    heading_lines,
    is_body_size_line,
    set_apart_by_space,
)
from cancun_reader.pdf.lines import DROP_CAP, Line, breaks_between
from cancun_reader.pdf.page import Box, Page, Style

AT_EDGE = 0.3
"""Within this many ems of the column's edge, a line starts (or ends) at the edge."""


SPACE = 0.4
"""Space above a line beyond the text's usual space between lines, in ems, that opens a paragraph
set as reports set them (no indent, space between)."""


SMALLER = 0.9
"""Type a tenth smaller than the body's: a caption's, a box's, a note's."""


NEAR = 2.5
"""A caption stands within this many ems of its picture (or the empty frame of one)."""


QUOTE_LINES, APART = 4, 0.6
"""A pull quote set apart by white space alone has at most so many lines, and so many ems of space
above and below it."""


def quote_lines(lines: list[Line], page: Page, body: Style) -> set[int]:
    """The lines, by index, of the blocks set apart in another type than the body's (larger, or
    slanted all through) between a rule above and a rule below, alone in a drawn box, or a
    sentence or two standing apart by white space above and below: a pull quote, as layouts set
    one (the repair still asks that it repeat the body's words)."""
    rules = [d.box for d in page.drawings if d.is_rule and d.box.width > 5 * d.box.height]
    found: set[int] = set()
    start = 0
    for end in range(1, len(lines) + 1):
        if end < len(lines) and not breaks_between(lines[end - 1], lines[end], body):
            continue
        block = lines[start:end]
        top, bottom = block[0].box.top, block[-1].box.bottom
        left, right = min(line.box.x0 for line in block), max(line.box.x1 for line in block)
        set_apart = block[0].group < 0 and not block[0].furniture and not block[0].note
        other_type = block[0].style.size >= 1.1 * body.size or all(line.style.italic for line in block)
        boxed = block[0].group >= 0 and all(
            line in block for line in lines if line.group == block[0].group and line.page == block[0].page
        )

        def ruled(
            above: bool, top: float = top, bottom: float = bottom, left: float = left, right: float = right
        ) -> bool:
            return any(
                rule.x0 <= left + body.size
                and rule.x1 >= right - body.size
                and (
                    top - 2.5 * body.size <= rule.bottom <= top + 1
                    if above
                    else bottom - 1 <= rule.top <= bottom + 2.5 * body.size
                )
                for rule in rules
            )

        before = lines[start - 1] if start else None
        after = lines[end] if end < len(lines) else None
        spaced = (
            set_apart
            and len(block) <= QUOTE_LINES
            and ends_sentence(block[-1].text)
            and all(
                other is None or other.column != block[0].column or abs(gap) >= APART * body.size
                for other, gap in (
                    (before, top - (before.box.bottom if before else 0)),
                    (after, (after.box.top if after else 0) - bottom),
                )
            )
        )
        if other_type and ((set_apart and ruled(True) and ruled(False)) or boxed or spaced):
            found.update(range(start, end))
        start = end
    return found


def carried_over(at_foot: list[Box], lines: list[Line], body: Style) -> list[Box]:
    """The pictures at the foot of the page before, as standing just above this page's first line
    of text: a caption the layout carried over to the next page is still beside its picture."""
    top = min((line.box.top for line in lines if not line.furniture), default=0.0)
    return [Box(f.x0, top - 2 * body.size, f.x1, top - body.size) for f in at_foot]


def to_next_column(frames: list[Box], lines: list[Line], body: Style) -> list[Box]:
    """The pictures at the foot of a column, as standing just above the next column's first line
    (not above where the picture's own column begins: a head over the page): a caption the layout
    carried over to the next column is still beside its picture."""
    carried = []
    flow = [line for line in lines if not line.furniture and not line.note]
    for frame in frames:
        own = [line for line in flow if line.column[0] - 1 <= frame.x0 < line.column[1]]
        if any(line.box.top > frame.bottom for line in own):
            continue  # the column goes on below the picture
        begins = min((line.box.top for line in own), default=0.0) - body.size
        following = [
            line
            for line in flow
            if line.column[0] >= frame.x1 - 1 and line.box.top >= begins and line.group < 0  # not a box's
        ]
        if following:
            first = min(following, key=lambda line: (line.column[0], line.box.top))
            carried.append(
                Box(
                    first.column[0], first.box.top - 2 * body.size, first.column[1], first.box.top - body.size
                )
            )
    return carried


ODD = 0.08
"""A line whose type is larger or smaller than the body's by more than this share is set in
another type: a heading's, a note's, a caption's, a pull quote's (`Printed.odd`)."""


def usual_gap(gaps: list[float]) -> float:
    """The text's usual space between two lines of a paragraph: its gaps' lower quartile, as a
    paragraph of two lines has one such gap and one gap above it, which may be wider (the median
    of a text of short paragraphs spaced apart would be half one, half the other).

    >>> usual_gap([21.2, 2.0, 9.2, 2.0, 9.2, 2.0]), usual_gap([2.0, 9.2]), usual_gap([])
    (2.0, 2.0, 0.0)
    """
    if len(gaps) < 4:
        return min(gaps, default=0.0)
    return statistics.quantiles(gaps, n=4)[0]


class PrintedLines:
    """What the page shows of each line, gathered as the lines are numbered."""

    def __init__(self, body: Style) -> None:
        self.body = body
        self.indented: set[int] = set()
        self.full: set[int] = set()
        self.small: set[int] = set()
        self.spaced: set[int] = set()
        self.gaps: list[tuple[int, float, Line, Line]] = []
        self.boxes: dict[tuple[int, int], tuple[int, int]] = {}  # (page, box): (first, last line)
        self.furniture: set[int] = set()
        self.notes: set[int] = set()
        self.quotes: set[int] = set()
        self.drop_caps: set[int] = set()
        self.odd: set[int] = set()
        self.beside_drop_cap: list[tuple[int, tuple[float, float], float]] = []  # page, column, bottom
        self.places: list[tuple[int, int, float, float, float, float]] = []
        self.flow: list[tuple[int, Line]] = []  # the main flow's lines, in reading order
        self.last_small: Line | None = None  # the last line set small beside a picture

    def add(self, number: int, line: Line, before: Line | None, frames: list[Box]) -> None:
        em = self.body.size
        box = line.box
        x0, top, x1, bottom = (round(v, 1) for v in (box.x0, box.top, box.x1, box.bottom))
        self.places.append((number, line.page, x0, top, x1, bottom))
        if line.group >= 0:
            first, _ = self.boxes.get((line.page, line.group), (number, number))
            self.boxes[(line.page, line.group)] = (first, number)
        if line.furniture:
            self.furniture.add(number)
        if line.note:
            self.notes.add(number)
        elif not line.furniture and line.group < 0:
            self.flow.append((number, line))
        if len(line.text) <= 2 and line.text.isalpha() and line.style.size >= DROP_CAP * self.body.size:
            self.drop_caps.add(number)
            self.beside_drop_cap.append((line.page, line.column, line.box.bottom))
        body_line = is_body_size_line(line, self.body)
        if abs(line.style.size - self.body.size) > ODD * self.body.size and number not in self.drop_caps:
            self.odd.add(number)
        left, right = line.column
        if body_line and right - line.box.x1 < AT_EDGE * em:
            self.full.add(number)
        smaller = round(line.style.size / self.body.size, 2) <= SMALLER  # a tenth smaller, or more
        goes_on = before is not None and before is self.last_small and before.style == line.style
        if smaller and (goes_on or any(near(line.box, f, NEAR * em) for f in frames)):
            self.small.add(number)  # beside a picture, or under a line of its caption in its type
            self.last_small = line
        if before is None or not body_line or before.column != line.column or before.group != line.group:
            return
        if not is_body_size_line(before, self.body) or line.box.top < before.box.top:
            return
        indent = line.box.x0 - left
        wrapped = any(  # set in from the column's edge by a drop cap beside it (its last line's top
            # may stand a little below the cap's foot), not by an indent
            page == line.page and column == line.column and line.box.top < bottom + line.box.height / 2
            for page, column, bottom in self.beside_drop_cap
        )
        if INDENT[0] * em < indent < INDENT[1] * em and ends_sentence(before.text) and not wrapped:
            self.indented.add(number)
        self.gaps.append((number, line.box.top - before.box.bottom, before, line))

    def result(self) -> Printed:
        usual = usual_gap([g for _, g, _, _ in self.gaps])
        wide = [
            (number, before, line)
            for number, gap, before, line in self.gaps
            if gap - usual >= SPACE * self.body.size
        ]
        below = {id(before) for _, before, _ in wide}
        apart = {
            id(line): number
            for number, _, line in wide
            if id(line) in below and set_apart_by_space(line.text)
        }
        set_in = INDENT[1] * self.body.size  # a line set in further than an indent: centred, flush right
        spaced = {
            number
            for number, before, line in wide
            if starts_sentence(line.text)
            and (
                ends_sentence(before.text) or id(before) in apart or before.box.x0 - before.column[0] > set_in
            )
        }
        return Printed(
            frozenset(self.indented),
            frozenset(self.full),
            frozenset(self.small),
            frozenset(spaced),
            boxes=tuple(self.boxes.values()),
            furniture=frozenset(self.furniture),
            headings=frozenset(heading_lines(self.flow, self.body) | set(apart.values())),
            short=frozenset(after_short_lines(self.flow, self.body)),
            notes=frozenset(self.notes),
            quotes=frozenset(self.quotes),
            drop_caps=frozenset(self.drop_caps),
            odd=frozenset(self.odd),
            places=tuple(self.places),
        )
