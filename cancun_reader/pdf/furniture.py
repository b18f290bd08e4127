"""Page furniture found on the page itself: the runs in a page's top and bottom bands (above and
below its body) that repeat from page to page, digits aside, and the page numbers there, in any
form.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Collection

from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.core.prose.words import SUPERSCRIPT_DIGITS
from cancun_reader.pdf.drawings import shapes
from cancun_reader.pdf.page import Page, Run

BAND = 0.15
"""The top and bottom bands of a page: this share of its height. Furniture stands there, outside
the body's lines."""

FOLIO = re.compile(
    r"(?:page|p\.|seite|página)?\s*[-–—(\[|·]*\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]|·]*"
    r"(?:\s*(?:of|/|de|von)\s*\d{1,4})?",
    re.IGNORECASE,
)
"""A page number alone, as layouts print one: `12`, `– 12 –`, `Page 3 of 8`, `xii`, `[4]`, `3 / 8`."""


FOLIO_WITH_HEAD = re.compile(
    r"\d{1,4}\s+[|·•]\s+(?P<head>[^|]{2,60})|(?P<before>[^|]{2,60}?)\s+[|·•]\s+\d{1,4}"
)
"""A page number printed with the running head, parted by a bar or a dot: `1 | Field Notes`,
`Trade Review · 12`. The head may also stand alone elsewhere on the page's edges."""


def folio_head(text: str) -> str | None:
    """The running head a page number is printed with, when it is (`FOLIO_WITH_HEAD`).

    >>> folio_head("1 | Field Notes"), folio_head("Trade Review · 12")
    ('Field Notes', 'Trade Review')
    >>> folio_head("1 | Trade Review · Autumn 2003")
    'Trade Review · Autumn 2003'

    Negative: a number alone, and words with a figure among them.
    >>> folio_head("12"), folio_head("In 2003 the talks | failed")
    (None, None)
    """
    found = FOLIO_WITH_HEAD.fullmatch(text.strip())
    return (found["head"] or found["before"]).strip() if found else None


def key(text: str) -> str:
    """A run as compared with the runs of other pages: digits stand for any page number.

    >>> key("Trade Review · 12"), key("12")
    ('trade review · #', '#')
    """
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def in_band(run: Run, page: Page, body_top: float, body_bottom: float) -> bool:
    """Whether a run stands in the page's top band above its body, or its bottom band below it."""
    return (run.box.bottom <= body_top + 1 and run.box.top < BAND * page.height) or (
        run.box.top >= body_bottom - 1 and run.box.bottom > (1 - BAND) * page.height
    )


def furniture(
    pages: list[Page],
    body_runs: dict[int, list[Run]],
    notes: Collection[tuple[int, int]] = (),
    boxed: Collection[tuple[int, int]] = (),
) -> set[tuple[int, int]]:
    """The runs that are page furniture, as (page number, index of the run on its page): in a band,
    not a note at the page's foot (`notes`), and either repeated (digits aside) in another band (of
    another page, or at the other edge of its own), or a page number (not a figure in a drawn box,
    `boxed`: a year in a table), or standing apart from every other line in type smaller than the
    body's (measured on a page with no line of the body, one of pictures, against the others').

    >>> from cancun_reader.pdf.page import Box, Style
    >>> def run(text, top): return Run(text, Box(250, top, 350, top + 9), top + 7, Style("Sans", 8))
    >>> body = Run("the body", Box(50, 100, 550, 700), 110, Style("Serif", 10))
    >>> pages = [Page(n, 600, 800, (run("Trade Review", 30), body, run(str(n + 11), 760))) for n in (1, 2)]
    >>> sorted(furniture(pages, {1: [body], 2: [body]}))
    [(1, 0), (1, 2), (2, 0), (2, 2)]

    Negative: a title at the top of the first page only, which repeats nowhere and is no number.
    >>> title = Run("Cotton at the centre", Box(50, 30, 400, 52), 48, Style("Sans", 20))
    >>> pages = [Page(1, 600, 800, (title, body))]
    >>> furniture(pages, {1: [body]})
    set()
    """
    every_body = [run for runs in body_runs.values() for run in runs]  # a page of pictures has none
    banded: dict[tuple[int, int], Run] = {}
    for page in pages:
        top, bottom = body_extent(body_runs.get(page.number) or [], page)
        for index, run in enumerate(page.runs):
            if (page.number, index) not in notes and in_band(run, page, top, bottom):
                banded[(page.number, index)] = run
    pages_with: Counter[str] = Counter()  # in how many bands (a page's top and foot) a run stands
    for key_text in {(n, r.box.top < pages[n - 1].height / 2, key(r.text)) for (n, _), r in banded.items()}:
        pages_with[key_text[2]] += 1
    folios = {
        place: run
        for place, run in banded.items()
        if FOLIO.fullmatch(run.text.strip()) and place not in boxed
    }
    heads = {
        (place[0], key(head))
        for place, run in banded.items()
        if (head := folio_head(run.text)) and place not in boxed
    }
    return {
        place
        for place, run in banded.items()
        if pages_with[key(run.text)] >= 2
        or place in folios
        or (place[0], key(folio_head(run.text) or run.text)) in heads
        or (
            not is_note(run.text)
            and stands_apart(run, pages[place[0] - 1], body_runs.get(place[0]) or every_body)
            and not beside_picture(run, pages[place[0] - 1])
        )
        or beside_folio(run, pages[place[0] - 1], [r for (n, _), r in folios.items() if n == place[0]])
    }


def body_extent(body: list[Run], page: Page) -> tuple[float, float]:
    """Where the body's lines begin and end on a page, a line in the body's type that stands alone in
    a band, far from the rest (a running foot set as large as the text, on a page no other repeats),
    aside.

    >>> from cancun_reader.pdf.page import Box, Style
    >>> def line(top): return Run("text", Box(50, top, 300, top + 11), top + 9, Style("Serif", 11))
    >>> body_extent([line(100), line(113), line(126), line(810)], Page(1, 595, 842, ()))
    (100, 137)

    Negative: the lines of a page full to its foot are its body, the last one too.
    >>> body_extent([line(100), line(113), line(700), line(713)], Page(1, 595, 842, ()))
    (100, 724)
    """
    if not body:
        return page.height / 2, page.height / 2
    lines = sorted(body, key=lambda r: r.box.top)
    while True:  # the lowest row (a head and its page number), if it stands apart at the foot
        last = [r for r in lines if r.box.top >= lines[-1].box.top - 1]
        rest = lines[: len(lines) - len(last)]
        if not rest or last[0].box.top <= (1 - BAND) * page.height:
            break
        if last[0].box.top - max(r.box.bottom for r in rest) <= APART * last[0].box.height:
            break
        lines = rest
    while True:  # and the highest, if it stands apart at the top
        first = [r for r in lines if r.box.top <= lines[0].box.top + 1]
        rest = lines[len(first) :]
        if not rest or first[0].box.bottom >= BAND * page.height:
            break
        if min(r.box.top for r in rest) - first[0].box.bottom <= APART * first[0].box.height:
            break
        lines = rest
    return min(r.box.top for r in lines), max(r.box.bottom for r in lines)


def beside_folio(run: Run, page: Page, folios: list[Run]) -> bool:
    """Whether a run stands on the row of a page number, at the page's edge (nothing beyond it): a
    running head printed beside the number (`Public Goods   1 / 1`), on a page no other repeats.

    >>> from cancun_reader.pdf.page import Box, Style
    >>> small, body = Style("Serif", 8), Style("Serif", 10)
    >>> head = Run("Public Goods", Box(150, 760, 220, 768), 767, small)
    >>> folio = Run("1", Box(240, 760, 250, 768), 767, small)
    >>> text = Run("the body of the text", Box(50, 100, 550, 112), 110, body)
    >>> beside_folio(head, Page(1, 600, 800, (text, head, folio)), [folio])
    True

    Negative: a line above the page number's row.
    >>> beside_folio(text, Page(1, 600, 800, (text, head, folio)), [folio])
    False
    """
    if stacked_on_folio(run, page, folios):
        return True
    if not any(f is not run and abs(f.baseline - run.baseline) < 1 for f in folios):
        return False
    on_row = [r for r in page.runs if abs(r.baseline - run.baseline) < 1]
    others = [r for r in page.runs if r not in on_row]
    return all(r.box.bottom <= run.box.top + 1 for r in others) or all(
        r.box.top >= run.box.bottom - 1 for r in others
    )


def stacked_on_folio(run: Run, page: Page, folios: list[Run]) -> bool:
    """Whether a run in smaller type stands right above a page number at the page's foot, or right
    below one at its top, on one axis with it and with nothing beyond them, ending no sentence: a
    running foot set over its number (`Trade Review · Autumn 2003` / `Page 1`), on a page no other
    repeats.

    >>> from cancun_reader.pdf.page import Box, Style
    >>> small, body = Style("Serif", 8), Style("Serif", 10)
    >>> foot = Run("Trade Review", Box(250, 772, 350, 782), 780, small)
    >>> folio = Run("Page 1", Box(270, 785, 330, 795), 793, small)
    >>> text = Run("the body of the text", Box(50, 100, 550, 112), 110, body)
    >>> stacked_on_folio(foot, Page(1, 600, 800, (text, foot, folio)), [folio])
    True

    Negative: a line of the text's own type above the number, and a note's last line in small type.
    >>> line = Run("the last line", Box(50, 772, 350, 784), 782, body)
    >>> stacked_on_folio(line, Page(1, 600, 800, (text, line, folio)), [folio])
    False
    >>> note = Run("1. None of them had ever brought a case.", Box(50, 772, 350, 782), 780, small)
    >>> stacked_on_folio(note, Page(1, 600, 800, (text, note, folio)), [folio])
    False
    """
    sizes = [r.style.size for r in page.runs if r is not run]
    if not sizes or run.style.size >= SMALLER * statistics.median(sizes) or ends_sentence(run.text):
        return False  # a note's last line ends its sentence; a running foot does not
    for folio in (f for f in folios if f is not run and on_one_axis(run, f)):
        below = 0 <= folio.box.top - run.box.bottom <= run.box.height
        above = 0 <= run.box.top - folio.box.bottom <= run.box.height
        beyond = [
            r
            for r in page.runs
            if r is not run
            and abs(r.baseline - folio.baseline) >= 1
            and (r.box.top >= run.box.bottom - 1 if below else r.box.bottom <= run.box.top + 1)
        ]
        if (below or above) and not beyond:
            return True
    return False


NOTE = re.compile(rf"(?:\d{{1,2}}[.)]?|[{SUPERSCRIPT_DIGITS}]+|\[\d{{1,2}}\])\s*[^\W\d]")
"""How a note opens: its number, plain, raised or in brackets, then its words (`1. None of them`)."""


def is_note(text: str) -> bool:
    """Whether a line at a page's edge is a note: it opens with a note's number and ends its
    sentence, as no running head or page number does.

    >>> is_note("1. None of them had ever brought a case."), is_note("¹ See the annex.")
    (True, True)

    Negative: a running head with its page number, and a head that ends no sentence.
    >>> is_note("2 · DAILY UPDATE"), is_note("12 Trade Review")
    (False, False)
    """
    return bool(NOTE.match(text.strip())) and ends_sentence(text)


def on_one_axis(run: Run, folio: Run) -> bool:
    """Whether two runs are set on one axis: centred on each other, or flush at the left or at the
    right, within a point (a running foot and the number under it)."""
    centres = abs((run.box.x0 + run.box.x1) - (folio.box.x0 + folio.box.x1)) / 2
    return min(centres, abs(run.box.x0 - folio.box.x0), abs(run.box.x1 - folio.box.x1)) <= 1.0


SMALLER = 0.9
"""Type a tenth smaller than the body's: a running head's, a page number's."""

APART = 2.0
"""A line at a page's edge this many of its heights away from everything else on the page, in
type smaller than the body's, stands apart as furniture does, where no other page shows it again
(a text of one page)."""


def stands_apart(run: Run, page: Page, body: list[Run]) -> bool:
    """Whether a run in a band is the page's outermost line, set smaller than the body and far from
    the next line: a running head or foot that no other page repeats.

    >>> from cancun_reader.pdf.page import Box, Style
    >>> text = Run("the body", Box(50, 100, 550, 112), 110, Style("Serif", 10))
    >>> head = Run("Trade Review", Box(250, 30, 350, 38), 36, Style("Sans", 7))
    >>> stands_apart(head, Page(1, 600, 800, (head, text)), [text])
    True

    Negative: a title at the top of the page, larger than the body.
    >>> title = Run("Cotton", Box(50, 60, 350, 80), 76, Style("Sans", 20))
    >>> stands_apart(title, Page(1, 600, 800, (title, text)), [text])
    False
    """
    if not body or run.style.size >= SMALLER * statistics.median(r.style.size for r in body):
        return False
    others = [r for r in page.runs if r is not run]
    above = [r for r in others if r.box.bottom <= run.box.top + 1]
    below = [r for r in others if r.box.top >= run.box.bottom - 1]
    if not above:  # the page's first line
        return all(r.box.top - run.box.bottom >= APART * run.box.height for r in below)
    if not below:  # its last
        return all(run.box.top - r.box.bottom >= APART * run.box.height for r in above)
    return False


def beside_picture(run: Run, page: Page) -> bool:
    """Whether a run stands just below or above a picture, or a drawn rectangle as large as one (its
    frame or stand-in, drawn whole or by four rules): a caption, however far from the text, is no
    furniture.

    >>> from cancun_reader.pdf.page import Box, Drawing, Style
    >>> caption = Run("A march.", Box(50, 770, 200, 778), 777, Style("Sans", 7))
    >>> frame = Drawing(Box(50, 600, 300, 765), filled=True, stroked=False)
    >>> beside_picture(caption, Page(1, 600, 800, (caption,), (frame,)))
    True

    >>> def rule(x0, top, x1, bottom): return Drawing(Box(x0, top, x1, bottom), filled=True, stroked=False)
    >>> sides = (rule(50, 600, 300, 601), rule(50, 764, 300, 765))
    >>> sides += (rule(50, 600, 51, 765), rule(299, 600, 300, 765))
    >>> beside_picture(caption, Page(1, 600, 800, (caption,), sides))
    True

    Negative: a page number far below the text, with no picture above it.
    >>> beside_picture(caption, Page(1, 600, 800, (caption,)))
    False
    """
    pictures = [*page.pictures, *(d.box for d in shapes(page) if d.box.width > 20 and d.box.height > 20)]
    reach = 2.5 * run.box.height
    return any(
        run.box.x1 >= p.x0
        and run.box.x0 <= p.x1
        and p.top - reach <= run.box.bottom
        and run.box.top <= p.bottom + reach
        for p in pictures
    )
