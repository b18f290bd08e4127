"""What the lines of a page's main flow say of its blocks, read from their type and where they end:
the lines set as headings (in a heading's type, or set apart by space alone), and those that open a
paragraph because the line before ends a sentence short of its column."""

from __future__ import annotations

from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.pdf.lines import Line, first_word_width
from cancun_reader.pdf.page import Style


def set_apart_by_space(text: str) -> bool:
    """Whether a line with space above and below it is a heading set apart by space alone (a
    number, a centred line, in the body's type), ending no sentence; negative: a one-line paragraph.
    >>> set_apart_by_space("3. The road to Miami"), set_apart_by_space("It ended.")
    (True, False)
    """
    return len(text.split()) <= HEADING_WORDS and not ends_sentence(text) and not text.rstrip().endswith(",")


def is_body_size_line(line: Line, body: Style) -> bool:
    return abs(line.style.size - body.size) <= 0.08 * body.size and line.group < 0 and not line.furniture


HEADING_LINES, HEADING_WORDS = 3, 14
"""A heading has at most so many lines and words."""


def in_heading_type(line: Line, body: Style) -> bool:
    """Whether a line is set as headings are: larger than the body, or bold where the body is not,
    or in another family at the body's size or more; not in slanted type alone (an emphasis, a
    quotation)."""
    style = line.style
    larger = style.size >= 1.08 * body.size
    bolder = style.bold and not body.bold and style.size >= 0.95 * body.size
    other = style.font != body.font and style.size >= 0.95 * body.size and not style.italic
    return larger or bolder or other


def asks(text: str, line: Line, body: Style) -> bool:
    """Whether a line in a heading's type is a question set as a heading, an interview's or a
    guide's (`How long does a licence take?`): in upright bold, as a pull quote, set in slanted or
    light display type, is not.

    >>> from cancun_reader.pdf.page import Box
    >>> body, bold = Style("Serif", 10), Style("Serif", 10, bold=True)
    >>> asks("Where do I apply?", Line("Where do I apply?", Box(0, 0, 90, 10), bold, (0, 100)), body)
    True

    Negative: a question set large and slanted, as a pull quote is.
    >>> large = Style("Serif", 14, italic=True)
    >>> asks("Who pays?", Line("Who pays?", Box(0, 0, 90, 10), large, (0, 100)), body)
    False
    """
    style = line.style
    return text.rstrip().endswith("?") and style.bold and not style.italic


def is_body_line(line: Line, body: Style) -> bool:
    return is_body_size_line(line, body) and line.style.font == body.font and line.style.bold == body.bold


def heading_lines(flow: list[tuple[int, Line]], body: Style) -> set[int]:
    """The lines of the main flow that the page sets as a heading: a block of at most three lines in
    a heading's type (see `in_heading_type`), of a heading's few words, ending no sentence (but for
    a question set in bold, `asks`), after the text's body has begun (the title, deck and byline
    stand before it; a line before it is a heading when set in the type of those found after it)
    and before a line of the body's type. A pull quote ends its sentence; a caption or a box's
    title is not in the flow; a line that ends in another type than its own is a heading run into
    its paragraph (set apart by the layout stage).

    >>> from cancun_reader.pdf.page import Box, Style
    >>> body, bold = Style("Serif", 10), Style("Sans", 11, bold=True)
    >>> def line(text, style): return Line(text, Box(0, 0, 100, 10), style, (0, 100))
    >>> flow = [line("It began in May.", body), line("The road to Mexico", bold), line("By the summer", body)]
    >>> sorted(heading_lines(list(enumerate(flow, 1)), body))
    [2]

    Negative: a sentence set larger (a pull quote), and a heading's type with no text after it.
    >>> flow[1] = line("Most deadlines were missed.", bold)
    >>> heading_lines(list(enumerate(flow, 1)), body), heading_lines(list(enumerate(flow[:2], 1)), body)
    (set(), set())
    """
    first = next((i for i, (_, line) in enumerate(flow) if is_body_line(line, body)), len(flow))
    found: set[int] = set()
    styles = set()
    index = first
    while index < len(flow):
        end = heading_end(flow, index, body)
        if end > index:
            found.update(number for number, _ in flow[index:end])
            styles.add(flow[index][1].style)
        index = max(end, index + 1)
    for index in range(first):  # before the body: in the type of the headings found after it
        end = heading_end(flow, index, body) if flow[index][1].style in styles else index
        found.update(number for number, _ in flow[index:end])
    return found


def heading_end(flow: list[tuple[int, Line]], index: int, body: Style) -> int:
    """Where a heading that starts at `index` of the flow ends (`index` when none starts there): a
    block of at most `HEADING_LINES` lines in one heading's type, of a heading's few words, ending
    no sentence (but for a question in bold), before a line of the body's type."""
    line = flow[index][1]
    if not in_heading_type(line, body) or line.last.key() != line.style.key() or "\t" in line.text:
        return index
    end = index + 1
    while end < len(flow) and flow[end][1].style == line.style:
        end += 1
    text = " ".join(shown.text for _, shown in flow[index:end])
    heading = (
        end - index <= HEADING_LINES
        and len(text.split()) <= HEADING_WORDS
        and (not ends_sentence(text) or asks(text, line, body))
        and not text.rstrip().endswith((":", ";", ","))
        and end < len(flow)
        and is_body_line(flow[end][1], body)
    )
    return end if heading else index


INDENT = (0.6, 2.5)
"""A paragraph's first-line indent, in ems: from a little over half an em to two and a half. Less
is the ragged edge of a column; more is a list, a quotation or a box beside the text."""


NEIGHBOURS = 4
"""A line's measure is the longest of the lines this many above and below it in its column: a
ragged column's lines come within a word of it, and lines beside a float share its narrower one."""


def after_short_lines(flow: list[tuple[int, Line]], body: Style) -> set[int]:
    """The lines of the body that open a paragraph because the line before ends a sentence short of
    the measure (the furthest the lines around it reach, a line centred over them aside: a byline),
    with room for their first word: ragged text, where a paragraph has no indent. A line that ends
    where the next ends is full (both set short beside a box that floats in the column).

    >>> from cancun_reader.pdf.page import Box, Style
    >>> body = Style("Serif", 10)
    >>> def line(text, x1, top): return Line(text, Box(50, top, x1, top + 10), body, (50, 300))
    >>> flow = [line("and then the talks went on", 280, 0), line("for days. They ended.", 150, 12)]
    >>> flow += [line("The farmers went home after the", 285, 24), line("march was over.", 140, 36)]
    >>> sorted(after_short_lines(list(enumerate(flow, 1)), body))
    [3]

    So does the first line of a page or column after one that ended so at the foot of the last:
    >>> from dataclasses import replace
    >>> flow[2] = replace(flow[2], page=2)
    >>> sorted(after_short_lines(list(enumerate(flow, 1)), body))
    [3]

    Negative: a sentence that ends where the next line's first word would not have fitted.
    >>> flow[1] = line("for days and days. They ended.", 275, 12)
    >>> after_short_lines(list(enumerate(flow, 1)), body)
    set()
    """
    found: set[int] = set()
    flow = [(number, line) for number, line in flow if not line.furniture]  # a paragraph goes on across it
    for index in range(1, len(flow)):
        number, line = flow[index]
        before = flow[index - 1][1]
        if not (is_body_line(line, body) and is_body_line(before, body)):
            continue
        at = (before.page, before.column)
        if at == (line.page, line.column) and line.box.top <= before.box.top:
            continue
        if not (ends_sentence(before.text) and starts_sentence(line.text)):
            continue  # the measure is that of the column the line before ends (a page's, a column's foot)
        near = flow[max(0, index - NEIGHBOURS) : index + NEIGHBOURS]
        measure = max(
            shown.box.x1
            for _, shown in near
            if (shown.page, shown.column) == at
            and (shown is before or shown.box.x0 - shown.column[0] < INDENT[1] * body.size)  # not centred
        )
        flush = at == (line.page, line.column) and abs(line.box.x1 - before.box.x1) < FLUSH
        if measure - before.box.x1 > first_word_width(line) + 0.5 * body.size and not flush:
            found.add(number)
    return found


FLUSH = 1.0
"""Points within which two lines end at the same place: the line before ended where the next,
justified, does (both set beside a picture or a box that narrows them), so it was full."""
