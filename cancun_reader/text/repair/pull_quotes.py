"""Pull quotes that the layout dropped into the running text: a sentence of the body repeated, set
large between its lines."""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import itemgetter

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Blocks, Paragraph, PullQuote, Repair, text_of
from cancun_reader.core.prose.sentences import (
    PULL_QUOTE_SCORE,
    comparable,
    ends_sentence,
    repeats_words,
    sentence_spans,
    starts_sentence,
)
from cancun_reader.core.prose.words import excerpt
from cancun_reader.text.repair.flow import interrupts

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
    return low <= words <= high and starts_sentence(block.text) and ends_sentence(block.text)


def candidates_in_order(blocks: Blocks, set_apart: frozenset[int] = frozenset()) -> list[int]:
    """The blocks that could be pull quotes (by index), in the order they are tried: of a sentence
    and its repetition, the first tried is taken for the quote, so those the page sets apart come
    first, then the shorter (a quote shortens what it repeats).

    >>> said = Paragraph("A farmer who saves and exchanges seed may break the law unawares.", 1)
    >>> quote = Paragraph("A farmer who saves seed may break the law unawares.", 3)
    >>> candidates_in_order((said, quote)), candidates_in_order((said, quote), frozenset({1}))
    ([1, 0], [0, 1])

    Negative: a long paragraph is no candidate.
    >>> candidates_in_order((Paragraph(" ".join(["The talks went on."] * 20), 1),))
    []
    """
    found = [i for i in range(len(blocks)) if is_pull_quote_candidate(blocks, i, set_apart)]
    return sorted(found, key=lambda i: (blocks[i].line not in set_apart, len(text_of(blocks[i]).split()), i))


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

    One set in quotation marks:
    >>> quoted = Paragraph("“Nobody had expected the poor countries to unite.”", 3)
    >>> find_pull_quotes((body, quoted))[1][0].kind
    Kind.PULL_QUOTE_SET_APART

    A short one too, where the page sets it apart between rules:
    >>> short = Paragraph("Nobody expected the poor to unite.", 3)
    >>> find_pull_quotes((body, short), frozenset({3}))[1][0].kind
    Kind.PULL_QUOTE_SET_APART

    Negative: a short paragraph that says something new stays a paragraph.
    >>> other = Paragraph("Then the delegates went home to report on what they had seen.", 3)
    >>> find_pull_quotes((body, other))[1]
    []
    """
    from rapidfuzz import fuzz, process  # only when a text is converted, not from the cache
    from rapidfuzz.utils import default_process  # words compared without their punctuation

    candidates = candidates_in_order(blocks, set_apart)
    inside_sentences = frozenset(i for i in candidates if interrupts(blocks, i))
    passages = body_passages(blocks)
    if inside_sentences:
        passages += body_passages(blocks, inside_sentences)
    index = word_index(passages)
    found: dict[int, Repair] = {}
    for position in candidates:
        block = blocks[position]
        if not isinstance(block, Paragraph):
            continue  # never so: a candidate is a paragraph (`is_pull_quote_candidate`)
        candidate = comparable(block.text)
        choices = shortlist(candidate, passages, index, {position, *found})
        best = (
            process.extractOne(candidate, choices, scorer=fuzz.token_set_ratio, processor=default_process)
            if choices
            else None
        )
        if best and best[1] >= PULL_QUOTE_SCORE and repeats_words(candidate, best[0]):
            found[position] = Repair(
                Kind.PULL_QUOTE_SET_APART,
                block.line,
                excerpt(block.text),
                f"repeats “{excerpt(best[0])}”",
            )
    out = tuple(
        PullQuote(b.text, b.line) if i in found and isinstance(b, Paragraph) else b
        for i, b in enumerate(blocks)
    )
    return out, sorted(found.values(), key=lambda repair: repair.line)


def word_index(passages: list[Passage]) -> dict[str, list[int]]:
    """The passages each word is found in, by number: built once for a text.

    >>> word_index([Passage("nobody expected", 2, frozenset({1})), Passage("nobody came", 2, frozenset({2}))])
    {'nobody': [0, 1], 'expected': [0]}

    Negative: a short word tells passages apart too little to be indexed.
    >>> word_index([Passage("the G21 was", 3, frozenset({1}))])
    {}
    """
    index: dict[str, list[int]] = defaultdict(list)
    for number, passage in enumerate(passages):
        for word in dict.fromkeys(INDEX_WORD.findall(passage.text)):
            index[word].append(number)
    return dict(index)


def shortlist(
    candidate: str, passages: list[Passage], index: dict[str, list[int]], excluded: set[int]
) -> list[str]:
    """The passages a candidate is compared with in full: the `SHORTLIST` that share most of its
    rarest words, at least as long as it is, and spanning none of the paragraphs `excluded` (its
    own, the pull quotes found already)."""
    rarest = sorted(set(INDEX_WORD.findall(candidate)), key=lambda w: len(index.get(w, ())))[:RAREST_WORDS]
    shared = Counter(n for word in rarest for n in index.get(word, ())[:MOST_POSTINGS])
    least = len(candidate.split())
    likely = heapq.nlargest(SHORTLIST * 4, shared.items(), key=itemgetter(1))
    return [
        passages[n].text
        for n, _ in likely
        if passages[n].words >= least and not passages[n].paragraphs & excluded
    ][:SHORTLIST]
