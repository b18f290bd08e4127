"""Doubts: where the reading of a text is unsure after every repair, each said to the editor with
the directive that settles it (valid YAML to paste into the text's corrections file, quoting words
found once) and to the reader where it stands (`unsure`): a paragraph cut with nothing to continue
it, one starting in lower case with nothing before it, a line shaped like a heading, a note cut
short, a box cut into items where it divides none, a text whose extraction gave its words out of
order. Those that the printed page raises are in `page_doubts.py`."""

from __future__ import annotations

import re

from cancun_reader.core.model import (
    Block,
    Blocks,
    Footnote,
    ListBlock,
    Paragraph,
    Sidebar,
    Table,
)
from cancun_reader.core.prose.sentences import starts_lower
from cancun_reader.core.prose.shapes import MAX_HEADING_WORDS, SMALL_WORDS, is_byline
from cancun_reader.text.quoting import block_text
from cancun_reader.text.repair.flow import is_cut

SHUFFLED_SHARE, SHUFFLED_LEAST = 0.5, 4
"""A text in which so many paragraphs (and at least so many) are cut with nothing to continue
them was most likely read out of order by its extractor, not cut by its layout."""

READ_OUT_OF_ORDER = "the extraction seems to give the words of its lines out of order"
SHUFFLED = (
    "{cut} of {paragraphs} paragraphs are cut with nothing found to continue them: "
    f"{READ_OUT_OF_ORDER} (pdfminer does so on narrow justified columns), which no repair can "
    "undo; extract the PDF again with another tool (pdftotext keeps the reading order of columns), "
    "or mend the order with a corrections file"
)


STARTS_LOWER = (
    "paragraph starts in lower case with nothing before it to continue: if the source prints it so, "
    "add to {corrections}: - {{confirm: {first}}}; if it continues the paragraph before, join them: "
    '- {{join: "<the last words before it>", with: {first}}}'
)
CUT = (
    "paragraph ends mid-sentence and no continuation was found: if the source leaves it so, add to "
    "{corrections}: - {{confirm: {last}}}; if its sentence goes on in another paragraph, join them: "
    '- {{join: {last}, with: "<the first words of the paragraph that continues it>"}}'
)
CUT_HEADING = (
    "“{text}” ends no sentence and nothing continues it: if it is a heading, add to {corrections}: "
    "- {{role: {last}, as: heading}}; if it is right as it is, - {{confirm: {last}}}; if its sentence goes "
    'on elsewhere, - {{join: {last}, with: "<the first words of the paragraph that continues it>"}}'
)
CUT_NOTE = (
    "note {number} ends mid-sentence: its end may have been read into the text or another note "
    "(notes set side by side); if the source leaves it so, add to {corrections}: - {{confirm: {last}}}; "
    'if it goes on elsewhere, - {{join: {last}, with: "<the first words that continue it>"}}'
)
ADVICE = re.compile(r'add to [^:]+: (- (?:\w+: "[^"]*"|\{[^}]*\}))')
"""The directive a doubt's message offers first, as it is printed: pasted into the corrections file,
it settles the doubt (`tests/test_advice.py` pastes each)."""


MOST_QUOTED = 12
"""The most words a doubt's directive quotes: past a dozen, the place of the words (`occurrence`)
tells them apart better than more of them, and a text of one word said over and over is not
searched once a word."""


def quotable(blocks: Blocks, block: Block, from_end: bool) -> str:
    """A quotation of a block's words (its last, or its first) for a directive, as YAML's flow
    style writes its value: the fewest words found once in the whole text, up to a dozen; where
    those are all found elsewhere too, the dozen with the place of this one (`occurrence`).

    >>> text = (Paragraph("It ended in the night", 1), Paragraph("the night", 3))
    >>> quotable(text, text[0], from_end=False), quotable(text, text[1], from_end=True)
    ('"It ended"', '"the night", occurrence: 2')

    Negative: a paragraph of one word said over and over is quoted by a dozen of them and its
    place, not by all of its words.
    >>> quotable((Paragraph("word " * 40_000, 1),), Paragraph("word " * 40_000, 1), from_end=False)
    '"word word word word word word word word word word word word", occurrence: 1'
    """
    words = block_text(block).split()
    texts = [" ".join(block_text(b).split()) for b in blocks]
    whole = " ".join(texts)
    quote = " ".join(words)
    for count in range(min(2, len(words)), min(len(words), MOST_QUOTED) + 1):
        quote = " ".join(words[-count:] if from_end else words[:count])
        if whole.count(quote) == 1:
            return f'"{quote}"'
    at = blocks.index(block)
    place = sum(t.count(quote) for t in texts[:at]) + (texts[at].count(quote) if from_end else 1)
    return f'"{quote}", occurrence: {place}'


BOX_PARTS = (
    "the box “{title}” holds an item or a row starting in lower case: the page's lines may be cut "
    "into items, or rows, where the box does not divide them; if it is read right, add to "
    '{corrections}: - {{confirm: {first}}}; if an item is two, - {{split: "<the second\'s first words>"}}; '
    'if two are one, - {{merge: "<the first\'s words>"}}'
)


UNSURE = {
    CUT: "this paragraph stops in the middle of a sentence: its end may stand elsewhere, or be lost",
    CUT_NOTE: "this note stops in the middle of a sentence: its end may stand elsewhere",
    CUT_HEADING: "this line may be a heading, or the start of a sentence that goes on elsewhere",
    STARTS_LOWER: "this paragraph may continue one that the source sets apart from it",
    BOX_PARTS: "the items of this box may not be divided as they are printed",
    SHUFFLED: "the words of this text may have come out of order",
}
"""What a reader is told of each doubt, where it stands on the page (the editor is told the
correction that settles it)."""


def unsure(message: str) -> str:
    """What a reader is told of a doubt whose message (before its text and file are filled in) is
    `message`; any other doubt is said as a doubt about the reading.

    >>> unsure(CUT)[:40], unsure("something else")
    ('this paragraph stops in the middle of a ', 'the reading here is unsure')
    """
    return UNSURE.get(message, "the reading here is unsure")


def find_unresolved(
    blocks: Blocks, corrections: str = "the text's corrections file", confirmed: frozenset[int] = frozenset()
) -> list[tuple[int, str, str]]:
    """What the repairs could not settle, as (line, message for the editor, what a reader is told):
    each message names the correction that settles it in the text's corrections file
    (`corrections`); a line shaped like a heading is offered the `heading` correction. A paragraph
    an editor `confirmed` (by its line) is not doubted.

    >>> cut = find_unresolved((Paragraph("and then it", 3),), "sources/a.corrections.yml")[1]
    >>> cut[0], ADVICE.search(cut[1])[1]
    (3, '- {confirm: "then it"}')
    >>> said = find_unresolved((Paragraph("Thursday 20 November", 3),), "sources/a.corrections.yml")[0][1]
    >>> ADVICE.search(said)[1]
    '- {role: "20 November", as: heading}'

    >>> ADVICE.search(find_unresolved((Footnote("1", "The coalitions had been", 8),))[0][1])[1]
    '- {confirm: "had been"}'

    Negative: a byline stands with no final punctuation, and is no cut paragraph.
    >>> find_unresolved((Paragraph("By Grace Mwangi", 6), Paragraph("Two weeks before it ended.", 9)))
    []
    """
    found = []
    for block in blocks:
        if isinstance(block, Footnote) and is_cut(block.text) and block.line not in confirmed:
            last = quotable(blocks, block, from_end=True)
            said = CUT_NOTE.format(number=block.number, last=last, corrections=corrections)
            found.append((block.line, said, unsure(CUT_NOTE)))
        if not isinstance(block, Paragraph) or block.front or block.line in confirmed:
            continue
        words = block.text.split()
        if starts_lower(block.text) and not block.opens_mid_sentence:
            first = quotable(blocks, block, from_end=False)
            said = STARTS_LOWER.format(corrections=corrections, first=first)
            found.append((block.line, said, unsure(STARTS_LOWER)))
        if is_cut(block.text):
            shaped = len(words) <= MAX_HEADING_WORDS and block.text[:1].isupper()
            shaped = shaped and words[-1].casefold() not in SMALL_WORDS  # `…stops in the` goes on
            message = CUT_HEADING if shaped else CUT
            last = quotable(blocks, block, from_end=True)
            said = message.format(text=" ".join(words), last=last, corrections=corrections)
            found.append((block.line, said, unsure(message)))
    return shuffled_extraction(blocks, found) + found


def shuffled_extraction(blocks: Blocks, unresolved: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """One warning, at the text's first block, when half its paragraphs (bylines aside) or more
    are cut with nothing to continue them: an extraction that read its lines' words out of order.

    >>> cut = tuple(Paragraph(f"the words of a line {n}", n) for n in range(1, 5))
    >>> shuffled_extraction(cut, [(n, "paragraph ends mid-sentence…", "") for n in range(1, 5)])[0][1][:60]
    '4 of 4 paragraphs are cut with nothing found to continue the'

    Negative: a paragraph or two left cut among finished ones is the editors' to mend, one by one.
    >>> text = (*(Paragraph(f"It ended {n}.", n) for n in range(1, 6)), Paragraph("and then", 9))
    >>> shuffled_extraction(text, [(9, "…", "")])
    []
    """
    lines = {b.line for b in blocks if isinstance(b, Paragraph) and not is_byline(b.text)}
    paragraphs = len(lines)
    cut = len({line for line, _, _ in unresolved} & lines)  # a note cut in pieces is the notes' doubt
    if cut < SHUFFLED_LEAST or cut < SHUFFLED_SHARE * paragraphs:
        return []
    return [(blocks[0].line, SHUFFLED.format(cut=cut, paragraphs=paragraphs), unsure(SHUFFLED))]


def parts_of(box: Sidebar) -> list[str]:
    """What a box was cut into: its lists' items, and the first cell of each of its tables' rows.

    >>> parts_of(Sidebar("Dates", (Table((("1998", "abandoned"), ("among", "rich")), 3),), 2))
    ['1998', 'among']
    """
    parts: list[str] = []
    for inner in box.blocks:
        if isinstance(inner, ListBlock):
            parts += inner.items
        elif isinstance(inner, Table):
            parts += [row[0] for row in inner.rows if row]
    return parts


def box_parts(
    blocks: Blocks, corrections: str = "the text's corrections file", confirmed: frozenset[int] = frozenset()
) -> list[tuple[int, str, str]]:
    """The boxes whose items (or rows) the page's lines were cut into with one starting in lower
    case: the rest of an item, or a row, that the box does not set apart.

    >>> box = Sidebar("Who was invited", (ListBlock(("The largest powers", "of the coalitions"), 5),), 4)
    >>> found = box_parts((Paragraph("It ended.", 1), box), "a.yml")
    >>> found[0][0], ADVICE.search(found[0][1])[1]
    (4, '- {confirm: "Who was"}')

    Negative: items each starting as a sentence or a name does; a box an editor confirmed.
    >>> box_parts((Sidebar("Dates", (ListBlock(("1998 Talks", "Geneva"), 5),), 4),))
    []
    >>> box_parts((box,), confirmed=frozenset({4}))
    []
    """
    found = []
    for block in blocks:
        if not isinstance(block, Sidebar) or block.line in confirmed:
            continue
        if any(part[:1].islower() for part in parts_of(block)):
            first = quotable(blocks, block, from_end=False)
            said = BOX_PARTS.format(title=block.title, corrections=corrections, first=first)
            found.append((block.line, said, unsure(BOX_PARTS)))
    return found
