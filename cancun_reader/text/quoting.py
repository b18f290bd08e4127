"""Quotations, as the corrections file gives them: matched with runs of white space taken as one
space, in the words of any block of text, and found once (or at the place an `occurrence` says);
and the runs of blocks an editor's joins keep together when a block is moved."""

from __future__ import annotations

import re
from collections.abc import Callable

from cancun_reader.core.errors import InputError
from cancun_reader.core.model import (
    Block,
    Blocks,
    ListBlock,
    Paragraph,
    Sidebar,
    Table,
    TextBlock,
)


def normalize_quote(text: str) -> str:
    """Quotations are matched with runs of white space taken as one space."""
    return re.sub(r"\s+", " ", text)


def block_text(block: Block) -> str:
    """The words a directive may quote in a block: any block of text's, a list's items, a table's
    cells, a box's title and what it holds (a box is made by the repairs: a directive applied
    before them quotes the blocks it will hold).

    >>> block_text(Sidebar("The week", (ListBlock(("10 Sept.", "14 Sept."), 5),), 4))
    'The week\\n10 Sept.\\n14 Sept.'
    """
    if isinstance(block, TextBlock):
        return block.text
    if isinstance(block, Sidebar):
        return "\n".join([block.title, *(block_text(inner) for inner in block.blocks)])
    if isinstance(block, ListBlock):
        return "\n".join(block.items)
    if isinstance(block, Table):
        return "\n".join("\t".join(row) for row in block.rows)
    return ""


AT_LINE = re.compile(r"@(\d+)")
"""A block named by a line it holds in the text as received (`@52`), as the editors' view and the
text as received number them, in place of words quoted from it."""


def find_quoted(
    blocks: Blocks, quote: str, source: str, fail: Callable[[str], InputError], wanted: int = 0
) -> int:
    """The index of the one block that holds the quotation, or of the block that holds its
    `wanted`th place in the text; missing or repeated text is an error (`fail`, saying what to do).
    A quotation `@N` is the block that holds line N of the text as received.

    >>> text = (Paragraph("It ended.", 1), Paragraph("Then it ended again.", 3))
    >>> find_quoted(text, "again", "a.txt", ValueError), find_quoted(text, "ended", "a.txt", ValueError, 2)
    (1, 1)
    >>> find_quoted(text, "@4", "a.txt", ValueError)
    1
    """
    at = AT_LINE.fullmatch(quote)
    if at:
        return block_at_line(blocks, int(at[1]), source, fail)
    counts = [normalize_quote(block_text(b)).count(quote) for b in blocks]
    total = sum(counts)
    if total == 0:
        raise fail(f'the text "{quote}" is not in {source}; quote it exactly as the text has it')
    if total > 1 and not wanted:
        raise fail(
            f'the text "{quote}" is found {total} times in {source}; quote more of it, or say which '
            "with occurrence: N"
        )
    if wanted > total:
        raise fail(f'the text "{quote}" is found only {total} times in {source}')
    seen = 0
    for index, count in enumerate(counts):
        seen += count
        if seen >= max(wanted, 1):
            return index
    raise AssertionError("unreachable: the occurrences were counted")


def block_at_line(blocks: Blocks, line: int, source: str, fail: Callable[[str], InputError]) -> int:
    """The index of the block that holds a line of the text as received: the one that begins last at
    or before it.

    >>> text = (Paragraph("It ended.", 1), Paragraph("Then.", 5), Paragraph("Moved here.", 3))
    >>> block_at_line(text, 4, "a.txt", ValueError), block_at_line(text, 9, "a.txt", ValueError)
    (2, 1)

    Negative: a line before the text's first block holds none.
    >>> block_at_line(text[1:], 2, "a.txt", ValueError)
    Traceback (most recent call last):
    ValueError: no block of a.txt holds line 2 as received; name a line the editors' view shows
    """
    before = [(block.line, index) for index, block in enumerate(blocks) if block.line <= line]
    if not before:
        raise fail(f"no block of {source} holds line {line} as received; name a line the editors' view shows")
    return max(before)[1]


def paragraph_starting(blocks: Blocks, words: str) -> int | None:
    """The index of the one paragraph that begins with `words`, if one alone does.

    >>> text = (Paragraph("the African ministers refused.", 1), Paragraph("ministers refused.", 4))
    >>> paragraph_starting(text, "ministers refused."), paragraph_starting(text, "refused.")
    (1, None)
    """
    found = [
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Paragraph) and normalize_quote(b.text).startswith(words)
    ]
    return found[0] if len(found) == 1 else None


def joined_run(blocks: Blocks, index: int) -> int:
    """Where the run of blocks that starts at `index` ends: the block and those an earlier `join`
    put after it (`continues`), which go where it goes.

    >>> text = (Paragraph("It ended", 1), Paragraph("at night.", 5, continues=True), Paragraph("So.", 3))
    >>> joined_run(text, 0), joined_run(text, 2)
    (2, 3)
    """
    end = index + 1
    while end < len(blocks) and continued(blocks[end]):
        end += 1
    return end


def continued(block: Block) -> bool:
    """Whether a block continues the one before it, as an editor's `join` said."""
    return isinstance(block, Paragraph) and block.continues


def put_after(blocks: Blocks, start: int, target: int) -> Blocks:
    """The blocks with the run starting at `start` (a block and what was joined to it) put right
    after the run starting at `target`."""
    end = joined_run(blocks, start)
    run, rest = blocks[start:end], blocks[:start] + blocks[end:]
    at = joined_run(rest, rest.index(blocks[target]))
    return (*rest[:at], *run, *rest[at:])
