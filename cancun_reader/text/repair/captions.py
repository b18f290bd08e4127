"""Captions of pictures the extraction left out: a PDF's page sets them in smaller type than the
text, which is the one thing that tells them from a paragraph of one sentence. A text extracted
from the page has lost the type's size, so only a PDF read by the build (`pdf/document.py`) has captions
found; in a text they stay paragraphs of their own."""

from __future__ import annotations

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Block, Caption, Lines, Paragraph, Repair
from cancun_reader.core.prose.shapes import is_byline
from cancun_reader.core.prose.words import excerpt

CAPTION_WORDS = 40
"""A caption is a sentence or two; a longer block in small type is a box's text. (Counted in
words, not lines: pdftotext may cut a stretched line of a narrow column into pieces.)"""


def caption_starts(lines: Lines, small: frozenset[int]) -> frozenset[int]:
    """The first lines of the blocks, among the text's laid-out lines, that the page sets wholly in
    smaller type than the text, in a few words.

    >>> lines = [(1, "The talks ended."), (2, ""), (3, "Delegates leaving"), (4, "Geneva."), (5, "")]
    >>> caption_starts(lines, frozenset({3, 4}))
    frozenset({3})

    Negative: a block only partly in small type (a note number, a run-in head).
    >>> caption_starts(lines, frozenset({4}))
    frozenset()
    """
    starts, run, words = set(), [], 0
    for number, text in [*lines, (0, "")]:
        if text:
            run.append(number)
            words += len(text.split())
            continue
        if run and words <= CAPTION_WORDS and all(n in small for n in run):
            starts.add(run[0])
        run, words = [], 0
    return frozenset(starts)


def set_apart_captions(
    blocks: tuple[Block, ...], starts: frozenset[int]
) -> tuple[tuple[Block, ...], list[Repair]]:
    """A paragraph that a PDF's page sets in smaller type, standing alone (`caption_starts`), is a
    picture's caption: set apart as one, so that it is not read as a paragraph of the text. (The
    notes, in small type too, are found before: `repair_blocks`.)

    >>> blocks = (Paragraph("The talks ended.", 1), Paragraph("Delegates leaving Geneva.", 3))
    >>> set_apart_captions(blocks, frozenset({3}))[0][1]
    Caption(text='Delegates leaving Geneva.', line=3)

    Negative: a byline in small type is the byline, and a text with no PDF behind it has no captions.
    >>> set_apart_captions((Paragraph("By Grace Mwangi", 3),), frozenset({3}))[1]
    []
    >>> set_apart_captions(blocks, frozenset())[1]
    []
    """
    out: list[Block] = []
    repairs = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.line in starts and not is_byline(block.text):
            out.append(Caption(block.text, block.line))
            repairs.append(Repair(Kind.CAPTION_SET_APART, block.line, excerpt(block.text, 40), "caption"))
        else:
            out.append(block)
    return tuple(out), repairs
