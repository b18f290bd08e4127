"""Pull quotes and sidebars that the layout dropped into the running text."""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import itemgetter

from ..model import Block, Blocks, Heading, ListBlock, Paragraph, PullQuote, Repair, Sidebar, Table
from ..prose.sentences import (
    PULL_QUOTE_SCORE,
    comparable,
    ends_sentence,
    repeats_words,
    sentence_spans,
    starts_lower,
)
from ..prose.shapes import NOTES_TITLE, is_all_caps
from ..prose.words import excerpt
from .flow import is_cut

PULL_QUOTE_WORDS = (8, 45)
"""A pull quote is a sentence or two: long enough to be distinctive, short enough to set large."""

INTERRUPTING_WORDS = 5
"""A shorter pull quote is enough when it stands inside a cut sentence: the layout says it floats."""


def is_pull_quote_candidate(blocks: Blocks, index: int, set_apart: frozenset[int] = frozenset()) -> bool:
    """Whether a block could be a pull quote: a paragraph of a sentence or two; a shorter one when
    it stands inside a cut sentence, or where a PDF's page sets it apart between rules
    (`set_apart`, by line)."""
    block = blocks[index]
    if not isinstance(block, Paragraph) or block.quotation or block.continues or block.opens_mid_sentence:
        return False
    words = len(block.text.split())
    low, high = PULL_QUOTE_WORDS
    if interrupts(blocks, index) or block.line in set_apart:
        low = INTERRUPTING_WORDS
    return low <= words <= high and block.text[:1].isupper() and ends_sentence(block.text)


INDEX_WORD = re.compile(r"[a-z0-9]{5,}")
"""The words a passage is indexed by: long enough to tell passages apart."""

SHORTLIST = 12
"""How many passages, those sharing most words with a candidate, are compared with it in full."""

RAREST_WORDS, MOST_POSTINGS = 8, 1000
"""A candidate is looked up by its rarest words only, each in at most so many passages: a word
found everywhere tells nothing, and would make the lookup grow with the square of the text."""


@dataclass(frozen=True)
class Passage:
    """A sentence of the body, or two neighbouring ones, as compared, with the paragraphs it spans."""

    text: str
    words: int
    paragraphs: frozenset[int]


def body_passages(blocks: Blocks, left_out: frozenset[int] = frozenset()) -> list[Passage]:
    """Every sentence and pair of sentences of the body's paragraphs read as one text, so that a
    sentence cut by the layout (or by a pull quote) is whole; the paragraphs `left_out` (those
    standing inside a cut sentence) are read as not there, so that the sentence they cut is whole."""
    starts, parts, length = [], [], 0
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and index not in left_out:
            starts.append((length, index))
            parts.append(block.text)
            length += len(block.text) + 1
    text = " ".join(parts)
    offsets = [offset for offset, _ in starts]

    def spanned(a: int, b: int) -> frozenset[int]:
        first, last = bisect.bisect_right(offsets, a) - 1, bisect.bisect_right(offsets, b - 1) - 1
        return frozenset(starts[i][1] for i in range(first, last + 1))

    sentences = [(comparable(text[a:b]), spanned(a, b)) for a, b in sentence_spans(text)]
    pairs = [(f"{a} {b}", pa | pb) for (a, pa), (b, pb) in itertools.pairwise(sentences)]
    return [Passage(t, len(t.split()), p) for t, p in sentences + pairs]


def find_pull_quotes(blocks: Blocks, set_apart: frozenset[int] = frozenset()) -> tuple[Blocks, list[Repair]]:
    """A short paragraph that repeats, near-verbatim, a sentence found elsewhere in the body is a
    pull quote: the layout set it large between the lines of the text.

    Each candidate is compared in full only with the few passages that share most of its longer
    words (an index of words, built once), so the work grows with the text, not its square.

    >>> body = Paragraph("The G21 was a surprise. Nobody had expected the poor countries to unite.", 1)
    >>> quote = Paragraph("Nobody had expected the poor countries to unite.", 3)
    >>> find_pull_quotes((body, quote))[0][1]
    PullQuote(text='Nobody had expected the poor countries to unite.', line=3)

    A short one too, where the page sets it apart between rules:
    >>> short = Paragraph("Nobody expected the poor to unite.", 3)
    >>> find_pull_quotes((body, short), frozenset({3}))[1][0].kind
    'pull quote set apart'

    Negative: a short paragraph that says something new stays a paragraph.
    >>> other = Paragraph("Then the delegates went home to report on what they had seen.", 3)
    >>> find_pull_quotes((body, other))[1]
    []
    """
    from rapidfuzz import fuzz, process  # only when a text is converted, not from the cache
    from rapidfuzz.utils import default_process  # words compared without their punctuation

    candidates = [i for i in range(len(blocks)) if is_pull_quote_candidate(blocks, i, set_apart)]
    inside_sentences = frozenset(i for i in candidates if interrupts(blocks, i))
    passages = body_passages(blocks)
    if inside_sentences:
        passages += body_passages(blocks, inside_sentences)
    index: dict[str, list[int]] = defaultdict(list)
    for number, passage in enumerate(passages):
        for word in set(INDEX_WORD.findall(passage.text)):
            index[word].append(number)
    found: dict[int, Repair] = {}
    for position in candidates:
        block = blocks[position]
        candidate = comparable(block.text)  # type: ignore[union-attr]
        rarest = sorted(set(INDEX_WORD.findall(candidate)), key=lambda w: len(index.get(w, ())))[
            :RAREST_WORDS
        ]
        shared = Counter(n for word in rarest for n in index.get(word, ())[:MOST_POSTINGS])
        least, excluded = len(candidate.split()), {position, *found}
        likely = heapq.nlargest(SHORTLIST * 4, shared.items(), key=itemgetter(1))
        choices = [
            passages[n].text
            for n, _ in likely
            if passages[n].words >= least and not passages[n].paragraphs & excluded
        ][:SHORTLIST]
        best = (
            process.extractOne(candidate, choices, scorer=fuzz.token_set_ratio, processor=default_process)
            if choices
            else None
        )
        if best and best[1] >= PULL_QUOTE_SCORE and repeats_words(candidate, best[0]):
            found[position] = Repair(
                "pull quote set apart",
                block.line,
                excerpt(block.text),
                f"repeats “{excerpt(best[0])}”",  # type: ignore[union-attr]
            )
    out = tuple(
        PullQuote(b.text, b.line) if i in found else b  # type: ignore[union-attr]
        for i, b in enumerate(blocks)
    )
    return out, list(found.values())


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


END_MATTER = re.compile(
    r"(?:further |suggested )?reading|resources|sources|references|bibliography|links|contacts"
    rf"|{NOTES_TITLE.pattern}|acknowledg(?:e)?ments",
    re.IGNORECASE,
)
"""Titles of the sections that close an article with a list; a list under them is the article's."""


def titled_box(blocks: Blocks, index: int) -> bool:
    """Whether a title in capitals with only lists or tables under it, after the text has begun, is a box the
    layout set at a column's top or foot (before a paragraph, a heading or the end), not a section
    of the article that closes it with a list (`FURTHER READING`, `SOURCES`).

    >>> text, box = Paragraph("It ended.", 1), (Heading("IN BRIEF", 3), ListBlock(("Held in 1999",), 4))
    >>> titled_box((text, *box), 1)
    True

    Negative: a reading list closing the article is a section of it.
    >>> titled_box((text, Heading("FURTHER READING", 3), ListBlock(("A book",), 4)), 1)
    False
    """
    end = index + 1
    while end < len(blocks) and isinstance(blocks[end], ListBlock | Table):
        end += 1
    title = blocks[index].text  # type: ignore[union-attr]
    return (
        is_all_caps(title)
        and not END_MATTER.fullmatch(title.strip(" :"))
        and end > index + 1
        and any(isinstance(b, Paragraph) for b in blocks[:index])
        and (end == len(blocks) or isinstance(blocks[end], Paragraph | Heading))
    )


def table_title(table: Table) -> str | None:
    """A title set as the table's first row: one filled cell, in capitals."""
    cells = [cell for cell in table.rows[0] if cell]
    return cells[0] if len(cells) == 1 and is_all_caps(cells[0]) and len(table.rows) > 1 else None


def find_sidebars(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """A title in capitals followed by lists, sub-heads or a table, interrupting a sentence of the
    text, is a sidebar: a box the layout set beside the article.

    >>> cut = Paragraph("The aim is", 1)
    >>> box = (Heading("SOME ORGANIZATIONS", 3), ListBlock(("Oxfam", "Greenpeace"), 5))
    >>> find_sidebars((cut, *box, Paragraph("to defend them.", 8)))[0][1]
    Sidebar(title='SOME ORGANIZATIONS', blocks=(ListBlock(items=('Oxfam', 'Greenpeace'), line=5),), line=3)

    Negative: a section heading with a list after a finished paragraph is part of the article; so
    is a heading after the box's last list.
    >>> done = Paragraph("It ended.", 1)
    >>> find_sidebars((done, Heading("FURTHER READING", 3), ListBlock(("A book",), 5)))[1]
    []
    >>> find_sidebars((cut, *box, Heading("WTO", 7), Paragraph("to defend them.", 8)))[0][2]
    Heading(text='WTO', line=7, level=2)
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Table) and interrupts(blocks, index) and table_title(block):
            out.append(
                Sidebar(table_title(block) or "", (Table(block.rows[1:], block.line + 1),), block.line)
            )
            repairs.append(
                Repair("sidebar set apart", block.line, excerpt(block.rows[0][0]), "table in a box")
            )
            index += 1
            continue
        if isinstance(block, Heading) and (interrupts(blocks, index) or titled_box(blocks, index)):
            end = index + 1
            while end < len(blocks) and isinstance(blocks[end], ListBlock | Table | Heading):
                end += 1
            while isinstance(blocks[end - 1], Heading) and end > index + 1:
                end -= 1  # a sub-head heads something in the box: one after its last list is the text's
            content = blocks[index + 1 : end]
            if any(isinstance(b, ListBlock | Table) for b in content):
                inner = tuple(
                    Heading(b.text, b.line, level=3) if isinstance(b, Heading) else b for b in content
                )
                out.append(Sidebar(block.text, inner, block.line))  # type: ignore[arg-type]
                repairs.append(
                    Repair(
                        "sidebar set apart", block.line, excerpt(block.text), "lists and sub-heads in a box"
                    )
                )
                index = end
                continue
        out.append(block)
        index += 1
    return tuple(out), repairs


def set_apart_printed_boxes(
    blocks: Blocks, boxes: tuple[tuple[int, int], ...], quotes: frozenset[int] = frozenset()
) -> tuple[Blocks, list[Repair]]:
    """The blocks a PDF's page draws a box around (`boxes`: each box's first and last line) are a
    sidebar, whatever their title or contents: its title is its first block when that is a heading
    or a short line that ends no sentence; paragraphs in it are its items. A box that holds only a
    pull quote's lines (`quotes`: larger or slanted type, alone in it) is the quote's.

    >>> box = (Paragraph("Cotton in four countries", 3), ListBlock(("Benin", "Mali"), 4))
    >>> text = (Paragraph("The text.", 1), *box, Paragraph("It goes on.", 7))
    >>> set_apart_printed_boxes(text, ((3, 5),))[0][1]
    Sidebar(title='Cotton in four countries', blocks=(ListBlock(items=('Benin', 'Mali'), line=4),), line=3)

    A box with no title, a list alone:
    >>> set_apart_printed_boxes((ListBlock(("Benin", "Mali"), 4),), ((4, 5),))[1][0].before
    'Benin'

    Negative: a text with no box drawn on its page is left as it is.
    >>> set_apart_printed_boxes(box, ())[1]
    []
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    index = 0
    while index < len(blocks):
        box = next(((a, b) for a, b in boxes if a <= blocks[index].line <= b and a not in quotes), None)
        if box is None or isinstance(blocks[index], Sidebar):
            out.append(blocks[index])
            index += 1
            continue
        end = index
        while end < len(blocks) and box[0] <= blocks[end].line <= box[1]:
            end += 1
        inside, title = list(blocks[index:end]), ""
        first = inside[0]
        if isinstance(first, Heading) or (
            isinstance(first, Paragraph)
            and len(first.text.split()) <= TITLE_WORDS
            and not ends_sentence(first.text)
        ):
            title = first.text
            inside = inside[1:]
        content = tuple(
            b
            if isinstance(b, ListBlock | Table)
            else Heading(b.text, b.line, level=3)
            if isinstance(b, Heading)
            else ListBlock((b.text,), b.line)  # type: ignore[union-attr]
            for b in inside
        )
        out.append(Sidebar(title, content, first.line))  # type: ignore[arg-type]
        repairs.append(
            Repair("sidebar set apart", first.line, excerpt(title or opening(first)), "a box the page draws")
        )
        index = end
    return tuple(out), repairs


def opening(block: Block) -> str:
    """The first words a block shows: its text, its first item, its first cell."""
    if isinstance(block, ListBlock):
        return block.items[0] if block.items else ""
    if isinstance(block, Table):
        return block.rows[0][0] if block.rows and block.rows[0] else ""
    if isinstance(block, Sidebar):
        return block.title
    return block.text


TITLE_WORDS = 12
"""A box's title is a line of a few words; a longer first block is the box's text."""
