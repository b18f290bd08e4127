"""The title a PDF's first page prints: its largest type, read before the build converts the text,
so that a PDF with no catalog entry is titled as printed everywhere the site names it (its page, the
navigation, the citations), not by its file's name."""

from __future__ import annotations

import functools
from collections import Counter

import pypdfium2 as pdfium

from cancun_reader.core.prose.words import join_across_break
from cancun_reader.pdf.glyphs import read_page
from cancun_reader.pdf.page import Page

DISPLAY = 1.3
"""A title is set this many times the body's size or more: a heading's type is a step above the
body (1.1 to 1.2), a title's a step above that."""

TITLE_ROWS, TITLE_WORDS = 3, 25
"""A title is a few lines of a few words; more in the largest type is a page set large (a cover)."""


def first_page_title(data: bytes) -> str:
    """The title a PDF's first page prints, or "" where it prints none it can be told by (or the
    file cannot be read: the build says so when it reads the text)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return ""
    try:
        return title_of(read_page(document[0], 1, {}, drawn=False)) if len(document) else ""  # type alone
    finally:
        document.close()


def title_of(page: Page) -> str:
    """The rows of a page set in its largest type, when that is a display type (`DISPLAY` times
    the size most of its letters have), in the upper half of the page, read top to bottom: a title.

    >>> from cancun_reader.pdf.page import Box, Run, Style
    >>> def run(text, top, size): return Run(text, Box(50, top, 500, top + size), top + size, Style("", size))
    >>> body = [run("the body of the text goes on here", 200 + 12 * i, 10) for i in range(20)]
    >>> title = (run("Medicines before the min-", 60, 24), run("isterial", 90, 24))
    >>> title_of(Page(1, 595, 842, (*title, *body)))
    'Medicines before the ministerial'

    Negative: a page whose largest type is the body's, or a drop cap's single letter.
    >>> title_of(Page(1, 595, 842, tuple(body))), title_of(Page(1, 595, 842, (run("T", 200, 40), *body)))
    ('', '')
    """
    worded = [r for r in page.runs if sum(c.isalpha() for c in r.text) > 2]
    if not worded:
        return ""
    sizes = Counter(round(r.style.size * 2) / 2 for r in worded for _ in r.text)
    body = sizes.most_common(1)[0][0]
    largest = max(r.style.size for r in worded)
    if largest < DISPLAY * body:
        return ""
    chosen = sorted(  # any run of that type, but a letter alone (a drop cap's)
        (
            r
            for r in page.runs
            if r.style.size >= largest - 0.5 and r.box.top < page.height / 2 and len(r.text.strip()) > 1
        ),
        key=lambda r: (round(r.baseline), r.box.x0),
    )
    rows = list(dict.fromkeys(round(r.baseline) for r in chosen))
    text = functools.reduce(
        lambda joined, r: join_across_break(joined, " ".join(r.text.split()))[0], chosen, ""
    )
    if not chosen or len(rows) > TITLE_ROWS or len(text.split()) > TITLE_WORDS:
        return ""
    return text.strip()
