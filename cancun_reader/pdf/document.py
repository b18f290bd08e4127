"""A PDF in `sources/`: its text as the page shows it (`pdf/`), and what the page shows
of each line that a text alone has lost; a file that cannot be read is refused, saying what to do.

A text extracted from a PDF keeps its characters and loses the rest: the indent that marks most
paragraph breaks, the smaller type of a caption, the columns that order its lines, the bands where
running heads stand. Given the PDF itself, the build reads its glyphs, fonts and drawings with
PDFium (`pdf/`), orders the lines column by column, and says which lines the page indents, fills,
sets small beside a picture or opens after a space (`Printed`). The layout stage breaks paragraphs
there; the repairs set captions apart (`text/repair/captions.py`). Each change is recorded, as any other.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.version

from cancun_reader.core.errors import InputError
from cancun_reader.core.model import Printed
from cancun_reader.pdf import read_pdf_pages

READER = "8"
"""The page reader's own version: a PDF's cached reading is good only for the reader that made it,
so this changes whenever what `pdf/` reads from a page does."""


def reader_version() -> str:
    """What reads PDFs here, as a cached reading is keyed: this reader's version and PDFium's."""
    versions = pypdfium2.version
    return f"page reader {READER}, pypdfium2 {versions.PYPDFIUM_INFO}, pdfium {versions.PDFIUM_INFO}"


def read_pdf(data: bytes, shown_as: str) -> tuple[str, Printed]:
    """The text of a PDF (its bytes), and what its page shows of its lines. A file PDFium cannot
    read, or one with no text to read, is refused, saying what to do instead."""
    stem = Path(shown_as).stem
    try:
        text, printed = read_pdf_pages(data)
    except pdfium.PdfiumError as error:
        said = re.search(r"\((?:PDFium: )?([^)]+)\)", str(error))
        reason = said[1].lower() if said else "not a PDF"
        raise InputError(
            shown_as,
            f"cannot be read as a PDF ({reason}); save the PDF again, or save its text as {stem}.txt",
        ) from None
    if not text.strip("\n\f "):
        raise InputError(
            shown_as,
            "holds no text to read (a scanned page is a picture of its letters); "
            f"save its text, read by OCR, as {stem}.txt",
        )
    return text, printed
