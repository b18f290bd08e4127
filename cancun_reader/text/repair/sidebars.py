"""Sidebars that the layout dropped into the running text: a titled box of lists or tables, or a
box the PDF's page draws, set apart from the article's own sections."""

from __future__ import annotations

import re

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import (
    Block,
    Blocks,
    BoxedBlock,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    Repair,
    Sidebar,
    Table,
    text_of,
)
from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.core.prose.shapes import NOTES_TITLE, is_all_caps
from cancun_reader.core.prose.words import excerpt
from cancun_reader.text.repair.flow import interrupts

END_MATTER = re.compile(
    r"(?:further |suggested )?reading|resources|sources|references|bibliography|links|contacts"
    rf"|{NOTES_TITLE.pattern}|acknowledg(?:e)?ments",
    re.IGNORECASE,
)
"""Titles of the sections that close an article with a list; a list under them is the article's."""


def titled_box(blocks: Blocks, index: int) -> bool:
    """Whether a title (in capitals, or over lists of labels: `labels_only`) with only lists or
    tables under it, after the text has begun, is a box the layout set at a column's top or foot
    (before a paragraph, a heading, the notes or the end), not a section of the article that closes it with a
    list (`FURTHER READING`, `SOURCES`).

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
    title = text_of(blocks[index])
    return (
        (is_all_caps(title) or labels_only(blocks[index + 1 : end]))
        and not END_MATTER.fullmatch(title.strip(" :"))
        and end > index + 1
        and any(isinstance(b, Paragraph) for b in blocks[:index])
        and (end == len(blocks) or isinstance(blocks[end], Paragraph | Heading | Footnote))
    )


def labels_only(content: Blocks) -> bool:
    """Whether a title's lists hold labels, as a box's do (`Benin: the largest export`): every item
    begins with a capital or a figure and ends no sentence. A section's list goes on from its
    title's sentence (`What the marchers asked for` / `- an end to the talks`) or is of sentences.

    >>> labels_only((ListBlock(("Benin: the largest export", "Mali"), 4),))
    True

    Negative: items that go on from the title, or sentences.
    >>> labels_only((ListBlock(("an end to the talks", "a public debate"), 4),))
    False
    >>> labels_only((ListBlock(("Cut the subsidies.", "Open the markets."), 4),))
    False
    """
    items = [item for block in content if isinstance(block, ListBlock) for item in block.items]
    return (
        bool(items)
        and all(item[:1].isupper() or item[:1].isdigit() for item in items)
        and not any(ends_sentence(item) for item in items)
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
                Repair(Kind.SIDEBAR_SET_APART, block.line, excerpt(block.rows[0][0]), "table in a box")
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
                    Heading(b.text, b.line, level=3) if isinstance(b, Heading) else b
                    for b in content
                    if isinstance(b, BoxedBlock)  # all of them: the loop above took no other
                )
                out.append(Sidebar(block.text, inner, block.line))
                repairs.append(
                    Repair(
                        Kind.SIDEBAR_SET_APART,
                        block.line,
                        excerpt(block.text),
                        "lists and sub-heads in a box",
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
            else ListBlock((text_of(b),), b.line)
            for b in inside
        )
        out.append(Sidebar(title, content, first.line))
        repairs.append(
            Repair(
                Kind.SIDEBAR_SET_APART, first.line, excerpt(title or opening(first)), "a box the page draws"
            )
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
