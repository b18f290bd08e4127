"""Headings set in capitals by the layout (`FTAA "FLEXIBILITY" IN MIAMI`), turned into title case."""

from __future__ import annotations

import re
from dataclasses import replace

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import (
    Block,
    Blocks,
    Entry,
    Heading,
    ListBlock,
    Paragraph,
    Repair,
    Role,
    Sidebar,
    text_of,
)
from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.core.prose.shapes import (
    MAX_HEADING_WORDS,
    MIXED_CASE_HEADING,
    SMALL_WORDS,
    is_all_caps,
    is_byline,
)
from cancun_reader.core.prose.words import excerpt
from cancun_reader.text.repair.flow import is_cut

CAPITALS_TOKEN = re.compile(r"\b[A-Z][A-Z0-9.&-]*[A-Z0-9]\b\.?")
"""A word written in capitals in running text: an acronym such as `WTO`, `G21` or `U.S.`."""

INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
"""Initials with their full stops, always capitals whatever the case around them: `U.S.`, `U.N.`."""

WORD_CORE = re.compile(r"^(?P<lead>\W*)(?P<core>.*?)(?P<trail>[^\w.]*)$")


def acronyms_in(blocks: Blocks) -> frozenset[str]:
    """The words a text itself writes in capitals inside sentences: those stay capitals in headings.

    >>> sorted(acronyms_in((Paragraph("The WTO and the U.S. met the G21 in Cancún.", 1),)))
    ['G21', 'U.S.', 'WTO']
    """
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    texts += [item for b in blocks if isinstance(b, ListBlock) for item in b.items]
    return frozenset(token for text in texts for token in CAPITALS_TOKEN.findall(text))


def title_case_word(word: str, first: bool, acronyms: frozenset[str]) -> str:
    parts = WORD_CORE.match(word)
    assert parts  # the pattern matches any string
    lead, core, trail = parts["lead"], parts["core"], parts["trail"]
    known = core in acronyms or core.rstrip(".") in acronyms
    if known or INITIALS.fullmatch(core) or any(c.isdigit() for c in core):
        return word
    if not first and core.lower() in SMALL_WORDS:
        return lead + core.lower() + trail
    return lead + "-".join(p[:1].upper() + p[1:].lower() for p in core.split("-")) + trail


def title_case(text: str, acronyms: frozenset[str]) -> str:
    """A heading in capitals in title case, keeping the text's acronyms.

    >>> title_case('FTAA "FLEXIBILITY" IN MIAMI', frozenset({"FTAA"}))
    'FTAA "Flexibility" in Miami'
    >>> title_case("CITIZENS’ DIPLOMACY IN CANCÚN", frozenset())
    'Citizens’ Diplomacy in Cancún'
    >>> title_case("THE U.S. IN THE ROUND", frozenset())
    'The U.S. in the Round'
    """
    words = text.split()
    return " ".join(title_case_word(w, i == 0, acronyms) for i, w in enumerate(words))


def find_mixed_case_headings(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """A one-line paragraph shaped like a heading (`A lighter agreement`), after a finished
    sentence and before a paragraph that begins one, is a heading the extraction set as text.

    >>> found = find_mixed_case_headings(
    ...     (Paragraph("It ended.", 1), Paragraph("Who they were", 3), Paragraph("The group met.", 5))
    ... )
    >>> found[0][1]
    Heading(text='Who they were', line=3, level=2)

    A date on a line of its own, and a title over a list, are headings too:
    >>> text = (Paragraph("It ended.", 1), Paragraph("Thursday, 20 November", 3))
    >>> text += (Paragraph("The march began.", 5), Paragraph("What they asked for", 7))
    >>> found = find_mixed_case_headings((*text, ListBlock(("a debate",), 9)))
    >>> [b.text for b in found[0] if isinstance(b, Heading)]
    ['Thursday, 20 November', 'What they asked for']

    Negative: the first line of a cut sentence is no heading, though it has the shape of one.
    >>> find_mixed_case_headings((Paragraph("It ended.", 1), Paragraph("The aim is", 3),
    ...     Paragraph("to defend them.", 5)))[1]
    []
    """
    out = list(blocks)
    repairs = []
    for index, block in enumerate(blocks):
        if not (isinstance(block, Paragraph) and MIXED_CASE_HEADING.fullmatch(block.text)):
            continue
        before = blocks[index - 1] if index else None
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        finished = not isinstance(before, Paragraph) or not is_cut(before.text)
        opens = (isinstance(after, Paragraph) and after.text[:1].isupper()) or isinstance(after, ListBlock)
        opens = opens and not joined_on(after)
        if finished and opens:
            out[index] = Heading(block.text, block.line)
            repairs.append(Repair(Kind.HEADING_FOUND, block.line, block.text, "heading"))
    return tuple(out), repairs


def joined_on(block: Block | None) -> bool:
    """Whether a block goes on from the one before it, as an editor's `join` said: that one is no
    heading, whatever its shape or type."""
    return isinstance(block, Paragraph) and block.continues


def find_printed_headings(blocks: Blocks, lines: frozenset[int]) -> tuple[Blocks, list[Repair]]:
    """A paragraph the page sets in a heading's type (`Printed.headings`: larger or bolder than the
    text, of a few words, before the text's type) is a heading, in whatever case it is written.

    >>> blocks = (Paragraph("It ended.", 1), Paragraph("2. the road to Mexico", 3), Paragraph("By May", 5))
    >>> find_printed_headings(blocks, frozenset({3}))[0][1]
    Heading(text='2. the road to Mexico', line=3, level=2)

    Negative: paragraphs the page sets in the text's type, a byline in a heading's type, and a
    paragraph an editor's `join` goes on from.
    >>> find_printed_headings(blocks, frozenset({5}))[1]
    []
    >>> joined = (Paragraph("A few weeks before", 3), Paragraph("it ended.", 5, continues=True))
    >>> find_printed_headings(joined, frozenset({3}))[1]
    []
    """
    out = list(blocks)
    repairs = []
    for index, block in enumerate(blocks):
        joined = joined_on(blocks[index + 1] if index + 1 < len(blocks) else None)
        if isinstance(block, Paragraph) and block.line in lines and not is_byline(block.text) and not joined:
            out[index] = Heading(block.text, block.line)
            repairs.append(Repair(Kind.HEADING_FOUND, block.line, block.text, "heading"))
    return tuple(out), repairs


def find_title(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """The title of a page set apart above its deck and byline (by `separate_front_matter`): the
    text's first paragraph, of a heading's few words with no final punctuation, with a byline among
    the two blocks after it, is a heading, whatever punctuation it has inside.

    >>> title = Paragraph("The Singapore Issues, from a conference room to a deadlock", 1)
    >>> find_title((title, Paragraph("Four subjects broke it.", 3), Paragraph("By Ravi Menon", 5)))[0][0]
    Heading(text='The Singapore Issues, from a conference room to a deadlock', line=1, level=2)

    Negative: a first paragraph cut mid-sentence, with no byline after it, is text.
    >>> find_title((Paragraph("The talks began in the", 1), Paragraph("summer of 2003.", 3)))[1]
    []
    """
    first = blocks[0] if blocks else None
    if not (
        isinstance(first, Paragraph) and is_cut(first.text) and len(first.text.split()) <= MAX_HEADING_WORDS
    ):
        return blocks, []
    if not any(isinstance(b, Paragraph) and is_byline(b.text) for b in blocks[1:3]):
        return blocks, []
    return (Heading(first.text, first.line), *blocks[1:]), [
        Repair(Kind.HEADING_FOUND, first.line, first.text, "heading")
    ]


DECK_WORDS = 60
"""A deck (the line or two under a title that says what the text is about) has at most so many words."""


def same_title(printed: str, catalogued: str) -> bool:
    """Whether the text's own title is the catalog's, case and punctuation aside.

    >>> same_title("MIAMI, NOVEMBER 2003: THE STREETS", "Miami, November 2003 — the streets")
    True
    """
    words = lambda text: re.findall(r"\w+", text.casefold())  # noqa: E731
    return words(printed) == words(catalogued)


def opening_in_display_type(blocks: Blocks, display: frozenset[int]) -> dict[int, Role]:
    """The title, deck and byline a PDF's first page shows by their type, when no `By …` line says
    so: the blocks at the text's start set wholly in a type other than the body's (`display`, by
    line: a title's, a deck's), then a short line ending no sentence before the text goes on (a
    byline in any form: `Reporting by …`, `Staff reporter`, `Opinion`).

    >>> text = (Paragraph("Coastal fishers count the cost", 1), Paragraph("Catches have fallen.", 2))
    >>> text += (Paragraph("Staff reporter", 3), Paragraph("The boats come back.", 5))
    >>> opening_in_display_type(text, frozenset({1, 2}))
    {0: 'title', 1: 'deck', 2: 'byline'}

    Negative: a text whose first block is in the body's type opens with its body.
    >>> opening_in_display_type(text, frozenset({2}))
    {}
    """
    roles: dict[int, Role] = {}
    for index, block in enumerate(blocks[:3]):
        if not isinstance(block, Paragraph | Heading) or (index and isinstance(block, Heading)):
            break  # a heading the page sets as the text's others, after the title, opens the body
        lines = range(block.line, block.line + block.text.count("\n") + 1)
        if not all(line in display for line in lines) or len(block.text.split()) > DECK_WORDS:
            break
        roles[index] = "deck" if roles else "title"
    after = len(roles)
    candidate = blocks[after] if roles and after + 1 < len(blocks) else None
    if isinstance(candidate, Paragraph):
        short = len(candidate.text.split()) <= BYLINE_WORDS
        if short and not ends_sentence(candidate.text):
            roles[after] = "byline"
    return roles


BYLINE_WORDS = 10
"""A byline in any form (`Reporting by Ana Ferreira in Nouadhibou`) has at most so many words."""


def keep_front_matter(
    blocks: Blocks, entry: Entry, display: frozenset[int] = frozenset()
) -> tuple[Blocks, list[Repair]]:
    """The text's own title, deck and byline, at its start, kept as printed and never numbered:
    the page's title and byline are the catalog's, so these are not shown again as a heading and
    a paragraph. A title counts when a byline follows it, or when it is the catalog's title; on a
    PDF's page, the opening set in a display type counts too (`opening_in_display_type`).

    >>> text = (Heading("The streets and the summit", 1), Paragraph("What the marchers wanted.", 2))
    >>> text += (Paragraph("By Rosa Martínez", 3), Paragraph("The ministers met.", 5))
    >>> [getattr(b, "front", "heading") for b in keep_front_matter(text, Entry("a", "a", "Miami"))[0]]
    ['title', 'deck', 'byline', '']

    Negative: a text that opens with its body keeps it, even under a heading.
    >>> keep_front_matter((Heading("The road", 1), Paragraph("It went on.", 2)), Entry("a", "a", "Miami"))[1]
    []
    """
    start = blocks[:4]
    byline = next((i for i, b in enumerate(start) if isinstance(b, Paragraph) and is_byline(b.text)), None)
    first = blocks[0] if blocks else None
    titled = isinstance(first, Heading) and (byline is not None or same_title(first.text, entry.title))
    roles: dict[int, Role] = {0: "title"} if titled else {}
    if byline is None and not titled:
        roles = opening_in_display_type(blocks, display)
    elif byline is not None:
        between = range(int(titled), byline)
        roles |= {i: "deck" for i in between if len(text_of(blocks[i]).split()) <= DECK_WORDS}
        roles[byline] = "byline"
    out, repairs = list(blocks), []
    for index, role in roles.items():
        block = blocks[index]
        if not isinstance(block, Paragraph | Heading):
            continue
        out[index] = Paragraph(block.text, block.line, front=role)
        repairs.append(Repair(Kind.FRONT_MATTER_KEPT_AS_PRINTED, block.line, excerpt(block.text), role))
    return tuple(out), repairs


def title_case_headings(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """Turn headings written in capitals into title case, in sidebars too, acronyms the text uses
    kept in capitals.

    >>> title_case_headings((Heading("THE ROAD TO MIAMI", 1), Paragraph("The FTAA met.", 2)))[0][0].text
    'The Road to Miami'

    Negative: a heading already in mixed case is the author's and stays as it is.
    >>> title_case_headings((Heading("Notes on NAFTA", 1),))[1]
    []
    """
    acronyms = acronyms_in(blocks)
    repairs: list[Repair] = []

    def cased(heading: Heading) -> Heading:
        fixed = title_case(heading.text, acronyms) if is_all_caps(heading.text) else heading.text
        if fixed == heading.text:
            return heading
        repairs.append(Repair(Kind.HEADING_IN_TITLE_CASE, heading.line, heading.text, fixed))
        return replace(heading, text=fixed)

    def fix(block: Block) -> Block:
        if isinstance(block, Sidebar):
            fixed = title_case(block.title, acronyms) if is_all_caps(block.title) else block.title
            if fixed != block.title:
                repairs.append(Repair(Kind.HEADING_IN_TITLE_CASE, block.line, block.title, fixed))
            inner = tuple(cased(b) if isinstance(b, Heading) else b for b in block.blocks)
            return replace(block, title=fixed, blocks=inner)
        return cased(block) if isinstance(block, Heading) else block

    return tuple(fix(b) for b in blocks), repairs
