"""The PDF reader as passes: each adds one kind of object to what is known of a PDF's pages
(`Reading`), in the order of `PASSES`, as the layout and repair stages run their steps. A reader
that must know more of a page adds a pass here, rather than a call inside another.

The first pass reads the glyphs into words and runs of one style (`glyphs.read_pages`, from the
PDF's bytes); the rest take the pages as data:

- the body's style: the size and face most of the text is set in (`columns.body_style`);
- the drawn regions: frames and fills that box a part of the page (`drawings.boxes_on`);
- the notes printed at the pages' feet (`notes.foot_notes`), and the runs inside drawn regions;
- the furniture: running heads and page numbers (`furniture.furniture`);
- the lines of each page, in reading order: runs gathered into lines, columns found, boxes and
  their tables read whole where they stand, the notes apart (`reading.page_lines`).

`reading.write_text` then writes the text, line by line, with what the page shows of each line
(`Printed`: where it stands, its page and box, its indent, its type), which the later stages use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from cancun_reader.core.model import Printed
from cancun_reader.pdf.columns import body_style, is_body_size
from cancun_reader.pdf.drawings import boxes_on
from cancun_reader.pdf.furniture import furniture
from cancun_reader.pdf.lines import Line
from cancun_reader.pdf.notes import foot_notes
from cancun_reader.pdf.page import Box, Page, Style
from cancun_reader.pdf.reading import page_lines, write_text

Runs = frozenset[tuple[int, int]]
"""Runs of the pages, each by its page's number and its index among the page's runs."""


@dataclass(frozen=True)
class Reading:
    """What the passes have found of a PDF's pages so far: each field is one pass's."""

    pages: tuple[Page, ...]
    body: Style | None = None
    drawn: dict[int, list[Box]] = field(default_factory=dict)  # by page number
    notes: Runs = frozenset()  # at the pages' feet
    boxed: Runs = frozenset()  # inside a drawn region
    furniture: Runs = frozenset()
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


def order_lines(reading: Reading) -> Reading:
    return replace(
        reading,
        lines={
            page.number: page_lines(
                page,
                reading.style,
                {i for n, i in reading.furniture if n == page.number},
                {i for n, i in reading.notes if n == page.number},
                reading.drawn[page.number],
            )
            for page in reading.pages
        },
    )


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
