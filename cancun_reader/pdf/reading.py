"""A PDF's pages read in the order their author wrote them, as lines of text, with what the page
shows of each line that the text alone loses (`Printed`).

The order comes from the page's geometry, not from the order its content draws: furniture apart,
the main flow column by column and page by page; a span across the columns (a title, a box set
across them) between what stands above and below it; a box read whole where it stands in its
column. A blank line parts two lines of different kinds (another size, weight or slant of type,
another box), as any extractor's text parts its blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from cancun_reader.core.model import Printed
from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.core.prose.words import HYPHENS
from cancun_reader.pdf.columns import Columns
from cancun_reader.pdf.drawings import bulleted, bullets_on, frames_on
from cancun_reader.pdf.furniture import BAND
from cancun_reader.pdf.lines import (
    Line,
    breaks_between,
    ends_of,
    first_word_width,
    joined,
    main_style,
    merge_box,
    row_top,
    rows,
)
from cancun_reader.pdf.notes import NOTE_NUMBER
from cancun_reader.pdf.order import Item
from cancun_reader.pdf.page import BULLETS, Box, Page, Run, Style
from cancun_reader.pdf.printed import PrintedLines, carried_over, quote_lines, to_next_column
from cancun_reader.pdf.rules import ruled_boxes, ruled_quotes
from cancun_reader.pdf.tables import cells_text, flow_table_rows, table_lines

if TYPE_CHECKING:  # what the passes found is written out here; the passes call this module
    from cancun_reader.pdf.passes import Reading


def text_span(page: Page, columns: Columns) -> tuple[float, float]:
    """Where the page's text stands across: from its first column's left to its last one's right."""
    return (
        min((c[0] for c in columns.spans), default=0.0),
        max((c[1] for c in columns.spans), default=page.width),
    )


def bullet_shown(page: Page, body: Style) -> Callable[[str, Box], str]:
    """A line's text, with the bullet the page draws before it as a shape, if any."""
    bullets = bullets_on(page, body)

    def shown(text: str, box: Box) -> str:
        return f"• {text}" if bullets and bulleted(box, bullets, body) and text[:1] not in BULLETS else text

    return shown


def grouped_runs(
    page: Page, body: Style, furniture_runs: set[int], drawn: list[Box]
) -> tuple[list[Box], dict[int, int], list[Run]]:
    """The page's boxes (drawn, or marked by a heavy rule), which box holds each run in one, and
    the runs of the text's flow (in no box, no furniture)."""
    groups = list(drawn)
    runs = [r for i, r in enumerate(page.runs) if i not in furniture_runs]
    groups += ruled_boxes(page, body, runs, groups)
    groups += [q for q in ruled_quotes(page, body, runs) if not any(g.holds(q) for g in groups)]
    in_group: dict[int, int] = {}
    for index, run in enumerate(page.runs):
        for number, group in enumerate(groups):
            if index not in furniture_runs and group.holds(run.box):
                in_group[index] = number
                break
    flow = [r for i, r in enumerate(page.runs) if i not in furniture_runs and i not in in_group]
    return groups, in_group, flow


def flow_items(
    page: Page,
    flow: list[Run],
    columns: Columns,
    text_span: tuple[float, float],
    body: Style,
    shown: Callable[[str, Box], str],
) -> list[Item]:
    """Each row of the text's flow, as a line of its column (or of the whole text's width); a
    table's rows with their cells parted by tabs."""
    items: list[Item] = []
    by_column: dict[int | None, list[Run]] = {}
    across = spanned_rows(flow, columns, body)
    for run in flow:
        column = None if id(run) in across else columns.of(run.box, body.size)
        by_column.setdefault(column, []).append(run)
    for column, runs in by_column.items():
        span = text_span if column is None else columns.spans[column]
        found = rows(runs, body)
        tabled = flow_table_rows(found, body, span[1])
        for index, row in enumerate(found):
            box = merge_box(row)
            text = cells_text(row, body) if index in tabled else shown(joined(row), box)
            line = Line(text, box, main_style(row), span, page=page.number, ends=ends_of(row))
            items.append((column, row_top(row, body), [line]))
    return items


def spanned_rows(flow: list[Run], columns: Columns, body: Style) -> set[int]:
    """The runs of the rows that a run of them sets across the columns' gutter (a title justified
    across the page, cut at its widest spaces into runs, one of which crosses the gutter): the
    whole row stands across the columns, read as one line, not a part in a column and a part
    across them. Runs in another type than the one across (a column's line beside a box) stay in
    their columns."""
    found: set[int] = set()
    for row in rows(flow, body):
        wide = [run for run in row if columns.of(run.box, body.size) is None]
        if wide and len(row) > 1:
            found |= {id(run) for run in row if any(run.style == w.style for w in wide)}
    return found


def group_items(
    page: Page,
    groups: list[Box],
    in_group: dict[int, int],
    columns: Columns,
    body: Style,
    shown: Callable[[str, Box], str],
) -> list[Item]:
    """Each box, whole: its lines (a table's rows with their cells), in the column it stands in."""
    items: list[Item] = []
    for number, group in enumerate(groups):
        runs = [page.runs[i] for i, g in in_group.items() if g == number]
        lines = [
            Line(
                shown(text, merge_box(row)),
                merge_box(row),
                main_style(row),
                (group.x0, group.x1),
                group=number,
                page=page.number,
                ends=ends_of(row),
            )
            for text, row in table_lines(rows(runs, body), body)
        ]
        if lines:
            items.append((columns.of(group, body.size), group.top, lines))
    return items


def furniture_lines(
    page: Page, runs: set[int], ordered: list[Line], text_span: tuple[float, float]
) -> tuple[list[Line], list[Line]]:
    """The page's furniture as lines, those above the text first and those below it after it."""
    found = [
        Line(
            page.runs[i].text,
            page.runs[i].box,
            page.runs[i].style,
            text_span,
            furniture=True,
            page=page.number,
        )
        for i in sorted(runs, key=lambda i: page.runs[i].box.top)
    ]
    top = ordered[0].box.top if ordered else page.height / 2
    return [h for h in found if h.box.top < top], [h for h in found if h.box.top >= top]


def write_text(reading: Reading) -> tuple[str, Printed]:
    """The text of a PDF's pages as the passes read them (`passes.read`), line by line in reading
    order, with a form feed before each page after the first, and what the page shows of the lines
    (`Printed`)."""
    pages, body = reading.pages, reading.style
    texts: list[str] = []
    printed = PrintedLines(body)
    at_foot: list[Box] = []
    notes: list[Line] = []
    before: Line | None = None  # the last line of the text read, furniture aside, across pages
    for page in pages:
        lines, noted = reading.lines[page.number]
        notes += noted
        pictures = frames_on(page, body)
        frames = pictures + carried_over(at_foot, lines, body) + to_next_column(pictures, lines, body)
        at_foot = [f for f in pictures if f.bottom > (1 - 2 * BAND) * page.height]
        page_start = len(texts)
        ruled = quote_lines(lines, page, body)
        edges = right_edges(lines)
        table = (-1, -1)  # the box whose table's first row was read: its cells' lines run on
        for index, line in enumerate(lines):
            in_table = before is not None and (before.page, before.group) == table == (line.page, line.group)
            opens_table = "\t" in line.text and line.group >= 0 and not in_table  # below its title
            if (
                not line.furniture
                and before is not None
                and not in_table
                and (
                    opens_table
                    or breaks_between(before, line, body)
                    or (index not in ruled and ends_short(before, line, edges, body))
                )
            ):
                texts.append("")
            if "\t" in line.text and line.group >= 0:
                table = (line.page, line.group)
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
    sizes = tuple((page.number, page.width, page.height) for page in pages)
    return "\n".join(texts), replace(printed.result(), body_size=body.size, pages=sizes)


def right_edges(lines: list[Line]) -> dict[tuple[int, int], float]:
    """Where the lines of each box of a page may end at the right: its frame's edge, less the space
    its lines keep from its left edge (the box's padding). A box that holds a table has none (its
    cells wrap as their columns do)."""
    tables = {(line.page, line.group) for line in lines if "\t" in line.text}
    starts: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.group)
        if line.group >= 0 and key not in tables:
            starts[key] = min(starts.get(key, line.box.x0), line.box.x0)
    frames = {(line.page, line.group): line.column for line in lines}
    return {key: frames[key][1] - (start - frames[key][0]) for key, start in starts.items()}


def ends_short(before: Line, line: Line, edges: dict[tuple[int, int], float], body: Style) -> bool:
    """Whether a line of a box ends its item: the next line's first word would have fit after it,
    so the layout broke the line there on purpose (an item of a list with no bullets, a fact, a
    short paragraph), not where the line was full. A table's rows are rows already, a bulleted
    item is parted by its bullet, and a line ending on a hyphen goes on.

    >>> from cancun_reader.pdf.page import Box, Style
    >>> body = Style("Serif", 10)
    >>> def line(text, x1, top): return Line(text, Box(55, top, x1, top + 10), body, (50, 250), group=0)
    >>> items = [line("Investment", 100, 0), line("Competition policy", 140, 12), line("Trade and", 240, 24)]
    >>> edges = right_edges(items)
    >>> ends_short(items[0], items[1], edges, body)
    True

    Negative: a line too full for the next line's first word wraps its item; and a title in bold
    broken short of a sentence's end goes on (a setter balances a title's lines by sense).
    >>> ends_short(items[2], line("procurement rules", 150, 36), edges, body)
    False
    >>> bold = Style("Sans", 9, bold=True)
    >>> def title(t, x1, top): return Line(t, Box(55, top, x1, top + 10), bold, (50, 250), group=0)
    >>> title = [title("WHAT THE GROUP", 120, 0), title("ASKED", 90, 11)]
    >>> ends_short(title[0], title[1], right_edges([*title, *items]), body)
    False
    """
    if before.group < 0 or before.group != line.group or before.page != line.page:
        return False
    if before.style.bold and before.style == line.style and not ends_sentence(before.text):
        return False
    if (line.page, line.group) not in edges or line.box.top <= before.box.top:
        return False
    if line.text[:1] in BULLETS or before.text.endswith(tuple(HYPHENS)):
        return False  # its bullet parts it already; a hyphen says the word goes on
    room = edges[(line.page, line.group)] - before.box.x1
    return room > first_word_width(line) + 0.6 * body.size
