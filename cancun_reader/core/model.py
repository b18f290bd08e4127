"""The domain model passed between the pipeline stages: plain frozen dataclasses.

Nothing here knows about files, Markdown or MkDocs; each stage takes these and returns new ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cancun_reader.core.kinds import Kind, check_kind

UNKNOWN = "unknown"

Role = Literal["", "title", "deck", "byline"]
"""What a paragraph of the text's opening is, kept as printed and not numbered ("": a paragraph
of the text)."""
Severity = Literal["warning", "doubt", "note"]
"""A warning asks the editors to mend an input (`make site` stops on it); a doubt is a place where
the reading of a text is unsure, which the editors settle with a correction when they proofread
it, and which never stops a build (only the command line's `--strict` does, when asked); a note
only says."""

PUBLICATION_KINDS = {
    "newspaper article": ("article-newspaper", "newspaperArticle", "NEWS"),
    "magazine article": ("article-magazine", "magazineArticle", "MGZN"),
    "journal article": ("article-journal", "journalArticle", "JOUR"),
}
"""What the catalog's `kind` may say, as CSL, Zotero and RIS name it. A text of unknown kind is
cited as a page of the reader (CSL `webpage`, Zotero `webpage`, RIS `ELEC`)."""


STATUSES = ("not proofread", "problematic", "proofread", "validated")
"""How far the editors have checked a text against its original, as Wikisource's pages say it, from
least to most: as the build read it (its doubts open); marked by an editor as holding something
no correction can settle now (with a reason); proofread by an editor, every doubt settled in its
corrections file; validated, confirmed by a second editor."""

PDF_SUFFIX = ".pdf"
"""A PDF in the sources folder is read by the build itself (`pdf/document.py`), a text as it is."""


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Entry:
    """What the catalog says about one source text. Facts the texts do not give are `unknown`."""

    file: str
    slug: str
    title: str
    author: str = UNKNOWN
    publication: str = UNKNOWN
    date: str = UNKNOWN
    kind: str = UNKNOWN  # "newspaper article", "magazine article" or "journal article"
    url: str = UNKNOWN
    summary: str = UNKNOWN
    notes: str = ""
    title_is_editorial: bool = False
    status: str = STATUSES[0]  # how far it is proofread (`STATUSES`)
    status_note: str = ""  # why a text is problematic, or anything an editor says of its proofreading
    proofread_by: str = ""
    validated_by: str = ""
    proofread_pages: str = ""  # of a PDF not yet proofread whole, the pages that are: `1-2, 4`
    catalogued: bool = True
    title_printed: bool = False  # with no entry: the title its first page prints, not its file name's

    @property
    def is_pdf(self) -> bool:
        """Whether the text is a PDF's, which the build reads itself (`pdf/document.py`)."""
        return self.file.endswith(PDF_SUFFIX)

    def status_shown(self, doubts: int) -> str:
        """The status a reader is given: the catalog's, but never proofread or validated while the
        build still has doubts about the text's reading (an editor settles them first).

        >>> Entry("a", "a", "A", status="validated", validated_by="Ana").status_shown(0)
        'validated'

        Negative: a claim the build's doubts contradict is not passed on.
        >>> Entry("a", "a", "A", status="proofread").status_shown(2)
        'not proofread'
        >>> Entry("a", "a", "A", status="problematic", status_note="A page is missing.").status_shown(2)
        'problematic'
        """
        if doubts and STATUSES.index(self.status) >= STATUSES.index("proofread"):
            return STATUSES[0]
        return self.status

    @property
    def date_as_read(self) -> str:
        """The catalog's date as readers write it, as precise as it is known (`unknown` stays so).

        >>> [Entry("a", "a", "A", date=d).date_as_read for d in ("2003", "2003-11", "2003-09-14")]
        ['2003', 'November 2003', '14 September 2003']
        >>> Entry("a", "a", "A").date_as_read
        'unknown'
        """
        parts = self.date.split("-")
        if self.date == UNKNOWN or not all(p.isdigit() for p in parts) or len(parts) > 3:
            return self.date
        named = [*parts[2:3], MONTHS[int(parts[1]) - 1], parts[0]] if len(parts) > 1 else parts
        return " ".join(p.lstrip("0") if p.isdigit() and len(p) <= 2 else p for p in named)


@dataclass(frozen=True)
class Printed:
    """What a PDF's page shows of its lines besides their text (`pdf/`), by line number: the
    lines it indents as a paragraph's first, those it fills to the column's right edge, those it
    sets in smaller type beside a picture, and those it opens a paragraph with by a space above
    them; the lines each drawn box holds (first and last), the notes it sets at a page's foot, the
    lines it sets in a heading's type, its running heads and page numbers, and the lines it sets
    apart between rules in another type (a pull quote's), and its drop caps. A text shows none
    of it."""

    indented: frozenset[int] = frozenset()
    full: frozenset[int] = frozenset()
    small: frozenset[int] = frozenset()
    spaced: frozenset[int] = frozenset()
    boxes: tuple[tuple[int, int], ...] = ()
    notes: frozenset[int] = frozenset()
    headings: frozenset[int] = frozenset()
    furniture: frozenset[int] = frozenset()
    quotes: frozenset[int] = frozenset()
    drop_caps: frozenset[int] = frozenset()
    short: frozenset[int] = frozenset()
    """The lines that open a paragraph after a line that ends a sentence short of its column, with
    room for this line's first word: ragged text with no indent (LaTeX's `\\raggedright`)."""
    places: tuple[tuple[int, int, float, float, float, float], ...] = ()
    """Where each line stands on the page: (line, page, left, top, right, bottom), in points from
    the page's top-left corner; a change recorded on a line came from there."""
    odd: frozenset[int] = frozenset()
    """The lines set in a type larger or smaller than the body's (a heading's, a note's, a
    caption's, a pull quote's): a paragraph that holds one may not be what it seems."""
    body_size: float = 0.0
    """The size of the body's type, in points: how large the printed page must be shown to be read."""
    pages: tuple[tuple[int, float, float], ...] = ()
    """Each page's number, width and height, in points."""

    def place_of(self, line: int) -> tuple[int, float, float, float, float] | None:
        """The page and the rectangle a line of the text was read from, if a PDF's page gave it.

        >>> Printed(places=((3, 1, 50.0, 100.0, 280.0, 112.0),)).place_of(3)
        (1, 50.0, 100.0, 280.0, 112.0)
        >>> Printed().place_of(3) is None
        True
        """
        for number, page, x0, top, x1, bottom in self.places:
            if number == line:
                return page, x0, top, x1, bottom
        return None


PLAIN_TEXT = Printed()
"""What a plain text shows of its lines besides their text: nothing."""


@dataclass(frozen=True)
class Source:
    """A source text, decoded, with its catalog entry."""

    path: str  # as shown to the user, e.g. "sources/cancun-walkout-pww.txt"
    text: str
    entry: Entry
    printed: Printed = Printed()


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    anchor: str = ""
    number: int = 0  # its place among the article's paragraphs, from 1: what a citation gives (¶9)
    quotation: bool = False  # part of a block quotation (a correction says so)
    opens_mid_sentence: bool = False  # the source begins inside this paragraph's first sentence
    continues: bool = False  # a correction says this block continues the paragraph before it
    front: Role = ""  # the text's own title, deck or byline as printed: kept, never numbered


@dataclass(frozen=True)
class Heading:
    text: str
    line: int
    level: int = 2


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    line: int


@dataclass(frozen=True)
class PullQuote:
    """A sentence of the article repeated in large type by the layout, set apart from the text."""

    text: str
    line: int


@dataclass(frozen=True)
class Caption:
    """The caption of a picture the extraction left out, set apart from the text."""

    text: str
    line: int


@dataclass(frozen=True)
class Sidebar:
    """A box beside the article: a title and its own lists, sub-heads or table."""

    title: str
    blocks: tuple[BoxedBlock, ...]
    line: int


@dataclass(frozen=True)
class Footnote:
    number: str  # as the text marks it, e.g. "1" for ¹
    text: str
    line: int


@dataclass(frozen=True)
class AuthorBio:
    """The closing note about the author, shown as a byline box."""

    text: str
    line: int


Block = Paragraph | Heading | ListBlock | Table | PullQuote | Caption | Sidebar | Footnote | AuthorBio
Blocks = tuple[Block, ...]
TextBlock = Paragraph | Heading | PullQuote | Caption | Footnote | AuthorBio
"""The blocks that are one run of text (`.text`); a list, a table and a box hold several."""
BoxedBlock = Heading | ListBlock | Table
"""What a box (`Sidebar`) holds."""


def text_of(block: Block) -> str:
    """A block's words as one run: a text block's text, a list's items, a table's cells, a box's
    title.

    >>> text_of(Paragraph("It ended.", 1)), text_of(ListBlock(("Held in 1999", "Cancún"), 4))
    ('It ended.', 'Held in 1999 Cancún')
    """
    if isinstance(block, ListBlock):
        return " ".join(block.items)
    if isinstance(block, Table):
        return " ".join(cell for row in block.rows for cell in row)
    if isinstance(block, Sidebar):
        return block.title
    return block.text


"""An article's blocks in reading order, as every stage after parsing passes them on."""

Line = tuple[int, str]
"""A line of a text: its 1-based number in the source and its text (`""`, a break between blocks)."""

Lines = list[Line]
"""A text's lines, as the layout stage reads them before any block exists."""
Aside = PullQuote | Sidebar


@dataclass(frozen=True)
class Repair:
    """One change a repair made to a text: what kind, where (source line), and a short before/after."""

    kind: Kind
    line: int
    before: str
    after: str
    origin: str = ""  # for an editorial correction, the file and line of its directive
    into: int = 0  # for text moved into a block that began after it, the line that block begins on

    def __post_init__(self) -> None:
        check_kind(self.kind)  # anything but a Kind fails here, where the change is made


@dataclass(frozen=True)
class Article:
    source: Source
    blocks: tuple[Block, ...]
    repairs: tuple[Repair, ...] = ()
    placed: tuple[tuple[int, int], ...] = ()
    """Where each line of the source went: (source line, line of the block that now holds it); a
    line the build removed (page furniture) or a blank one is not there."""
    doubts: tuple[tuple[int, str], ...] = ()
    """Where the build is unsure of its reading: (line of the block, what a reader is told)."""

    @property
    def slug(self) -> str:
        return self.source.entry.slug

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))


@dataclass(frozen=True)
class Notice:
    """What the build says of an input, for the build summary and the editors' pages: a warning, a
    doubt or a note (`Severity`), never fatal of itself."""

    message: str
    path: str = ""
    line: int = 0
    severity: Severity = "warning"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    @property
    def is_doubt(self) -> bool:
        return self.severity == "doubt"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}" if where else self.message
