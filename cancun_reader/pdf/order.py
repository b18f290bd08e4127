"""The order of a page's lines: the main flow column by column, a span across the columns (a title,
a box set across them) between what stands above and below it, a pull quote the columns flow round
read where the column it starts in reaches it; and the notes at the page's foot, column by column
where they stand in columns."""

from __future__ import annotations

from dataclasses import replace

from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.pdf.columns import Columns
from cancun_reader.pdf.lines import Line, joined, main_style, merge_box, rows
from cancun_reader.pdf.page import Page, Style

Item = tuple[int | None, float, list[Line]]
"""What is put in reading order: a row of the flow in one column, a row spanning the columns, or a
whole box; by its column (None: across them) and its top."""


def in_reading_order(items: list[tuple[int | None, float, list[Line]]], columns: Columns) -> list[Line]:
    """Items of a page in reading order: the spans across the columns by their tops, and before
    each, what the columns hold above it, column by column."""
    floats = [i for i in items if i[0] is None and is_floated_quote(i[2], columns)]
    spans = sorted((i for i in items if i[0] is None and i not in floats), key=lambda i: i[1])
    in_columns = sorted((i for i in items if i[0] is not None), key=lambda i: (i[0], i[1]))
    for quote in floats:  # read with the column it starts in, where that column reaches it
        at = columns.of(replace(quote[2][0].box, x1=quote[2][0].box.x0), 0.0)
        in_columns.append((at if at is not None else 0, quote[1], quote[2]))
    in_columns.sort(key=lambda i: (i[0], i[1]))
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


def is_floated_quote(lines: list[Line], columns: Columns) -> bool:
    """Whether lines across the gutter are a pull quote the columns' text flows round (as a
    magazine's layout sets it), not a block that parts the text above it from the text below (as
    a web page's spanning box does): a sentence in slanted type, short of the text's
    edges on both sides by an em of its own.

    >>> from cancun_reader.pdf.page import Box
    >>> two = Columns(((50, 280), (300, 530)))
    >>> def line(text, x0, x1, style): return Line(text, Box(x0, 150, x1, 166), style, (50, 530))
    >>> is_floated_quote([line("“They went home.”", 120, 460, Style("Serif", 16, italic=True))], two)
    True

    Negative: a heading across the columns (no sentence), and a quote as wide as the text.
    >>> is_floated_quote([line("The road to Miami", 120, 460, Style("Serif", 16, italic=True))], two)
    False
    >>> is_floated_quote([line("“They went home.”", 50, 530, Style("Serif", 16, italic=True))], two)
    False
    """
    if len(columns.spans) < 2 or not lines:
        return False
    style, em = lines[0].style, lines[0].style.size
    left, right = min(line.box.x0 for line in lines), max(line.box.x1 for line in lines)
    return (
        style.italic
        and ends_sentence(lines[-1].text)
        and left >= columns.spans[0][0] + em
        and right <= columns.spans[-1][1] - em
    )


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


def note_lines(
    page: Page, notes: set[int], body: Style, span: tuple[float, float], columns: Columns
) -> list[Line]:
    """The notes at a page's foot as lines, read apart from the text: column by column where they
    stand in the page's columns (a note set under each column, or the notes in columns of their
    own), across the page where one spans them.

    >>> from cancun_reader.pdf.page import Box, Run
    >>> small = Style("Serif", 8)
    >>> def note(text, x0, top): return Run(text, Box(x0, top, x0 + 200, top + 9), top + 7, small)
    >>> runs = (note("1 The first", 50, 760), note("2 The second", 300, 760))
    >>> page = Page(1, 595, 842, (*runs, note("note.", 50, 770), note("note.", 300, 770)))
    >>> def read(columns): return [n.text for n in note_lines(page, {0, 1, 2, 3}, small, (50, 530), columns)]
    >>> read(Columns(((50, 280), (300, 530))))
    ['1 The first', 'note.', '2 The second', 'note.']

    Negative: on a page of one column, the notes are read row by row.
    >>> read(Columns(((50, 530),)))
    ['1 The first 2 The second', 'note. note.']
    """
    runs = [page.runs[i] for i in sorted(notes)]
    where = [columns.of(r.box, body.size) for r in runs]
    placed = [at for at in where if at is not None]
    parts = [runs]
    if len(placed) == len(where) and len(set(placed)) > 1:  # every note in a column, and not all in one
        parts = [
            [r for r, at in zip(runs, placed, strict=True) if at == column] for column in sorted(set(placed))
        ]
    return [
        Line(joined(row), merge_box(row), main_style(row), span, page=page.number, note=True)
        for part in parts
        for row in rows(part, body)
    ]
