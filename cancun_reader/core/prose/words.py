"""Words broken by a hyphen at the end of a line, a column or a page: `mobiliza-` … `tion`."""

from __future__ import annotations

import re
from functools import lru_cache

COMMON_WORD = 3.0
"""Zipf frequency (about once per 10 million words) from which a joined form is surely a word."""

KNOWN_WORD = 1.5
"""Zipf frequency from which a part of a compound counts as a word of its own."""

COMPOUND_MARGIN = 1.0
"""A compound's parts are each at least ten times (one Zipf unit) more common than the whole written
as one word (`anti-war`, `long-term`); a word broken at its syllables is about as common as its
pieces, which are fragments that happen to be written alone too (`campaign-ers`, `Vig-ils`)."""

HYPHENS = "-\u2010\u2011\u00ad"
"""A hyphen as extractions give it: `-`, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+00AD SOFT HYPHEN."""
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
"""Digits set as superscripts, by value: a note's number after a word (`struggles.¹`)."""

DISCRETIONARY = "\u2010\u00ad"
"""The hyphens a renderer sets where it breaks a word of its own accord (WeasyPrint sets U+2010):
the author typed none, so the word is made whole whatever it is."""

TRAILING_WORD = re.compile(r"(?P<word>[^\W\d_]+)-$")
"""The letters before a hyphen that ends a line: `sur-`."""

LEADING_WORD = re.compile(r"^(?P<word>[^\W\d_]+)")
"""The letters that begin the next line: `prise.` → `prise`."""


@lru_cache(maxsize=4096)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loads its word lists: only when a break needs a verdict

    return zipf_frequency(word.lower(), "en")


WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word as the text spells it, hyphenated compounds whole: `long-term`, `anti-NGO`."""


def words_of(text: str) -> frozenset[str]:
    """Every word and compound a text uses, in lower case: the text's own spelling, looked up once.

    >>> sorted(words_of("Long-term growth, long term."))
    ['growth', 'long', 'long-term', 'term']
    """
    return frozenset(w.lower() for w in WORD.findall(text))


def keeps_hyphen(left: str, right: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether `left-` at a break followed by `right` is a real compound whose hyphen stays.

    The document itself is the best witness: a form it uses elsewhere wins. Otherwise a joined
    form that is a common English word wins; otherwise two parts that are words of their own make
    a compound.

    >>> keeps_hyphen("sur", "prise"), keeps_hyphen("mobiliza", "tion"), keeps_hyphen("Au", "thentic")
    (False, False, False)
    >>> keeps_hyphen("anti", "NGO"), keeps_hyphen("long", "term"), keeps_hyphen("multi", "sectorial")
    (True, True, True)
    >>> keeps_hyphen("long", "term", known=words_of("the longterm view"))
    False

    Negative: a word broken at a syllable whose pieces happen to be words too is no compound.
    >>> keeps_hyphen("campaign", "ers"), keeps_hyphen("Vig", "ils")
    (False, False)
    """
    joined, hyphenated = f"{left}{right}".lower(), f"{left}-{right}".lower()
    if hyphenated in known:
        return True
    if joined in known:
        return False
    if zipf(joined) >= COMMON_WORD:
        return False
    parts = min(zipf(left), zipf(right))
    return parts >= KNOWN_WORD and parts - zipf(joined) >= COMPOUND_MARGIN


def join_across_break(
    before: str, after: str, known: frozenset[str] = frozenset()
) -> tuple[str, tuple[str, str] | None]:
    """Join two pieces of text that a break separated; give the two halves of the word whose
    hyphen was dropped, if one was.

    >>> join_across_break("The first big mobiliza-", "tion was called")
    ('The first big mobilization was called', ('mobiliza', 'tion'))
    >>> join_across_break("and to the lobbying of", "civic organizations")
    ('and to the lobbying of civic organizations', None)
    >>> join_across_break("sectoralist, anti-", "NGO visions")
    ('sectoralist, anti-NGO visions', None)
    >>> join_across_break("the U.S.-", "EU-led proposals")
    ('the U.S.-EU-led proposals', None)
    >>> join_across_break("a long‐", "term view")  # U+2010: the renderer's own hyphen
    ('a longterm view', ('long', 'term'))
    """
    if before.endswith(tuple(DISCRETIONARY)) and after[:1].islower():
        end = re.search(r"[^\W\d_]+$", before[:-1])
        start = LEADING_WORD.match(after)
        if end and start:
            return before[:-1] + after, (end[0], start["word"])
    if before.endswith(tuple(HYPHENS)):
        before = before[:-1] + "-"
    if not before.endswith("-"):
        return f"{before} {after}", None
    end = TRAILING_WORD.search(before)
    start = LEADING_WORD.match(after)
    if not end or not start:  # `U.S.-` then `EU-led`: a compound broken after its hyphen
        return before + after, None
    left, right = end["word"], start["word"]
    if keeps_hyphen(left, right, known):
        return before + after, None
    return before[:-1] + after, (left, right)


def excerpt(text: str, width: int = 50) -> str:
    """The start of `text` as a change records it: whole words within `width` characters, and `…`
    where it is cut (mid-word only for a word longer than that).

    >>> excerpt("SOME INTERNATIONAL SOCIAL ORGANIZATIONS AT THE FIFTH WTO MEETING")
    'SOME INTERNATIONAL SOCIAL ORGANIZATIONS AT THE…'

    Negative: a text short enough is kept whole, with no `…`.
    >>> excerpt("The end.")
    'The end.'
    """
    if len(text) <= width:
        return text
    words = text[: width + 1].rsplit(None, 1)[0] if " " in text[1 : width + 1] else text[:width]
    return words.rstrip(" ,;:") + "…"


def excerpt_end(text: str, width: int = 30) -> str:
    """The end of `text`, whole words within `width` characters, after `…` where it is cut.

    >>> excerpt_end("the developed countries maintain their protectionist measures")
    '…their protectionist measures'
    >>> excerpt_end("measures")
    'measures'
    """
    if len(text) <= width:
        return text
    words = text[-width - 1 :].split(None, 1)[-1] if " " in text[-width:-1] else text[-width:]
    return "…" + words
