"""Paragraphs cut by the layout: at a column or page break, or around a pull quote or sidebar that
was dropped into the middle of a sentence (`…and to the lobbying of` / `civic organizations…`)."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace

from ..model import Block, Paragraph, PullQuote, Repair, Sidebar, Table
from .words import HYPHENS, join_across_break

Blocks = tuple[Block, ...]

SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]*]*[¹²³⁴⁵⁶⁷⁸⁹⁰]*$")
"""How a finished paragraph ends: final punctuation, maybe closing quotes or a note marker
(`struggles.¹`). A colon counts, as it introduces a quotation or a list."""

OPENING = "\"'“‘(["

STANDS_BETWEEN = (PullQuote, Sidebar, Table)
"""What the layout may drop between a cut paragraph and its continuation."""


def ends_sentence(text: str) -> bool:
    """Whether a paragraph ends as a finished sentence does.

    >>> ends_sentence("as follows:"), ends_sentence("“globalization,”"), ends_sentence("the mar-")
    (True, False, False)
    """
    return bool(SENTENCE_END.search(text.rstrip()))


def starts_lower(text: str) -> bool:
    """Whether a paragraph begins in lower case, as the rest of a cut sentence does.

    >>> starts_lower("prise. The United States"), starts_lower("“Brother Lee”"), starts_lower("2003 was")
    (True, False, False)
    """
    first = text.lstrip(OPENING)[:1]
    return first.islower()


def continues(block: Block, after_hyphen: bool) -> bool:
    """Whether a paragraph carries on a cut one: it starts in lower case, a correction says so, or
    the cut one ends with a hyphen, which no finished paragraph does (`anti-` … `NGO visions`)."""
    return isinstance(block, Paragraph) and (block.continues or after_hyphen or starts_lower(block.text))


def word_repair(halves: tuple[str, str], line: int) -> Repair:
    left, right = halves
    return Repair("word rejoined", line, f"{left}- {right}", left + right)


def _short_join(before: str, after: str) -> tuple[str, str]:
    return "…" + before[-30:], after[:30] + "…"


def rejoin_cut_paragraphs(blocks: Blocks, known: frozenset[str] = frozenset()) -> tuple[Blocks, list[Repair]]:
    """Join a paragraph that ends mid-sentence with the next paragraph that begins in lower case
    (or that a `join` correction names), skipping pull quotes, sidebars and tables, which are then
    placed after the joined paragraph. A word hyphenated across the break is made whole.

    >>> cut = (Paragraph("The first mobiliza-", 1), PullQuote("Quote.", 3), Paragraph("tion was called.", 5))
    >>> rejoin_cut_paragraphs(cut)[0]
    (Paragraph(text='The first mobilization was called.', line=1, anchor='', number=0, \
quotation=False, opens_mid_sentence=False, continues=False), PullQuote(text='Quote.', line=3))

    Negative: a paragraph that ends with a full stop is finished, whatever follows it.
    >>> len(rejoin_cut_paragraphs((Paragraph("It ended.", 1), Paragraph("then more", 3)))[0])
    2
    """
    pending = deque(blocks)
    out: list[Block] = []
    repairs: list[Repair] = []
    while pending:
        block = pending.popleft()
        if isinstance(block, Paragraph) and not ends_sentence(block.text):
            between = 0
            while between < len(pending) and isinstance(pending[between], STANDS_BETWEEN):
                between += 1
            if between < len(pending) and continues(pending[between], block.text.endswith(tuple(HYPHENS))):
                asides = [pending.popleft() for _ in range(between)]
                tail = pending.popleft()
                text, word = join_across_break(block.text, tail.text, known)  # type: ignore[union-attr]
                before, after = _short_join(block.text, tail.text)  # type: ignore[union-attr]
                repairs.append(Repair("paragraph rejoined", block.line, f"{before} ¶ {after}", "joined"))
                if word:
                    repairs.append(word_repair(word, block.line))
                # the joined paragraph goes back to the front, as it may still be cut; what stood
                # between the halves follows it
                pending.extendleft(reversed([replace(block, text=text), *asides]))
                continue
        out.append(block)
    return tuple(out), repairs


def unwrap_lines(blocks: Blocks, known: frozenset[str] = frozenset()) -> tuple[Blocks, list[Repair]]:
    """Join the hard-wrapped lines of each paragraph, making whole a word hyphenated at a line end.

    >>> unwrap_lines((Paragraph("the first mobiliza-\\ntion was\\ncalled", 4),))[0][0].text
    'the first mobilization was called'
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        if isinstance(block, Paragraph) and "\n" in block.text:
            lines = block.text.split("\n")
            text = lines[0]
            for offset, line in enumerate(lines[1:], start=1):
                text, word = join_across_break(text, line, known)
                if word:
                    repairs.append(word_repair(word, block.line + offset - 1))
            block = replace(block, text=text)
        out.append(block)
    return tuple(out), repairs
