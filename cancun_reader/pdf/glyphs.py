"""Read a PDF's pages with PDFium (pypdfium2): every glyph with its box, baseline, font, size,
weight and slant; every drawn rectangle and rule, and every picture (`paths.py`). Glyphs are
gathered into runs and words by the gaps the page leaves between them, never by the text layer's
spaces, which desktop-publishing exports leave out (`TheRoadToMiami`) or put inside words
(`ne go ti a ti ons`).
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cancun_reader.core.prose.words import SUPERSCRIPT_DIGITS
from cancun_reader.pdf.page import Box, Glyph, Page, Run, Style
from cancun_reader.pdf.paths import drawings_of

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
"""Ligature code points (U+FB00–FB06), read as the letters the page shows: a search for *five* must
find `ﬁve`."""

SUPERSCRIPTS = dict(zip("0123456789", SUPERSCRIPT_DIGITS, strict=True))
NOTE_DIGITS = "".join(SUPERSCRIPTS.values())
"""A digit raised above its run's baseline in smaller type is a note's number, written so; one
opening a note (`¹The four countries`) is parted from the note's first word."""

SOFT_HYPHEN = "\u00ad"
HYPHEN_BESIDE_SOFT = re.compile("\u00ad(?=-)|(?<=-)\u00ad")
"""A soft hyphen beside a printed hyphen: an exporter's marker of a break point where the author's
own hyphen stands (`neo\u00ad-liberal`); the printed one is kept."""

HYPHEN_AT_LINE_END = {"\x02": "-"}

PRINTED_HYPHEN = 0.15
"""A soft hyphen drawn at least this many ems wide, inside a line, is a hyphen the page prints: some
producers write every hyphen so (`well\u00adknown`, `G\u00ad20`), where it is the author's."""


def is_printed_hyphen(glyph: Glyph, last: bool, size: float) -> bool:
    """Whether a glyph is a soft hyphen that the page prints inside a line, and so the author's.

    >>> style = Style("Serif", 10.0, False, False)
    >>> is_printed_hyphen(Glyph("\u00ad", Box(20, 0, 23.5, 10), 8, style), last=False, size=10.0)
    True

    Negative: one at the line's end breaks a word; one with no width is not printed.
    >>> is_printed_hyphen(Glyph("\u00ad", Box(20, 0, 23.5, 10), 8, style), last=True, size=10.0)
    False
    >>> is_printed_hyphen(Glyph("\u00ad", Box(20, 0, 20, 10), 8, style), last=False, size=10.0)
    False
    """
    return glyph.text == SOFT_HYPHEN and not last and glyph.box.width >= PRINTED_HYPHEN * size


"""PDFium gives a hyphen it takes for a word broken at a line's end as U+0002: the page prints a
hyphen there, and whether the word is whole without it is the repair's to decide."""

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
"""The tag a PDF puts before the name of a font it embeds only in part (`ABCDEF+DejaVuSerif`)."""

ITALIC_FLAG, FORCE_BOLD_FLAG = 1 << 6, 1 << 18
BOLD_WEIGHT = 600
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
ITALIC_NAME = re.compile(r"italic|oblique|slant", re.IGNORECASE)

WORD_GAP = 0.1
"""A gap between glyphs of at least this share of an em (beyond the line's usual gap between
letters) parts two words: a word space is a quarter to a third of an em, a justified one wider, an
italic one after a kerned letter as little as a sixth (`of the`); letters touch, or nearly."""

SPACE_SHARE = 0.5
"""A gap less than this share of a run's usual word space parts no words, however it compares
with the letters' (a ligature's parts set apart, `brie fing`): a justified line stretches or
shrinks its spaces alike, and an unjustified one keeps them at the font's own width."""

HINTED_GAP = 0.04
"""Where the text layer puts a space, a gap this much wider than the letters' confirms it: an
italic space after a kerned `f` may be a tenth of an em; letter-spaced letters, with a space in the
text layer between every few (`ne go ti a ti ons`), leave no wider gap there than between them."""

RUN_GAP = 0.9
"""A gap of this share of the type size or more ends a run: a column's gutter, or a justified
space so wide that the columns' analysis must decide whether it is one."""


def read_pages(data: bytes) -> list[Page]:
    """Every page of a PDF (its bytes) as data. Raises `pdfium.PdfiumError` on a file PDFium cannot
    open."""
    document = pdfium.PdfDocument(data)
    unnamed: dict[int, bytes] = {}  # the document's fonts without a name, told apart
    try:
        return [read_page(document[index], index + 1, unnamed) for index in range(len(document))]
    finally:
        document.close()


def read_page(page: pdfium.PdfPage, number: int, unnamed: dict[int, bytes], drawn: bool = True) -> Page:
    """A page as data: its runs of type, and (unless not `drawn`) its drawings and pictures."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        glyphs = list(glyphs_of(textpage, height, unnamed))
    finally:
        textpage.close()
    drawings, pictures = drawings_of(page, height) if drawn else ([], [])
    return Page(number, width, height, tuple(runs_of(glyphs)), tuple(drawings), tuple(pictures))


def glyphs_of(textpage: pdfium.PdfTextPage, height: float, unnamed: dict[int, bytes]) -> Iterator[Glyph]:
    """The printed characters of a page in the order its content draws them; spaces are left out
    (the gaps between glyphs say where words end). A font with no name (a Type 3 font, as Chromium
    embeds a Type 1 font) is named by its order among the document's (`Type3_1`), so that its type
    is told from another's."""
    handle = textpage.raw
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    styles: dict[tuple, Style] = {}
    spaced = False
    high = ""  # the first half of a character outside the Basic Multilingual Plane, if one came
    for index in range(pdfium_c.FPDFText_CountChars(handle)):
        text, high = whole_character(chr(pdfium_c.FPDFText_GetUnicode(handle, index)), high)
        if not text:
            continue
        if pdfium_c.FPDFText_IsGenerated(handle, index) == 1:
            spaced = spaced or text == " "  # PDFium's own reading of a gap as a space: a hint too
            continue
        text = HYPHEN_AT_LINE_END.get(text, text)
        if text.isspace():
            spaced = True
            continue
        if text in "\x00\ufffe\uffff":
            continue
        pdfium_c.FPDFText_GetLooseCharBox(handle, index, rect)
        pdfium_c.FPDFText_GetCharOrigin(handle, index, x, y)
        # the type's size in points on the page: the font's size scaled as the glyph's matrix
        # (the text's and the page's transformations) scales its height
        pdfium_c.FPDFText_GetMatrix(handle, index, matrix)
        size = round(pdfium_c.FPDFText_GetFontSize(handle, index) * math.hypot(matrix.b, matrix.d), 1)
        length = pdfium_c.FPDFText_GetFontInfo(handle, index, name, len(name), flags)
        weight = pdfium_c.FPDFText_GetFontWeight(handle, index)
        font = name.raw[: max(length - 1, 0)]
        if not font:
            found = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(handle, index))
            address = ctypes.cast(found, ctypes.c_void_p).value or 0
            font = unnamed.setdefault(address, b"Type3_%d" % (len(unnamed) + 1))
        key = (font, size, flags.value, weight)
        style = styles.get(key)
        if style is None:
            style = styles[key] = style_of(key[0].decode("latin-1"), size, flags.value, weight)
        box = Box(rect.left, height - rect.top, rect.right, height - rect.bottom)
        yield Glyph(text, box, height - y.value, style, spaced)
        spaced = False


def whole_character(unit: str, high: str) -> tuple[str, str]:
    """A character as PDFium gives it, one UTF-16 unit at a time: a character outside the Basic
    Multilingual Plane (`𝑥`, mathematics, an emoji) comes as two halves, the first kept (`high`)
    until the second makes it whole; a half alone is no character, and reads as U+FFFD, as a
    decoder reads a broken byte. Returns the character to read (or none yet) and the half kept.

    >>> high, low = chr(0xD835), chr(0xDC65)
    >>> whole_character(low, high), whole_character(high, "") == ("", high)
    (('𝑥', ''), True)

    Negative: a character of the plane passes as it is; a half with no other half is U+FFFD.
    >>> whole_character("é", ""), whole_character("a", high), whole_character(low, "")
    (('é', ''), ('�a', ''), ('�', ''))
    """
    if "\ud800" <= unit <= "\udbff":
        return ("\ufffd" if high else ""), unit
    if "\udc00" <= unit <= "\udfff":
        return (high + unit).encode("utf-16", "surrogatepass").decode("utf-16") if high else "\ufffd", ""
    return ("\ufffd" if high else "") + unit, ""


def style_of(font: str, size: float, flags: int, weight: int) -> Style:
    """A glyph's style from what PDFium says of its font.

    >>> style_of("ABCDEF+DejaVuSerif-BoldItalic", 9.5, 0, -1)
    Style(font='DejaVuSerif', size=9.5, bold=True, italic=True)
    >>> style_of("LMRoman10-Regular", 10, 0, 400)
    Style(font='LMRoman10', size=10, bold=False, italic=False)
    """
    font = SUBSET_TAG.sub("", font)
    family = re.split(r"[-,]", font, maxsplit=1)[0]
    bold = weight >= BOLD_WEIGHT or bool(flags & FORCE_BOLD_FLAG) or bool(BOLD_NAME.search(font))
    italic = bool(flags & ITALIC_FLAG) or bool(ITALIC_NAME.search(font))
    return Style(family, size, bold, italic)


def same_line(before: Glyph, glyph: Glyph) -> bool:
    """Whether `glyph` goes on the line of the glyph drawn before it: on its baseline, or raised
    or lowered a little in smaller type (a note's number), and not far back to the left."""
    size = max(before.style.size, glyph.style.size, 1.0)
    return (
        abs(glyph.baseline - before.baseline) < 0.45 * size
        and glyph.box.x0 >= before.box.x0 - 0.1 * size  # a ligature's letters share one box
        and glyph.box.x0 - before.box.x1 < RUN_GAP * size
    )


def runs_of(glyphs: list[Glyph]) -> Iterator[Run]:
    """The page's runs: glyphs drawn one after another on a line, cut where they leave the line or
    leave a gap as wide as a gutter."""
    start = 0
    for index in range(1, len(glyphs) + 1):
        if index == len(glyphs) or not same_line(glyphs[index - 1], glyphs[index]):
            if start < index:
                yield run_of(glyphs[start:index])
            start = index


def run_of(glyphs: list[Glyph]) -> Run:
    """A run's text, its words parted where the gap between two glyphs is a word space: wider, by
    a share of the type size, than the run's usual gap between letters.

    >>> from cancun_reader.pdf.page import Box, Glyph, Style
    >>> style = Style("Serif", 10)
    >>> def glyph(text, x): return Glyph(text, Box(x, 0, x + 5, 12), 10, style)
    >>> run_of([glyph(c, x) for c, x in zip("TheRoad", [0, 5, 10, 18, 23, 28, 33])]).text
    'The Road'
    >>> run_of([glyph(c, x) for c, x in zip("negoti", [0, 7, 14, 21, 28, 35])]).text  # letter-spaced
    'negoti'
    >>> places = [0, 5, 10, 18, 23, 28, 36, 41, 46, 54, 59, 64]  # words 3 points apart
    >>> run_of([glyph(c, x) for c, x in zip("abcdefghijkl", places)]).text
    'abc def ghi jkl'

    Negative: a gap of a third of the run's word spaces parts no words (a ligature's parts).
    >>> places = [0, 5, 10, 18, 23, 28, 34, 39, 44, 52, 57, 62]
    >>> run_of([glyph(c, x) for c, x in zip("abcdefghijkl", places)]).text
    'abc defghi jkl'
    """
    gaps = [b.box.x0 - a.box.x1 for a, b in pairwise(glyphs)]
    size = statistics.median(g.style.size for g in glyphs)
    letters = statistics.median(gaps) if len(gaps) >= 3 else 0.0
    parted = letters + WORD_GAP * size  # letter-spaced, the words' gaps are wider still; italic, less
    hinted = letters + HINTED_GAP * size
    baseline = statistics.median(g.baseline for g in glyphs)
    shown = [
        SUPERSCRIPTS.get(g.text, g.text)
        if is_raised_digit(g, baseline, size)
        else "-"
        if is_printed_hyphen(g, index == len(glyphs) - 1, size)
        else LIGATURES.get(g.text, g.text)
        for index, g in enumerate(glyphs)
    ]
    spaces = [gap for gap in gaps if gap >= parted]
    least = SPACE_SHARE * statistics.median(spaces) if len(spaces) >= 3 else parted
    text = shown[0]
    for gap, glyph, (before, written) in zip(gaps, glyphs[1:], pairwise(shown), strict=True):
        note_opens = before in SUPERSCRIPTS.values() and written.isalpha() and not text.rstrip(NOTE_DIGITS)
        said = glyph.spaced and gap >= hinted  # a space the text layer says and the page shows a little
        text += (" " if (gap >= parted and gap >= least) or note_opens or said else "") + written
    text = HYPHEN_BESIDE_SOFT.sub("", text)
    if SOFT_HYPHEN in text[:-1]:
        text = text[:-1].replace(SOFT_HYPHEN, "") + text[-1]  # unprinted, but at the line's end
    box = Box(
        min(g.box.x0 for g in glyphs),
        min(g.box.top for g in glyphs),
        max(g.box.x1 for g in glyphs),
        max(g.box.bottom for g in glyphs),
    )
    letters_style = Counter(g.style for g in glyphs if g.text.isalpha()) or Counter(g.style for g in glyphs)
    return Run(
        text,
        box,
        statistics.median(g.baseline for g in glyphs),
        letters_style.most_common(1)[0][0],
        tuple(glyphs),
    )


def is_raised_digit(glyph: Glyph, baseline: float, size: float) -> bool:
    """Whether a glyph is a digit set smaller than its run and raised above the run's baseline."""
    return (
        glyph.text.isdigit() and glyph.style.size <= 0.85 * size and baseline - glyph.baseline >= 0.15 * size
    )
