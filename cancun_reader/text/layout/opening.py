"""The opening of an article: its title, deck and byline set apart, and its drop cap rejoined."""

from __future__ import annotations

import re
from collections.abc import Callable

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.core.prose.shapes import SMALL_WORDS, is_byline
from cancun_reader.core.prose.words import COMMON_WORD, excerpt, zipf
from cancun_reader.text.layout.lines import opens_block

FRONT_LINES = 8


def separate_front_matter(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""The title, deck and byline at the top of a page, run into the first lines of the text: the
    byline is set apart, and so is the title, its first lines (one, or more where a line ends on a
    little word) with no final punctuation before a deck.

    >>> lines = number_lines("Cotton at the centre\nFour countries asked.\nBy Ana Lima\nIt began in May.")
    >>> [t for _, t in separate_front_matter(lines)[0]]
    ['Cotton at the centre', '', 'Four countries asked.', '', 'By Ana Lima', '', 'It began in May.']

    >>> lines = number_lines("I\nWhat it changed\nA year later, it ended.\nBy Ana Lima\nn the months after")
    >>> [t for _, t in separate_front_matter(lines)[0]][:4]
    ['I', 'What it changed', '', 'A year later, it ended.']

    Negative: a text that opens with its first sentence is left as it is.
    >>> separate_front_matter(number_lines("By the end of the week\nthe talks had failed."))[1]
    []
    """
    filled = [index for index, (_, text) in enumerate(lines) if text][:FRONT_LINES]
    byline = next((i for i in filled if is_byline(lines[i][1])), None)
    if byline is None:
        return lines, []
    breaks = {byline - 1, byline}
    # the title's first line; a drop cap read before the title (pypdf) is no title
    last = next(i for i in filled if not DROP_CAP.fullmatch(lines[i][1].strip()))
    while last + 1 < byline - 1 and title_goes_on(lines[last][1], lines[last + 1][1]):
        last += 1
    if last < byline - 1 and not ends_sentence(lines[last][1]) and lines[last + 1][1]:
        breaks.add(last)
    out: Lines = []
    found = []
    for index, line in enumerate(lines):
        out.append(line)
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if index in breaks and line[1] and following:
            out.append((line[0], ""))
            found.append(Repair(Kind.FRONT_MATTER_SET_APART, line[0], excerpt(line[1], 40), "own block"))
    return out, found


def title_goes_on(line: str, following: str) -> bool:
    """Whether a title broken over lines goes on at the next: the line ends on a little word, or
    the next begins in lower case (`Inside and outside the` / `conference centre`).

    >>> title_goes_on("Inside and outside the", "conference centre")
    True

    Negative: a title that ends before its deck.
    >>> title_goes_on("Cotton at the centre", "Four countries asked.")
    False
    """
    words = line.split()
    return bool(words and following) and (words[-1].lower() in SMALL_WORDS or following[:1].islower())


DROP_CAP = re.compile(r"[A-Z]")


def letter_apart(letter: str, word: str, is_word: Callable[[str], bool], elsewhere: str) -> str:
    """The space between a drop cap and the rest of its line: none where they make one word
    (`C` `ancún`), one where the letter is a word, the rest is a word (common, or used by the text
    in its other lines, `elsewhere`) and together they make none (`A` `few`).

    >>> known = ("a", "few", "again", "gain", "c", "ancún").__contains__
    >>> letter_apart("A", "few", known, ""), letter_apart("A", "gain", known, "a gain")
    (' ', '')

    Negative: a rest the text uses nowhere else and no common word (`ancún`, the fragment of a
    name) goes with its letter, even where the letter is also a word.
    >>> letter_apart("C", "ancún", known, "Cancún, the c")
    ''
    """
    used = zipf(word) >= COMMON_WORD or re.search(rf"\b{re.escape(word)}\b", elsewhere, re.I) is not None
    apart = is_word(letter.lower()) and is_word(word.lower()) and not is_word((letter + word).lower())
    return " " if used and apart else ""


DROP_CAP_REACH = 12
"""How many lines after a drop cap its word may start: pypdf reads the letter before the title."""


def rejoin_drop_caps(
    lines: Lines, is_word: Callable[[str], bool], on_page: frozenset[int] = frozenset()
) -> tuple[Lines, list[Repair]]:
    """A drop cap: the first letter of a paragraph, set large, extracted on its own (`W` …
    `ith sticks of incense`). It is joined to the nearest following line that begins a block in
    lower case and makes a word with it; the title, deck and byline may stand between them, and
    a fragment the extractor read first (`the ministerial,` before `s host of`). Failing that, the
    nearest such line before it: TeX's drop caps come after their paragraph's first lines.

    >>> lines = number_lines("W\\n\\nith sticks of incense they came.")
    >>> [t for _, t in rejoin_drop_caps(lines, lambda w: w.lower() == "with")[0] if t]
    ['With sticks of incense they came.']
    >>> lines = number_lines("A\\n\\nthe ministerial,\\n\\ns host of the government")  # pdfminer's order
    >>> [t for _, t in rejoin_drop_caps(lines, lambda w: w.lower() == "as")[0] if t]
    ['the ministerial,', 'As host of the government']
    >>> lines = number_lines("he green room met.\\n\\nT")
    >>> [t for _, t in rejoin_drop_caps(lines, lambda w: w.lower() == "the")[0] if t]
    ['The green room met.']
    >>> lines = number_lines("F\\nThe title\\nBy Ana Lima\\nour countries came.")
    >>> [t for _, t in rejoin_drop_caps(lines, lambda w: w.lower() == "four")[0] if t]
    ['The title', 'By Ana Lima', 'Four countries came.']

    A PDF's page shows its drop caps (`on_page`, by line): the letter goes to its word, known or
    not (a name the text uses once), keeping its space where it is a word of its own (`letter_apart`).
    >>> rejoin_drop_caps(number_lines("C\\n\\nancún is built"), lambda w: False, frozenset({1}))[1][0].after
    'Cancún'

    Negative: a letter standing alone (a list mark, an initial) with no word to make stays; past
    the nearest block, a whole word (`in`) is not the rest of the letter's word (`Ain`).
    >>> lines = number_lines("A\\n\\nreductions\\n\\nin the support")
    >>> rejoin_drop_caps(lines, lambda w: w.lower() in ("ain", "in", "reductions"))[1]
    []
    >>> rejoin_drop_caps(number_lines("A\\n\\nlist of things"), lambda w: w == "alist")[1]
    []
    """
    out = list(lines)
    repairs = []
    for index, (number, text) in enumerate(lines):
        if not DROP_CAP.fullmatch(text.strip()):
            continue
        after = range(index + 1, min(index + DROP_CAP_REACH, len(out)))
        before = range(index - 1, max(index - DROP_CAP_REACH, -1), -1)  # TeX's order: the letter last
        later = word_of_letter(out, text.strip(), after, is_word, number in on_page)
        if later is None:
            later = word_of_letter(out, text.strip(), before, is_word, number in on_page)
        if later is None:
            continue
        following = out[later][1]
        first_word = re.match(r"[^\W\d_]+", following)
        assert first_word  # word_of_letter found one
        others = "\n".join(t for i, (_, t) in enumerate(out) if i != later)
        letter = text.strip() + letter_apart(text.strip(), first_word[0], is_word, others)
        out[later] = (out[later][0], letter + following)
        out[index] = (number, "")
        said = f"{text.strip()} {first_word[0]}"
        repairs.append(Repair(Kind.DROP_CAP_REJOINED, number, said, letter + first_word[0]))
    return out, repairs


def word_of_letter(
    lines: Lines, letter: str, tried_in: range, is_word: Callable[[str], bool], shown: bool
) -> int | None:
    """Where the rest of a drop cap's word is, among the lines `tried_in` (in the order tried):
    the nearest line that begins a block in lower case and makes a word with the letter (any word,
    when the page shows the letter as a drop cap); past the nearest such block, only the rest of a
    word (`s host`), not a word of its own. None when no line is.

    >>> lines = number_lines("he green room\\n\\nmet.\\n\\nT")
    >>> word_of_letter(lines, "T", range(3, -1, -1), lambda w: w == "The", False)
    0

    Negative: past the nearest block, a whole word is not the rest of the letter's word (`Ain`).
    >>> lines = number_lines("A\\n\\nreductions\\n\\nin the")
    >>> word_of_letter(lines, "A", range(1, 5), lambda w: w in ("Ain", "in", "reductions"), False)
    """
    tried = False
    for later in tried_in:
        following = lines[later][1]
        if not following or not following[:1].islower():
            continue  # the title, deck and byline may stand between the letter and its word
        if not opens_block(lines, later):
            continue  # a line of the deck, running on
        first_word = re.match(r"[^\W\d_]+", following)
        if tried and first_word and len(first_word[0]) > 1 and is_word(first_word[0]):
            continue
        tried = True
        if first_word and (shown or is_word(letter + first_word[0])):
            return later
    return None
