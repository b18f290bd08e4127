"""A box's table, read from where its rows open cells: a tab parts two cells, and a line of a
cell that wraps says which cell it goes on."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from cancun_reader.pdf.lines import joined
from cancun_reader.pdf.page import Run, Style

CELL_GAP = 1.0
"""A gap of this many ems between two runs of a row in a box parts two cells of a table: a word
space is a third of an em, a list's bullet stands an em or less from its item."""


def table_lines(boxed: list[list[Run]], body: Style) -> list[tuple[str, list[Run]]]:
    """The lines of a box, with the runs each shows; its table's cells parted by tabs: a cell
    opens where a run follows a gutter's gap at a place where other rows open one too (a wide
    space in one row is no column). A row whose cells wrap over several lines gives its first
    line, then each other cell's further lines, as many tabs before each as cells before its own;
    when its first cell wraps, it is read cell by cell, as its words are meant to be read: the
    first cell's lines (a tab after its first, which opens the row), then each other cell's
    (`blocks.table_rows` reads them so). A box with no table is its lines.

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
    for row in boxed:
        split = split_cells(row, near, body)
        if len(split) > 1:  # a new row of the table
            out.extend(row_lines(table_row))
            table_row = [[] for _ in starts]
            for cell in split:
                table_row[column(cell[0])].append(cell)
        elif table_row:  # a cell of the row above goes on
            table_row[column(row[0])].append(row)
        else:
            out.append((joined(row), row))
    out.extend(row_lines(table_row))
    return out


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
