"""The kinds of change a repair or a correction records (`Repair.kind`): one enumeration, whose
members are the constants every repair records (a `Repair` refuses anything else, a name typed as
a string included), and which says, for each, what readers are told it did (the marks, the list of
changes, the editorial report), how the page marks it where it was made, and what else the pages
need to know of it."""

from __future__ import annotations

from enum import StrEnum


class Marking(StrEnum):
    """How a change is marked on the page, where it was made (`site/marks.py`)."""

    AT_START = "at the start of its block"
    IN_WORD = "in the word it made whole"
    AT_JOIN = "where the join was made"
    STRUCK = "struck through at the end of its block"
    STRUCK_WHERE_IT_STOOD = "struck through where it stood between the lines"


def described(
    name: str,
    said: str,
    mark: Marking = Marking.AT_START,
    *,
    moved_apart: bool = False,
    presents: bool = False,
    by_editors: bool = False,
) -> tuple[str, str, Marking, bool, bool, bool]:
    """A kind's value, with what is said of it, as `Kind` takes it."""
    return name, said, mark, moved_apart, presents, by_editors


class Kind(StrEnum):
    """A kind of change: its name as a `Repair` records it (the member's value), what readers are
    told it did (`said`), how the page marks it (`mark`); whether it took a block out of the
    sentence it stood in (where it stood is shown too), whether it presents the text (a byline
    box, linked notes) rather than undo damage, and whether the editors made it (a correction).

    >>> Kind.WORD_REJOINED.said, Kind.WORD_REJOINED.mark is Marking.IN_WORD, str(Kind.WORD_REJOINED)
    ('word broken at a line end made whole', True, 'word rejoined')

    Negative: a kind no one registered is no member.
    >>> Kind("word glued")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: 'word glued' is not a valid Kind
    """

    said: str
    mark: Marking
    moved_apart: bool
    presents: bool
    by_editors: bool

    def __new__(
        cls, name: str, said: str, mark: Marking, moved_apart: bool, presents: bool, by_editors: bool
    ) -> Kind:
        member = str.__new__(cls, name)
        member._value_ = name
        member.said, member.mark, member.moved_apart = said, mark, moved_apart
        member.presents, member.by_editors = presents, by_editors
        return member

    def __repr__(self) -> str:
        return f"Kind.{self.name}"  # as the code names it

    RUNNING_HEAD_REMOVED = described(
        "running head removed", "running head removed (page furniture)", Marking.STRUCK_WHERE_IT_STOOD
    )
    PAGE_NUMBER_REMOVED = described(
        "page number removed", "page number removed (page furniture)", Marking.STRUCK_WHERE_IT_STOOD
    )
    FRONT_MATTER_SET_APART = described("front matter set apart", "title, deck or byline set apart")
    FRONT_MATTER_KEPT_AS_PRINTED = described(
        "front matter kept as printed", "the text's own title, deck or byline kept as printed, not numbered"
    )
    DROP_CAP_REJOINED = described("drop cap rejoined", "drop cap joined to its word", Marking.IN_WORD)
    PULL_QUOTE_LINES_SET_APART = described(
        "pull quote lines set apart", "lines of a pull quote set apart from the paragraph around them"
    )
    BULLET_REJOINED = described("bullet rejoined", "bullet read apart from its item put back")
    BULLET_WITHOUT_ITEM_REMOVED = described(
        "bullet without item removed", "bullet with no item removed", Marking.STRUCK
    )
    NOTE_NUMBER_REJOINED = described("note number rejoined", "note number read apart from its note put back")
    NOTE_SET_APART = described("note set apart", "note set apart from the one before")
    FACT_FILE_YEARS_MOVED = described(
        "fact file years moved", "years of a fact file read apart from their events moved into its box"
    )
    TABLE_CELLS_PAIRED = described("table cells paired", "cell of a table read apart paired into its row")
    BOX_ITEM_FOUND = described("box item found", "line of a box made a list item")
    RUN_IN_HEADING_SET_APART = described(
        "run-in heading set apart", "heading run into its paragraph set apart"
    )
    HEADING_SET_APART = described("heading set apart", "heading set apart from the lines around it")
    SMALL_CAPITALS_READ = described(
        "small capitals read",
        "heading in small capitals, which the extraction gave in lower case, read as capitals",
    )
    PARAGRAPH_BREAK_INFERRED = described(
        "paragraph break inferred", "paragraph break the extraction lost put back"
    )
    PARAGRAPH_BREAK_FROM_THE_INDENT = described(
        "paragraph break from the indent", "paragraph break put back where the PDF indents the line"
    )
    PARAGRAPH_BREAK_FROM_THE_SPACE_ABOVE = described(
        "paragraph break from the space above", "paragraph break put back where the PDF leaves a space"
    )
    PARAGRAPH_BREAK_AFTER_A_SHORT_LINE = described(
        "paragraph break after a short line", "paragraph break put back where the PDF ends a line short"
    )
    MOJIBAKE_REPAIRED = described("mojibake repaired", "characters garbled by a wrong encoding repaired")
    END_MARK_DROPPED = described("end mark dropped", "end mark of the print layout dropped", Marking.STRUCK)
    ESCAPE_REMOVED = described("escape removed", "exporter's escape character removed")
    WORD_REJOINED = described("word rejoined", "word broken at a line end made whole", Marking.IN_WORD)
    AUTHOR_BIO_BOXED = described("author bio boxed", "note on the author set as a byline box", presents=True)
    FOOTNOTE_LINKED = described("footnote linked", "note linked to its marker", presents=True)
    NOTE_MARKER_LINKED = described(
        "note marker linked", "note number in the text made a link to its note", presents=True
    )
    HEADING_FOUND = described("heading found", "line shaped as a heading made a heading", presents=True)
    PULL_QUOTE_SET_APART = described(
        "pull quote set apart",
        "pull quote (a sentence the layout repeated large) set apart",
        Marking.AT_START,
        moved_apart=True,
    )
    CAPTION_SET_APART = described(
        "caption set apart", "caption of a picture not reproduced (set in smaller type) set apart"
    )
    SIDEBAR_SET_APART = described(
        "sidebar set apart", "box set apart from the text it interrupted", Marking.AT_START, moved_apart=True
    )
    PARAGRAPH_REJOINED = described(
        "paragraph rejoined", "paragraph cut by the layout joined to its continuation", Marking.AT_JOIN
    )
    PARAGRAPH_REJOINED_OUT_OF_ORDER = described(
        "paragraph rejoined out of order",
        "paragraph cut by the layout joined to its continuation, "
        "which the extraction gave out of order (before it, or after another column)",
        Marking.AT_JOIN,
    )
    HEADING_IN_TITLE_CASE = described(
        "heading in title case", "heading in capitals set in title case", presents=True
    )
    CORRECTION_MOVE = described("correction: move", "editorial correction: fragment moved", by_editors=True)
    CORRECTION_DELETE = described(
        "correction: delete", "editorial correction: stray fragment deleted", Marking.STRUCK, by_editors=True
    )
    CORRECTION_JOIN = described(
        "correction: join", "editorial correction: continuation joined", by_editors=True
    )
    CORRECTION_BLOCK_QUOTATION = described(
        "correction: block quotation", "editorial correction: passage marked as a quotation", by_editors=True
    )
    CORRECTION_STARTS_MID_SENTENCE = described(
        "correction: starts mid-sentence",
        "editorial correction: text marked as beginning mid-sentence",
        by_editors=True,
    )
    CORRECTION_HEADING = described(
        "correction: heading", "editorial correction: line made a heading", by_editors=True
    )
    CORRECTION_PARAGRAPH_BREAK = described(
        "correction: paragraph break", "editorial correction: paragraph break put in", by_editors=True
    )
    CORRECTION_REPLACE = described(
        "correction: replace", "editorial correction: words put right", Marking.IN_WORD, by_editors=True
    )
    CORRECTION_ROLE = described(
        "correction: role", "editorial correction: block given its role", by_editors=True
    )
    CORRECTION_ITEMS = described(
        "correction: list items", "editorial correction: list items split or merged", by_editors=True
    )
    CORRECTION_CONFIRM = described(
        "correction: confirm", "editorial correction: reading checked against the original", by_editors=True
    )


class UnknownKind(TypeError):
    """A change recorded with something other than a `Kind`: a programming error, caught at once."""


def check_kind(kind: object) -> Kind:
    """`kind`, if it is a `Kind`; a name typed as a string is refused, even one that names a kind.

    >>> check_kind(Kind.PAGE_NUMBER_REMOVED).said
    'page number removed (page furniture)'

    Negative: a string fails, and says what to use.
    >>> check_kind("page number removed")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    cancun_reader.core.kinds.UnknownKind: 'page number removed' is no Kind: record Kind.PAGE_NUMBER_REMOVED...
    """
    if isinstance(kind, Kind):
        return kind
    known = next((k for k in Kind if k.value == kind), None)
    use = f"record Kind.{known.name}" if known else "add it to Kind"
    raise UnknownKind(f"{kind!r} is no Kind: {use}, in cancun_reader/core/kinds.py")
