"""Page furniture: running heads and page numbers, found by their repetition from page to page
and removed, each removal recorded; form feeds are page breaks."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Lines, Repair
from cancun_reader.text.layout.lines import PAGE_BREAK, YEAR, pages_of
from cancun_reader.text.layout.lists import note_numbers_apart

FOLIO = re.compile(
    r"(?:page\s+)?[-–—‐]?\s*(?P<number>\d{1,4})\s*[-–—‐]?(?:\s+(?:of|/)\s+\d{1,4})?"
    r"|(?P<before>\d{1,4})\s*[|·•]\s*\S.{0,60}|\S.{0,60}?\s*[|·•]\s*(?P<after>\d{1,4})",
    re.IGNORECASE,
)
"""A page number as layouts print it: `12`, `– 3 –`, `Page 3 of 8`, `12 | Review Name`."""


EDGE_LINES = 3
"""How many lines at the top and at the bottom of a page may be its furniture."""


MAX_FURNITURE_WORDS = 10


def edges(page: Lines) -> Lines:
    """The lines at the top and the bottom of a page, where furniture stands."""
    filled = [line for line in page if line[1].strip()]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:] if len(filled) > 2 * EDGE_LINES else filled


def squeezed(text: str) -> str:
    """A line with its spacing made single, as lines are compared."""
    return " ".join(text.split())


def furniture_key(text: str) -> str:
    """A line as compared with the lines of other pages: digits stand for any page number."""
    return re.sub(r"\d+", "#", squeezed(text).lower())


def is_folio(text: str) -> bool:
    """Whether a line is a page number as layouts print them.

    >>> [is_folio(t) for t in ("12", "– 3 –", "Page 3 of 8", "12 | Trade Review", "2003 was a year")]
    [True, True, True, True, False]
    """
    plain = squeezed(text)
    return bool(FOLIO.fullmatch(plain)) and not YEAR.fullmatch(plain)


def folio_kind(text: str, copies: Counter[str]) -> Kind:
    """What a line shaped as a page number is: a page number, unless its number is a year and it
    stands word for word on other pages too, as a running head with the issue's year does (`Trade
    Review · 2004`). (A renderer may print the same page number twice: Chromium's `Page 1 of 3`.)

    >>> copies = Counter({"12 | Trade Review": 1, "Page 1 of 3": 2, "Trade Review · 2004": 3})
    >>> folio_kind("12 | Trade Review", copies), folio_kind("Page 1 of 3", copies)
    (Kind.PAGE_NUMBER_REMOVED, Kind.PAGE_NUMBER_REMOVED)

    Negative: a year beside the review's name, on every page.
    >>> folio_kind("Trade Review · 2004", copies)
    Kind.RUNNING_HEAD_REMOVED
    """
    found = FOLIO.fullmatch(squeezed(text))
    number = found and (found["number"] or found["before"] or found["after"])
    repeated = copies[squeezed(text)] > 1
    return (
        Kind.RUNNING_HEAD_REMOVED
        if repeated and number and YEAR.fullmatch(number)
        else Kind.PAGE_NUMBER_REMOVED
    )


def could_be_head(text: str) -> bool:
    """Whether a line could be a running head: one has words, and is not a single word in lower
    case, which an extractor that cuts a stretched line at its gaps may leave alone on a line of
    two pages (pdfminer: `agenda`).

    >>> could_be_head("Policy Brief"), could_be_head("Review")
    (True, True)

    Negative: a line of digits alone (a year in a fact file), a word of the text set apart.
    >>> could_be_head("2003"), could_be_head("agenda")
    (False, False)
    """
    words = text.split()
    return any(c.isalpha() for c in text) and not (len(words) == 1 and words[0].islower())


def furniture_lines(lines: Lines) -> dict[int, Kind]:
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
    found: dict[int, Kind] = {}
    filled = [(n, t) for n, t in lines if t.strip()]
    counts = Counter(furniture_key(t) for _, t in filled)
    short = [(p, n, t) for p, (n, t) in enumerate(filled) if len(t.split()) <= MAX_FURNITURE_WORDS]
    ends = (0, 1, len(filled) - 1)
    folios = {p for p, _, t in short if is_folio(t) and (counts[furniture_key(t)] > 1 or p in ends)}
    carried = {words_beside_number(filled[p][1]) for p in folios}
    copies = Counter(squeezed(t) for _, t in filled)
    for position, number, text in short:
        if position in folios:
            found[number] = folio_kind(text, copies)
        elif (
            any(abs(position - p) <= 2 for p in folios)  # a heading repeated elsewhere is no head
            and could_be_head(text)
            and counts[furniture_key(text)] > 1
            and not text.rstrip().endswith((".", ",", ";", ":"))
        ) or (position in ends and could_be_head(text) and furniture_key(text) in carried):
            found[number] = Kind.RUNNING_HEAD_REMOVED
    return found


def furniture_on_pages(pages: list[Lines]) -> dict[int, Kind]:
    """The furniture of a text whose pages are known (form feeds), by line number: at a page's edge,
    a page number, or a line with words that stands on another page too (at its edge, or alone
    between breaks where an extractor read it between columns), or that a page number carries
    (`Trade Review` beside `61 | Trade Review`); away from the edges, a line standing alone that is
    such a line of another page's edge, or a page number with words (`7 | Review`). A number alone
    away from the edges may be a cell of a table, and stays.

    >>> pages = pages_of(number_lines("Brief\\nText that\\n\\n7 | Brief\\n\\ngoes on.\\n\\fBrief\\nMore."))
    >>> furniture_on_pages(pages)
    {1: Kind.RUNNING_HEAD_REMOVED, 4: Kind.PAGE_NUMBER_REMOVED, 7: Kind.RUNNING_HEAD_REMOVED}

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
    copies = Counter(squeezed(t) for page in pages for _, t in page if t.strip())
    found: dict[int, Kind] = {}
    for index, page in enumerate(pages):
        at_edge = {number for number, _ in edges(page)}
        for number, text in page:
            key = furniture_key(text)
            if not text.strip() or len(text.split()) > MAX_FURNITURE_WORDS:
                continue
            folio = folio_kind(text, copies) if is_folio(text) else None
            if number in at_edge:
                repeated = len(edge_pages[key] | alone_pages[key]) > 1 or key in carried
                kind = folio or (Kind.RUNNING_HEAD_REMOVED if repeated else None)
            elif (number, text) in lines_alone(page) and could_be_head(text):
                kind = folio or (Kind.RUNNING_HEAD_REMOVED if edge_pages[key] - {index} else None)
            else:
                kind = None
            if kind and (kind == Kind.PAGE_NUMBER_REMOVED or could_be_head(text)):
                found[number] = kind
    found.update(folios_read_between_columns(pages, found))
    return found


def folios_read_between_columns(pages: list[Lines], found: dict[int, Kind]) -> dict[int, Kind]:
    """The page number of a page that has none at its edges, read between its columns (pdftotext
    reads a footer box where it falls in the columns' order): the one number standing alone on
    that page in the form of the other pages' page numbers.

    >>> text = ("Brief\\nA text\\n\\n30\\n\\fBrief\\nthat goes\\non and\\non\\n\\n31\\n\\n"
    ...         "and on to\\nthe end\\nof it\\nat last.")
    >>> pages = pages_of(number_lines(text))
    >>> folios_read_between_columns(pages, {4: Kind.PAGE_NUMBER_REMOVED})
    {10: Kind.PAGE_NUMBER_REMOVED}

    Negative: with two numbers alone on the page (cells of a table, say), neither is taken.
    >>> pages = pages_of(number_lines(text.replace("and on to", "41\\n\\nand on")))
    >>> folios_read_between_columns(pages, {4: Kind.PAGE_NUMBER_REMOVED})
    {}
    """
    keys = {furniture_key(t) for page in pages for n, t in page if found.get(n) == Kind.PAGE_NUMBER_REMOVED}
    numbered = {n for n, kind in found.items() if kind == Kind.PAGE_NUMBER_REMOVED}
    taken: dict[int, Kind] = {}
    for page in pages:
        if any(number in numbered for number, _ in page):
            continue
        alone = [n for n, t in lines_alone(page) if is_folio(t) and furniture_key(t) in keys]
        if len(alone) == 1:
            taken[alone[0]] = Kind.PAGE_NUMBER_REMOVED
    return taken


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


def remove_page_furniture(
    lines: Lines, on_page: frozenset[int] = frozenset(), boxed: tuple[tuple[int, int], ...] = ()
) -> tuple[Lines, list[Repair]]:
    """Remove running heads and page numbers, and the form feeds between pages; each removed line
    is recorded. A line of furniture inside a paragraph (even inside a word broken by a hyphen)
    is taken out and the paragraph's lines close up around it. A PDF's page says which of its
    lines are furniture (`on_page`, by number: `pdf/furniture.py`), besides those the text shows,
    and which stand in a drawn box (`boxed`: each box's first and last line), which are none (a
    table's cell holding a number alone is no page number).

    >>> text = "Review\\nIt began with a de-\\n12\\n\\fReview\\nmand for food.\\n13\\n"
    >>> kept, removed = remove_page_furniture(number_lines(text))
    >>> found = [(r.kind, r.line, r.before) for r in removed]
    >>> [t for _, t in kept if t], found  # doctest: +NORMALIZE_WHITESPACE
    (['It began with a de-', 'mand for food.'],
     [(Kind.RUNNING_HEAD_REMOVED, 1, 'Review'), (Kind.PAGE_NUMBER_REMOVED, 3, '12'),
      (Kind.RUNNING_HEAD_REMOVED, 4, 'Review'), (Kind.PAGE_NUMBER_REMOVED, 6, '13')])

    Negative: a year or a number in the text is not a page number, a heading used once is no head,
    nor one used twice away from any page number; nor are the numbers of notes the text calls
    (`failure.1`), read apart from them at the page's foot.
    >>> remove_page_furniture(number_lines("It failed.1\\nThen.2\\n1\\n2\\n\\nA note.\\nAnother.\\n\\f"))[1]
    []
    >>> kept, removed = remove_page_furniture(number_lines("SEATTLE\\n1999\\nwas the year of the"))
    >>> removed
    []
    >>> remove_page_furniture(number_lines("CONCLUSIONS\\n\\nCONCLUSIONS\\n\\nTHE G21\\n"))[1]
    []

    The page's word is taken for a head used once, as on a page of its own:
    >>> remove_page_furniture(number_lines("Trade Review\\n\\nCotton\\n\\n1"), frozenset({1, 5}))[1][0].kind
    Kind.RUNNING_HEAD_REMOVED
    """
    texts = dict(lines)
    copies = Counter(squeezed(text) for _, text in lines)
    in_box = {n for first, last in boxed for n in range(first, last + 1)}
    kept_apart = in_box | note_numbers_apart(lines)  # a table's cells, the notes' numbers
    found = {n: kind for n, kind in furniture_lines(lines).items() if n not in kept_apart} | {
        n: folio_kind(texts[n], copies) if is_folio(texts[n]) else Kind.RUNNING_HEAD_REMOVED
        for n in on_page
        if texts.get(n, "").strip()
    }
    kept: Lines = []
    repairs = []
    for number, text in lines:
        if number in found:
            before, _, furniture = text.rpartition(PAGE_BREAK)  # a page may end inside the line
            repairs.append(Repair(found[number], number, furniture.strip(), ""))
            if before.replace(PAGE_BREAK, "").strip():
                kept.append((number, before.replace(PAGE_BREAK, "")))
            continue
        kept.append((number, text.replace(PAGE_BREAK, "")))
    return kept, repairs
