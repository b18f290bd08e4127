"""Sentences: where one ends and the next begins, for quoting and for comparing passages."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(
    r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSept\.)(?<!\bNo\.)(?<!\bvs\.)"
    r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9¿¡])"
)
"""Where one sentence ends and the next begins: end punctuation, maybe a closing quote, a space,
then a capital. Common abbreviations (`Mr. Lee`, `Sept. 22`) are not sentence ends."""


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    >>> split_sentences("It failed. Mr. Lee died. “Why?” she asked. U.S. tariffs rose.")
    ['It failed.', 'Mr. Lee died.', '“Why?” she asked.', 'U.S. tariffs rose.']
    """
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.start() + len(match[0].rstrip())
        pieces.append(text[start:end].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def comparable(text: str) -> str:
    """Text as compared for repeats and quotations: straight quotes, lower case, single spaces.

    >>> print(comparable("Citizens’  diplomacy is “mobilizing”"))
    citizens' diplomacy is "mobilizing"
    """
    return re.sub(r"\s+", " ", text.translate(TYPOGRAPHIC).lower()).strip()
