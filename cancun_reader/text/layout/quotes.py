"""Pull quotes dropped between the lines of a paragraph, set apart on lines of their own."""

from __future__ import annotations

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.core.prose.sentences import ends_sentence, starts_lower, starts_sentence
from cancun_reader.core.prose.words import excerpt

QUOTE_WINDOW = 30
"""How many lines before and after a suspected pull quote are searched for the sentence it repeats."""


NEARBY_CHARS = 3000
"""And at most so many characters: a text whose lines are whole paragraphs has long ones."""

QUOTE_LINES = 5


REPEAT_SCORE = 90


def set_apart_pull_quote_lines(
    lines: Lines, quotes: frozenset[int] = frozenset()
) -> tuple[Lines, list[Repair]]:
    r"""A pull quote dropped between the lines of a paragraph (`required new` / `Each of them would
    have required` / `new laws and new institutions.` / `laws and new institutions in…`): a
    sentence of one to five lines, starting after a line that does not finish one (or ending before
    a line that goes on in lower case), that repeats words standing close by in the text, is set
    apart as a block of its own; not where a PDF's page shows the pull quote elsewhere (`quotes`:
    lines set large or between rules), whose source the sentence is.

    >>> text = ("The four subjects\nwould have required new\nNew laws would be\nrequired.\n"
    ...         "laws and institutions. New laws would be\nrequired of all countries soon.")
    >>> [t for _, t in set_apart_pull_quote_lines(number_lines(text))[0]][1:6]
    ['would have required new', '', 'New laws would be', 'required.', '']

    Negative: a sentence that begins after a cut line but says something new stays in its place.
    >>> text = "The four subjects\nwould have required new\nLaws made in Geneva.\nlaws."
    >>> set_apart_pull_quote_lines(number_lines(text))[1]
    []

    Negative: a section's first sentence after its heading, which the page's pull quote repeats.
    >>> text = "1. A framework\nIt had no figures at all.\nIt promised cuts.\n\nIt had no figures at all."
    >>> set_apart_pull_quote_lines(number_lines(text), frozenset({5}))[1]
    []
    """
    from rapidfuzz import fuzz

    from cancun_reader.core.prose.sentences import comparable, repeats_a_sentence

    shown = [comparable(text) for number, text in lines if number in quotes]
    out = list(lines)
    repairs = []
    index = 1
    while index < len(out):
        previous, text = last_text_before(out, index), out[index][1]
        end = sentence_end_line(out, index)
        if end is not None and not cut_around(out, end, previous):
            end = None
        apart = end is not None and not out[index - 1][1] and (end + 1 >= len(out) or not out[end + 1][1])
        if text and starts_sentence(text) and end is not None and not apart:  # apart: a block already
            quote = comparable(" ".join(t for _, t in out[index : end + 1]))
            if out[index][0] not in quotes and any(fuzz.ratio(quote, q) >= REPEAT_SCORE for q in shown):
                index += 1
                continue  # the sentence the page's pull quote repeats
            before = " ".join(t for _, t in out[max(0, index - QUOTE_WINDOW) : index])[-NEARBY_CHARS:]
            after = " ".join(t for _, t in out[end + 1 : end + 1 + QUOTE_WINDOW])[:NEARBY_CHARS]
            nearby = comparable(f"{before} {after}") if 5 <= len(quote.split()) <= 45 else ""
            if nearby and (
                fuzz.partial_ratio(quote, nearby) >= REPEAT_SCORE or repeats_a_sentence(quote, nearby)
            ):
                out[index : end + 1] = [(out[index][0], ""), *out[index : end + 1], (out[end][0], "")]
                repairs.append(
                    Repair(Kind.PULL_QUOTE_LINES_SET_APART, out[index + 1][0], excerpt(quote), "own block")
                )
                index = end + 3
                continue
        index += 1
    return out, repairs


def cut_around(lines: Lines, end: int, previous: str) -> bool:
    """Whether the sentence ending on line `end` stands inside a cut sentence: the line before it
    (`previous`) does not finish one, or the line right after it goes on in lower case (the rest of a
    sentence that began elsewhere, as when a quote floats into a column the extractor read first).

    >>> lines = [(1, "the season."), (2, ""), (3, "A farmer earned less."), (4, "paid in the North")]
    >>> cut_around(lines, 2, "the season."), cut_around(lines[:3], 2, "the season.")
    (True, False)
    """
    after = lines[end + 1][1] if end + 1 < len(lines) else ""
    return (bool(previous) and not ends_sentence(previous)) or starts_lower(after)


def last_text_before(lines: Lines, index: int) -> str:
    """The last line with text before `index`, across one break (an extractor's blank line)."""
    for back in (index - 1, index - 2):
        if back >= 0 and lines[back][1]:
            return lines[back][1]
    return ""


def sentence_end_line(lines: Lines, start: int) -> int | None:
    """The first line from `start` (within a few lines, and before a break) that ends a sentence."""
    for end in range(start, min(start + QUOTE_LINES, len(lines))):
        if not lines[end][1]:
            return None
        if ends_sentence(lines[end][1]):
            return end
    return None
