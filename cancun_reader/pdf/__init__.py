"""The PDF reader (a PDF's page as data), and the text read from it in its author's order.

`glyphs` reads every glyph with its box, font, size, weight and slant, and the page's drawn
rectangles and pictures (PDFium, through pypdfium2); `drawings` reads frames, fills and rules as
boxes and pictures; `columns` finds the body's style and the columns from where body lines stand;
`furniture` the running heads and page numbers from what repeats in the pages' top and bottom
bands (or stands apart at a page's edge); `notes` the notes at a page's foot; `lines` gathers
runs into lines; `tables` reads a box's table; `reading` orders the lines and writes them out, and
`printed` says what the page shows of each (`Printed`), which the layout and repair stages use
instead of guessing it. `passes` runs them in order, each pass adding one kind of object to what
is known of the pages.
"""

from __future__ import annotations

from cancun_reader.core.model import Printed
from cancun_reader.pdf.glyphs import read_pages
from cancun_reader.pdf.passes import text_in_order


def read_pdf_pages(data: bytes) -> tuple[str, Printed]:
    """A PDF's text in reading order, and what its page shows of the lines."""
    return text_in_order(read_pages(data))
