"""Sentences: where one ends and the next begins, for quoting and for comparing passages."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(
    # the cheap test first: most places in a text are not after a full stop
    r"(?<=[.!?])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSept\.)(?<!\bNo\.)(?<!\bvs\.)"
    r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+\d)"
    r"[\"”’)]?[¹²³⁴⁵⁶⁷⁸⁹⁰]*\s+(?=[\"“‘(]?[A-Z0-9¿¡])"
)
"""Where one sentence ends and the next begins: end punctuation, maybe a closing quote and a
note's number (`accept.² Each`), a space, then a capital. Common abbreviations (`Mr. Lee`,
`Sept. 22`, `Oct. 20`) are not sentence ends."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a text starts and ends, surrounding spaces left out."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start() + len(match[0].rstrip())))
        start = match.end()
    spans.append((start, len(text)))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    >>> split_sentences("It failed. Mr. Lee died. “Why?” she asked.¹ U.S. tariffs rose.")
    ['It failed.', 'Mr. Lee died.', '“Why?” she asked.¹', 'U.S. tariffs rose.']
    >>> split_sentences("Talks are set for Oct. 20-24 in Houston. Others met in Oct. 2003 came.")
    ['Talks are set for Oct. 20-24 in Houston.', 'Others met in Oct. 2003 came.']
    """
    return [text[a:b].strip() for a, b in sentence_spans(text)]


TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def comparable(text: str) -> str:
    """Text as compared for repeats and quotations: straight quotes, lower case, single spaces.

    >>> print(comparable("Citizens’  diplomacy is “mobilizing”"))
    citizens' diplomacy is "mobilizing"
    """
    return re.sub(r"\s+", " ", text.translate(TYPOGRAPHIC).lower()).strip()
