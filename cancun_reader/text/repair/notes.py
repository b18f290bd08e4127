"""The apparatus around an article: notes, the author's bio, the end mark, exporters' escapes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import (
    UNKNOWN,
    AuthorBio,
    Block,
    Blocks,
    Footnote,
    Heading,
    Paragraph,
    Repair,
    text_of,
)
from cancun_reader.core.prose.shapes import GLUED_MARKER, MIXED_CASE_HEADING, NOTE_CALLED, titles_notes
from cancun_reader.core.prose.words import SUPERSCRIPT_DIGITS, excerpt, excerpt_end

NOTE = re.compile(r"(?P<number>[" + SUPERSCRIPT_DIGITS + r"]+|\d{1,3}[.)]?)\s+(?P<text>\S.*)", re.DOTALL)
"""One note of that section, numbered as the text marks it: `¹ Héctor de la Cueva, …`."""

END_MARK = re.compile(r"\s*[■□▪◼]{1,5}\s*$")
"""A magazine's end-of-article mark at the end of the last paragraph: `… Nineties*.² ■■■`."""

BACKSLASHED_PUNCTUATION = re.compile(r"\\(?P<char>[$%&#_])")
"""A backslash an exporter put before punctuation to escape it for Markdown or TeX: `U.S.\\$13`."""


def note_number(marker: str) -> str:
    """`¹` → `1`, `12.` → `12`, `[3]` → `3`."""
    return unicodedata.normalize("NFKC", marker).rstrip(".)]").lstrip("[")


CALLED_NOTE = re.compile(r"(?P<number>\d{1,2})(?:[.)]?\s+|(?=[A-Z][a-z]))\S")
"""A note as an extraction gives one at a page's foot, its number perhaps glued to its first word
(`1The group was…`, as TeX sets a footnote's number raised)."""


def called_notes(blocks: Blocks, boxes: tuple[tuple[int, int], ...] = ()) -> frozenset[int]:
    """The lines of notes that an extraction left at a page's foot with no heading over them: a run
    of paragraphs numbered 1, 2, 3…, each number called by the text before it (a note number
    glued to a word, `organization.1`, or raised, `organization.¹`, or in brackets), none shaped
    as a numbered heading.

    >>> text = (Paragraph("It failed.1 Then it ended.2", 1), Paragraph("1The group.", 3))
    >>> called_notes((*text, Paragraph("2 Lists vary.", 4), Paragraph("The march.", 6)))
    frozenset({3, 4})
    >>> raised = (Paragraph("It failed.¹ It ended.[2]", 1), Paragraph("1. Surveys.", 3))
    >>> called_notes((*raised, Paragraph("2. Cost.", 4)))
    frozenset({3, 4})

    Negative: a numbered paragraph whose number the text does not call, or out of sequence.
    >>> called_notes((Paragraph("It failed.", 1), Paragraph("1 The group.", 3)))
    frozenset()
    >>> called_notes((Paragraph("It failed.2", 1), Paragraph("2 The group.", 3)))
    frozenset()
    >>> called_notes((Paragraph("It failed.1", 1), Paragraph("1. Help from outside", 3)))
    frozenset()
    """
    found: set[int] = set()
    calls: set[str] = set()
    expected = 1
    for block in blocks:
        if not isinstance(block, Paragraph) or any(a <= block.line <= b for a, b in boxes):
            continue  # a numbered list in a box the page draws is the box's
        note = CALLED_NOTE.match(block.text)
        shaped_as_heading = MIXED_CASE_HEADING.fullmatch(block.text) is not None  # `2. The reply`
        if note and not shaped_as_heading and note["number"] in calls and int(note["number"]) == expected:
            found.add(block.line)
            expected += 1
            continue
        calls.update(m["number"] for m in GLUED_MARKER.finditer(block.text))
        calls.update(note_number(m[0]) for m in RAISED_CALL.finditer(block.text))
    return frozenset(found)


RAISED_CALL = re.compile(rf"(?<=\S)[{SUPERSCRIPT_DIGITS}]+|(?<=\S)\[\d{{1,3}}\]")
"""A note's call as a page prints it, raised (`agenda¹`) or in brackets (`agenda.[1]`)."""


def find_footnotes(
    blocks: Blocks, at_foot: frozenset[int] = frozenset(), boxes: tuple[tuple[int, int], ...] = ()
) -> tuple[Blocks, list[Repair]]:
    """The numbered paragraphs under a NOTES heading become footnotes; so do those a PDF's page
    sets as notes at its foot (`at_foot`: their lines), and those an extraction left at a page's
    foot with the text calling them (`called_notes`; not in a box the page draws, `boxes`), with
    no heading over them.

    >>> found = find_footnotes((Heading("NOTES", 9), Paragraph("¹ Stiglitz, 2003.", 11)))[0]
    >>> found[1]
    Footnote(number='1', text='Stiglitz, 2003.', line=11)
    >>> find_footnotes((Paragraph("¹ Stiglitz, 2003.", 11),), frozenset({11}))[0][0].number
    '1'

    Negative: numbered paragraphs with no NOTES heading above them stay paragraphs.
    >>> find_footnotes((Paragraph("1 In the beginning.", 1),))[1]
    []
    """
    at_foot |= called_notes(blocks, boxes)
    out: list[Block] = []
    repairs: list[Repair] = []
    in_notes = called = False  # called: whether the text so far calls a first note
    for index, block in enumerate(blocks):
        following = text_of(blocks[index + 1]) if index + 1 < len(blocks) else ""
        if isinstance(block, Heading) or (isinstance(block, Paragraph) and "\n" not in block.text.strip()):
            if titles_notes(block.text, following, called):
                in_notes = True
                if isinstance(block, Paragraph):  # a title in the text's type, on a line of its own
                    block = Heading(block.text.strip(), block.line)
                out.append(block)
                continue
            if isinstance(block, Heading):
                in_notes = False
        if (
            (in_notes or block.line in at_foot)
            and isinstance(block, Paragraph)
            and (note := NOTE.fullmatch(block.text) or CALLED_NOTE_TEXT.fullmatch(block.text))
        ):
            number = note_number(note["number"])
            repairs.append(
                Repair(Kind.FOOTNOTE_LINKED, block.line, excerpt(block.text, 40), f"note {number}")
            )
            block = Footnote(number, note["text"], block.line)
        elif not isinstance(block, Footnote):
            in_notes = False
        called = called or bool(NOTE_CALLED.search(text_of(block)))
        out.append(block)
    return tuple(out), repairs


CALLED_NOTE_TEXT = re.compile(r"(?P<number>\d{1,2})(?P<text>[A-Z][a-z].*)", re.DOTALL)
"""A note whose number the extraction glued to its first word: `1The group was…`."""


AS_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def link_glued_note_markers(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """Turn note numbers glued to punctuation into note markers, when the text has that note.

    >>> blocks = (Paragraph("talks failed.2 The end.", 1), Footnote("2", "Stiglitz.", 9))
    >>> link_glued_note_markers(blocks)[0][0].text
    'talks failed.² The end.'

    Negative: with no such note, a number after punctuation is the author's (`in 2003,5 left`).
    >>> link_glued_note_markers((Paragraph("the votes: 12 to 3.4 of them", 1),))[1]
    []
    """
    numbers = {b.number for b in blocks if isinstance(b, Footnote)}
    out: list[Block] = []
    repairs: list[Repair] = []

    def marker(match: re.Match[str]) -> str:
        if match["number"] not in numbers:
            return match[0]
        repairs.append(Repair(Kind.NOTE_MARKER_LINKED, block.line, match[0], f"note {match['number']}"))
        return match["number"].translate(AS_SUPERSCRIPT)

    for block in blocks:
        if isinstance(block, Paragraph) and numbers:
            block = replace(block, text=GLUED_MARKER.sub(marker, block.text))
        out.append(block)
    return tuple(out), repairs


def mark_author_bio(blocks: Blocks, author: str) -> tuple[Blocks, list[Repair]]:
    """The closing paragraph that introduces the author by name becomes a byline box.

    >>> bio = Paragraph("Shelly Delos, former managing editor of Dynamic, can be reached at x", 9)
    >>> mark_author_bio((Paragraph("Text.", 1), bio), "Shelly Delos")[0][1]
    AuthorBio(text='Shelly Delos, former managing editor of Dynamic, can be reached at x', line=9)

    Negative: a paragraph that merely names the author in passing stays.
    >>> mark_author_bio((Paragraph("As Shelly Delos wrote, it failed.", 1),), "Shelly Delos")[1]
    []
    """
    paragraphs = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph)]
    if author == UNKNOWN or not paragraphs:
        return blocks, []
    last = paragraphs[-1]
    block = blocks[last]
    assert isinstance(block, Paragraph)
    if not re.match(rf"{re.escape(author)}(?:,| is | was )", block.text):
        return blocks, []
    bio = AuthorBio(block.text, block.line)
    return (*blocks[:last], bio, *blocks[last + 1 :]), [
        Repair(Kind.AUTHOR_BIO_BOXED, block.line, excerpt(block.text, 40), "byline box")
    ]


def drop_end_marks(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """Remove end-of-article marks (`■■■`) from the end of paragraphs.

    >>> drop_end_marks((Paragraph("as Stiglitz says. ■■■", 4),))[0][0].text
    'as Stiglitz says.'

    Negative: a square inside a sentence is the author's and stays.
    >>> drop_end_marks((Paragraph("the ■ sign", 1),))[1]
    []
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        if isinstance(block, Paragraph) and END_MARK.search(block.text):
            fixed = END_MARK.sub("", block.text)
            kept = excerpt_end(fixed, 20)  # the words before the mark, then the mark
            repairs.append(Repair(Kind.END_MARK_DROPPED, block.line, kept + block.text[len(fixed) :], kept))
            block = replace(block, text=fixed)
        out.append(block)
    return tuple(out), repairs


def unescape_backslashed_punctuation(blocks: Blocks) -> tuple[Blocks, list[Repair]]:
    """Remove the backslash an exporter put before `$ % & # _`, which no author types.

    >>> unescape_backslashed_punctuation((Paragraph("generate U.S.\\\\$13 trillion", 7),))[0][0].text
    'generate U.S.$13 trillion'

    Negative: a backslash before a letter is left alone.
    >>> unescape_backslashed_punctuation((Paragraph("C:\\\\temp", 1),))[1]
    []
    """
    out: list[Block] = []
    repairs: list[Repair] = []
    for block in blocks:
        if isinstance(block, Paragraph) and BACKSLASHED_PUNCTUATION.search(block.text):
            for match in BACKSLASHED_PUNCTUATION.finditer(block.text):
                repairs.append(Repair(Kind.ESCAPE_REMOVED, block.line, match[0], match["char"]))
            block = replace(block, text=BACKSLASHED_PUNCTUATION.sub(r"\g<char>", block.text))
        out.append(block)
    return tuple(out), repairs
