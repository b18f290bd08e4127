"""Paragraph breaks an extractor did not keep, inferred from the length of lines."""

from __future__ import annotations

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Printed, Repair
from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.core.prose.shapes import is_all_caps
from cancun_reader.core.prose.words import excerpt_end
from cancun_reader.text.layout.lines import line_width

SHORT_LAST_LINE = 0.75
"""A line shorter than this share of a full line, ending a sentence, ends its paragraph."""


ROOM_LEFT = 1.0
"""Share of a full line that a line and the next word may fill for that word to have fitted. The
extracted text counts characters where the printer measured them, so a line that ends a sentence
near the full width is a guess either way. On the corpus (`make bench`), of the lines that end a
sentence with room for the next word within the last tenth of the width, 18 in 22 ended their
paragraph; counting them as breaks keeps 84% of paragraphs intact where 0.9 kept 75%."""


FIRST_LINE_INDENT = 3
"""How many characters a paragraph's first line is indented by, as magazines set it (an em: two
or three characters of their type): a first line falls that much short of the full width when
full. On the corpus, counting it keeps 4 more paragraphs of the 486 whole, and loses none."""


def next_word_fits(text: str, following: str, width: float) -> bool:
    """Whether the first word of the next line would have fitted on this one: a printer fills
    each line of a paragraph until the next word does not fit, so such a line ended its paragraph.

    >>> next_word_fits("heard it first in the corridor.", "The cause was", 34)
    False
    >>> next_word_fits("heard it first in the corridor.", "The cause was", 60)
    True
    """
    return len(text) + 1 + len(following.split()[0]) <= ROOM_LEFT * width


def is_piece(text: str) -> bool:
    """A line of one word: what pdftotext leaves of a stretched line, cut at its gaps."""
    return bool(text) and len(text.split()) == 1


def inside_stretched_line(lines: Lines, index: int, width: float) -> bool:
    """Whether the line at `index` is a piece of a justified line that pdftotext cut at its widest
    gaps (`the` / `press.` / `It` / `concerned` / `banking,` are one printed line of a narrow column).
    A paragraph's last line is set at natural spacing, so it is never cut so: the line is a piece
    when the one before is a piece too, or when the pieces after it, with the next line's first
    word, would still not fill a line (so they cannot be a paragraph's first line on their own).

    >>> lines = number_lines("attention from\\nthe\\npress.\\nIt\\nconcerned\\nbanking,\\ntransport,")
    >>> inside_stretched_line(lines, 2, 40)
    True
    >>> lines = number_lines("groups met in\\nGeneva.\\nTheir\\nreports\\ndescribed the subjects at")
    >>> inside_stretched_line(lines, 1, 27)
    True

    Negative: a one-word last line before a paragraph whose first line was cut in pieces.
    >>> lines = number_lines("could no longer be\\npostponed.\\nMany\\ndeveloping\\ncountries\\nanswered by")
    >>> inside_stretched_line(lines, 1, 27)
    False
    """
    if not is_piece(lines[index][1]):
        return False
    if index and is_piece(lines[index - 1][1]):
        return True
    after = index + 1
    while after < len(lines) and is_piece(lines[after][1]):
        after += 1
    pieces = " ".join(text for _, text in lines[index + 1 : after])
    following = lines[after][1] if after < len(lines) else ""
    return bool(pieces and following) and next_word_fits(pieces, following, width)


def break_where_printed(lines: Lines, printed: Printed) -> tuple[Lines, list[Repair]]:
    """Paragraph breaks a PDF's page shows and its text loses: a blank line before each line the
    page indents as a paragraph's first, sets below a space, or sets after a line that ends a
    sentence short of its column (`pdf/` finds them), recorded at the line that ends the
    paragraph before.

    >>> lines = number_lines("the talks ended.\\nThe farmers\\nwent home.")
    >>> [t for _, t in break_where_printed(lines, Printed(indented=frozenset({2})))[0]]
    ['the talks ended.', '', 'The farmers', 'went home.']
    >>> break_where_printed(lines, Printed(spaced=frozenset({2})))[1][0].kind
    Kind.PARAGRAPH_BREAK_FROM_THE_SPACE_ABOVE

    A paragraph that ends at a page's foot ends before the next page's running head:
    >>> lines = number_lines("the talks ended.\\nTRADE REVIEW\\nThe farmers")
    >>> [t for _, t in break_where_printed(lines, Printed(short=frozenset({3}), furniture=frozenset({2})))[0]]
    ['the talks ended.', '', 'TRADE REVIEW', 'The farmers']

    Negative: a text that is not a PDF's, and a line that already follows a blank one.
    >>> break_where_printed(lines, Printed())[1]
    []
    >>> break_where_printed(number_lines("ended.\\n\\nThe farmers"), Printed(indented=frozenset({3})))[1]
    []
    """
    opened = dict.fromkeys(printed.short, Kind.PARAGRAPH_BREAK_AFTER_A_SHORT_LINE)
    opened |= dict.fromkeys(printed.spaced, Kind.PARAGRAPH_BREAK_FROM_THE_SPACE_ABOVE)
    opened |= dict.fromkeys(printed.indented, Kind.PARAGRAPH_BREAK_FROM_THE_INDENT)  # the surest sign
    if not opened:
        return lines, []
    out: Lines = []
    repairs = []
    for number, text in lines:
        at = len(out)
        while at and out[at - 1][0] in printed.furniture:
            at -= 1  # before a page's running head: the paragraph ended on the page before
        if number in opened and at and out[at - 1][1]:
            out.insert(at, (out[at - 1][0], ""))
            repairs.append(Repair(opened[number], out[at - 1][0], excerpt_end(out[at - 1][1], 40), "¶"))
        out.append((number, text))
    return out, repairs


NEIGHBOURS = 3
"""How many lines either side of a line measure the full width it is set to: a page's columns,
boxes and notes are set to several widths, so the text's longer lines may be another measure's."""


def local_width(lines: Lines, index: int, width: float) -> float:
    """The full width of the line at `index`: the longest of the lines around it (`NEIGHBOURS` each
    side, blank ones aside), when there are as many as that, else the text's (`width`). One line
    longer than all the others and than the text's full width (a heading or a caption set across
    the columns, a pull quote) measures nothing: the next longest, or the text's width, does.

    >>> lines = number_lines("a column's line\\nthe one below it\\nits last.\\nThe next one\\n\\nA B")
    >>> local_width(lines, 2, 10)
    15
    >>> lines = number_lines("a column's line\\nanother line\\nA HEADING SET ACROSS THE PAGE\\nThe next one")
    >>> local_width(lines, 1, 10)
    15

    Negative: a line with too few lines around it is measured against the text's full width.
    >>> local_width(number_lines("A B\\n\\nOne line alone"), 0, 60)
    60
    """
    near = sorted(len(text) for _, text in lines[max(0, index - NEIGHBOURS) : index + NEIGHBOURS + 1] if text)
    return min(near[-1], max(width, near[-2])) if len(near) >= NEIGHBOURS else width


def infer_paragraph_breaks(lines: Lines, full: frozenset[int] = frozenset()) -> tuple[Lines, list[Repair]]:
    """Paragraph breaks an extractor did not keep (pdftotext often, pypdf never): a line that ends a
    sentence and falls well short of the full width ends its paragraph when the next line begins a
    sentence. The full width is that of the longest line around it (`local_width`), and a block's
    first line counts its indent (`FIRST_LINE_INDENT`). A line that a PDF's page shows filling its
    column (`full`) is not short, whatever its characters count.

    >>> text = "The talks went on for a long time and\\nthen they ended.\\nThe farmers went home after\\n"
    >>> text += "the march was over."
    >>> [t for _, t in infer_paragraph_breaks(number_lines(text))[0]]
    ['The talks went on for a long time and', 'then they ended.', '', 'The farmers went home after', \
'the march was over.']

    Negative: a full line that ends a sentence does not end the paragraph.
    >>> text = "The talks went on for a long time and\\nthey ended at last with nothing.\\n"
    >>> text += "Nevertheless the farmers went home."
    >>> infer_paragraph_breaks(number_lines(text))[1]
    []

    Negative: a paragraph's first line, as full as its indent lets it be.
    >>> text = "It ended.\\n\\nThe members read it as a firm promise.\\n"
    >>> text += "Many others read it as a right to refuse it\\nand said so."
    >>> infer_paragraph_breaks(number_lines(text))[1]
    []

    Negative: a line of few characters that the page shows full.
    >>> text = "The talks went on for a long time and\\nthen they ended.\\nThe farmers went home after"
    >>> infer_paragraph_breaks(number_lines(text), frozenset({2}))[1]
    []
    """
    text_width = line_width(lines)
    out: Lines = []
    repairs = []
    for index, (number, text) in enumerate(lines):
        out.append((number, text))
        width = local_width(lines, index, text_width)
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        first = len(out) < 2 or not out[-2][1]  # a paragraph's first line (maybe just found), indented
        measured = " " * FIRST_LINE_INDENT + text if first else text
        if (
            text
            and following
            and number not in full
            and ends_sentence(text)
            and (len(text) < SHORT_LAST_LINE * width or next_word_fits(measured, following, width))
            and starts_sentence(following)
            and not is_all_caps(text)
            and not inside_stretched_line(lines, index, width)
        ):
            out.append((number, ""))
            repairs.append(Repair(Kind.PARAGRAPH_BREAK_INFERRED, number, text[-40:], "¶"))
    return out, repairs
