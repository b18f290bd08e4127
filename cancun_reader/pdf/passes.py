"""The PDF reader as passes: each adds one kind of object to what is known of a PDF's pages
(`Reading`), in the order of `PASSES`, as the layout and repair stages run their steps. A reader
that must know more of a page adds a pass here, rather than a call inside another.

The first pass reads the glyphs into words and runs of one style (`glyphs.read_pages`, from the
PDF's bytes); the rest take the pages as data:

- the body's style: the size and face most of the text is set in (`columns.body_style`);
- the drawn regions: frames and fills that box a part of the page (`drawings.boxes_on`);
- the notes printed at the pages' feet (`notes.foot_notes`), and the runs inside drawn regions;
- the furniture: running heads and page numbers (`furniture.furniture`);
- each page's boxes (drawn, or marked by a heavy rule) with the runs in each, and the runs of the
  text's flow (`reading.grouped_runs`);
- each page's columns, from where the flow's lines stand (`columns.columns_of`), or the page
  before's where it has too few lines to show them (`columns.kept_columns`);
- each page's lines: the flow's rows in their columns, each box whole, a table's rows with their
  cells (`reading.flow_items`, `reading.group_items`, `tables`);
- each page's lines in reading order, its furniture above and below them, its notes apart
  (`order.in_reading_order`).

`reading.write_text` then writes the text, line by line, with what the page shows of each line
(`Printed`: where it stands, its page and box, its indent, its type), which the later stages use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from cancun_reader.core.model import Printed
from cancun_reader.pdf.columns import Columns, body_style, columns_of, is_body_size, kept_columns
from cancun_reader.pdf.drawings import boxes_on
from cancun_reader.pdf.furniture import furniture
from cancun_reader.pdf.lines import Line
from cancun_reader.pdf.notes import foot_notes
from cancun_reader.pdf.order import Item, in_reading_order, note_lines
from cancun_reader.pdf.page import Box, Page, Run, Style
from cancun_reader.pdf.reading import (
    bullet_shown,
    flow_items,
    furniture_lines,
    group_items,
    grouped_runs,
    text_span,
    write_text,
)

Runs = frozenset[tuple[int, int]]
"""Runs of the pages, each by its page's number and its index among the page's runs."""


@dataclass(frozen=True)
class Boxes:
    """A page's boxes, the box each run in one is in (by the run's index), and the flow's runs."""

    groups: list[Box]
    in_group: dict[int, int]
    flow: list[Run]


@dataclass(frozen=True)
class Reading:
    """What the passes have found of a PDF's pages so far: each field is one pass's."""

    pages: tuple[Page, ...]
    body: Style | None = None
    drawn: dict[int, list[Box]] = field(default_factory=dict)  # by page number
    notes: Runs = frozenset()  # at the pages' feet
    boxed: Runs = frozenset()  # inside a drawn region
    furniture: Runs = frozenset()
    boxes: dict[int, Boxes] = field(default_factory=dict)
    columns: dict[int, Columns] = field(default_factory=dict)
    items: dict[int, list[Item]] = field(default_factory=dict)
    """Each page's lines, as rows of its flow (by column) and whole boxes, not yet in order."""
    lines: dict[int, tuple[list[Line], list[Line]]] = field(default_factory=dict)
    """Each page's lines in reading order, and its notes, by page number."""

    @property
    def style(self) -> Style:
        assert self.body is not None, "the body's style is found first (PASSES)"
        return self.body


def find_body_style(reading: Reading) -> Reading:
    return replace(reading, body=body_style(list(reading.pages)))


def find_drawn_regions(reading: Reading) -> Reading:
    return replace(reading, drawn={p.number: boxes_on(p, reading.style) for p in reading.pages})


def find_notes_and_boxed_runs(reading: Reading) -> Reading:
    pages, drawn = reading.pages, reading.drawn
    notes = {(p.number, i) for p in pages for i in foot_notes(p, reading.style, drawn[p.number])}
    boxed = {
        (p.number, i) for p in pages for b in drawn[p.number] for i, r in enumerate(p.runs) if b.holds(r.box)
    }
    return replace(reading, notes=frozenset(notes), boxed=frozenset(boxed))


def find_furniture(reading: Reading) -> Reading:
    flow_runs = {p.number: [r for r in p.runs if is_body_size(r, reading.style)] for p in reading.pages}
    found = furniture(list(reading.pages), flow_runs, set(reading.notes), set(reading.boxed))
    return replace(reading, furniture=frozenset(found))


def runs_of_page(runs: Runs, page: Page) -> set[int]:
    return {i for n, i in runs if n == page.number}


def find_boxes(reading: Reading) -> Reading:
    """The boxes of each page (drawn, or marked by a heavy rule), the box each run in one is in,
    and the runs of the text's flow (in no box, no furniture, no note)."""
    boxes = {}
    for page in reading.pages:
        apart = runs_of_page(reading.furniture | reading.notes, page)
        boxes[page.number] = Boxes(*grouped_runs(page, reading.style, apart, reading.drawn[page.number]))
    return replace(reading, boxes=boxes)


def find_columns(reading: Reading) -> Reading:
    flows = {p.number: reading.boxes[p.number].flow for p in reading.pages}
    found = {number: columns_of(flow, reading.style) for number, flow in flows.items()}
    widths = {p.number: p.width for p in reading.pages}
    return replace(reading, columns=kept_columns(found, flows, widths, reading.style))


def find_lines(reading: Reading) -> Reading:
    """Each page's lines: the flow's rows, each in its column (or across), and each box's, whole
    (a table's rows with their cells), with the bullets the page draws before them."""
    items = {}
    for page in reading.pages:
        boxes, columns, body = reading.boxes[page.number], reading.columns[page.number], reading.style
        shown, span = bullet_shown(page, body), text_span(page, columns)
        found = flow_items(page, boxes.flow, columns, span, body, shown)
        items[page.number] = found + group_items(page, boxes.groups, boxes.in_group, columns, body, shown)
    return replace(reading, items=items)


def order_lines(reading: Reading) -> Reading:
    """Each page's lines in reading order, its furniture above and below them, and its notes."""
    lines = {}
    for page in reading.pages:
        columns, span = reading.columns[page.number], text_span(page, reading.columns[page.number])
        ordered = in_reading_order(reading.items[page.number], columns)
        heads, feet = furniture_lines(page, runs_of_page(reading.furniture, page), ordered, span)
        notes = note_lines(page, runs_of_page(reading.notes, page), reading.style, span, columns)
        lines[page.number] = (heads + ordered + feet, notes)
    return replace(reading, lines=lines)


@dataclass(frozen=True)
class Pass:
    name: str
    run: Callable[[Reading], Reading]
    adds: tuple[str, ...]  # the fields of `Reading` it fills


PASSES = (
    Pass("the body's style", find_body_style, ("body",)),
    Pass("drawn regions", find_drawn_regions, ("drawn",)),
    Pass("notes at the feet, and runs in drawn regions", find_notes_and_boxed_runs, ("notes", "boxed")),
    Pass("running heads and page numbers", find_furniture, ("furniture",)),
    Pass("boxes, and the runs of the text's flow", find_boxes, ("boxes",)),
    Pass("columns", find_columns, ("columns",)),
    Pass("lines of the flow and of the boxes, tables included", find_lines, ("items",)),
    Pass("lines in reading order", order_lines, ("lines",)),
)
"""The passes over a PDF's pages, in the order they run: each needs what those before it found."""


def read(pages: list[Page], passes: tuple[Pass, ...] = PASSES) -> Reading:
    """Every pass over the pages, in order."""
    reading = Reading(tuple(pages))
    for each in passes:
        reading = each.run(reading)
    return reading


def text_in_order(pages: list[Page]) -> tuple[str, Printed]:
    """The text of a PDF's pages in reading order, with what the page shows of the lines."""
    return write_text(read(pages))
