"""Headings run into the lines around them: in capitals, in ordinary case on a line of their
own, or run into the start of their paragraph."""

from __future__ import annotations

import re

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.core.prose.shapes import MIXED_CASE_HEADING, SMALL_WORDS, is_all_caps
from cancun_reader.text.layout.lines import line_width, opens_block


def separate_headings(lines: Lines) -> tuple[Lines, list[Repair]]:
    """A heading run into the lines of a paragraph: a short line in capitals (or several, for a
    heading broken over lines) between a finished sentence and the start of another is set apart
    by a break before and after. (pdftotext and pypdf put no blank line around headings.)

    >>> lines = number_lines("the end of it.\\nTHE REPLY FROM\\nWASHINGTON\\nThe draft text came back.")
    >>> [t for _, t in separate_headings(lines)[0]]
    ['the end of it.', '', 'THE REPLY FROM', 'WASHINGTON', '', 'The draft text came back.']

    Negative: words in capitals inside a sentence stay where they are.
    >>> lines = number_lines("the members of the\\nWTO\\nmet in Cancún.")
    >>> separate_headings(lines)[1]
    []
    """
    out: Lines = []
    repairs = []
    width = line_width(lines)
    index = 0
    while index < len(lines):
        number = lines[index][0]
        end = heading_end(lines, index, width)
        heading = [t for _, t in lines[index:end]]
        before = out[-1][1] if out else ""
        after = lines[end][1] if end < len(lines) else ""
        if (
            heading
            and len(" ".join(heading).split()) <= 14
            and (not before or ends_sentence(before) or stands_out(heading, before))
            and (not after or starts_sentence(after))
            and (before or after)
        ):
            if before:
                out.append((number, ""))
            out.extend(lines[index:end])
            if after:
                out.append((lines[end - 1][0], ""))
            repairs.append(Repair(Kind.HEADING_SET_APART, number, " ".join(heading), "own block"))
            index = end
            continue
        out.append(lines[index])
        index += 1
    return out, repairs


def stands_out(heading: list[str], before: str) -> bool:
    """Whether a heading in capitals is one even after a line that ends no sentence: it has two
    words at least and the line before is not in capitals (an item of a box, not a cut sentence's
    acronym: `the` / `WTO` / `met`).

    >>> stands_out(["FARMERS ON THE ROAD"], "Mexico becomes a member of the WTO")
    True

    Negative: an acronym alone inside a sentence.
    >>> stands_out(["WTO"], "the members of the")
    False
    """
    words = " ".join(heading).split()
    return len(words) >= 2 and sum(len(w) for w in words) >= 8 and not is_all_caps(before)


HEADING_WIDTH = 0.6
"""A heading in ordinary case is shorter than this share of a full line, and the line after it
(the start of its paragraph) is longer."""

FULL_LINE_WORDS = 4
"""The line after a heading in ordinary case is a line of running text, with words enough to tell
(`Cancún` above `Cancún.` is no heading and its paragraph)."""


def in_capitals(lines: Lines, index: int) -> bool:
    """Whether the line at `index` is a line of a heading in capitals: a line in capitals (not a
    table's row), or a one-letter word before one (`A` / `FRAMEWORK, NOT AN AGREEMENT`).

    >>> in_capitals(number_lines("A\\nFRAMEWORK, NOT AN AGREEMENT"), 0)
    True

    Negative: a drop cap before the rest of its word.
    >>> in_capitals(number_lines("A\\ns host of the ministerial"), 0)
    False
    """
    text = lines[index][1]
    if len(text) == 1 and text.isupper() and index + 1 < len(lines):
        return is_all_caps(lines[index + 1][1])
    return bool(text) and is_all_caps(text) and "\t" not in text


def heading_end(lines: Lines, index: int, width: float) -> int:
    """Where a heading starting at `index` ends: after its lines in capitals, or after one short
    line shaped like a heading in ordinary case (`In the streets`) followed by a full line;
    `index` itself when none starts there.

    >>> lines = number_lines("In the streets\\nThousands of people marched through the city")
    >>> heading_end(lines, 0, 44), heading_end(lines, 1, 44)
    (1, 1)

    Negative: a short line before another short line is an item or a caption, not a heading.
    >>> heading_end(number_lines("Benin: cotton first\\nMali: cotton too"), 0, 44)
    0
    >>> heading_end(number_lines("ASIA\\t41\\nEUROPE\\t331"), 0, 44)  # rows of a table
    0
    >>> heading_end(number_lines("Cancún\\nCancún."), 0, 11)  # too few words to be a line of text
    0
    """
    end = index
    while end < len(lines) and in_capitals(lines, end):
        end += 1
    if end > index or index + 1 >= len(lines):
        return end
    text, after = lines[index][1], lines[index + 1][1]
    shaped = bool(MIXED_CASE_HEADING.fullmatch(text)) and len(text) < HEADING_WIDTH * width
    full = len(after) > HEADING_WIDTH * width and len(after.split()) >= FULL_LINE_WORDS
    return index + 1 if shaped and full else index


HEADING_END_WORDS = SMALL_WORDS
"""A heading does not end on a little word (those title case keeps in lower case): `Critics in the
North` is a sentence, not a heading and its text."""


RUN_IN_WORDS = (2, 7)
"""How many words a run-in heading has."""


def split_run_in_heading(
    text: str, lower_words: frozenset[str], runs_on: bool = False
) -> tuple[str, str] | None:
    """A heading run into the start of its paragraph (`Pressure from the outside In the streets the
    organizations held…`), as (heading, paragraph): a few words with no punctuation, not ending on
    a little word, then a capitalised word that the text uses in lower case elsewhere (a sentence
    starts there; a name would not be in lower case), and four words of the paragraph at least, on
    the line or, when the paragraph `runs_on` to the next line, with it.

    >>> split_run_in_heading("A lasting network The contacts made in Cancún lasted.", frozenset({"the"}))
    ('A lasting network', 'The contacts made in Cancún lasted.')
    >>> split_run_in_heading("Advisers to the weak Small delegations", frozenset({"small"}), runs_on=True)
    ('Advisers to the weak', 'Small delegations')

    Negative: a sentence whose first capital inside is a name, or follows a little word, runs on.
    >>> split_run_in_heading("That did not happen in Cancún last year.", frozenset({"the"}))
    >>> split_run_in_heading("Critics in the North complained of it.", frozenset({"north"}))
    >>> split_run_in_heading("Advisers to the weak Small delegations", frozenset({"small"}))
    """
    words = text.split()
    for position, word in enumerate(words[1 : RUN_IN_WORDS[1] + 1], start=1):
        if not word[:1].isupper():
            if re.search(r"[^\w’'-]", word):
                return None  # punctuation: a sentence, not a heading
            continue
        heading = words[:position]
        if (
            position < RUN_IN_WORDS[0]
            or heading[-1].lower() in HEADING_END_WORDS
            or any(re.search(r"[^\w’'-]|\d", w) for w in heading)
            or word.strip("\"'“‘").lower() not in lower_words
            or (len(words) - position < 4 and not runs_on)
        ):
            return None
        return " ".join(heading), " ".join(words[position:])
    return None


def separate_run_in_headings(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""Headings run into the first line of their paragraph, as bold words a layout set inline:
    each is set apart on a line of its own when the line opens a paragraph.

    >>> text = "It ended in May.\nPressure from the outside In the streets they\nmarched all week."
    >>> [t for _, t in separate_run_in_headings(number_lines(text))[0]]
    ['It ended in May.', '', 'Pressure from the outside', '', 'In the streets they', 'marched all week.']

    Negative: the same words inside a paragraph stay.
    >>> text = "It went on and\nPressure from the outside In the streets they\nmarched all week."
    >>> separate_run_in_headings(number_lines(text))[1]
    []
    """
    lower_words = frozenset(re.findall(r"\b[a-z][\w’'-]*", " ".join(t for _, t in lines)))
    out: Lines = []
    repairs = []
    for index, (number, text) in enumerate(lines):
        runs_on = index + 1 < len(lines) and bool(lines[index + 1][1]) and not ends_sentence(text)
        found = (
            split_run_in_heading(text, lower_words, runs_on) if text and opens_block(lines, index) else None
        )
        if found is None:
            out.append((number, text))
            continue
        heading, rest = found
        out += [(number, "")] if out and out[-1][1] else []
        out += [(number, heading), (number, ""), (number, rest)]
        repairs.append(Repair(Kind.RUN_IN_HEADING_SET_APART, number, heading, "own block"))
    return out, repairs
