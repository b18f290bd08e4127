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
    Table,
    TextBlock,
)


def normalize_quote(text: str) -> str:
    """Quotations are matched with runs of white space taken as one space."""
    return re.sub(r"\s+", " ", text)


def block_text(block: Block) -> str:
    """The words a directive may quote in a block: any block of text's, a list's items, a table's
    cells (a box's are quoted in its own blocks, not through it)."""
    if isinstance(block, TextBlock):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(block.items)
    if isinstance(block, Table):
        return "\n".join("\t".join(row) for row in block.rows)
    return ""


def find_quoted(
    blocks: Blocks, quote: str, source: str, fail: Callable[[str], InputError], wanted: int = 0
) -> int:
    """The index of the one block that holds the quotation, or of the block that holds its
    `wanted`th place in the text; missing or repeated text is an error (`fail`, saying what to do).

    >>> text = (Paragraph("It ended.", 1), Paragraph("Then it ended again.", 3))
    >>> find_quoted(text, "again", "a.txt", ValueError), find_quoted(text, "ended", "a.txt", ValueError, 2)
    (1, 1)
    """
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
