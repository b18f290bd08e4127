"""Paragraph anchors: ids derived from a paragraph's own first words, so links to it survive edits
anywhere else in the text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from cancun_reader.core.model import Block, Paragraph

ANCHOR_WORDS = 6


def anchor_for(text: str) -> str:
    """The anchor of a paragraph: `p-` and its first words, folded to ASCII.

    >>> anchor_for("When India was asked to send troops to help…")
    'p-when-india-was-asked-to-send'
    >>> anchor_for("The movement’s ability")
    'p-the-movements-ability'
    >>> anchor_for("¿Qué?")
    'p-que'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"['’]", "", folded)  # `movement's` is one word
    words = re.findall(r"[a-z0-9]+", folded)[:ANCHOR_WORDS]
    return "p-" + ("-".join(words) or "x")


def assign_anchors(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Give every paragraph a unique anchor (a repeated start gets `-2`, `-3`, … in text order) and
    its number, counted from 1 in text order, the text's own title, deck and byline left out (their
    number is 0). Each start's count goes on from where it stopped, so
    a start repeated 10,000 times is not counted up from 1 each time.

    >>> same = (Paragraph("A b.", 1), Paragraph("A b.", 3), Paragraph("A b.", 5))
    >>> [b.anchor for b in assign_anchors(same)]
    ['p-a-b', 'p-a-b-2', 'p-a-b-3']

    Negative: a paragraph whose own start reads like a counted one keeps it; the count steps over it.
    >>> [b.anchor for b in assign_anchors((Paragraph("A b 2.", 1), *same[1:]))]
    ['p-a-b-2', 'p-a-b', 'p-a-b-3']
    """
    used: set[str] = set()
    counts: dict[str, int] = {}
    out: list[Block] = []
    numbered = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            base = anchor = anchor_for(block.text)
            count = counts.get(base, 1)
            while anchor in used:
                count += 1
                anchor = f"{base}-{count}"
            counts[base] = count
            used.add(anchor)
            numbered += not block.front  # the text's title, deck and byline are not counted
            block = replace(block, anchor=anchor, number=0 if block.front else numbered)
        out.append(block)
    return tuple(out)
