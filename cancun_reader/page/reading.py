"""A PDF's pages read in the order their author wrote them, as lines of text, with what the page
shows of each line that the text alone loses (`Printed`).

The order comes from the page's geometry, not from the order its content draws: furniture apart,
the main flow column by column and page by page; a span across the columns (a title, a box set
across them) between what stands above and below it; a box read whole where it stands in its
column. A blank line parts two lines of different kinds (another size, weight or slant of type,
another box), as any extractor's text parts its blocks.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from ..layout.lines import ends_sentence, starts_sentence
from ..model import Printed
from .columns import Columns, body_style, columns_of, is_body_size
from .drawings import boxes_on, frames_on, near
from .furniture import BAND, furniture
from .model import Box, Glyph, Page, Run, Style
from .notes import NOTE_NUMBER, foot_notes

INDENT = (0.6, 2.5)
"""A paragraph's first-line indent, in ems: from a little over half an em to two and a half. Less
is the ragged edge of a column; more is a list, a quotation or a box beside the text."""

AT_EDGE = 0.3
"""Within this many ems of the column's edge, a line starts (or ends) at the edge."""

SPACE = 0.4
"""Space above a line beyond the text's usual space between lines, in ems, that opens a paragraph
set as reports set them (no indent, space between)."""

SMALLER = 0.9
"""Type a tenth smaller than the body's: a caption's, a box's, a note's."""

NEAR = 2.5
"""A caption stands within this many ems of its picture (or the empty frame of one)."""

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


CELL_GAP = 1.0
"""A gap of this many ems between two runs of a row in a box parts two cells of a table: a word
space is a third of an em, a list's bullet stands an em or less from its item."""

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(text: str) -> str:
    return text.translate(SUPERSCRIPT_DIGITS)


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


def table_lines(boxed: list[list[Run]], body: Style) -> list[tuple[str, list[Run]]]:
    """The lines of a box, with the runs each shows; its table's cells parted by tabs: a cell
    opens where a run follows a gutter's gap at a place where other rows open one too (a wide
    space in one row is no column). A row whose cells wrap over several lines gives its first
    line, then each other cell's further lines, as many tabs before each as cells before its own;
    when its first cell wraps, it is read cell by cell, as its words are meant to be read: the
    first cell's lines (a tab after its first, which opens the row), then each other cell's
    (`blocks.table_rows` reads them so). A box with no table is its lines.

    >>> from .model import Box, Run
    >>> def run(text, x, y): return Run(text, Box(x, y, x + 5 * len(text), y + 10), y + 8, body)
    >>> body = Style("Serif", 10)
    >>> table = [[run("Talks in", 0, 0), run("dropped", 100, 0)], [run("Geneva", 0, 12)]]
    >>> table += [[run("in 2004", 100, 24)], [run("Seattle", 0, 36), run("failed", 100, 36)]]
    >>> table += [[run("in 1999", 100, 48)]]
    >>> [text for text, _ in table_lines(table, body)]
    ['Talks in\\t', 'Geneva', '\\tdropped', '\\tin 2004', 'Seattle\\tfailed', '\\tin 1999']

    Negative: a wide space in one row only is a space, and a box's title is no cell.
    >>> box = [[run("The figures", 0, 0)], [run("Days of", 0, 12), run("talks", 60, 12)]]
    >>> [text for text, _ in table_lines(box, body)]
    ['The figures', 'Days of talks']
    """
    opened = Counter(round(r.box.x0) for row in boxed for r in cells_of(row, body)[1:])
    places = sorted(x for x, count in opened.items() if count >= 2)
    if not places:
        return [(joined(row), row) for row in boxed]
    near = frozenset(x for place in places for x in range(place - 1, place + 2))
    starts = [min(round(row[0].box.x0) for row in boxed), *places]

    def column(run: Run) -> int:
        return min(range(len(starts)), key=lambda k: abs(starts[k] - run.box.x0))

    out: list[tuple[str, list[Run]]] = []
    table_row: list[list[list[Run]]] = []  # a row of the table: each cell's lines of runs

    def flush() -> None:
        if not table_row:
            return
        if len(table_row[0]) <= 1:  # the first cell on one line: the row's line, then the others'
            firsts = [lines[0] if lines else [] for lines in table_row]
            text = "\t".join(joined(cell) if cell else "" for cell in firsts).rstrip("\t")
            out.append((text, [run for cell in firsts for run in cell]))
            for index, lines in enumerate(table_row[1:], start=1):
                out.extend(("\t" * index + joined(line), line) for line in lines[1:])
        else:  # the first cell wraps: cell by cell, a tab after the first line opening the row
            for index, lines in enumerate(table_row):
                for position, line in enumerate(lines):
                    text = (
                        ("\t" * index if index else "")
                        + joined(line)
                        + ("\t" if not index and not position else "")
                    )
                    out.append((text, line))
        table_row.clear()

    for row in boxed:
        split = split_cells(row, near, body)
        if len(split) > 1:  # a new row of the table
            flush()
            table_row.extend([] for _ in starts)
            for cell in split:
                table_row[column(cell[0])].append(cell)
        elif table_row:  # a cell of the row above goes on
            table_row[column(row[0])].append(row)
        else:
            out.append((joined(row), row))
    flush()
    return out


def split_cells(row: list[Run], near: frozenset[int], body: Style) -> list[list[Run]]:
    """A row's runs cut where a cell of the table opens."""
    cells = [[row[0]]]
    for before, run in pairwise(row):
        if round(run.box.x0) in near and run.box.x0 - before.box.x1 >= CELL_GAP * before.style.size:
            cells.append([run])
        else:
            cells[-1].append(run)
    return cells


def cells_of(row: list[Run], body: Style) -> list[Run]:
    """The runs of a row that open its cells: the first, and each after a table's gutter."""
    return [row[0]] + [
        run for before, run in pairwise(row) if run.box.x0 - before.box.x1 >= CELL_GAP * before.style.size
    ]


def merge_box(row: list[Run]) -> Box:
    return Box(
        min(r.box.x0 for r in row),
        min(r.box.top for r in row),
        max(r.box.x1 for r in row),
        max(r.box.bottom for r in row),
    )


def page_lines(
    page: Page, body: Style, furniture_runs: set[int], notes: set[int]
) -> tuple[list[Line], list[Line]]:
    """A page's lines in reading order (see the module's docstring), and the notes at its foot."""
    furniture_runs = furniture_runs | notes
    groups = boxes_on(page, body)
    in_group: dict[int, int] = {}
    for index, run in enumerate(page.runs):
        for number, group in enumerate(groups):
            if index not in furniture_runs and group.holds(run.box):
                in_group[index] = number
                break
    flow = [r for i, r in enumerate(page.runs) if i not in furniture_runs and i not in in_group]
    columns = columns_of(flow, body)
    text_span = (
        min((c[0] for c in columns.spans), default=0.0),
        max((c[1] for c in columns.spans), default=page.width),
    )

    # items: a row of the flow in one column, a row spanning the columns, or a whole box
    items: list[tuple[int | None, float, list[Line]]] = []
    by_column: dict[int | None, list[Run]] = {}
    for run in flow:
        by_column.setdefault(columns.of(run.box, body.size), []).append(run)
    for column, runs in by_column.items():
        span = text_span if column is None else columns.spans[column]
        for row in rows(runs, body):
            line = Line(
                joined(row), merge_box(row), main_style(row), span, page=page.number, ends=ends_of(row)
            )
            items.append((column, row_top(row, body), [line]))
    for number, group in enumerate(groups):
        runs = [page.runs[i] for i, g in in_group.items() if g == number]
        lines = [
            Line(
                text,
                merge_box(shown),
                main_style(shown),
                (group.x0, group.x1),
                group=number,
                page=page.number,
                ends=ends_of(shown),
            )
            for text, shown in table_lines(rows(runs, body), body)
        ]
        if lines:
            items.append((columns.of(group, body.size), group.top, lines))
    ordered = in_reading_order(items, columns)
    heads_all = heads = [
        Line(
            page.runs[i].text,
            page.runs[i].box,
            page.runs[i].style,
            text_span,
            furniture=True,
            page=page.number,
        )
        for i in sorted(furniture_runs - notes, key=lambda i: page.runs[i].box.top)
    ]
    heads = [h for h in heads if h.box.top < (ordered[0].box.top if ordered else page.height / 2)]
    feet = [h for h in heads_all if h.box.top >= (ordered[0].box.top if ordered else page.height / 2)]
    noted = [
        Line(joined(row), merge_box(row), main_style(row), text_span, page=page.number, note=True)
        for row in rows([page.runs[i] for i in notes], body)
    ]
    return heads + ordered + feet, noted


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


def in_reading_order(items: list[tuple[int | None, float, list[Line]]], columns: Columns) -> list[Line]:
    """Items of a page in reading order: the spans across the columns by their tops, and before
    each, what the columns hold above it, column by column."""
    spans = sorted((i for i in items if i[0] is None), key=lambda i: i[1])
    in_columns = sorted((i for i in items if i[0] is not None), key=lambda i: (i[0], i[1]))
    ordered: list[Line] = []
    taken: set[int] = set()
    for span in [*spans, (None, float("inf"), [])]:
        above = [index for index, item in enumerate(in_columns) if index not in taken and item[1] < span[1]]
        leading = heads_of(span, [in_columns[i] for i in above])
        for index in above:
            if id(in_columns[index]) not in leading:
                ordered.extend(in_columns[index][2])
            taken.add(index)
        ordered.extend(line for item in in_columns if id(item) in leading for line in item[2])
        ordered.extend(span[2])
    return ordered


def heads_of(span: tuple, above: list[tuple[int | None, float, list[Line]]]) -> set[int]:
    """The items of one column that stand just above a span, below everything the other columns
    hold there, in another type than the lines before them: the span's heading (`Notes` over notes
    set across the columns), read with it, not between the columns."""
    if not span[2] or not above:
        return set()
    heads: set[int] = set()
    for item in sorted(above, key=lambda i: -i[1]):
        others = [o for o in above if o[0] != item[0]]
        if any(o[2][-1].box.bottom > item[1] for o in others):
            break
        same = [o for o in above if o[0] == item[0] and o[1] < item[1]]
        if not same or same[-1][2][-1].style == item[2][0].style:
            break
        heads.add(id(item))
    return heads


def text_in_order(pages: list[Page]) -> tuple[str, Printed]:
    """The text of a PDF's pages, line by line in reading order, with a form feed before each page
    after the first, and what the page shows of the lines (`Printed`)."""
    body = body_style(pages)
    flow_runs = {p.number: [r for r in p.runs if is_body_size(r, body)] for p in pages}
    at_feet = {(p.number, i) for p in pages for i in foot_notes(p, body, set())}
    found = furniture(pages, flow_runs, at_feet)
    texts: list[str] = []
    printed = PrintedLines(body)
    at_foot: list[Box] = []
    notes: list[Line] = []
    before: Line | None = None  # the last line of the text read, furniture aside, across pages
    for page in pages:
        lines, noted = page_lines(
            page, body, {i for n, i in found if n == page.number}, {i for n, i in at_feet if n == page.number}
        )
        notes += noted
        frames = frames_on(page, body) + carried_over(at_foot, lines, body)
        frames += to_next_column(frames_on(page, body), lines, body)
        at_foot = [f for f in frames_on(page, body) if f.bottom > (1 - 2 * BAND) * page.height]
        page_start = len(texts)
        ruled = between_rules(lines, page, body)
        for index, line in enumerate(lines):
            if not line.furniture and before is not None and breaks_between(before, line, body):
                texts.append("")
            texts.append(line.text)
            on_this_page = before if before is not None and before.page == line.page else None
            printed.add(len(texts), line, on_this_page, frames)
            if index in ruled:
                printed.quotes.add(len(texts))
            if not line.furniture:  # furniture stands between a paragraph's lines, which go on
                before = line
        if page_start < len(texts):
            texts[page_start] = "\f" + texts[page_start] if page_start else texts[page_start]
    texts.append("")
    for note in notes:  # after the text, each note a block of its own
        if note.text[:1] in NOTE_NUMBER and texts[-1]:
            texts.append("")
        texts.append(note.text)
        printed.add(len(texts), note, None, [])
    return "\n".join(texts), printed.result()


def between_rules(lines: list[Line], page: Page, body: Style) -> set[int]:
    """The lines, by index, of the blocks set apart in another type than the body's (larger, or
    slanted all through) between a rule above and a rule below: a pull quote, as layouts set one."""
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

        if set_apart and other_type and ruled(True) and ruled(False):
            found.update(range(start, end))
        start = end
    return found


def carried_over(at_foot: list[Box], lines: list[Line], body: Style) -> list[Box]:
    """The pictures at the foot of the page before, as standing just above this page's first line
    of text: a caption the layout carried over to the next page is still beside its picture."""
    top = min((line.box.top for line in lines if not line.furniture), default=0.0)
    return [Box(f.x0, top - 2 * body.size, f.x1, top - body.size) for f in at_foot]


def to_next_column(frames: list[Box], lines: list[Line], body: Style) -> list[Box]:
    """The pictures at the foot of a column, as standing just above the next column's first line:
    a caption the layout carried over to the next column is still beside its picture."""
    carried = []
    flow = [line for line in lines if not line.furniture and not line.note]
    for frame in frames:
        if any(
            line.column[0] - 1 <= frame.x0 < line.column[1] and line.box.top > frame.bottom for line in flow
        ):
            continue  # the column goes on below the picture
        following = [line for line in flow if line.column[0] >= frame.x1 - 1]
        if following:
            first = min(following, key=lambda line: (line.column[0], line.box.top))
            carried.append(
                Box(
                    first.column[0], first.box.top - 2 * body.size, first.column[1], first.box.top - body.size
                )
            )
    return carried


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
    begins with (a heading run into its paragraph begins one, and ends in the paragraph's type)."""
    return kind(before, before.last, body) != kind(line, line.first, body)


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
        self.places: list[tuple[int, int, float, float, float, float]] = []

    def add(self, number: int, line: Line, before: Line | None, frames: list[Box]) -> None:
        em = self.body.size
        box = line.box
        self.places.append((number, line.page, *(round(v, 1) for v in (box.x0, box.top, box.x1, box.bottom))))
        if line.group >= 0:
            first, _ = self.boxes.get((line.page, line.group), (number, number))
            self.boxes[(line.page, line.group)] = (first, number)
        if line.furniture:
            self.furniture.add(number)
        if line.note:
            self.notes.add(number)
        if len(line.text) <= 2 and line.text.isalpha() and line.style.size >= DROP_CAP * self.body.size:
            self.drop_caps.add(number)
        body_line = is_body_size_line(line, self.body)
        left, right = line.column
        if body_line and right - line.box.x1 < AT_EDGE * em:
            self.full.add(number)
        if line.style.size < SMALLER * self.body.size and any(near(line.box, f, NEAR * em) for f in frames):
            self.small.add(number)
        if before is None or not body_line or before.column != line.column or before.group != line.group:
            return
        if not is_body_size_line(before, self.body) or line.box.top < before.box.top:
            return
        indent = line.box.x0 - left
        if INDENT[0] * em < indent < INDENT[1] * em and ends_sentence(before.text):
            self.indented.add(number)
        self.gaps.append((number, line.box.top - before.box.bottom, before, line))

    def result(self) -> Printed:
        usual = statistics.median(g for _, g, _, _ in self.gaps) if self.gaps else 0.0
        spaced = {
            number
            for number, gap, before, line in self.gaps
            if gap - usual >= SPACE * self.body.size
            and ends_sentence(before.text)
            and starts_sentence(line.text)
        }
        return Printed(
            frozenset(self.indented),
            frozenset(self.full),
            frozenset(self.small),
            frozenset(spaced),
            boxes=tuple(self.boxes.values()),
            furniture=frozenset(self.furniture),
            notes=frozenset(self.notes),
            quotes=frozenset(self.quotes),
            drop_caps=frozenset(self.drop_caps),
            places=tuple(self.places),
        )


def is_body_size_line(line: Line, body: Style) -> bool:
    return abs(line.style.size - body.size) <= 0.08 * body.size and line.group < 0 and not line.furniture
