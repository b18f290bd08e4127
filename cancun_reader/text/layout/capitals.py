"""Headings set in small capitals, as extractors give them back: a small capital is a lower-case
letter drawn as a capital, and the text under it says so unevenly. Some producers map it back to
the lower-case letter, with a capital here and there where the font's map is odd (`the lessons
draWn`, `afteR the ministeRial`); TeX's small capitals keep a word's first, larger capital apart
from the rest of it (`F OUR SUBJECTS`). The page shows capitals: the line is read as capitals, and
the headings' repair then sets it in title case as it does every heading in capitals."""

from __future__ import annotations

import re
from collections.abc import Callable

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.core.prose.shapes import is_all_caps
from cancun_reader.text.layout.headings import HEADING_WIDTH
from cancun_reader.text.layout.lines import line_width

ODD_CAPITAL = re.compile(r"\b[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z][a-z]?[A-Z]\b")
"""A word with a capital after its lower-case letters (`draWn`, `oF`): no spelling writes one so,
but a name may (`McCain` has its capital after a capital), so such a word counts only when the
text does not write it so elsewhere."""

LETTER_APART = re.compile(r"\b([A-Z]) ([A-Z]{2,})\b")
"""A capital standing apart from the capitals that follow it (`F OUR`)."""


def stands_alone(lines: Lines, index: int, width: float) -> bool:
    """Whether the line at `index` is shaped as a heading on a line of its own: shorter than a
    heading's share of a full line, ending no sentence, after a blank line or a finished sentence,
    and before a blank line or the start of a sentence.

    >>> stands_alone(number_lines("It ended.\\nthe lessons draWn\\nAfter Seattle the talks"), 1, 40)
    True

    Negative: a line of running text that goes on below.
    >>> stands_alone(number_lines("It ended.\\nthe lessons draWn and\\nwhat they said"), 1, 40)
    False
    """
    text = lines[index][1]
    before = lines[index - 1][1] if index else ""
    after = lines[index + 1][1] if index + 1 < len(lines) else ""
    return (
        bool(text.strip())
        and len(text) < HEADING_WIDTH * width
        and not ends_sentence(text)
        and (not before or ends_sentence(before))
        and (not after or starts_sentence(after))
    )


def a_word_apart(apart: re.Match[str], elsewhere: str, is_word: Callable[[str], bool]) -> bool:
    """Whether a capital standing apart is a word of its own (`A LONG DEADLOCK`): the text uses the
    letter as a word in its other lines, or the capitals make no word together (`F OUR` do)."""
    letter, rest = apart[1], apart[2]
    return re.search(rf"\b{letter}\b", elsewhere, re.IGNORECASE) is not None or not is_word(
        (letter + rest).lower()
    )


def as_capitals(text: str, elsewhere: str, is_word: Callable[[str], bool]) -> str | None:
    """The line read as the capitals the page shows, when it has the marks of small capitals; else
    None.

    >>> as_capitals("the lessons draWn", "", lambda w: True)
    'THE LESSONS DRAWN'
    >>> as_capitals("F OUR SUBJECTS TOO MANY", "", lambda w: w in {"four", "f", "our"})
    'FOUR SUBJECTS TOO MANY'

    Negative: a name the text writes so, and a capital that is a word apart (`A MINISTER`, and
    `A LONG`, as the text uses `a` as a word).
    >>> as_capitals("Senator McCain", "Senator McCain spoke", lambda w: True) is None
    True
    >>> as_capitals("A MINISTER AS CHAIR", "", lambda w: w in {"a", "minister"}) is None
    True
    >>> as_capitals("A LONG DEADLOCK", "it took a year", lambda w: True) is None
    True
    """
    if is_all_caps(text):
        joined = LETTER_APART.sub(
            lambda m: m[0] if a_word_apart(m, elsewhere, is_word) else m[1] + m[2], text
        )
        return joined if joined != text else None
    odd = [w for w in ODD_CAPITAL.findall(text) if w not in elsewhere]
    return text.upper() if odd else None


def read_small_capitals(lines: Lines, is_word: Callable[[str], bool]) -> tuple[Lines, list[Repair]]:
    """Headings in small capitals that the extraction gave in lower case with odd capitals, or with
    their first capitals apart, read as the capitals the page shows.

    >>> text = "It ended.\\n\\nafteR the ministeRial\\nThe collapse in Cancún slowed the talks on services."
    >>> [t for _, t in read_small_capitals(number_lines(text), lambda w: True)[0]][2]
    'AFTER THE MINISTERIAL'

    Negative: a line inside a paragraph keeps its letters.
    >>> text = "The talks with the\\niPhone makers went on\\nfor weeks and weeks."
    >>> read_small_capitals(number_lines(text), lambda w: True)[1]
    []
    """
    width = line_width(lines)
    whole = "\n".join(text for _, text in lines)
    out: Lines = []
    repairs = []
    for index, (number, text) in enumerate(lines):
        read = (
            as_capitals(text, whole.replace(text, ""), is_word) if stands_alone(lines, index, width) else None
        )
        if read is None:
            out.append((number, text))
            continue
        out.append((number, read))
        repairs.append(Repair(Kind.SMALL_CAPITALS_READ, number, text, read))
    return out, repairs
