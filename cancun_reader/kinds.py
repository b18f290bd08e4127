"""The kinds of change a repair or a correction records (`Repair.kind`), what each did in the
words a reader's page uses, and how the page shows each kind where it was made."""

from __future__ import annotations

WHAT_WAS_DONE = {
    "running head removed": "running head removed (page furniture)",
    "page number removed": "page number removed (page furniture)",
    "front matter set apart": "title, deck or byline set apart",
    "front matter kept as printed": "the text's own title, deck or byline kept as printed, not numbered",
    "drop cap rejoined": "drop cap joined to its word",
    "pull quote lines set apart": "lines of a pull quote set apart from the paragraph around them",
    "bullet rejoined": "bullet read apart from its item put back",
    "bullet without item removed": "bullet with no item removed",
    "note number rejoined": "note number read apart from its note put back",
    "note set apart": "note set apart from the one before",
    "fact file years moved": "years of a fact file read apart from their events moved into its box",
    "table cells paired": "cell of a table read apart paired into its row",
    "box item found": "line of a box made a list item",
    "run-in heading set apart": "heading run into its paragraph set apart",
    "heading set apart": "heading set apart from the lines around it",
    "paragraph break inferred": "paragraph break the extraction lost put back",
    "paragraph break from the indent": "paragraph break put back where the PDF indents the line",
    "paragraph break from the space above": "paragraph break put back where the PDF leaves a space",
    "paragraph break after a short line": "paragraph break put back where the PDF ends a line short",
    "mojibake repaired": "characters garbled by a wrong encoding repaired",
    "end mark dropped": "end mark of the print layout dropped",
    "escape removed": "exporter's escape character removed",
    "word rejoined": "word broken at a line end made whole",
    "author bio boxed": "note on the author set as a byline box",
    "footnote linked": "note linked to its marker",
    "note marker linked": "note number in the text made a link to its note",
    "heading found": "line shaped as a heading made a heading",
    "pull quote set apart": "pull quote (a sentence the layout repeated large) set apart",
    "caption set apart": "caption of a picture not reproduced (set in smaller type) set apart",
    "sidebar set apart": "box set apart from the text it interrupted",
    "paragraph rejoined": "paragraph cut by the layout joined to its continuation",
    "paragraph rejoined out of order": "paragraph cut by the layout joined to its continuation, "
    "which the extraction gave out of order (before it, or after another column)",
    "heading in title case": "heading in capitals set in title case",
    "correction: move": "editorial correction: fragment moved",
    "correction: delete": "editorial correction: stray fragment deleted",
    "correction: join": "editorial correction: continuation joined",
    "correction: block quotation": "editorial correction: passage marked as a quotation",
    "correction: starts mid-sentence": "editorial correction: text marked as beginning mid-sentence",
    "correction: heading": "editorial correction: line made a heading",
    "correction: paragraph break": "editorial correction: paragraph break put in",
}
"""What each kind of change did, in the words the page uses."""


PRESENTATION = frozenset(
    {"author bio boxed", "footnote linked", "note marker linked", "heading in title case", "heading found"}
)
"""Changes that present the text (a byline box, linked notes) rather than undo damage to it."""


def what_was_done(kind: str) -> str:
    """The words for a kind of change; a kind not listed is shown as it is recorded.

    >>> what_was_done("word rejoined"), what_was_done("something new")
    ('word broken at a line end made whole', 'something new')
    """
    return WHAT_WAS_DONE.get(kind, kind)


IN_WORDS = frozenset({"word rejoined", "drop cap rejoined"})
"""Changes made inside a word: the word itself is marked."""

REMOVALS = frozenset(
    {
        "running head removed",
        "page number removed",
        "end mark dropped",
        "bullet without item removed",
        "correction: delete",
    }
)
"""Changes that took something out: it is shown struck through."""

FURNITURE = frozenset({"running head removed", "page number removed"})
"""Removals of whole lines, which stood between lines of the text: shown where they stood."""


MOVED_APART = frozenset({"pull quote set apart", "sidebar set apart"})
"""Changes that took a block out of the sentence it stood in: where it stood is shown too."""

JOINS = frozenset({"paragraph rejoined", "paragraph rejoined out of order"})
"""Changes that joined a cut paragraph: marked where the join was made."""
