"""Doubts the printed page raises (a text read from a PDF), each said with the directive that
settles it as `doubts.py` says the rest: a paragraph holding lines in another type than the body's,
a paragraph or note whose lines go from column to column where the page's geometry does not bear
the order out, a caption made of lines that stand apart."""

from __future__ import annotations

import itertools

from cancun_reader.core.model import Blocks, Caption, Footnote, Paragraph, Printed
from cancun_reader.text.doubts import ADVICE, quotable  # noqa: F401 (ADVICE: the doctests)
from cancun_reader.text.regions import GAP_LINES, Region, lines_by_block, places_by_line, together

ODD_TYPE = (
    "paragraph holds lines set in another type than the text's{where}: if it is read right, add to "
    "{corrections}: - {{confirm: {last}}}; if it is a note, a caption, a heading or a pull quote, give it "
    "- {{role: {last}, as: note}} (or caption, heading, pull quote); if two blocks were read as one, "
    '- {{break: "<the first words of the second>"}}'
)


COLUMN_JUMP = (
    "paragraph leaves its column on page {page} where the page prints other lines right {where} it: "
    "the columns may be read in the wrong order here; if it is read right, add to {corrections}: "
    "- {{confirm: {last}}}; if another paragraph's words were read into it, set them apart with "
    '- {{break: "<the first words read from elsewhere>"}} and put them in their place with '
    '- {{move: "<those words>", after: "<the words they follow in print>"}}'
)


CAPTION_APART = (
    "caption is made of lines that stand apart on the page (from page {page}): a line near its "
    "picture may have been read into it; if it is read right, add to {corrections}: "
    "- {{confirm: {last}}}; if a line of it is a heading or the text's, "
    '- {{break: "<the first words of that line>"}}'
)


READER = {
    ODD_TYPE: "this paragraph holds words printed in another type: a note, a heading or a caption "
    "may have been read into it",
    COLUMN_JUMP: "the lines of this paragraph may have been read in the wrong order across the columns",
    CAPTION_APART: "this caption may hold words printed elsewhere, near its picture",
}
"""What a reader is told of each of these doubts, where it stands on the page."""


def odd_type(
    blocks: Blocks,
    placed: tuple[tuple[int, int], ...],
    printed: Printed,
    corrections: str = "the text's corrections file",
    confirmed: frozenset[int] = frozenset(),
) -> list[tuple[int, str, str]]:
    """The paragraphs that hold lines the page sets in a type larger or smaller than the body's
    (`Printed.odd`), by the lines they are made of (`placed`): a note, a heading, a caption or a
    pull quote may have been read into them, or they may be one.

    >>> printed = Printed(odd=frozenset({4}))
    >>> text = (Paragraph("It ended. 1 See the statement.", 3),)
    >>> found = odd_type(text, ((3, 3), (4, 3)), printed, "a.yml")
    >>> found[0][0], ADVICE.search(found[0][1])[1]
    (3, '- {confirm: "the statement."}')

    Negative: a paragraph all in the body's type, or one an editor confirmed, is no doubt.
    >>> odd_type(text, ((3, 3),), printed)
    []
    >>> odd_type(text, ((3, 3), (4, 3)), printed, confirmed=frozenset({3}))
    []
    """
    if not printed.odd:
        return []
    holding = lines_by_block(placed)
    found = []
    for block in blocks:
        if not isinstance(block, Paragraph) or block.front or block.line in confirmed:
            continue
        odd = [line for line in holding.get(block.line, []) if line in printed.odd]
        if odd:
            where = "" if len(odd) == len(holding[block.line]) else f" (line {odd[0]} as received)"
            last = quotable(blocks, block, from_end=True)
            said = ODD_TYPE.format(where=where, corrections=corrections, last=last)
            found.append((block.line, said, READER[ODD_TYPE]))
    return found


def next_to(line: Region, other: Region, below: bool) -> bool:
    """Whether `other` is printed right below `line` (or right above it): on its page, across the
    same width, the usual space between lines of text apart.

    >>> next_to((1, 60.0, 189.0, 190.0, 199.0), (1, 62.0, 201.0, 196.0, 211.0), below=True)
    True

    Negative: the next column, or a line further down past a picture or a box.
    >>> next_to((1, 60.0, 189.0, 190.0, 199.0), (1, 224.0, 201.0, 370.0, 211.0), below=True)
    False
    >>> next_to((1, 60.0, 189.0, 190.0, 199.0), (1, 62.0, 260.0, 196.0, 270.0), below=True)
    False
    """
    upper, lower = (line, other) if below else (other, line)
    height = max(lower[4] - lower[2], 1.0)
    across = upper[1] < lower[3] and lower[1] < upper[3]
    return upper[0] == lower[0] and across and -height / 2 <= lower[2] - upper[4] <= GAP_LINES * height


def column_jumps(
    blocks: Blocks,
    placed: tuple[tuple[int, int], ...],
    printed: Printed,
    corrections: str = "the text's corrections file",
    confirmed: frozenset[int] = frozenset(),
) -> list[tuple[int, str, str]]:
    """The paragraphs and notes whose lines leave a place on the page where another line in the
    same type is printed right below the one they leave, or enter one right below another: a
    reading order between columns that the page's geometry does not bear out (a column's lines
    spliced into another's, round a box or a picture, notes set side by side read across); and
    the captions whose lines stand apart (one carried over to a page, or a column, by nearness).

    >>> printed = Printed(places=((3, 1, 60.0, 189.0, 190.0, 199.0), (4, 1, 224.0, 153.0, 370.0, 163.0),
    ...                           (9, 1, 62.0, 201.0, 196.0, 211.0)))
    >>> text = (Paragraph("the poorest countries twenty was the lesson.", 3), Paragraph("would lose.", 9))
    >>> found = column_jumps(text, ((3, 3), (4, 3), (9, 9)), printed, "a.yml")
    >>> found[0][0], ADVICE.search(found[0][1])[1]
    (3, '- {confirm: "the lesson."}')
    >>> ADVICE.search(column_jumps((Caption("A march. Then", 3),), ((3, 3), (4, 3)), printed)[0][1])[1]
    '- {confirm: "march. Then"}'

    Negative: a paragraph going on at the top of the next column, its own column ended.
    >>> ended = Printed(places=printed.places[:2])
    >>> column_jumps(text[:1], ((3, 3), (4, 3)), ended)
    []
    """
    if not printed.places:
        return []
    places = places_by_line(printed)
    apart = printed.furniture | printed.quotes  # not the lines of a block's flow
    on_page: dict[tuple[int, bool], list[tuple[int, Region]]] = {}
    for line, place in places.items():
        if line not in apart:
            on_page.setdefault((place[0], line in printed.odd), []).append((line, place))
    lines_of = {block: [n for n in lines if n in places] for block, lines in lines_by_block(placed).items()}
    found = []
    for block in blocks:
        if not isinstance(block, (Paragraph, Footnote, Caption)) or block.line in confirmed:
            continue
        if isinstance(block, Paragraph) and block.front:
            continue
        for left, entered in itertools.pairwise(lines_of.get(block.line, [])):
            if together(places[left], places[entered]):
                continue
            where = (
                "apart"
                if isinstance(block, Caption)
                else printed_next_to(places, on_page, printed.odd, left, entered)
            )
            if where:
                message = CAPTION_APART if where == "apart" else COLUMN_JUMP
                last = quotable(blocks, block, from_end=True)
                said = message.format(page=places[left][0], where=where, corrections=corrections, last=last)
                found.append((block.line, said, READER[message]))
                break
    return found


def printed_next_to(
    places: dict[int, Region],
    on_page: dict[tuple[int, bool], list[tuple[int, Region]]],
    odd: frozenset[int],
    left: int,
    entered: int,
) -> str:
    """Where a block that goes from line `left` to line `entered` passes over another line in the
    same type printed next to one of them: `below` the line it leaves, `above` the one it enters,
    or nowhere (an empty string)."""
    if any(
        next_to(places[left], place, below=True)
        for line, place in on_page.get((places[left][0], left in odd), [])
        if line != entered
    ):
        return "below"
    if any(
        next_to(places[entered], place, below=False)
        for line, place in on_page.get((places[entered][0], entered in odd), [])
        if line != left
    ):
        return "above"
    return ""
