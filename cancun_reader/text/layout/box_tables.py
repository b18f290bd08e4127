"""Small tables in boxes that an extractor read cell by cell: the years of a fact file read apart
from their events, and a box's cells read one a line, paired back into rows."""

from __future__ import annotations

import re
from collections.abc import Callable

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.core.prose.shapes import is_all_caps
from cancun_reader.text.layout.lines import FACT_LINE, YEAR

NUMBER_CELL = re.compile(r"[\d.,%$€£]+")
"""A cell that is a figure or a year alone: `34`, `1994`, `12%`."""


def runs_of(lines: Lines, kind: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The longest runs of two lines or more that are each of a kind, as (first, past) indexes."""
    runs, index = [], 0
    while index < len(lines):
        end = index
        while end < len(lines) and kind(end):
            end += 1
        if end - index >= 2:
            runs.append((index, end))
        index = max(end, index + 1)
    return runs


def gather_fact_years(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""The years of a fact file that the extractor read apart from their events (pypdf reads a
    box's column of years first, even before the text's title, and they land inside a sentence):
    under a title in capitals, events one a line with no figure, and elsewhere in the text the one
    run of as many years alone, one a line. The years are moved after the events, where the box's
    table is rebuilt (`rebuild_box_table` pairs each year with its event), and the move recorded.

    >>> text = "When the\n1996\n1999\nthey met.\nDATES\nGroups set up\nSeattle fails\nIt ended."
    >>> [t for _, t in gather_fact_years(number_lines(text))[0]]
    ['When the', 'they met.', 'DATES', 'Groups set up', 'Seattle fails', '1996', '1999', 'It ended.']

    Negative: with two runs of years that could be the box's, which one it is is not certain.
    >>> gather_fact_years(number_lines("2001\n2003\n" + text))[1]
    []
    """
    texts = [t.strip() for _, t in lines]

    def is_event(index: int) -> bool:
        return bool(texts[index]) and is_table_cell(texts[index]) and not re.search(r"\d", texts[index])

    def under_title(index: int) -> bool:
        """Under a box's title, as `rebuild_box_table` finds one: in capitals, after a sentence."""
        title, before = index - 1, texts[index - 2] if index > 1 else ""
        return (
            title >= 0
            and is_all_caps(texts[title])
            and "\t" not in texts[title]
            and (not before or ends_sentence(before))
        )

    years = runs_of(lines, lambda index: bool(YEAR.fullmatch(texts[index])))
    events = [run for run in runs_of(lines, is_event) if under_title(run[0])]
    pairs = [(e, y) for e in events for y in years if y[1] - y[0] == e[1] - e[0]]
    if len(pairs) != 1 or len(events) != 1:
        return lines, []
    (first, past), (start, end) = pairs[0]
    if start == past:  # the years follow their events already
        return lines, []
    moved = lines[start:end]
    rest = lines[:start] + lines[end:]
    at = past - len(moved) if end <= first else past  # where the events end once the years are out
    title = texts[first - 1]
    return rest[:at] + moved + rest[at:], [
        Repair(Kind.FACT_FILE_YEARS_MOVED, number, year, f"into the box {title}") for number, year in moved
    ]


def rebuild_box_table(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""A small table or fact file in a box whose cells the extractor read one per line, each
    column in turn or out of order (`Countries` / `Days of talks` / `34` / `3`): under a title in
    capitals, short cells of words and as many cells of figures are paired in their order, a year
    before its event (`1994 NAFTA enters into force`), another figure after its label
    (`Countries 34`), and set as rows of a table. A cell that holds its figure already is a row.

    >>> text = "IN FIGURES\nCountries\n\nDays of talks\n\n34\n\n3\n\nThe talks went on for a year."
    >>> [t for _, t in rebuild_box_table(number_lines(text))[0]]
    ['IN FIGURES', '', 'Countries\t34', 'Days of talks\t3', '', 'The talks went on for a year.']
    >>> text = "DATES\nMexico joins\n1986\n1994\nNAFTA in force\nIt ended."
    >>> [t for _, t in rebuild_box_table(number_lines(text))[0]]
    ['DATES', '', '1986\tMexico joins', '1994\tNAFTA in force', '', 'It ended.']

    Negative: items with no figures are a list, not a table; a heading before its text stays.
    >>> rebuild_box_table(number_lines("ISSUES\nInvestment\nCompetition policy\nIt ended."))[1]
    []
    >>> rebuild_box_table(number_lines("AFTER 2003\n2004 was a quiet year for the members."))[1]
    []
    """
    out: Lines = []
    repairs: list[Repair] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        out.append((number, text))
        index += 1
        before = out[-2][1] if len(out) > 1 else ""
        if not (text and is_all_caps(text) and (not before or ends_sentence(before))):
            continue
        end, cells = index, []
        while end < len(lines) and is_table_cell(lines[end][1]):
            if lines[end][1]:
                cells.append((end, *lines[end]))
            end += 1
        # the longest run of cells that pairs into rows: the text may go on right after the table
        used = next((k for k in range(len(cells), 1, -1) if table_rows([t for *_, t in cells[:k]])), 0)
        if not used:
            continue
        rows = table_rows([t for *_, t in cells[:used]]) or []
        out.append((number, ""))
        out += [(cells[0][1], "\t".join(row)) for row in rows]
        repairs += [Repair(Kind.TABLE_CELLS_PAIRED, n, t, "row of a table") for _, n, t in cells[:used]]
        index = cells[used - 1][0] + 1
        if index < len(lines) and lines[index][1]:
            out.append((cells[used - 1][1], ""))  # the table ends where the text goes on
    return out, repairs


def is_table_cell(text: str) -> bool:
    """A line that may be a cell of a small table: blank, a figure, or a few words that end no
    sentence and begin with a capital or a figure."""
    plain = text.strip()
    return not plain or (
        len(plain.split()) <= 10
        and not ends_sentence(plain)
        and not is_all_caps(plain)
        and starts_sentence(plain)
    )


def table_rows(cells: list[str]) -> list[tuple[str, ...]] | None:
    """Cells paired into rows, or None when they are not those of a two-column table: as many
    figures alone as labels without one (or every cell a row already), and two rows at least.

    >>> table_rows(["Countries 34", "Days of talks 3"])
    [('Countries', '34'), ('Days of talks', '3')]

    Negative: items of which some have no figure are a list.
    >>> table_rows(["Third ministerial", "Held in 1999"]) is None
    True
    """
    figures = [c for c in cells if NUMBER_CELL.fullmatch(c)]
    labels = [c for c in cells if not NUMBER_CELL.fullmatch(c)]
    whole = [c for c in labels if re.search(r"\s[\d.,%$€£]+$", c) or FACT_LINE.match(c)]
    labels = [c for c in labels if c not in whole]
    if len(figures) != len(labels) or len(figures) + len(whole) < 2:
        return None
    paired = dict(zip(labels, figures, strict=True))
    rows: list[tuple[str, ...]] = []
    for cell in (c for c in cells if not NUMBER_CELL.fullmatch(c)):
        if cell in paired:
            figure = paired[cell]
            rows.append((figure, cell) if YEAR.fullmatch(figure) else (cell, figure))
        else:
            rows.append(tuple(cell.split(" ", 1)) if FACT_LINE.match(cell) else tuple(cell.rsplit(" ", 1)))
    return rows
