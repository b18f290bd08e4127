"""The kinds of change a repair or a correction records (`Repair.kind`): a registry, in which a
`Repair` must find its kind (an unknown one fails at once), and which says, for each, what readers
are told it did (the marks, the list of changes, the editorial report) and how the page marks it
where it was made."""

from __future__ import annotations

from dataclasses import dataclass

AT_START = "at the start of its block"
IN_WORD = "in the word it made whole"
AT_JOIN = "where the join was made"
STRUCK = "struck through at the end of its block"
STRUCK_WHERE_IT_STOOD = "struck through where it stood between the lines"
"""How a change is marked on the page, where it was made (`marks.py`)."""


@dataclass(frozen=True)
class Kind:
    """A kind of change: its name as a `Repair` records it, what readers are told it did, how the
    page marks it; whether it took a block out of the sentence it stood in (where it stood is shown
    too), and whether it presents the text (a byline box, linked notes) rather than undo damage."""

    name: str
    said: str
    mark: str = AT_START
    moved_apart: bool = False
    presents: bool = False


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("running head removed", "running head removed (page furniture)", STRUCK_WHERE_IT_STOOD),
        Kind("page number removed", "page number removed (page furniture)", STRUCK_WHERE_IT_STOOD),
        Kind("front matter set apart", "title, deck or byline set apart"),
        Kind(
            "front matter kept as printed",
            "the text's own title, deck or byline kept as printed, not numbered",
        ),
        Kind("drop cap rejoined", "drop cap joined to its word", IN_WORD),
        Kind("pull quote lines set apart", "lines of a pull quote set apart from the paragraph around them"),
        Kind("bullet rejoined", "bullet read apart from its item put back"),
        Kind("bullet without item removed", "bullet with no item removed", STRUCK),
        Kind("note number rejoined", "note number read apart from its note put back"),
        Kind("note set apart", "note set apart from the one before"),
        Kind("fact file years moved", "years of a fact file read apart from their events moved into its box"),
        Kind("table cells paired", "cell of a table read apart paired into its row"),
        Kind("box item found", "line of a box made a list item"),
        Kind("run-in heading set apart", "heading run into its paragraph set apart"),
        Kind("heading set apart", "heading set apart from the lines around it"),
        Kind("paragraph break inferred", "paragraph break the extraction lost put back"),
        Kind("paragraph break from the indent", "paragraph break put back where the PDF indents the line"),
        Kind("paragraph break from the space above", "paragraph break put back where the PDF leaves a space"),
        Kind(
            "paragraph break after a short line", "paragraph break put back where the PDF ends a line short"
        ),
        Kind("mojibake repaired", "characters garbled by a wrong encoding repaired"),
        Kind("end mark dropped", "end mark of the print layout dropped", STRUCK),
        Kind("escape removed", "exporter's escape character removed"),
        Kind("word rejoined", "word broken at a line end made whole", IN_WORD),
        Kind("author bio boxed", "note on the author set as a byline box", presents=True),
        Kind("footnote linked", "note linked to its marker", presents=True),
        Kind("note marker linked", "note number in the text made a link to its note", presents=True),
        Kind("heading found", "line shaped as a heading made a heading", presents=True),
        Kind(
            "pull quote set apart",
            "pull quote (a sentence the layout repeated large) set apart",
            moved_apart=True,
        ),
        Kind("caption set apart", "caption of a picture not reproduced (set in smaller type) set apart"),
        Kind("sidebar set apart", "box set apart from the text it interrupted", moved_apart=True),
        Kind("paragraph rejoined", "paragraph cut by the layout joined to its continuation", AT_JOIN),
        Kind(
            "paragraph rejoined out of order",
            "paragraph cut by the layout joined to its continuation, "
            "which the extraction gave out of order (before it, or after another column)",
            AT_JOIN,
        ),
        Kind("heading in title case", "heading in capitals set in title case", presents=True),
        Kind("correction: move", "editorial correction: fragment moved"),
        Kind("correction: delete", "editorial correction: stray fragment deleted", STRUCK),
        Kind("correction: join", "editorial correction: continuation joined"),
        Kind("correction: block quotation", "editorial correction: passage marked as a quotation"),
        Kind(
            "correction: starts mid-sentence", "editorial correction: text marked as beginning mid-sentence"
        ),
        Kind("correction: heading", "editorial correction: line made a heading"),
        Kind("correction: paragraph break", "editorial correction: paragraph break put in"),
    )
}
"""Every kind of change, by name."""


class UnknownKind(ValueError):
    """A change recorded with a kind the registry does not have: a programming error, caught at once."""


def kind_of(name: str) -> Kind:
    """The registered kind of that name.

    >>> kind_of("word rejoined").said, kind_of("word rejoined").mark == IN_WORD
    ('word broken at a line end made whole', True)

    Negative: a kind no one registered fails, and says where to register it.
    >>> kind_of("word glued")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    cancun_reader.core.kinds.UnknownKind: 'word glued' is no kind of change: register it in ... (KINDS)
    """
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(
            f"{name!r} is no kind of change: register it in cancun_reader/core/kinds.py (KINDS)"
        ) from None


def what_was_done(name: str) -> str:
    """The words readers are told for a kind of change.

    >>> what_was_done("page number removed")
    'page number removed (page furniture)'
    """
    return kind_of(name).said
