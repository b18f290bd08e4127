"""Paragraphs cut by the layout: at a column or page break, or around a pull quote or sidebar that
was dropped into the middle of a sentence (`…and to the lobbying of` / `civic organizations…`)."""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import (
    Block,
    Blocks,
    Caption,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Repair,
    Sidebar,
    Table,
)
from cancun_reader.core.prose.sentences import ends_sentence, starts_lower
from cancun_reader.core.prose.shapes import is_byline
from cancun_reader.core.prose.words import HYPHENS, excerpt, excerpt_end, join_across_break

STANDS_BETWEEN = (PullQuote, Caption, Sidebar, Table)
"""What the layout may drop between a cut paragraph and its continuation."""


def is_cut(text: str) -> bool:
    """Whether a paragraph was cut mid-sentence: it does not end as a finished sentence does, and it
    is not a byline, which stands with no final punctuation of its own.

    >>> is_cut("the ministers agreed to"), is_cut("By Grace Mwangi")
    (True, False)
    """
    return not ends_sentence(text) and not is_byline(text)


def interrupts(blocks: Blocks, index: int) -> bool:
    """Whether the block at `index` stands inside a sentence: the paragraph before it (pull quotes
    aside) is cut, or the one right after it goes on in lower case.

    >>> quote, rest = Paragraph("A farmer earned less.", 3), Paragraph("paid in the North", 4)
    >>> interrupts((Paragraph("The subsidies", 1), quote), 1), interrupts((quote, rest), 0)
    (True, True)

    Negative: between two finished paragraphs, a paragraph stands in no sentence.
    >>> interrupts((Paragraph("It ended.", 1), quote, Paragraph("Then more.", 5)), 1)
    False
    """
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    if isinstance(after, Paragraph) and starts_lower(after.text):
        return True
    for block in reversed(blocks[:index]):
        if isinstance(block, PullQuote | Sidebar):
            continue
        return isinstance(block, Paragraph) and is_cut(block.text)
    return False


def continues(block: Block, after_hyphen: bool) -> bool:
    """Whether a paragraph carries on a cut one: it starts in lower case (and is no byline, `by Anil
    Mehra`), a correction says so, or the cut one ends with a hyphen, which no finished paragraph
    does (`anti-` … `NGO visions`)."""
    return isinstance(block, Paragraph) and (
        block.continues or after_hyphen or (starts_lower(block.text) and not is_byline(block.text))
    )


def word_repair(halves: tuple[str, str], line: int) -> Repair:
    left, right = halves
    return Repair(Kind.WORD_REJOINED, line, f"{left}- {right}", left + right)


def _short_join(before: str, after: str) -> tuple[str, str]:
    return excerpt_end(before, 30), excerpt(after, 30)


def rejoin_cut_paragraphs(blocks: Blocks, known: frozenset[str] = frozenset()) -> tuple[Blocks, list[Repair]]:
    """Join a paragraph that ends mid-sentence with the next paragraph that begins in lower case
    (or that a `join` correction names), skipping pull quotes, sidebars and tables, which are then
    placed after the joined paragraph. A word hyphenated across the break is made whole.

    >>> cut = (Paragraph("The first mobiliza-", 1), PullQuote("Quote.", 3), Paragraph("tion was called.", 5))
    >>> rejoin_cut_paragraphs(cut)[0]
    (Paragraph(text='The first mobilization was called.', line=1, anchor='', number=0, \
quotation=False, opens_mid_sentence=False, continues=False, front=''), PullQuote(text='Quote.', line=3))

    Negative: a paragraph that ends with a full stop is finished, whatever follows it.
    >>> len(rejoin_cut_paragraphs((Paragraph("It ended.", 1), Paragraph("then more", 3)))[0])
    2

    An editor's `join` joins two paragraphs even where the first ends a sentence.
    >>> joined = (Paragraph("It ended.", 1), Paragraph("Then more.", 3, continues=True))
    >>> rejoin_cut_paragraphs(joined)[0][0].text
    'It ended. Then more.'
    >>> note = (Footnote("1", "The access was", 1), Paragraph("granted.", 3, continues=True))
    >>> rejoin_cut_paragraphs(note)[0]
    (Footnote(number='1', text='The access was granted.', line=1),)

    """
    pending = deque(blocks)
    out: list[Block] = []
    repairs: list[Repair] = []
    while pending:
        block = pending.popleft()
        if isinstance(block, Paragraph | Footnote):
            between = 0
            while between < len(pending) and isinstance(pending[between], STANDS_BETWEEN):
                between += 1
            tail = pending[between] if between < len(pending) else None
            # a cut paragraph and its continuation; or two an editor's `join` says are one (a note
            # and what the page set apart from it too)
            joined = isinstance(tail, Paragraph) and tail.continues
            cut = joined or (isinstance(block, Paragraph) and is_cut(block.text))
            if cut and isinstance(tail, Paragraph) and continues(tail, block.text.endswith(tuple(HYPHENS))):
                asides = [pending.popleft() for _ in range(between)]
                pending.popleft()  # the tail
                text, word = join_across_break(block.text, tail.text, known)
                before, after = _short_join(block.text, tail.text)
                repairs.append(Repair(Kind.PARAGRAPH_REJOINED, block.line, f"{before} ¶ {after}", "joined"))
                if word:
                    repairs.append(word_repair(word, block.line))
                # the joined paragraph goes back to the front, as it may still be cut; what stood
                # between the halves follows it
                pending.extendleft(reversed([replace(block, text=text), *asides]))
                continue
        out.append(block)
    return tuple(out), repairs


def unwrap_lines(blocks: Blocks, known: frozenset[str] = frozenset()) -> tuple[Blocks, list[Repair]]:
    """Join the hard-wrapped lines of each paragraph, heading, list item and table cell, making
    whole a word hyphenated at a line end.

    >>> unwrap_lines((Paragraph("the first mobiliza-\\ntion was\\ncalled", 4),))[0][0].text
    'the first mobilization was called'
    >>> unwrap_lines((ListBlock(("Benin", "a deci-\\nsion taken"), 4),))[0][0].items
    ('Benin', 'a decision taken')

    Negative: a hyphen the author wrote stays, where both halves are words and the whole is not.
    >>> unwrap_lines((Paragraph("the anti-\\nNGO campaign", 4),), frozenset({"anti", "ngo"}))[0][0].text
    'the anti-NGO campaign'
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading) and "\n" in block.text:
            block = replace(block, text=unwrapped(block.text, block.line, known, repairs))
        elif isinstance(block, ListBlock) and any("\n" in item for item in block.items):
            items, line = [], block.line
            for item in block.items:
                items.append(unwrapped(item, line, known, repairs))
                line += item.count("\n") + 1
            block = replace(block, items=tuple(items))
        elif isinstance(block, Table) and any("\n" in cell for row in block.rows for cell in row):
            rows, line = [], block.line
            for row in block.rows:
                starts = cell_lines(row, line)
                rows.append(
                    tuple(unwrapped(c, at, known, repairs) for c, at in zip(row, starts, strict=True))
                )
                line += sum(cell.count("\n") for cell in row) + 1
            block = replace(block, rows=tuple(rows))
        out.append(block)
    return tuple(out), repairs


def cell_lines(row: tuple[str, ...], line: int) -> list[int]:
    """The line each cell of a table's row (on `line`) is read from, as the line a word broken
    between its first two lines is recorded on: the row's line, when the first cell is on one
    line (the others' further lines follow it); cell after cell, when the first cell wraps.

    >>> cell_lines(("1996", "Singapore ministerial\\nsets up"), 7)
    [7, 7]
    >>> cell_lines(("Talks\\nin Geneva", "dropped"), 7)
    [7, 9]
    """
    if "\n" not in row[0]:
        return [line] * len(row)
    starts, at = [], line
    for cell in row:
        starts.append(at)
        at += cell.count("\n") + 1 if cell else 0
    return starts


def unwrapped(text: str, line: int, known: frozenset[str], repairs: list[Repair]) -> str:
    """A text's lines (the first on `line`) as one, each word made whole recorded in `repairs`."""
    lines = text.split("\n")
    joined = lines[0]
    for offset, following in enumerate(lines[1:], start=1):
        joined, word = join_across_break(joined, following, known)
        if word:
            repairs.append(word_repair(word, line + offset - 1))
    return joined


def dangling_and_orphans(blocks: Blocks) -> tuple[list[int], list[int]]:
    """The paragraphs still cut after `rejoin_cut_paragraphs` (they end mid-sentence), and those
    that begin in lower case with no cut paragraph before them to continue, by their index."""
    dangling, orphans = [], []
    previous: Block | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            if not isinstance(block, STANDS_BETWEEN):
                previous = block
            continue
        cut_before = isinstance(previous, Paragraph) and is_cut(previous.text)
        if starts_lower(block.text) and not block.opens_mid_sentence and not cut_before:
            orphans.append(index)
        if is_cut(block.text):
            dangling.append(index)
        previous = block
    return dangling, orphans


REST_WORDS = 4
"""Least words of a continuation read before its paragraph, and of the paragraph it ends: fewer
may be a word group an extractor shuffled out of its line (pdfminer on justified columns), or a
label, not the rest of a sentence or the paragraph it cuts."""


def has_words_enough(block: Block) -> bool:
    return isinstance(block, Paragraph) and len(block.text.split()) >= REST_WORDS


def paragraph_between(blocks: Blocks, first: int, last: int) -> bool:
    """Whether a paragraph stands between two blocks: a column the extractor read in between, not
    a heading alone, which may have been set there with nothing displaced."""
    return any(isinstance(b, Paragraph) for b in blocks[first + 1 : last])


def rejoin_continuation_out_of_order(
    blocks: Blocks, known: frozenset[str] = frozenset()
) -> tuple[Blocks, list[Repair]]:
    """Join a cut paragraph with its continuation when the extractor read them out of order: a
    paragraph that begins in lower case with nothing to continue, and a paragraph that ends
    mid-sentence with nothing to go on. Only a certain pair is joined: the text's one such
    beginning (not its first paragraph), finishing its sentence, each of a few words at least, and
    the text's one such end: after the beginning (the continuation read first: a float's column
    read before the end of the one it continues) or before it with another paragraph between them
    (read last: a column read before the end of the one before it). Anything less certain stays as
    it is, and is warned about.

    >>> read = (Paragraph("It began.", 1), Paragraph("paid in the North, it fell.", 2),
    ...         Paragraph("The price fell. The subsidies", 5))
    >>> rejoin_continuation_out_of_order(read)[0][1]
    Paragraph(text='The price fell. The subsidies paid in the North, it fell.', line=5, anchor='', \
number=0, quotation=False, opens_mid_sentence=False, continues=False, front='')
    >>> from cancun_reader.core.model import Heading
    >>> late = (read[2], Heading("A long deadlock", 7), Paragraph("One member blocked it.", 8), read[1])
    >>> [b.text for b in rejoin_continuation_out_of_order(late)[0]][0]
    'The price fell. The subsidies paid in the North, it fell.'

    Negative: with two cut paragraphs after the beginning, which one it ends is not certain; a text
    that begins in lower case begins mid-sentence; a heading alone between them displaced nothing.
    >>> two = (*read, Paragraph("And the farmers went", 7))
    >>> len(rejoin_continuation_out_of_order(two)[0])
    4
    >>> len(rejoin_continuation_out_of_order(read[1:])[0])
    2
    >>> len(rejoin_continuation_out_of_order((read[2], Heading("A long deadlock", 7), read[1]))[0])
    3
    """
    dangling, orphans = dangling_and_orphans(blocks)
    # one beginning, not the text's first (a text in lower case begins mid-sentence)
    if len(orphans) != 1 or orphans[0] == 0:
        return blocks, []
    rest, end = orphans[0], dangling[0] if len(dangling) == 1 else None
    if end is None or (end < rest and not paragraph_between(blocks, end, rest)):
        return blocks, []
    head, tail = blocks[end], blocks[rest]
    if not (isinstance(head, Paragraph) and isinstance(tail, Paragraph)):
        return blocks, []  # never so: both are paragraphs (`dangling_and_orphans`)
    if not (has_words_enough(head) and has_words_enough(tail) and ends_sentence(tail.text)):
        return blocks, []
    text, word = join_across_break(head.text, tail.text, known)
    before, after = _short_join(head.text, tail.text)
    repairs = [
        Repair(
            Kind.PARAGRAPH_REJOINED_OUT_OF_ORDER, tail.line, f"{before} ¶ {after}", "joined", into=head.line
        )
    ]
    if word:
        repairs.append(word_repair(word, head.line))
    joined = [replace(head, text=text) if i == end else b for i, b in enumerate(blocks) if i != rest]
    return tuple(joined), repairs
