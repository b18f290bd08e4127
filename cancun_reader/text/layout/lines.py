"""Lines of an extracted text, numbered as in the source, and what every layout repair asks of
one: does it end a sentence, begin one, begin a block; how wide is a full line."""

from __future__ import annotations

import re
import statistics

from cancun_reader.core.model import Lines
from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.core.prose.shapes import is_byline

PAGE_BREAK = "\f"


def number_lines(text: str) -> Lines:
    """The text's lines with their numbers, a blank line as `""`.

    >>> number_lines("a\\n\\fb\\n")
    [(1, 'a'), (2, '\\x0cb'), (3, '')]
    """
    return [(n, line.rstrip(" ") if line.strip() else "") for n, line in enumerate(text.split("\n"), start=1)]


def pages_of(lines: Lines) -> list[Lines]:
    """The lines page by page, a form feed starting a new page (and taken off its line)."""
    pages: list[Lines] = [[]]
    for number, text in lines:
        while PAGE_BREAK in text:
            before, _, text = text.partition(PAGE_BREAK)
            if before.strip():
                pages[-1].append((number, before))
            pages.append([])
        pages[-1].append((number, text))
    return pages


def line_width(lines: Lines) -> float:
    """The width of a full line of the text (in characters), from its longer lines."""
    lengths = sorted(len(t) for _, t in lines if t)
    return statistics.quantiles(lengths, n=10)[7] if len(lengths) >= 10 else (max(lengths) if lengths else 0)


def opens_block(lines: Lines, index: int) -> bool:
    """Whether the line at `index` begins a block: after a break, a finished sentence or a byline."""
    before = lines[index - 1][1] if index else ""
    return not before or ends_sentence(before) or is_byline(before)


LIST_MARK = re.compile(r"[-–•▪◦·●]\s")
"""A line that is a list item already: `- Oxfam`, `• Benin`."""


FACT_LINE = re.compile(r"(?:1[89]\d\d|20\d\d)\s+\S")
"""A line of a fact file: a year, then what happened (`1994 NAFTA enters into force`)."""


YEAR = re.compile(r"1[89]\d\d|20\d\d")
"""A year standing alone (a fact file's `1999`) is not taken for a page number."""
