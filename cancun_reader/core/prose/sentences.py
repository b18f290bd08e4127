"""Sentences: how one ends and the next begins (inside a paragraph, or at the end of a line or a
block), for quoting, for comparing passages, and for telling a finished block from a cut one."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from cancun_reader.core.prose.words import SUPERSCRIPT_DIGITS

SENTENCE_BREAK = re.compile(
    # the cheap test first: most places in a text are not after a full stop
    r"(?<=[.!?])(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSept\.)(?<!\bNo\.)(?<!\bvs\.)"
    r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+\d)"
    r"[\"”’)]?(?:[" + SUPERSCRIPT_DIGITS + r"]*|\[\d{1,3}\])\s+(?=[\"“‘(]?[A-Z0-9¿¡])"
)
"""Where one sentence ends and the next begins: end punctuation, maybe a closing quote and a
note's number (`accept.² Each`, `accept.[2] Each`), a space, then a capital. Common abbreviations (`Mr. Lee`,
`Sept. 22`, `Oct. 20`) are not sentence ends."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a text starts and ends, surrounding spaces left out."""
    spans, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start() + len(match[0].rstrip())))
        start = match.end()
    spans.append((start, len(text)))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    >>> split_sentences("It failed. Mr. Lee died. “Why?” she asked.¹ U.S. tariffs rose.")
    ['It failed.', 'Mr. Lee died.', '“Why?” she asked.¹', 'U.S. tariffs rose.']
    >>> split_sentences("It failed.[1] It ended.")
    ['It failed.[1]', 'It ended.']
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


SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]*]*(?:[\d" + SUPERSCRIPT_DIGITS + r"]{0,2}|\[\d{1,3}\])$")
"""How a line or a block that ends a sentence ends: final punctuation, maybe closing quotes and a
note's number (`struggles.¹`, `failure.2`, `posters.[1]`). A colon counts, as it introduces a
quotation or a list."""


def ends_sentence(text: str) -> bool:
    """Whether a line or a paragraph ends as a finished sentence does.

    >>> ends_sentence("as follows:"), ends_sentence("struggles.¹"), ends_sentence("failure.2")
    (True, True, True)
    >>> ends_sentence("the posters.[1]")  # a note's call in brackets
    True

    Negative: a comma, a closing quote after one, a hyphen end no sentence.
    >>> ends_sentence("“globalization,”"), ends_sentence("the mar-")
    (False, False)
    """
    return bool(SENTENCE_END.search(text.rstrip()))


OPENING = "\"'“‘(["
"""What may stand before a sentence's first letter: quotes, a bracket."""


def starts_sentence(text: str) -> bool:
    """Whether a line begins as a sentence does: a capital or a digit, after any quote or bullet.

    >>> starts_sentence("“Brother Lee” was"), starts_sentence("• 1999: Seattle"), starts_sentence("and then")
    (True, True, False)
    """
    first = text.lstrip("\"'“‘(•").lstrip()[:1]
    return first.isupper() or first.isdigit()


def starts_lower(text: str) -> bool:
    """Whether a paragraph begins in lower case, as the rest of a cut sentence does.

    >>> starts_lower("prise. The United States"), starts_lower("“Brother Lee”"), starts_lower("2003 was")
    (True, False, False)
    """
    first = text.lstrip(OPENING)[:1]
    return first.islower()


PULL_QUOTE_SCORE = 85
"""Least `token_set_ratio` between a candidate and a passage of the body for it to be a repeat.
Measured on the sources: the four real pull quotes score 90–100, other short paragraphs 69 at most."""

REPEATED_SHARE = 0.85
"""Least share of a candidate's words (each counted as often as it occurs) that the passage it
repeats must hold: a pull quote may be trimmed or lightly edited, but its words are the body's."""

COMPARED_WORD = re.compile(r"\w+")


def repeats_words(candidate: str, passage: str) -> bool:
    """Whether `candidate` repeats `passage`: most of its words, counted as often as they occur, and
    most of its different words stand in the passage. A pull quote may be trimmed or lightly edited
    (`has been opposed by many` → `have opposed`), but a paragraph that is the only copy of its
    words is text, never a pull quote.

    >>> repeats_words("nobody had expected it", "the g21 was a surprise nobody had expected it")
    True

    Negative: similar is not repeated. `token_set_ratio` scores these 100, as one's set of words
    holds the other's; but `cancún` is in one only, and `the` stands there once, not three times.
    >>> repeats_words("cancún the the the", "the the the the"), repeats_words("the the the", "the")
    (False, False)
    """
    words, held_in = Counter(COMPARED_WORD.findall(candidate)), Counter(COMPARED_WORD.findall(passage))
    held = words & held_in
    return held.total() >= REPEATED_SHARE * words.total() and len(held) >= REPEATED_SHARE * len(words)


def repeats_a_sentence(candidate: str, text: str) -> bool:
    """Whether `candidate` repeats one sentence of `text`, or two neighbouring ones, as a pull quote
    does: trimmed or lightly edited, its words are that sentence's.

    >>> text = "It was left open. How a country that could not make medicines would obtain them."
    >>> repeats_a_sentence("How would a country that could not make medicines obtain them?", text)
    True

    Negative: a question on the same subject in other words is no repeat.
    >>> repeats_a_sentence("Who would pay for the medicines of the poor?", text)
    False
    """
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    sentences = [comparable(text[a:b]) for a, b in sentence_spans(text)]
    passages = sentences + [f"{a} {b}" for a, b in itertools.pairwise(sentences)]
    candidate, least = comparable(candidate), len(candidate.split())
    return any(
        len(passage.split()) >= least
        and fuzz.token_set_ratio(candidate, passage, processor=default_process) >= PULL_QUOTE_SCORE
        and repeats_words(candidate, passage)
        for passage in passages
    )
