"""The items of boxes: one per line under a title, with no bullet, or wrapped with no space between
them (the small tables of boxes are `box_tables.py`'s)."""

from __future__ import annotations

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.core.prose.shapes import MIXED_CASE_HEADING, is_all_caps
from cancun_reader.core.prose.words import HYPHENS, excerpt
from cancun_reader.text.layout.box_tables import is_table_cell
from cancun_reader.text.layout.furniture import MAX_FURNITURE_WORDS
from cancun_reader.text.layout.headings import HEADING_END_WORDS, HEADING_WIDTH
from cancun_reader.text.layout.lines import FACT_LINE, LIST_MARK, line_width
from cancun_reader.text.layout.paragraphs import SHORT_LAST_LINE


def is_box_title(text: str, width: float) -> bool:
    """A line that may title a box: a few words in capitals, or a line shaped as a heading in
    ordinary case and shorter than a heading's share of a full line (`Cotton in four countries`).

    >>> is_box_title("THE FOUR ISSUES", 60), is_box_title("Cotton in four countries", 60)
    (True, True)

    Negative: a line of text.
    >>> is_box_title("The cotton initiative did not succeed", 60)
    False
    """
    if is_all_caps(text):
        return len(text.split()) <= MAX_FURNITURE_WORDS
    return bool(MIXED_CASE_HEADING.fullmatch(text)) and len(text) < HEADING_WIDTH * width


def listed_items(lines: Lines, start: int) -> int:
    """How many lines from `start` on are list items with their bullets, one after another."""
    end = start
    while end < len(lines) and LIST_MARK.match(lines[end][1]):
        end += 1
    return end - start


def find_box_items(lines: Lines, drawn: tuple[tuple[int, int], ...] = ()) -> tuple[Lines, list[Repair]]:
    r"""The items of a box under a title in capitals, one per line with no bullet: lines of a fact
    file (each starting with a year), or short lines that end no sentence. The title stands at the
    start of a block; two items at least follow it, line by line (or after a blank line); each
    becomes a list item (a bullet is added), and the box ends where a full line of text begins.
    A box a PDF's page draws (`drawn`: its first and last lines) is left to the page's own
    spacing (`repair.sidebars` makes each of its blocks an item): no title inside it, nor above it.

    >>> text = "THE FOUR ISSUES\nInvestment\nCompetition policy\nOutside, the news spread among all."
    >>> [t for _, t in find_box_items(number_lines(text))[0]]
    ['THE FOUR ISSUES', '• Investment', '• Competition policy', '', 'Outside, the news spread among all.']

    Negative: a section heading followed by its paragraph keeps it, a word in capitals broken
    at a line end is no title, and on a page read, a line set apart above a box is not its title.
    >>> find_box_items(number_lines("THE ROOM EMPTIES\nWhen the meeting broke up, some had left."))[1]
    []
    >>> find_box_items(number_lines("It ended.\nOutside\n\nThe four issues\nInvestment"), ((4, 5),))[1]
    []
    >>> find_box_items(number_lines("the.\n\nFTAA-\nthe\nmembers\nthe rest of it."))[1]
    []
    """
    width = line_width(lines)
    out: Lines = []
    repairs = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        before = out[-1][1] if out else ""
        out.append((number, text))
        index += 1
        broken = text.rstrip().endswith((*HYPHENS, ",", ";"))
        if not is_box_title(text, width) or broken or (before and not ends_sentence(before)):
            continue
        start = index + 1 if index < len(lines) - 1 and not lines[index][1] else index  # pdfminer's break
        listed = listed_items(lines, start)
        if listed >= 2 and start == index:  # items with their bullets: the title set apart from them
            out[-1:] = [(number, ""), (number, text)] if before else out[-1:]
            out.append((number, ""))
            repairs.append(Repair(Kind.HEADING_SET_APART, number, excerpt(text, 40), "own block"))
            continue
        end = items_end(lines, start, width)
        following = lines[end][1] if end < len(lines) else ""
        if (
            end - start < 2
            or (following and not starts_sentence(following))
            or drawn_at(drawn, number, lines[start][0])
        ):
            continue  # no items, the first lines of a paragraph that goes on, or a drawn box's
        if not all(starts_sentence(t) for _, t in lines[start:end]):
            continue  # items begin with a capital or a figure; lines that do not are a paragraph's
        out += lines[index:start]
        index = start
        for item_number, item in lines[index:end]:
            out.append((item_number, f"• {item}"))
            repairs.append(Repair(Kind.BOX_ITEM_FOUND, item_number, excerpt(item, 40), "list item"))
        if end < len(lines) and lines[end][1]:  # the first full line of text after the items ends the box
            out.append((lines[end - 1][0], ""))
        index = end
    return out, repairs


def items_end(lines: Lines, start: int, width: float) -> int:
    """Where the items of a box that begin at `start` end: after its short lines that end no
    sentence, or at the break that ends a box set wider than the text's columns."""
    end = start
    while end < len(lines) and is_box_item(lines[end][1], width):
        end += 1
    return max(end, items_to_break(lines, start))


def drawn_at(drawn: tuple[tuple[int, int], ...], *numbers: int) -> bool:
    """Whether any of the lines numbered stands in a box the page draws."""
    return any(a <= n <= b for a, b in drawn for n in numbers)


def part_items_by_case(lines: Lines, drawn: tuple[tuple[int, int], ...] = ()) -> tuple[Lines, list[Repair]]:
    r"""The items of a box the page draws (`drawn`) set one a line with no bullet and no space
    between them, some wrapped: where, below its first block (its title, if it has one), no line
    ends a sentence and some lines go on in lower case, each line that opens with a capital or a
    figure opens an item (the box says so by the lines it wraps).

    >>> text = "The four issues\n\nInvestment\nCompetition policy\nTransparency in\ngovernment"
    >>> [t for _, t in part_items_by_case(number_lines(text), ((1, 6),))[0]][2:]
    ['• Investment', '• Competition policy', '• Transparency in', 'government']

    Negative: items wrapped with no line in lower case (a date) stay as the page spaces them, and so
    do a box's sentences.
    >>> text = "In brief\n\nHeld from 30 November to 3\nDecember 1999"
    >>> part_items_by_case(number_lines(text), ((1, 4),))[1]
    []
    >>> text = "Who\n\nMembers left\nout often.\nIn Cancún the\npractice went on."
    >>> part_items_by_case(number_lines(text), ((1, 6),))[1]
    []
    """
    opens = [bool(t) and starts_sentence(t) and not t[:1].islower() for _, t in lines]
    parted: set[int] = set()
    for first, last in drawn:
        inside = [i for i, (n, _) in enumerate(lines) if first <= n <= last]
        blocks = blocks_of([i for i in inside if lines[i][1]])[1:]  # the first may be its title
        below = [lines[i][1] for block in blocks for i in block]
        if any(ends_sentence(t) or LIST_MARK.match(t) or "\t" in t for t in below) or all(
            opens[i] for block in blocks for i in block
        ):
            continue
        parted.update(i for block in blocks if opens[block[0]] for i in block if opens[i])
    repairs = [
        Repair(Kind.BOX_ITEM_FOUND, lines[i][0], excerpt(lines[i][1], 40), "list item")
        for i in sorted(parted)
    ]
    return [(n, f"• {t}" if i in parted else t) for i, (n, t) in enumerate(lines)], repairs


def blocks_of(indexes: list[int]) -> list[list[int]]:
    """Indexes of lines gathered where they follow one another: the blocks between blank lines.

    >>> blocks_of([3, 4, 6, 7, 8])
    [[3, 4], [6, 7, 8]]
    """
    blocks: list[list[int]] = []
    for index in indexes:
        if blocks and blocks[-1][-1] == index - 1:
            blocks[-1].append(index)
        else:
            blocks.append([index])
    return blocks


def items_to_break(lines: Lines, start: int) -> int:
    r"""Where the items of a box set wider than the text's columns end, if they are items: lines
    that each begin with a capital and end no sentence, up to a break, a heading in capitals, or
    the first line of a paragraph (it ends on a little word, or the next line goes on in lower
    case), which no item does.

    >>> items_to_break(number_lines("Benin: cotton is the largest export of all\nMali: the largest\n"), 0)
    2
    >>> items_to_break(number_lines("Investment\nTrade facilitation\nOutside, the news\nspread fast."), 0)
    2

    Negative: lines of text running on are no items.
    >>> items_to_break(number_lines("The cotton initiative did not\nsucceed in Cancún, but it\n"), 0)
    0
    """
    end = start
    while (
        end < len(lines)
        and lines[end][1]
        and is_table_cell(lines[end][1])
        and not LIST_MARK.match(lines[end][1])
        and "\t" not in lines[end][1]  # a row of a table already
        and not runs_on(lines, end)
    ):
        end += 1
    stops = end == len(lines) or not lines[end][1] or is_all_caps(lines[end][1]) or runs_on(lines, end)
    return end if stops else start


def runs_on(lines: Lines, index: int) -> bool:
    """Whether the line at `index` goes on in the next, as a paragraph's lines do: it ends on a
    little word, or the next line begins in lower case."""
    text = lines[index][1].split()
    following = lines[index + 1][1] if index + 1 < len(lines) else ""
    return bool(text) and (text[-1].lower() in HEADING_END_WORDS or following[:1].islower())


def is_box_item(text: str, width: float) -> bool:
    """A line of a box: a fact (`1994 NAFTA …`), or a short line that ends no sentence; not a line
    that is a list item already, nor a row of a table."""
    if not text or LIST_MARK.match(text) or "\t" in text or is_all_caps(text):
        return False
    return bool(FACT_LINE.match(text)) or (len(text) < SHORT_LAST_LINE * width and not ends_sentence(text))
