"""Mojibake: UTF-8 text that was once decoded as Windows-1252 (`CancÃºn`, `â€œflexibleâ€`)."""

from __future__ import annotations

from dataclasses import replace

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Block, Blocks, Heading, ListBlock, Paragraph, Repair, Table
from cancun_reader.core.prose.words import excerpt


def fix_encoding(text: str) -> tuple[str, bool]:
    """Undo mojibake with `ftfy`, and only that: quotes, dashes and the rest stay as written.

    >>> fix_encoding("the â€œflexible agreementâ€\\x9d in CancÃºn")
    ('the “flexible agreement” in Cancún', True)

    Negative: text that only looks foreign is left alone.
    >>> fix_encoding("naïve café, São Paulo")
    ('naïve café, São Paulo', False)
    """
    if text.isascii():
        return text, False  # mojibake is made of characters outside ASCII
    import ftfy  # only when a text is converted, not when every text comes from the cache

    fixed = ftfy.fix_encoding_and_explain(text)
    return fixed.text, bool(fixed.explanation)


def fix_mojibake(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """Repair mojibake (text decoded with the wrong encoding) in every block, recording each
    repaired block's before and after.

    >>> fix_mojibake((Paragraph("The meeting in CancÃºn ended.", 1),))[0][0].text
    'The meeting in Cancún ended.'

    Negative: a text read right stays as it is, accents and all.
    >>> fix_mojibake((Paragraph("The meeting in Cancún ended.", 1),))[1]
    []
    """
    out: list[Block] = []
    repairs: list[Repair] = []

    def fix(text: str, line: int) -> str:
        fixed, changed = fix_encoding(text)
        if changed:
            repairs.append(Repair(Kind.MOJIBAKE_REPAIRED, line, excerpt(text), excerpt(fixed)))
        return fixed

    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            block = replace(block, text=fix(block.text, block.line))
        elif isinstance(block, ListBlock):
            block = replace(block, items=tuple(fix(item, block.line) for item in block.items))
        elif isinstance(block, Table):
            block = replace(block, rows=tuple(tuple(fix(c, block.line) for c in row) for row in block.rows))
        out.append(block)
    return tuple(out), repairs
