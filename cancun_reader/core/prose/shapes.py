"""The shapes of lines and blocks that every stage reads alike: a byline, a line in capitals, the
title of a notes section, a heading in ordinary case, the little words title case leaves small."""

from __future__ import annotations

import re

BYLINE = re.compile(r"By [A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|de|da|del|van|von|and|y))*")
"""A byline line: `By Mariam Ouedraogo`."""


def is_byline(text: str) -> bool:
    """Whether a line or a paragraph is a byline, which has no final punctuation of its own.

    >>> is_byline("By Mariam Ouedraogo"), is_byline("By the end of the week")
    (True, False)
    """
    return bool(BYLINE.fullmatch(text.strip()))


MAX_HEADING_WORDS = 14
"""The most words a heading has: a longer line is a sentence set in capitals, or a paragraph."""

NOTES_TITLE = re.compile(r"(?:end)?notes|footnotes", re.IGNORECASE)
"""The title of the notes section at the end of an article: `NOTES`, `Notes`, `Endnotes`."""


def is_all_caps(text: str) -> bool:
    """Whether every letter is a capital and there are at least two: `CONCLUSIONS`, `U.S.`.

    >>> is_all_caps("FTAA \\"FLEXIBILITY\\" IN MIAMI"), is_all_caps("The FTAA"), is_all_caps("A")
    (True, False, False)
    """
    if not text.isupper():  # the quick answer for most lines: a lower-case letter, or no cased one
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)
"""Words that title case leaves in lower case unless they come first."""

MIXED_CASE_HEADING = re.compile(r"(?!By )(?=.*[a-z])[A-Z][^\W\d_]*,?(?: [\w’'-]+,?){0,6}(?<!,)")
"""A heading in ordinary case on a line of its own: a capital, at most seven words, commas between
them but no final punctuation (`Who they were`, `A lighter agreement`, `Thursday, 20 November`);
not a byline (`By Ana Lima`)."""
