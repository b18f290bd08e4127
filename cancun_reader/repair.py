"""Stage 3, repair: undo damage that layout export did to a text, recording every change.

Each repair is a pure function `blocks → (blocks, repairs)` named for the artifact it removes.
None knows about a particular text: they must work on any similar text dropped into `sources/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .model import Block, Paragraph, Repair

Blocks = tuple[Block, ...]
RepairFunction = Callable[[Blocks], tuple[Blocks, list[Repair]]]

END_MARK = re.compile(r"\s*[■□▪◼]{1,5}\s*$")
"""A magazine's end-of-article mark at the end of the last paragraph: `… Nineties*.² ■■■`."""

BACKSLASHED_PUNCTUATION = re.compile(r"\\(?P<char>[$%&#_])")
"""A backslash an exporter put before punctuation to escape it for Markdown or TeX: `U.S.\\$13`."""


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else "…" + text[-width:]


def drop_end_marks(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """Remove end-of-article marks (`■■■`) from the end of paragraphs.

    >>> drop_end_marks((Paragraph("as Stiglitz says. ■■■", 4),))[0]
    (Paragraph(text='as Stiglitz says.', line=4, anchor=''),)

    Negative: a square inside a sentence is the author's and stays.
    >>> drop_end_marks((Paragraph("the ■ sign", 1),))[1]
    []
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        if isinstance(block, Paragraph) and END_MARK.search(block.text):
            fixed = END_MARK.sub("", block.text)
            repairs.append(Repair("end mark dropped", block.line, _short(block.text), _short(fixed)))
            block = replace(block, text=fixed)
        out.append(block)
    return tuple(out), repairs


def unescape_backslashed_punctuation(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """Remove the backslash an exporter put before `$ % & # _`, which no author types.

    >>> unescape_backslashed_punctuation((Paragraph("generate U.S.\\\\$13 trillion", 7),))[0]
    (Paragraph(text='generate U.S.$13 trillion', line=7, anchor=''),)

    Negative: a backslash before a letter is left alone.
    >>> unescape_backslashed_punctuation((Paragraph("C:\\\\temp", 1),))[1]
    []
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        if isinstance(block, Paragraph) and BACKSLASHED_PUNCTUATION.search(block.text):
            for match in BACKSLASHED_PUNCTUATION.finditer(block.text):
                repairs.append(Repair("escape removed", block.line, match[0], match["char"]))
            block = replace(block, text=BACKSLASHED_PUNCTUATION.sub(r"\g<char>", block.text))
        out.append(block)
    return tuple(out), repairs


REPAIRS: tuple[RepairFunction, ...] = (drop_end_marks, unescape_backslashed_punctuation)


def repair_blocks(blocks: Blocks) -> tuple[Blocks, tuple[Repair, ...]]:
    """Run every repair in order and collect what each changed."""
    done: list[Repair] = []
    for repair in REPAIRS:
        blocks, repairs = repair(blocks)
        done.extend(repairs)
    return blocks, tuple(done)
