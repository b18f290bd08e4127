"""A table, read from where its rows open cells: a tab parts two cells. In a box, a line of a cell
that wraps says which cell it goes on; in the text's flow, with no box round it, a table is rows
whose cells stand in the same columns, one line each."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from cancun_reader.pdf.glyphs import run_of
from cancun_reader.pdf.lines import joined
from cancun_reader.pdf.page import BULLETS, Run, Style

CELL_GAP = 1.0
"""A gap of this many ems between two runs of a row in a box parts two cells of a table: a word
space is a third of an em, a list's bullet stands an em or less from its item."""


def table_lines(boxed: list[list[Run]], body: Style) -> list[tuple[str, list[Run]]]:
    """The lines of a box, with the runs each shows; its table's cells parted by tabs: a cell
    opens where a run follows a gutter's gap at a place where other rows open one too (a wide
    space in one row is no column; a bullet before its item is no cell), or where a word of a
    long cell starts at such a place (`split_at_places`). A row whose cells wrap over several
    lines gives its first line, then each other cell's further lines, as many tabs before each
    as cells before its own; when its first cell wraps, it is read cell by cell, as its words are
    meant to be read: the first cell's lines (a tab after its first, which opens the row), then
    each other cell's (`blocks.table_rows` reads them so). Where rows stand no further apart than
    a cell's lines, a line whose cells go on in lower case goes on the row above (`goes_on`). A
    box with no table is its lines.

    >>> from cancun_reader.pdf.page import Box, Run
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
    opened = Counter(round(r.box.x0) for row in boxed for r in row[1:] if row[0].text.strip() not in BULLETS)
    places = sorted(x for x, count in opened.items() if count >= 2)
    if not places:
        return [(joined(row), row) for row in boxed]
    near = frozenset(x for place in places for x in range(place - 1, place + 2))
    boxed = [split_at_places(row, near) for row in boxed]
    starts = [min(round(row[0].box.x0) for row in boxed), *places]

    def column(run: Run) -> int:
        return min(range(len(starts)), key=lambda k: abs(starts[k] - run.box.x0))

    splits = [split_cells(row, near, body) for row in boxed]
    first = next((index for index, split in enumerate(splits) if len(split) > 1), 0)
    spaced = spaced_row_starts(boxed[first:], body)
    out: list[tuple[str, list[Run]]] = []
    table_row: list[list[list[Run]]] = []  # a row of the table: each cell's lines of runs
    for index, (row, split) in enumerate(zip(boxed, splits, strict=True)):
        if spaced is None or index < first:
            opens = len(split) > 1 and not (index > first and goes_on(split, splits[first]))
        else:
            opens = index == first or index - first in spaced
        if opens:  # a new row of the table
            out.extend(row_lines(table_row))
            table_row = [[] for _ in starts]
        if table_row:  # the row's cells, or cells of the row above going on
            for cell in split:
                table_row[column(cell[0])].append(cell)
        else:
            out.append((joined(row), row))
    out.extend(row_lines(table_row))
    return out


def goes_on(split: list[list[Run]], head: list[list[Run]]) -> bool:
    """Whether a line of a table whose rows stand evenly goes on the row above: each of its cells
    after the first opens in lower case, as a wrapped cell's next line does, where the table's
    first row (`head`) opens them with a capital or a figure; though its first cell holds a word
    too (`Sept.` under `10`).

    >>> from cancun_reader.pdf.page import Box, Run
    >>> def cell(text): return [Run(text, Box(0, 0, 5, 10), 8, Style("Serif", 10))]
    >>> goes_on([cell("Sept."), cell("march")], [cell("10"), cell("Opening and first")])
    True

    Negative: a row of its own opens its cells as the first row does, in capitals or in lower case.
    >>> goes_on([cell("13"), cell("Draft declaration")], [cell("10"), cell("Opening and first")])
    False
    >>> goes_on([cell("Mali"), cell("second exporter")], [cell("China"), cell("largest exporter")])
    False
    """

    def opens_low(row: list[list[Run]]) -> bool:
        return all(joined(cell)[:1].islower() for cell in row[1:])

    return opens_low(split) and not opens_low(head)


ROW_SPACE = 0.15
"""A line stands this many ems or more further below the line above than a box's lines stand
apart at their closest when it opens a row of a table whose cells are padded: baselines vary by
less from rounding, and a cell's padding adds a point or more."""


def spaced_row_starts(boxed: list[list[Run]], body: Style) -> frozenset[int] | None:
    """The lines (by index) that open a row of a table (its lines from its first row's), when it
    sets its rows further apart than the lines of a cell: each line further below the one above
    than the table's closest lines by `ROW_SPACE` ems or more. None when the lines stand evenly
    (a row is then told by its cells alone).

    >>> from cancun_reader.pdf.page import Box, Run
    >>> def line(y): return [Run("x", Box(0, y - 8, 5, y + 2), y, Style("Serif", 10))]
    >>> sorted(spaced_row_starts([line(y) for y in (10, 23, 40, 53, 70)], Style("Serif", 10)))
    [2, 4]

    Negative: lines evenly apart.
    >>> spaced_row_starts([line(y) for y in (10, 23, 36, 49)], Style("Serif", 10)) is None
    True
    """
    gaps = [b[0].baseline - a[0].baseline for a, b in pairwise(boxed)]
    if len(gaps) < 2:
        return None
    closest = min(gaps)
    wide = frozenset(index + 1 for index, gap in enumerate(gaps) if gap - closest >= ROW_SPACE * body.size)
    return wide or None


def row_lines(table_row: list[list[list[Run]]]) -> list[tuple[str, list[Run]]]:
    """The lines of one row of a table, given each cell's lines of runs: when its first cell is on
    one line, the row's line, then the other cells' further lines, as many tabs before each as
    cells before its own; when its first cell wraps, cell by cell, a tab after the first line
    opening the row.

    >>> from cancun_reader.pdf.page import Box, Run
    >>> def cell(*texts): return [[Run(t, Box(0, 0, 5, 10), 8, Style("Serif", 10))] for t in texts]
    >>> [text for text, _ in row_lines([cell("Seattle"), cell("failed", "in 1999")])]
    ['Seattle\\tfailed', '\\tin 1999']
    >>> [text for text, _ in row_lines([cell("Talks in", "Geneva"), cell("dropped")])]
    ['Talks in\\t', 'Geneva', '\\tdropped']

    Negative: no row, no line.
    >>> row_lines([])
    []
    """
    if not table_row:
        return []
    if len(table_row[0]) <= 1:
        firsts = [lines[0] if lines else [] for lines in table_row]
        text = "\t".join(joined(cell) if cell else "" for cell in firsts).rstrip("\t")
        out = [(text, [run for cell in firsts for run in cell])]
        for index, lines in enumerate(table_row[1:], start=1):
            out.extend(("\t" * index + joined(line), line) for line in lines[1:])
        return out
    return [
        (("\t" * index if index else "") + joined(line) + ("\t" if not index and not position else ""), line)
        for index, lines in enumerate(table_row)
        for position, line in enumerate(lines)
    ]


def split_at_places(row: list[Run], near: frozenset[int]) -> list[Run]:
    """A row's runs, each cut in two at a word that starts where other rows open a cell (`near`):
    a long cell may come closer to the next than a gutter (`Chapters under negotiation 9`).

    >>> from cancun_reader.pdf.page import Box, Glyph
    >>> style = Style("Serif", 10)
    >>> def glyph(text, x): return Glyph(text, Box(x, 0, x + 5, 12), 10, style)
    >>> run = run_of([glyph(c, x) for c, x in zip("talks9", [0, 5, 10, 15, 20, 30])])
    >>> [r.text for r in split_at_places([run], frozenset({30}))]
    ['talks', '9']

    Negative: a run with no word starting at such a place stays whole.
    >>> [r.text for r in split_at_places([run], frozenset({15}))]
    ['talks 9']
    """
    out = []
    for run in row:
        pieces = [run]
        for index, glyph in enumerate(run.glyphs[1:], start=1):
            if round(glyph.box.x0) in near:
                first, rest = run_of(list(run.glyphs[:index])), run_of(list(run.glyphs[index:]))
                if f"{first.text} {rest.text}" == run.text:  # cut between two words
                    pieces = [first, rest]
                    break
        out += pieces
    return out


def split_cells(row: list[Run], near: frozenset[int], body: Style) -> list[list[Run]]:
    """A row's runs cut where a cell of the table opens: a run that starts where other rows' runs
    do (the runs themselves are cut at a gutter's gap)."""
    cells = [[row[0]]]
    for run in row[1:]:
        if round(run.box.x0) in near:
            cells.append([run])
        else:
            cells[-1].append(run)
    return cells


def cells_of(row: list[Run], body: Style) -> list[Run]:
    """The runs of a row that open its cells: the first, and each after a table's gutter."""
    return [row[0]] + [
        run for before, run in pairwise(row) if run.box.x0 - before.box.x1 >= CELL_GAP * before.style.size
    ]


ALIGNED = 2.0
"""Points within which two rows' cells start or end at the same place: one column of a table."""

TABLE_ROWS = 3
"""A table in the flow has a head row and two rows at least: two lines of justified text may part
at wide spaces that happen to line up, three hardly."""


def flow_table_rows(found: list[list[Run]], body: Style, right: float) -> set[int]:
    """The rows of a column's flow that are a table's (by index): three rows or more in a row,
    each cut by gaps of an em or more into as many cells (three, or two where a cell holds more
    than one word), each cell after the first standing in
    the same column in every row: starting at the same place (set flush left), or ending there
    (figures set flush right) short of the column's right edge (`right`), where every line of
    justified text ends.

    >>> from cancun_reader.pdf.page import Box, Run
    >>> body = Style("Serif", 10)
    >>> def row(*cells): return [Run(t, Box(x0, 0, x1, 10), 8, body) for t, x0, x1 in cells]
    >>> table = [row(("Year", 50, 80), ("Exports in tonnes", 170, 250))]
    >>> table += [row(("2001", 50, 80), ("1,204", 215, 250)), row(("2002", 50, 80), ("988", 227, 250))]
    >>> sorted(flow_table_rows([row(("The figures:", 50, 200)), *table, row(("Then", 50, 90))], body, 530))
    [1, 2, 3]

    Negative: lines of justified text cut at wide spaces, their last words flush with the
    column's edge, or a word each side; and rows whose cells do not line up.
    >>> loose = [row(("and", 50, 70), ("hundreds", 150, 280)), row(("arrests,", 50, 110), ("was", 250, 280))]
    >>> flow_table_rows([*loose, row(("taken.", 50, 90), ("Several", 200, 280))], body, 280)
    set()
    >>> words = [row(("that", 50, 70), ("marched", 150, 200)), row(("in", 50, 60), ("Cancún", 150, 190))]
    >>> flow_table_rows(words * 2, body, 280)
    set()
    >>> flow_table_rows([*table[:2], row(("2002", 50, 80), ("988", 300, 340))], body, 530)
    set()
    """
    cells = [cells_of(row, body) for row in found]
    tabled: set[int] = set()
    index = 0
    while index < len(found):
        end = index + 1
        while (
            end < len(found)
            and len(cells[index]) > 1
            and lined_up(cells[index], found[index], cells[end], found[end], right)
        ):
            end += 1
        if end - index >= TABLE_ROWS and (len(cells[index]) > 2 or spaced_cell(found[index:end], body)):
            tabled.update(range(index, end))
        index = end
    return tabled


def spaced_cell(found: list[list[Run]], body: Style) -> bool:
    """Whether a cell of rows holds a word space (`1999  Seattle fails`): two cells of one word each
    a row may be a narrow column's justified words, spread as far apart as a table's."""
    return any(" " in cells for row in found for cells in cells_text(row, body).split("\t"))


def lined_up(
    first: list[Run], first_row: list[Run], other: list[Run], other_row: list[Run], right: float
) -> bool:
    """Whether a row's cells stand in the columns of another's: as many, each after the first
    starting where the other's does, or ending there short of the column's right edge."""
    if len(first) != len(other):
        return False
    ends_a, ends_b = cell_ends(first, first_row), cell_ends(other, other_row)
    return all(
        abs(a.box.x0 - b.box.x0) <= ALIGNED or (abs(end_a - end_b) <= ALIGNED and end_a < right - ALIGNED)
        for a, b, end_a, end_b in zip(first[1:], other[1:], ends_a[1:], ends_b[1:], strict=True)
    )


def cell_ends(opening: list[Run], row: list[Run]) -> list[float]:
    """Where each cell of a row ends: the right of the last run before the next cell opens."""
    ends = []
    for following in [*opening[1:], None]:
        stop = next(i for i, run in enumerate(row) if run is following) if following is not None else len(row)
        ends.append(row[stop - 1].box.x1)
    return ends


def cells_text(row: list[Run], body: Style) -> str:
    """A table's row as a line: its cells' words, parted by tabs."""
    opening = {id(run) for run in cells_of(row, body)}
    starts = [i for i, run in enumerate(row) if id(run) in opening] + [len(row)]
    return "\t".join(joined(row[a:b]) for a, b in pairwise(starts))
