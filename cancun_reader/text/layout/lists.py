"""Notes and list items run together, and bullets read apart from their items."""

from __future__ import annotations

import re

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.core.prose.sentences import ends_sentence, starts_sentence
from cancun_reader.core.prose.shapes import GLUED_MARKER, NOTE_CALLED, NOTES_TITLE, titles_notes
from cancun_reader.core.prose.words import excerpt
from cancun_reader.text.layout.lines import LIST_MARK

NUMBERED_LINE = re.compile(r"\d{1,3}[.)]?\s+\S")


BULLET_ALONE = re.compile(r"[•▪◦·●]")

NUMBER_ALONE = re.compile(r"\d{1,3}[.)]?")
"""A note's number read apart from its text (pdfminer reads a list's numbers as a column)."""


def rejoin_note_numbers(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""Note numbers an extractor read apart from the notes, all together before or after them
        (`1.` / `2.` / `The four countries…` / `Figures quoted…`): under a `NOTES` line, when the
        numbers run 1, 2, 3… and there are as many notes (lines that begin with a capital; a line in
        lower case goes on the one before), each number goes back to its note, in order.

        >>> text = "NOTES\n1.\n2.\n\nThe first note\ngoes on.\nThe second."
    >>> [t for _, t in rejoin_note_numbers(number_lines(text))[0]]
    ['NOTES', '1. The first note', 'goes on.', '2. The second.']

    With no title, the numbers alone that the text calls, each glued to a sentence's end
    (`failure.1`), are the notes' (notes printed at a page's foot):
    >>> text = "a worse failure.1 It held.\nThe press.2\n1\n2\n\nAfter consultations.\nThe spring."
    >>> [t for _, t in rejoin_note_numbers(number_lines(text + "\nMexico Today"))[0]][2:]
    ['', '1 After consultations.', '', '2 The spring.', 'Mexico Today']

    Negative: when the count differs, nothing is guessed; nor are numbers alone the text never calls.
    >>> rejoin_note_numbers(number_lines("NOTES\n1.\n2.\nThe only note."))[1]
    []
    >>> rejoin_note_numbers(number_lines("It had 3 parts.\n1\n2\n\nThe first.\nThe second."))[1]
    []
    """
    title = next((i for i, (_, t) in enumerate(lines) if NOTES_TITLE.fullmatch(t.strip())), None)
    untitled = title is None
    title = untitled_numbers(lines) if untitled else title
    if title is None:
        return lines, []
    section, rest = lines[title + 1 :], []
    numbers = [(n, t.strip()) for n, t in section if NUMBER_ALONE.fullmatch(t.strip())]
    starts = [
        i for i, (_, t) in enumerate(section) if starts_sentence(t) and not NUMBER_ALONE.fullmatch(t.strip())
    ]
    if untitled:  # the notes the run of numbers counts, and the text after them left as it is
        numbers = numbers[: untitled_count(section)]
        ends = [*starts[len(numbers) :], len(section)]
        section, rest, starts = section[: ends[0]], section[ends[0] :], starts[: len(numbers)]
    expected = [str(k) for k in range(1, len(numbers) + 1)]
    if not numbers or len(numbers) != len(starts) or [re.sub(r"\D", "", t) for _, t in numbers] != expected:
        return lines, []
    marks = iter(numbers)
    out, repairs = lines[: title + 1], []
    for index, (number, text) in enumerate(section):
        if not text.strip() or NUMBER_ALONE.fullmatch(text.strip()):
            continue
        if index in starts:
            _, mark = next(marks)
            out += [(number, "")] if untitled else []  # a note of its own
            text = f"{mark} {text.strip()}"
            repairs.append(Repair(Kind.NOTE_NUMBER_REJOINED, number, mark, excerpt(text, 40)))
        out.append((number, text))
    return out + rest, repairs


def untitled_numbers(lines: Lines) -> int | None:
    """Where the notes' numbers begin, read apart from notes that have no title (the index of the
    line before the first): a run of two numbers alone or more, 1, 2, 3… (page numbers never stand
    so), after a text that calls each of them glued to a sentence's end or a word (`failure.1`,
    `GLUED_MARKER`), as pdftotext reads the notes at a page's foot."""
    if any(NOTES_TITLE.fullmatch(t.strip()) for _, t in lines):
        return None
    called: set[str] = set()  # the numbers the text calls so far
    for index, (_, text) in enumerate(lines):
        if index and text.strip() == "1":
            count = untitled_count(lines[index:])
            if count >= 2 and {str(k) for k in range(1, count + 1)} <= called:
                return index - 1
        called.update(m["number"] for m in GLUED_MARKER.finditer(text))
    return None


def note_numbers_apart(lines: Lines) -> frozenset[int]:
    """The lines (by number) of the numbers of notes with no title read apart from them
    (`untitled_numbers`): no page numbers, though they stand alone at a page's foot.

    >>> sorted(note_numbers_apart(number_lines("It failed.1 Then.2\\n1\\n2\\n\\nA note.\\nAnother.")))
    [2, 3]

    Negative: numbers alone that the text never calls.
    >>> note_numbers_apart(number_lines("It failed.\\n1\\n2\\n\\nA note.\\nAnother."))
    frozenset()
    """
    before = untitled_numbers(lines)
    if before is None:
        return frozenset()
    filled = [n for n, t in lines[before + 1 :] if t.strip()]
    return frozenset(filled[: untitled_count(lines[before + 1 :])])


def untitled_count(lines: Lines) -> int:
    """How many numbers alone, 1, 2, 3…, the lines begin with (blank lines aside)."""
    count = 0
    for _, text in lines:
        if text.strip() and text.strip() != str(count + 1):
            break
        count += bool(text.strip())
    return count


def separate_notes(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Notes run together: after a `NOTES` line, each line that begins with a number begins a note
    of its own.

    >>> lines = number_lines("NOTES\\n1. The first note\\ngoes on.\\n2. The second.")
    >>> [t for _, t in separate_notes(lines)[0]]
    ['NOTES', '', '1. The first note', 'goes on.', '', '2. The second.']

    A notes title run into the last line of the text before it is set apart too:
    >>> [t for _, t in separate_notes(number_lines("of the talks\\nNOTES\\n\\n1. A note."))[0]]
    ['of the talks', '', 'NOTES', '', '1. A note.']

    Negative: numbers starting lines of the text itself, with no notes heading above, stay; so
    does a line `Notes` in the text that no numbered note follows.
    >>> separate_notes(number_lines("in his\\nNotes\\non the State of Virginia"))[1]
    []
    >>> separate_notes(number_lines("the year\\n2003 was long."))[1]
    []
    """
    out: Lines = []
    repairs = []
    in_notes = False
    called = False  # whether the text so far calls a first note
    for index, (number, text) in enumerate(lines):
        following = next((t for _, t in lines[index + 1 : index + 4] if t), "")
        if titles_notes(text, following, called):
            in_notes = True
            if out and out[-1][1] and opens_notes(lines, index):
                out.append((number, ""))  # run into the last line of the text, a column cut short
                repairs.append(Repair(Kind.NOTE_SET_APART, number, text, "own block"))
        elif in_notes and NUMBERED_LINE.match(text) and out and out[-1][1]:
            out.append((number, ""))
            repairs.append(Repair(Kind.NOTE_SET_APART, number, excerpt(text, 40), "own block"))
        out.append((number, text))
        called = called or bool(NOTE_CALLED.search(text))
    return out, repairs


def opens_notes(lines: Lines, index: int) -> bool:
    """Whether the next line with text after `index` begins a numbered note (`1. The first…`)."""
    following = next((t for _, t in lines[index + 1 :] if t), "")
    return bool(NUMBERED_LINE.match(following))


def rejoin_bullets(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Bullets an extractor read apart from their items, on lines of their own: each goes back to
    the start of its item, whether the bullets came one by one (`•` / `Benin`), all before their
    items, or all after them. A bullet with no item line to go to is removed, and recorded.

    >>> [t for _, t in rejoin_bullets(number_lines("•\\nBenin\\n•\\nChad"))[0]]
    ['• Benin', '• Chad']
    >>> [t for _, t in rejoin_bullets(number_lines("•\\n•\\n\\nBenin\\nChad"))[0]]
    ['• Benin', '• Chad']
    >>> text = "It ended.\\nBenin\\nChad\\n•\\n•\\nThe rest of the text."
    >>> [t for _, t in rejoin_bullets(number_lines(text))[0]]
    ['It ended.', '• Benin', '• Chad', '', 'The rest of the text.']

    Negative: text after a run of bullets whose items came before is not made a list.
    >>> [t for _, t in rejoin_bullets(number_lines("It ended.\\n•\\nThe talks went on, and on, and on."))[0]]
    ['It ended.', 'The talks went on, and on, and on.']
    """
    out: Lines = []
    repairs = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and (BULLET_ALONE.fullmatch(lines[end][1].strip()) or not lines[end][1]):
            end += 1
        bullets = [(n, t.strip()) for n, t in lines[index:end] if t.strip()]
        if not bullets:
            out.append(lines[index])
            index += 1
            continue
        kept_breaks = [line for line in lines[index:end] if not line[1]]
        items_before = [i for i, (_, t) in enumerate(out) if t][-len(bullets) :]
        if len(items_before) == len(bullets) and all(is_loose_item(out[i][1]) for i in items_before):
            for i, (_, bullet) in zip(items_before, bullets, strict=True):
                out[i] = (out[i][0], f"{bullet} {out[i][1]}")
                repairs.append(Repair(Kind.BULLET_REJOINED, out[i][0], bullet, excerpt(out[i][1], 40)))
            out += kept_breaks or [(bullets[-1][0], "")]  # the list ends where its bullets stood
            index = end
            continue
        while bullets and end < len(lines) and is_loose_item(lines[end][1]):
            bullet = bullets.pop(0)[1]
            out.append((lines[end][0], f"{bullet} {lines[end][1].strip()}"))
            repairs.append(Repair(Kind.BULLET_REJOINED, lines[end][0], bullet, excerpt(out[-1][1], 40)))
            end += 1
        repairs += [Repair(Kind.BULLET_WITHOUT_ITEM_REMOVED, n, bullet, "") for n, bullet in bullets]
        following = lines[end][1].strip() if end < len(lines) else ""
        goes_on = following[:1].islower()  # the item's own next line: a narrow box wraps it
        if (
            following
            and not BULLET_ALONE.fullmatch(following)
            and not goes_on
            and out
            and LIST_MARK.match(out[-1][1])
        ):
            out.append((out[-1][0], ""))  # the list ends before the text that follows it
        index = end
    return out, repairs


def is_loose_item(text: str) -> bool:
    """A line that may be a list item without its bullet: a few words that begin with a capital or
    a figure and end no sentence."""
    plain = text.strip()
    return (
        bool(plain)
        and not LIST_MARK.match(plain)
        and not NUMBER_ALONE.fullmatch(plain)
        and starts_sentence(plain)
        and not ends_sentence(plain)
        and len(plain.split()) <= 12
    )
