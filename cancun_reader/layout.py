"""Stage 2, layout: the printed page's damage, undone on lines before any paragraph exists.

A text extracted from a PDF carries what the page had besides the article: running heads and page
numbers on every page, form feeds between pages, a drop cap set apart from its word, headings and
notes run into the lines around them, and (from extractors that give lines only) no blank line
between paragraphs. Each repair here takes the numbered lines of the text and gives new lines
(a blank one where a block ends) and the `Repair` records of what it changed; removed furniture is
recorded line by line, so the page can show it and the fidelity check can account for it.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable

from .blocks import NOTES_TITLE, is_all_caps
from .model import Repair
from .repair.headings import MIXED_CASE_HEADING
from .repair.words import HYPHENS

Line = tuple[int, str]  # (1-based line number in the source, text); "" is a break between blocks
Lines = list[Line]

PAGE_BREAK = "\f"

FOLIO = re.compile(
    r"(?:page\s+)?[-–—‐]?\s*(?P<number>\d{1,4})\s*[-–—‐]?(?:\s+(?:of|/)\s+\d{1,4})?"
    r"|(?P<before>\d{1,4})\s*[|·•]\s*\S.{0,60}|\S.{0,60}?\s*[|·•]\s*(?P<after>\d{1,4})",
    re.IGNORECASE,
)
"""A page number as layouts print it: `12`, `– 3 –`, `Page 3 of 8`, `12 | Review Name`."""

YEAR = re.compile(r"1[89]\d\d|20\d\d")
"""A year standing alone (a fact file's `1999`) is not taken for a page number."""

EDGE_LINES = 3
"""How many lines at the top and at the bottom of a page may be its furniture."""

MAX_FURNITURE_WORDS = 10


def number_lines(text: str) -> Lines:
    """The text's lines with their numbers, a blank line as `""`.

    >>> number_lines("a\\n\\fb\\n")
    [(1, 'a'), (2, '\\x0cb'), (3, '')]
    """
    return [(n, line.rstrip(" ") if line.strip() else "") for n, line in enumerate(text.split("\n"), start=1)]


def pages_of(lines: Lines) -> list[Lines]:
    """The lines page by page, a form feed starting a new page (and taken off its line)."""
    pages: list[Lines] = [[]]
    for number, text in lines:
        while PAGE_BREAK in text:
            before, _, text = text.partition(PAGE_BREAK)
            if before.strip():
                pages[-1].append((number, before))
            pages.append([])
        pages[-1].append((number, text))
    return pages


def edges(page: Lines) -> Lines:
    """The lines at the top and the bottom of a page, where furniture stands."""
    filled = [line for line in page if line[1].strip()]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:] if len(filled) > 2 * EDGE_LINES else filled


def furniture_key(text: str) -> str:
    """A line as compared with the lines of other pages: digits stand for any page number."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def is_folio(text: str) -> bool:
    """Whether a line is a page number as layouts print them.

    >>> [is_folio(t) for t in ("12", "– 3 –", "Page 3 of 8", "12 | Trade Review", "2003 was a year")]
    [True, True, True, True, False]
    """
    plain = " ".join(text.split())
    return bool(FOLIO.fullmatch(plain)) and not YEAR.fullmatch(plain)


def has_letters(text: str) -> bool:
    """A running head has words; a line of digits alone (a year in a fact file) is no head."""
    return any(c.isalpha() for c in text)


def furniture_lines(lines: Lines) -> dict[int, str]:
    """The lines that are page furniture, by number, with what each is.

    With form feeds, a line at a page's edge is furniture when the same line (digits aside) stands
    at the edge of another page, or when it is a page number there. Without them (pypdf joins
    pages with a line end), a page number must repeat in the same form with another number, or
    stand at the start or the end of the text; a short line with words, repeated word for word
    (digits aside), is a running head only within two lines of such a page number.
    """
    pages = pages_of(lines)
    if len(pages) > 1:
        return furniture_on_pages(pages)
    found: dict[int, str] = {}
    filled = [(n, t) for n, t in lines if t.strip()]
    counts = Counter(furniture_key(t) for _, t in filled)
    short = [(p, n, t) for p, (n, t) in enumerate(filled) if len(t.split()) <= MAX_FURNITURE_WORDS]
    ends = (0, 1, len(filled) - 1)
    folios = {p for p, _, t in short if is_folio(t) and (counts[furniture_key(t)] > 1 or p in ends)}
    carried = {words_beside_number(filled[p][1]) for p in folios}
    for position, number, text in short:
        if position in folios:
            found[number] = "page number"
        elif (
            any(abs(position - p) <= 2 for p in folios)  # a heading repeated elsewhere is no head
            and has_letters(text)
            and counts[furniture_key(text)] > 1
            and not text.rstrip().endswith((".", ",", ";", ":"))
        ) or (position in ends and has_letters(text) and furniture_key(text) in carried):
            found[number] = "running head"
    return found


def furniture_on_pages(pages: list[Lines]) -> dict[int, str]:
    """The furniture of a text whose pages are known (form feeds), by line number: at a page's edge,
    a page number, or a line with words that stands on another page too (at its edge, or alone
    between breaks where an extractor read it between columns), or that a page number carries
    (`Trade Review` beside `61 | Trade Review`); away from the edges, a line standing alone that is
    such a line of another page's edge, or a page number with words (`7 | Review`). A number alone
    away from the edges may be a cell of a table, and stays.

    >>> pages = pages_of(number_lines("Brief\\nText that\\n\\n7 | Brief\\n\\ngoes on.\\n\\fBrief\\nMore."))
    >>> furniture_on_pages(pages)
    {1: 'running head', 4: 'page number', 7: 'running head'}

    Negative: the same words inside a paragraph are the author's.
    >>> furniture_on_pages(pages_of(number_lines("A text\\nBrief\\ngoes on\\nto its end.\\fMore.")))
    {}
    """
    edge_pages: dict[str, set[int]] = defaultdict(set)
    alone_pages: dict[str, set[int]] = defaultdict(set)
    for index, page in enumerate(pages):
        for _, text in edges(page):
            edge_pages[furniture_key(text)].add(index)
        for _, text in lines_alone(page):
            alone_pages[furniture_key(text)].add(index)
    carried = {words_beside_number(t) for page in pages for _, t in page if is_folio(t)}
    found: dict[int, str] = {}
    for index, page in enumerate(pages):
        at_edge = {number for number, _ in edges(page)}
        for number, text in page:
            key = furniture_key(text)
            if not text.strip() or len(text.split()) > MAX_FURNITURE_WORDS:
                continue
            if number in at_edge:
                repeated = len(edge_pages[key] | alone_pages[key]) > 1 or key in carried
                kind = "page number" if is_folio(text) else "running head" if repeated else None
            elif (number, text) in lines_alone(page) and has_letters(text):
                kind = (
                    "page number" if is_folio(text) else "running head" if edge_pages[key] - {index} else None
                )
            else:
                kind = None
            if kind and (kind == "page number" or has_letters(text)):
                found[number] = kind
    return found


FOLIO_NUMBER = re.compile(r"^[\W\d]*\d[\W\d]*\s|\s[\W\d]*\d[\W\d]*$|(?i:page|of)\s")
"""The number part of a page number with words (`61 | `), taken off to compare the words."""


def words_beside_number(folio: str) -> str:
    """The words a page number carries, as compared with running heads.

    >>> words_beside_number("61 | Trade Review"), words_beside_number("12")
    ('trade review', '#')
    """
    return furniture_key(FOLIO_NUMBER.sub("", folio))


def lines_alone(page: Lines) -> Lines:
    """The lines of a page with a break (or the page's edge) before and after them."""
    return [
        (number, text)
        for index, (number, text) in enumerate(page)
        if text.strip()
        and (index == 0 or not page[index - 1][1].strip())
        and (index + 1 == len(page) or not page[index + 1][1].strip())
    ]


def remove_page_furniture(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Remove running heads and page numbers, and the form feeds between pages; each removed line
    is recorded. A line of furniture inside a paragraph (even inside a word broken by a hyphen)
    is taken out and the paragraph's lines close up around it.

    >>> text = "Review\\nIt began with a de-\\n12\\n\\fReview\\nmand for food.\\n13\\n"
    >>> kept, removed = remove_page_furniture(number_lines(text))
    >>> [t for _, t in kept if t], [(r.kind, r.line, r.before) for r in removed]
    (['It began with a de-', 'mand for food.'], [('running head removed', 1, 'Review'), \
('page number removed', 3, '12'), ('running head removed', 4, 'Review'), ('page number removed', 6, '13')])

    Negative: a year or a number in the text is not a page number, a heading used once is no head,
    nor one used twice away from any page number.
    >>> kept, removed = remove_page_furniture(number_lines("SEATTLE\\n1999\\nwas the year of the"))
    >>> removed
    []
    >>> remove_page_furniture(number_lines("CONCLUSIONS\\n\\nCONCLUSIONS\\n\\nTHE G21\\n"))[1]
    []
    """
    found = furniture_lines(lines)
    kept: Lines = []
    repairs = []
    for number, text in lines:
        if number in found:
            before, _, furniture = text.rpartition(PAGE_BREAK)  # a page may end inside the line
            repairs.append(Repair(f"{found[number]} removed", number, furniture.strip(), ""))
            if before.replace(PAGE_BREAK, "").strip():
                kept.append((number, before.replace(PAGE_BREAK, "")))
            continue
        kept.append((number, text.replace(PAGE_BREAK, "")))
    return kept, repairs


SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*\d{0,2}$")
"""How a line that ends a sentence ends: a full stop or the like, maybe a quote or a note number."""


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()))


def starts_sentence(text: str) -> bool:
    first = text.lstrip("\"'“‘(•").lstrip()[:1]
    return first.isupper() or first.isdigit()


def separate_headings(lines: Lines) -> tuple[Lines, list[Repair]]:
    """A heading run into the lines of a paragraph: a short line in capitals (or several, for a
    heading broken over lines) between a finished sentence and the start of another is set apart
    by a break before and after. (pdftotext and pypdf put no blank line around headings.)

    >>> lines = number_lines("the end of it.\\nTHE REPLY FROM\\nWASHINGTON\\nThe draft text came back.")
    >>> [t for _, t in separate_headings(lines)[0]]
    ['the end of it.', '', 'THE REPLY FROM', 'WASHINGTON', '', 'The draft text came back.']

    Negative: words in capitals inside a sentence stay where they are.
    >>> lines = number_lines("the members of the\\nWTO\\nmet in Cancún.")
    >>> separate_headings(lines)[1]
    []
    """
    out: Lines = []
    repairs = []
    width = line_width(lines)
    index = 0
    while index < len(lines):
        number = lines[index][0]
        end = heading_end(lines, index, width)
        heading = [t for _, t in lines[index:end]]
        before = out[-1][1] if out else ""
        after = lines[end][1] if end < len(lines) else ""
        if (
            heading
            and len(" ".join(heading).split()) <= 14
            and (not before or ends_sentence(before))
            and (not after or starts_sentence(after))
            and (before or after)
        ):
            if before:
                out.append((number, ""))
            out.extend(lines[index:end])
            if after:
                out.append((lines[end - 1][0], ""))
            repairs.append(Repair("heading set apart", number, " ".join(heading), "own block"))
            index = end
            continue
        out.append(lines[index])
        index += 1
    return out, repairs


HEADING_WIDTH = 0.6
"""A heading in ordinary case is shorter than this share of a full line, and the line after it
(the start of its paragraph) is longer."""


def heading_end(lines: Lines, index: int, width: float) -> int:
    """Where a heading starting at `index` ends: after its lines in capitals, or after one short
    line shaped like a heading in ordinary case (`In the streets`) followed by a full line;
    `index` itself when none starts there.

    >>> lines = number_lines("In the streets\\nThousands of people marched through the city")
    >>> heading_end(lines, 0, 44), heading_end(lines, 1, 44)
    (1, 1)

    Negative: a short line before another short line is an item or a caption, not a heading.
    >>> heading_end(number_lines("Benin: cotton first\\nMali: cotton too"), 0, 44)
    0
    """
    end = index
    while end < len(lines) and lines[end][1] and is_all_caps(lines[end][1]):
        end += 1
    if end > index or index + 1 >= len(lines):
        return end
    text, after = lines[index][1], lines[index + 1][1]
    shaped = bool(MIXED_CASE_HEADING.fullmatch(text)) and len(text) < HEADING_WIDTH * width
    return index + 1 if shaped and len(after) > HEADING_WIDTH * width else index


HEADING_END_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    )
)
"""Words a heading does not end on: `Critics in the North` is a sentence, not a heading and text."""

RUN_IN_WORDS = (2, 7)
"""How many words a run-in heading has."""


def split_run_in_heading(text: str, lower_words: frozenset[str]) -> tuple[str, str] | None:
    """A heading run into the start of its paragraph (`Pressure from the outside In the streets the
    organizations held…`), as (heading, paragraph): a few words with no punctuation, not ending on
    a little word, then a capitalised word that the text uses in lower case elsewhere (a sentence
    starts there; a name would not be in lower case).

    >>> split_run_in_heading("A lasting network The contacts made in Cancún lasted.", frozenset({"the"}))
    ('A lasting network', 'The contacts made in Cancún lasted.')

    Negative: a sentence whose first capital inside is a name, or follows a little word, runs on.
    >>> split_run_in_heading("That did not happen in Cancún last year.", frozenset({"the"}))
    >>> split_run_in_heading("Critics in the North complained of it.", frozenset({"north"}))
    """
    words = text.split()
    for position, word in enumerate(words[1 : RUN_IN_WORDS[1] + 1], start=1):
        if not word[:1].isupper():
            if re.search(r"[^\w’'-]", word):
                return None  # punctuation: a sentence, not a heading
            continue
        heading = words[:position]
        if (
            position < RUN_IN_WORDS[0]
            or heading[-1].lower() in HEADING_END_WORDS
            or any(re.search(r"[^\w’'-]|\d", w) for w in heading)
            or word.strip("\"'“‘").lower() not in lower_words
            or len(words) - position < 4
        ):
            return None
        return " ".join(heading), " ".join(words[position:])
    return None


def separate_run_in_headings(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""Headings run into the first line of their paragraph, as bold words a layout set inline:
    each is set apart on a line of its own when the line opens a paragraph.

    >>> text = "It ended in May.\nPressure from the outside In the streets they\nmarched all week."
    >>> [t for _, t in separate_run_in_headings(number_lines(text))[0]]
    ['It ended in May.', '', 'Pressure from the outside', '', 'In the streets they', 'marched all week.']

    Negative: the same words inside a paragraph stay.
    >>> text = "It went on and\nPressure from the outside In the streets they\nmarched all week."
    >>> separate_run_in_headings(number_lines(text))[1]
    []
    """
    lower_words = frozenset(re.findall(r"\b[a-z][\w’'-]*", " ".join(t for _, t in lines)))
    out: Lines = []
    repairs = []
    for index, (number, text) in enumerate(lines):
        found = split_run_in_heading(text, lower_words) if text and opens_block(lines, index) else None
        if found is None:
            out.append((number, text))
            continue
        heading, rest = found
        out += [(number, "")] if out and out[-1][1] else []
        out += [(number, heading), (number, ""), (number, rest)]
        repairs.append(Repair("run-in heading set apart", number, heading, "own block"))
    return out, repairs


def line_width(lines: Lines) -> float:
    """The width of a full line of the text (in characters), from its longer lines."""
    lengths = sorted(len(t) for _, t in lines if t)
    return statistics.quantiles(lengths, n=10)[7] if len(lengths) >= 10 else (max(lengths) if lengths else 0)


SHORT_LAST_LINE = 0.75
"""A line shorter than this share of a full line, ending a sentence, ends its paragraph."""

ROOM_LEFT = 0.9
"""Share of a full line that a line and the next word may fill for that word to have fitted (the
extracted text counts characters, the printer measured them)."""


def next_word_fits(text: str, following: str, width: float) -> bool:
    """Whether the first word of the next line would have fitted on this one: a printer fills
    each line of a paragraph until the next word does not fit, so such a line ended its paragraph.

    >>> next_word_fits("heard it first in the corridor.", "The cause was", 36)
    False
    >>> next_word_fits("heard it first in the corridor.", "The cause was", 60)
    True
    """
    return len(text) + 1 + len(following.split()[0]) <= ROOM_LEFT * width


def infer_paragraph_breaks(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Paragraph breaks an extractor did not keep (pdftotext often, pypdf never): a line that ends a
    sentence and falls well short of the full width ends its paragraph when the next line begins a
    sentence. The full width is that of the text's longer lines (its eighth decile).

    >>> text = "The talks went on for a long time and\\nthen they ended.\\nThe farmers went home after\\n"
    >>> text += "the march was over."
    >>> [t for _, t in infer_paragraph_breaks(number_lines(text))[0]]
    ['The talks went on for a long time and', 'then they ended.', '', 'The farmers went home after', \
'the march was over.']

    Negative: a full line that ends a sentence does not end the paragraph.
    >>> text = "The talks went on for a long time and\\nthey ended at last with nothing.\\n"
    >>> text += "The farmers went home."
    >>> infer_paragraph_breaks(number_lines(text))[1]
    []
    """
    width = line_width(lines)
    out: Lines = []
    repairs = []
    for index, (number, text) in enumerate(lines):
        out.append((number, text))
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if (
            text
            and following
            and ends_sentence(text)
            and (len(text) < SHORT_LAST_LINE * width or next_word_fits(text, following, width))
            and starts_sentence(following)
            and not is_all_caps(text)
        ):
            out.append((number, ""))
            repairs.append(Repair("paragraph break inferred", number, text[-40:], "¶"))
    return out, repairs


DROP_CAP = re.compile(r"[A-Z]")

DROP_CAP_REACH = 12
"""How many lines after a drop cap its word may start: pypdf reads the letter before the title."""


def opens_block(lines: Lines, index: int) -> bool:
    """Whether the line at `index` begins a block: after a break, a finished sentence or a byline."""
    before = lines[index - 1][1] if index else ""
    return not before or ends_sentence(before) or bool(BYLINE.fullmatch(before.strip()))


def rejoin_drop_caps(lines: Lines, known: Callable[[str], bool]) -> tuple[Lines, list[Repair]]:
    """A drop cap: the first letter of a paragraph, set large, extracted on its own (`W` …
    `ith sticks of incense`). It is joined to the nearest following line that begins a block in
    lower case, if the two make a word; the title, deck and byline may stand between them.

    >>> lines = number_lines("W\\n\\nith sticks of incense they came.")
    >>> [t for _, t in rejoin_drop_caps(lines, lambda w: w.lower() == "with")[0] if t]
    ['With sticks of incense they came.']
    >>> lines = number_lines("F\\nThe title\\nBy Ana Lima\\nour countries came.")
    >>> [t for _, t in rejoin_drop_caps(lines, lambda w: w.lower() == "four")[0] if t]
    ['The title', 'By Ana Lima', 'Four countries came.']

    Negative: a letter standing alone (a list mark, an initial) with no word to make stays.
    >>> rejoin_drop_caps(number_lines("A\\n\\nlist of things"), lambda w: w == "alist")[1]
    []
    """
    out = list(lines)
    repairs = []
    for index, (number, text) in enumerate(lines):
        if not DROP_CAP.fullmatch(text.strip()):
            continue
        for later in range(index + 1, min(index + DROP_CAP_REACH, len(out))):
            following = out[later][1]
            if not following or not following[:1].islower():
                continue  # the title, deck and byline may stand between the letter and its word
            if not opens_block(out, later):
                continue  # a line of the deck, running on
            first_word = re.match(r"[^\W\d_]+", following)
            if first_word and known(text.strip() + first_word[0]):
                out[later] = (out[later][0], text.strip() + following)
                out[index] = (number, "")
                word = text.strip() + first_word[0]
                repairs.append(Repair("drop cap rejoined", number, f"{text.strip()} {first_word[0]}", word))
            break
    return out, repairs


NUMBERED_LINE = re.compile(r"\d{1,3}[.)]?\s+\S")
BULLET_ALONE = re.compile(r"[•▪◦·●]")


def separate_notes(lines: Lines) -> tuple[Lines, list[Repair]]:
    """Notes run together: after a `NOTES` line, each line that begins with a number begins a note
    of its own.

    >>> lines = number_lines("NOTES\\n1. The first note\\ngoes on.\\n2. The second.")
    >>> [t for _, t in separate_notes(lines)[0]]
    ['NOTES', '', '1. The first note', 'goes on.', '', '2. The second.']

    Negative: numbers starting lines of the text itself, with no notes heading above, stay.
    >>> separate_notes(number_lines("the year\\n2003 was long."))[1]
    []
    """
    out: Lines = []
    repairs = []
    in_notes = False
    for number, text in lines:
        if NOTES_TITLE.fullmatch(text.strip()):
            in_notes = True
        elif in_notes and NUMBERED_LINE.match(text) and out and out[-1][1]:
            out.append((number, ""))
            repairs.append(Repair("note set apart", number, text[:40], "own block"))
        out.append((number, text))
    return out, repairs


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
                repairs.append(Repair("bullet rejoined", out[i][0], bullet, out[i][1][:40]))
            out += kept_breaks or [(bullets[-1][0], "")]  # the list ends where its bullets stood
            index = end
            continue
        while bullets and end < len(lines) and is_loose_item(lines[end][1]):
            bullet = bullets.pop(0)[1]
            out.append((lines[end][0], f"{bullet} {lines[end][1].strip()}"))
            repairs.append(Repair("bullet rejoined", lines[end][0], bullet, out[-1][1][:40]))
            end += 1
        repairs += [Repair("bullet without item removed", n, bullet, "") for n, bullet in bullets]
        following = lines[end][1].strip() if end < len(lines) else ""
        if following and not BULLET_ALONE.fullmatch(following) and out and LIST_MARK.match(out[-1][1]):
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
        and starts_sentence(plain)
        and not ends_sentence(plain)
        and len(plain.split()) <= 12
    )


BYLINE = re.compile(r"By [A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|de|da|del|van|von|and|y))*")
"""A byline line: `By Mariam Ouedraogo`."""

FRONT_LINES = 8


def separate_front_matter(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""The title, deck and byline at the top of a page, run into the first lines of the text: the
    byline is set apart, and so is the title, a first line with no final punctuation before a deck.

    >>> lines = number_lines("Cotton at the centre\nFour countries asked.\nBy Ana Lima\nIt began in May.")
    >>> [t for _, t in separate_front_matter(lines)[0]]
    ['Cotton at the centre', '', 'Four countries asked.', '', 'By Ana Lima', '', 'It began in May.']

    Negative: a text that opens with its first sentence is left as it is.
    >>> separate_front_matter(number_lines("By the end of the week\nthe talks had failed."))[1]
    []
    """
    filled = [index for index, (_, text) in enumerate(lines) if text][:FRONT_LINES]
    byline = next((i for i in filled if BYLINE.fullmatch(lines[i][1].strip())), None)
    if byline is None:
        return lines, []
    breaks = {byline - 1, byline}
    first = filled[0]
    if first < byline - 1 and not ends_sentence(lines[first][1]) and lines[first + 1][1]:
        breaks.add(first)
    out: Lines = []
    found = []
    for index, line in enumerate(lines):
        out.append(line)
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if index in breaks and line[1] and following:
            out.append((line[0], ""))
            found.append(Repair("front matter set apart", line[0], line[1][:40], "own block"))
    return out, found


QUOTE_WINDOW = 30
"""How many lines before and after a suspected pull quote are searched for the sentence it repeats."""

QUOTE_LINES = 5
REPEAT_SCORE = 90


def set_apart_pull_quote_lines(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""A pull quote dropped between the lines of a paragraph (`required new` / `Each of them would
    have required` / `new laws and new institutions.` / `laws and new institutions in…`): a
    sentence of one to five lines, starting after a line that does not finish one, that repeats
    words standing close by in the text, is set apart as a block of its own.

    >>> text = ("The four subjects\nwould have required new\nNew laws would be\nrequired.\n"
    ...         "laws and institutions. New laws would be\nrequired of all countries soon.")
    >>> [t for _, t in set_apart_pull_quote_lines(number_lines(text))[0]][1:6]
    ['would have required new', '', 'New laws would be', 'required.', '']

    Negative: a sentence that begins after a cut line but says something new stays in its place.
    >>> text = "The four subjects\nwould have required new\nLaws made in Geneva.\nlaws."
    >>> set_apart_pull_quote_lines(number_lines(text))[1]
    []
    """
    from rapidfuzz import fuzz

    from .repair.asides import repeats_a_sentence
    from .sentences import comparable

    out = list(lines)
    repairs = []
    index = 1
    while index < len(out):
        previous, text = last_text_before(out, index), out[index][1]
        end = sentence_end_line(out, index) if previous and not ends_sentence(previous) else None
        if text and starts_sentence(text) and end is not None:
            quote = comparable(" ".join(t for _, t in out[index : end + 1]))
            around = out[max(0, index - QUOTE_WINDOW) : index] + out[end + 1 : end + 1 + QUOTE_WINDOW]
            nearby = comparable(" ".join(t for _, t in around))
            if 5 <= len(quote.split()) <= 45 and (
                fuzz.partial_ratio(quote, nearby) >= REPEAT_SCORE or repeats_a_sentence(quote, nearby)
            ):
                apart_before = not out[index - 1][1]
                apart_after = end + 1 >= len(out) or not out[end + 1][1]
                if apart_before and apart_after:  # a block of its own already
                    index = end + 1
                    continue
                out[index : end + 1] = [(out[index][0], ""), *out[index : end + 1], (out[end][0], "")]
                repairs.append(
                    Repair("pull quote lines set apart", out[index + 1][0], quote[:50], "own block")
                )
                index = end + 3
                continue
        index += 1
    return out, repairs


def last_text_before(lines: Lines, index: int) -> str:
    """The last line with text before `index`, across one break (an extractor's blank line)."""
    for back in (index - 1, index - 2):
        if back >= 0 and lines[back][1]:
            return lines[back][1]
    return ""


def sentence_end_line(lines: Lines, start: int) -> int | None:
    """The first line from `start` (within a few lines, and before a break) that ends a sentence."""
    for end in range(start, min(start + QUOTE_LINES, len(lines))):
        if not lines[end][1]:
            return None
        if ends_sentence(lines[end][1]):
            return end
    return None


LIST_MARK = re.compile(r"[-–•▪◦·●]\s")
"""A line that is a list item already: `- Oxfam`, `• Benin`."""

FACT_LINE = re.compile(r"(?:1[89]\d\d|20\d\d)\s+\S")
"""A line of a fact file: a year, then what happened (`1994 NAFTA enters into force`)."""


def find_box_items(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""The items of a box under a title in capitals, one per line with no bullet: lines of a fact
    file (each starting with a year), or short lines that end no sentence. The title stands at the
    start of a block; two items at least follow it, line by line; each becomes a list item (a
    bullet is added), and the box ends where a full line of text begins.

    >>> text = "THE FOUR ISSUES\nInvestment\nCompetition policy\nOutside, the news spread among all."
    >>> [t for _, t in find_box_items(number_lines(text))[0]]
    ['THE FOUR ISSUES', '• Investment', '• Competition policy', '', 'Outside, the news spread among all.']

    Negative: a section heading followed by its paragraph keeps it, and a word in capitals broken
    at a line end is no title.
    >>> find_box_items(number_lines("THE ROOM EMPTIES\nWhen the meeting broke up, some had left."))[1]
    []
    >>> find_box_items(number_lines("the.\n\nFTAA-\nthe\nmembers\nthe rest of it."))[1]
    []
    """
    width = line_width(lines)
    out: Lines = []
    repairs = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        before = out[-1][1] if out else ""
        out.append((number, text))
        index += 1
        is_title = text and is_all_caps(text) and len(text.split()) <= MAX_FURNITURE_WORDS
        broken = text.rstrip().endswith((*HYPHENS, ",", ";"))
        if not is_title or broken or (before and not ends_sentence(before)):
            continue
        end = index
        while end < len(lines) and is_box_item(lines[end][1], width):
            end += 1
        if end - index < 2:
            end = items_to_break(lines, index)
        if end - index < 2:
            continue
        for item_number, item in lines[index:end]:
            out.append((item_number, f"• {item}"))
            repairs.append(Repair("box item found", item_number, item[:40], "list item"))
        if end < len(lines) and lines[end][1]:  # the first full line of text after the items ends the box
            out.append((lines[end - 1][0], ""))
        index = end
    return out, repairs


NUMBER_CELL = re.compile(r"[\d.,%$€£]+")
"""A cell that is a figure or a year alone: `34`, `1994`, `12%`."""


def rebuild_box_table(lines: Lines) -> tuple[Lines, list[Repair]]:
    r"""A small table or fact file in a box whose cells the extractor read one per line, each
    column in turn or out of order (`Countries` / `Days of talks` / `34` / `3`): under a title in
    capitals, short cells of words and as many cells of figures are paired in their order, a year
    before its event (`1994 NAFTA enters into force`), another figure after its label
    (`Countries 34`), and set as rows of a table. A cell that holds its figure already is a row.

    >>> text = "IN FIGURES\nCountries\n\nDays of talks\n\n34\n\n3\n\nThe talks went on for a year."
    >>> [t for _, t in rebuild_box_table(number_lines(text))[0]]
    ['IN FIGURES', '', 'Countries\t34', 'Days of talks\t3', '', 'The talks went on for a year.']
    >>> text = "DATES\nMexico joins\n1986\n1994\nNAFTA in force\nIt ended."
    >>> [t for _, t in rebuild_box_table(number_lines(text))[0]]
    ['DATES', '', '1986\tMexico joins', '1994\tNAFTA in force', '', 'It ended.']

    Negative: items with no figures are a list, not a table; a heading before its text stays.
    >>> rebuild_box_table(number_lines("ISSUES\nInvestment\nCompetition policy\nIt ended."))[1]
    []
    >>> rebuild_box_table(number_lines("AFTER 2003\n2004 was a quiet year for the members."))[1]
    []
    """
    out: Lines = []
    repairs: list[Repair] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        out.append((number, text))
        index += 1
        before = out[-2][1] if len(out) > 1 else ""
        if not (text and is_all_caps(text) and (not before or ends_sentence(before))):
            continue
        end, cells = index, []
        while end < len(lines) and is_table_cell(lines[end][1]):
            if lines[end][1]:
                cells.append(lines[end])
            end += 1
        rows = table_rows([t for _, t in cells])
        if rows is None:
            continue
        out.append((number, ""))
        out += [(cells[0][0], "\t".join(row)) for row in rows]
        out.append((cells[-1][0], ""))
        repairs += [Repair("table cells paired", n, t, "row of a table") for n, t in cells]
        index = end
    return out, repairs


def is_table_cell(text: str) -> bool:
    """A line that may be a cell of a small table: blank, a figure, or a few words that end no
    sentence and begin with a capital or a figure."""
    plain = text.strip()
    return not plain or (
        len(plain.split()) <= 10
        and not ends_sentence(plain)
        and not is_all_caps(plain)
        and starts_sentence(plain)
    )


def table_rows(cells: list[str]) -> list[tuple[str, ...]] | None:
    """Cells paired into rows, or None when they are not those of a two-column table: as many
    figures alone as labels without one, and two rows at least."""
    figures = [c for c in cells if NUMBER_CELL.fullmatch(c)]
    labels = [c for c in cells if not NUMBER_CELL.fullmatch(c)]
    whole = [c for c in labels if re.search(r"\s[\d.,%$€£]+$", c) or FACT_LINE.match(c)]
    labels = [c for c in labels if c not in whole]
    if not figures or len(figures) != len(labels) or len(figures) + len(whole) < 2:
        return None
    paired = dict(zip(labels, figures, strict=True))
    rows = []
    for cell in (c for c in cells if not NUMBER_CELL.fullmatch(c)):
        if cell in paired:
            figure = paired[cell]
            rows.append((figure, cell) if YEAR.fullmatch(figure) else (cell, figure))
        else:
            rows.append(tuple(cell.split(" ", 1)) if FACT_LINE.match(cell) else tuple(cell.rsplit(" ", 1)))
    return rows


def items_to_break(lines: Lines, start: int) -> int:
    r"""Where the items of a box set wider than the text's columns end, if they are items: lines
    that each begin with a capital and end no sentence, up to a break (the end of the box).

    >>> items_to_break(number_lines("Benin: cotton is the largest export of all\nMali: the largest\n"), 0)
    2

    Negative: lines of text running on past the break are no items.
    >>> items_to_break(number_lines("The cotton initiative did not\nsucceed in Cancún, but it\n"), 0)
    0
    """
    end = start
    while (
        end < len(lines)
        and lines[end][1]
        and is_table_cell(lines[end][1])
        and not LIST_MARK.match(lines[end][1])
    ):
        end += 1
    return end if end == len(lines) or not lines[end][1] else start


def is_box_item(text: str, width: float) -> bool:
    """A line of a box: a fact (`1994 NAFTA …`), or a short line that ends no sentence; not a line
    that is a list item already, nor a row of a table."""
    if not text or LIST_MARK.match(text) or "\t" in text or is_all_caps(text):
        return False
    return bool(FACT_LINE.match(text)) or (len(text) < SHORT_LAST_LINE * width and not ends_sentence(text))


def lay_out(text: str, known: Callable[[str], bool]) -> tuple[Lines, list[Repair]]:
    """Every layout repair in order: furniture first (it stands between the lines of paragraphs
    and headings), then drop caps, headings and notes, and last the paragraph breaks, which need
    the other blocks set apart to measure a full line."""
    lines = number_lines(text)
    done: list[Repair] = []
    steps: tuple[Callable[[Lines], tuple[Lines, list[Repair]]], ...] = (
        remove_page_furniture,
        separate_front_matter,
        lambda found: rejoin_drop_caps(found, known),
        set_apart_pull_quote_lines,
        rejoin_bullets,
        separate_notes,
        rebuild_box_table,
        find_box_items,
        separate_run_in_headings,
        separate_headings,
        infer_paragraph_breaks,
    )
    for step in steps:
        lines, repairs = step(lines)
        done.extend(repairs)
    return lines, done
