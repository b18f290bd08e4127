"""Blocks: text → typed blocks (paragraphs, headings, lists, tables), each with its line.

A block is a run of non-blank lines. Its kind is read from its shape alone; deciding what a
block *means* in the article (a pull quote, a cut paragraph) is the repair stage's work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from cancun_reader.core.model import Block, Heading, ListBlock, Paragraph, Table
from cancun_reader.core.prose.shapes import MAX_HEADING_WORDS, NOTES_TITLE, is_all_caps
from cancun_reader.core.prose.words import HYPHENS

LIST_ITEM = re.compile(r"[-•–]\s+(?P<item>\S.*)")
"""A list item as the texts write it: a dash or bullet, a space, the item (`- Oxfam`)."""

BOLD_LINE = re.compile(r"\*\*(?P<inner>[^*]+)\*\*")
"""A block wrapped whole in Markdown bold, as layout tools export a box title: `**TITLE**`."""


def split_into_runs(text: str | list[tuple[int, str]]) -> Iterator[tuple[int, list[str]]]:
    """Yield each run of non-blank lines with the 1-based number of its first line; `text` is the
    text itself or its numbered lines, as the layout stage gives them.

    >>> list(split_into_runs("a\\nb\\n\\n\\nc"))
    [(1, ['a', 'b']), (5, ['c'])]
    """
    run: list[str] = []
    start = 0
    numbered = enumerate(text.split("\n"), start=1) if isinstance(text, str) else text
    for number, line in numbered:
        if line.strip():
            if not run:
                start = number
            run.append(line.rstrip(" "))  # a trailing tab is an empty table cell
        elif run:
            yield start, run
            run = []
    if run:
        yield start, run


def looks_like_heading(text: str) -> bool:
    """A short line in capitals that does not end a sentence with a comma or colon."""
    return (
        is_all_caps(text)
        and len(text.split()) <= MAX_HEADING_WORDS
        and not text.rstrip().endswith((",", ";", ":"))
    )


LINE_END_HYPHEN = tuple(HYPHENS)


def join_lines(lines: list[str]) -> str:
    """The lines of a run as one line, as a heading is: a space between two lines, none after a
    line that ends with a hyphen, which is kept as printed (`WTO-` / `WTO.` is `WTO-WTO.`).

    >>> join_lines(["THE EMERGENCE OF", "THE G21"]), join_lines(["U.S.-", "EU TALKS"])
    ('THE EMERGENCE OF THE G21', 'U.S.-EU TALKS')
    """
    joined = ""
    for entry in lines:
        joined += entry if not joined or joined.endswith(LINE_END_HYPHEN) else " " + entry
    return joined


def breaks_a_word(lines: list[str]) -> bool:
    """Whether a heading's lines break a word at a hyphen (`The national de-` / `bate`): its line
    ends stay, for the repairs to make the word whole and record it, as in a paragraph.

    >>> breaks_a_word(["The national de-", "bate"]), breaks_a_word(["A LIST OF MAN-", "DATES"])
    (True, True)
    >>> breaks_a_word(["U.S.-", "EU TALKS"])  # no word broken: a hyphen after an abbreviation
    False
    """
    return any(
        a.rstrip().endswith(LINE_END_HYPHEN)
        and a.rstrip()[-2:-1].isalpha()
        and (b.strip()[:1].islower() or (is_all_caps(a) and is_all_caps(b)))
        for a, b in pairwise(lines)
    )


def cut_word_by_word(lines: list[str]) -> bool:
    """Whether a run is one word a line, as pdftotext gives a heading set wide in a narrow column
    (`FROM` / `STUDY` / `TO` / `NEGOTIATION`): a heading of more lines than headings have.

    >>> cut_word_by_word(["FROM", "STUDY", "TO", "NEGOTIATION"])
    True

    Negative: four lines of capitals with more words a line are a paragraph set in capitals.
    >>> cut_word_by_word(["THE REPLY", "OF", "THE", "US"])
    False
    """
    return all(len(entry.split()) == 1 for entry in lines)


def classify_run(lines: list[str], line: int) -> Block:
    """Decide the kind of one run of lines.

    >>> classify_run(["- Oxfam", "- Greenpeace"], 3)
    ListBlock(items=('Oxfam', 'Greenpeace'), line=3)
    >>> classify_run(["AFRICA\\t63", "ASIA\\t41"], 9)
    Table(rows=(('AFRICA', '63'), ('ASIA', '41')), line=9)
    >>> classify_run(["CONCLUSIONS"], 1)
    Heading(text='CONCLUSIONS', line=1, level=2)
    >>> classify_run(["FROM", "STUDY", "TO", "NEGOTIATION"], 46)
    Heading(text='FROM STUDY TO NEGOTIATION', line=46, level=2)
    >>> classify_run(["The first big mobiliza-"], 1)
    Paragraph(text='The first big mobiliza-', line=1, anchor='', number=0, quotation=False, \
opens_mid_sentence=False, continues=False, front='')
    """
    items = list_items(lines)
    if items:
        return ListBlock(items, line)
    rows = table_rows(lines)
    if rows:
        return Table(rows, line)
    joined = join_lines([entry.strip() for entry in lines])
    bold = BOLD_LINE.fullmatch(joined)
    if bold and is_all_caps(bold["inner"]):
        return Heading(bold["inner"].strip(), line)
    if (len(lines) <= 3 or cut_word_by_word(lines)) and looks_like_heading(joined):
        return Heading(joined if not breaks_a_word(lines) else "\n".join(e.strip() for e in lines), line)
    if len(lines) == 1 and NOTES_TITLE.fullmatch(joined):
        return Heading(joined, line)
    # Line ends stay: the repair stage unwraps them, rejoining words hyphenated there.
    return Paragraph("\n".join(entry.strip() for entry in lines), line)


def list_items(lines: list[str]) -> tuple[str, ...] | None:
    """The items of a run of lines that is a list: every line an item, or the lines of an item
    too long for one (a box's narrow column wraps them), under at least two items.

    >>> list_items(["• Transparency in", "government procurement", "• Trade facilitation"])
    ('Transparency in\\ngovernment procurement', 'Trade facilitation')

    Negative: one item with lines after it is a paragraph that opens with a dash.
    >>> list_items(["- and then the talks", "ended in the night."]) is None
    True
    """
    found = [LIST_ITEM.fullmatch(entry.strip()) for entry in lines]
    if not found[0] or (not all(found) and sum(1 for m in found if m) < 2):
        return None
    items: list[list[str]] = []
    for entry, item in zip(lines, found, strict=True):
        if item:
            items.append([item["item"].strip()])
        else:
            items[-1].append(entry.strip())
    return tuple("\n".join(item) for item in items)  # line ends stay, for the repairs


def table_rows(lines: list[str]) -> tuple[tuple[str, ...], ...] | None:
    """The rows of a run of lines that is a table, its cells parted by tabs, under at least two
    rows: a line with a tab and a first cell opens a row; a line with no tab goes on with the
    row's last cell written so far (a cell too long for its line); a line opening with tabs goes on
    with the cell after as many (a PDF's box says so, `pdf/reading.py`).

    >>> table_rows(["1996\\tSingapore ministerial sets up", "working groups", "1999\\tSeattle"])
    (('1996', 'Singapore ministerial sets up\\nworking groups'), ('1999', 'Seattle'))
    >>> table_rows(["Talks in\\t", "Geneva", "\\tdropped", "\\tin 2004", "Seattle\\tfailed"])
    (('Talks in\\nGeneva', 'dropped\\nin 2004'), ('Seattle', 'failed'))

    Negative: lines with no tab, or a tab in one line only, are no table.
    >>> table_rows(["The talks\\tended", "in the night."]) is None
    True
    """
    tabbed = ["\t" in entry for entry in lines]
    if not tabbed[0] or (not all(tabbed) and sum(tabbed) < 2):
        return None
    rows: list[list[str]] = []
    written = 0  # the row's last cell written so far
    for entry in lines:
        cells = [cell.strip() for cell in entry.split("\t")]
        if (len(cells) > 1 and cells[0]) or not rows:
            rows.append(cells)
            written = max(i for i, cell in enumerate(cells) if cell or i == 0)
            continue
        if len(cells) == 1:
            cells = [""] * written + cells
        for index, cell in enumerate(cells[: len(rows[-1])]):
            if cell:  # line ends stay, for the repairs
                rows[-1][index] = f"{rows[-1][index]}\n{cell}" if rows[-1][index] else cell
                written = index
    return tuple(tuple(row) for row in rows)


def parse_blocks(text: str | list[tuple[int, str]]) -> tuple[Block, ...]:
    """Parse a whole decoded source text (or its numbered lines) into blocks."""
    return tuple(classify_run(lines, start) for start, lines in split_into_runs(text))
