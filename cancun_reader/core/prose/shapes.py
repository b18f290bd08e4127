"""The shapes of lines and blocks that every stage reads alike: a byline, a line in capitals, the
title of a notes section, a heading in ordinary case, the little words title case leaves small."""

from __future__ import annotations

import re

BYLINE = re.compile(r"[Bb]y [A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|de|da|del|van|von|and|y))*")
"""A byline line: `By Mariam Ouedraogo`, `by Anil Mehra`."""


def is_byline(text: str) -> bool:
    """Whether a line or a paragraph is a byline, which has no final punctuation of its own.

    >>> is_byline("By Mariam Ouedraogo"), is_byline("by Anil Mehra"), is_byline("By the end of the week")
    (True, True, False)
    """
    return bool(BYLINE.fullmatch(text.strip()))


MAX_HEADING_WORDS = 14
"""The most words a heading has: a longer line is a sentence set in capitals, or a paragraph."""

NOTES_TITLE = re.compile(r"(?:end|foot)?notes(?: and \w+)?", re.IGNORECASE)
"""The title of the notes section at the end of an article: `NOTES`, `Notes`, `Endnotes`, `Notes
and sources`."""

FIRST_NOTE = re.compile(r"(?:1[.)]?|¹|\[1\])\s+\S")
"""The start of a list's first note: `1. `, `1 `, `¹ `, `[1] `."""

NOTE_CALLED = re.compile(r"\S(?:¹|\[1\])")
"""The text's call of its first note: a raised `¹`, or `[1]`, after a word."""

GLUED_MARKER = re.compile(r"(?<=[^\W\d_][.,;:!?”’\"')])(?P<number>\d{1,2})(?=\s|$)")
"""A note number an extractor set on the line as an ordinary digit, glued to the word and its
punctuation: `Korea.2`, `failure.2 The`, `the process,1 drafted`."""

NOTES_TITLE_WORDS = 4


def titles_notes(title: str, first: str, called: bool) -> bool:
    """Whether a line is the title of the notes at a text's end: one the words say (`Notes`,
    `Endnotes`), or any short title (`References`, `Sources`) over a list whose first number the
    text before it calls (`called`: `agriculture.¹`, `round.[1]`, `NOTE_CALLED`); `first` is the
    line after the title.

    >>> titles_notes("NOTES", "", False), titles_notes("References", "1. The annex.", True)
    (True, True)

    Negative: a short title over a numbered list the text never calls is the text's own list.
    >>> titles_notes("Steps", "1. Collect the seed.", False)
    False
    """
    title = title.strip()
    if NOTES_TITLE.fullmatch(title):
        return True
    short = 0 < len(title.split()) <= NOTES_TITLE_WORDS and title[:1].isupper() and title[-1:].isalnum()
    return short and called and bool(FIRST_NOTE.match(first.strip()))


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

SECTION_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXL]{1,5}\.) "
"""A section's number before its heading's words, as reports print them: `2. `, `2.3 `, `IV. `."""

MIXED_CASE_HEADING = re.compile(
    rf"(?:{SECTION_NUMBER})?(?!By )(?=.*[a-z])[A-Z][^\W\d_]*,?(?: [\w’'-]+,?){{0,6}}(?<!,)"
)
"""A heading in ordinary case on a line of its own: a capital, at most seven words, commas between
them but no final punctuation (`Who they were`, `A lighter agreement`, `Thursday, 20 November`),
perhaps after its section's number (`2. The road to Mexico`); not a byline (`By Ana Lima`)."""
