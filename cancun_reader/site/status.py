"""How far a text is proofread, as a reader is told it (Wikisource's statuses and colours): on the
article's page, a line under the byline with a coloured bar; in the index of articles, a word
beside each title. The books carry the article's line, as its page does."""

from __future__ import annotations

from cancun_reader.core.escape import escape_text
from cancun_reader.core.model import STATUSES, Entry
from cancun_reader.site.edition import count_phrase
from cancun_reader.sources.catalog import pages_in

SAID = {
    "not proofread": "read from its source and repaired by machine, every change shown; no editor has "
    "checked it against the original yet",
    "problematic": "an editor found what no correction can settle yet",
    "proofread": "checked against the original by an editor, every doubt settled",
    "validated": "proofread, then confirmed by a second editor",
}
"""What each status means, as the article's page says it."""


def status_class(status: str) -> str:
    """The style of a status: its colour.

    >>> status_class("not proofread")
    'status-not-proofread'
    """
    return "status-" + status.replace(" ", "-")


def render_status(entry: Entry, status: str, doubts: int, pages: tuple[int, int] = (0, 0)) -> str:
    """The article's status line: the status, what it means, who proofread or validated it, and, while
    it is not proofread, how many places of its reading are unsure and how many of its printed
    `pages` (proofread, in all) are proofread already.

    >>> print(render_status(Entry("a", "a", "A"), "not proofread", 2).splitlines()[0])
    Proofreading: **not proofread**, read from its source and repaired by machine, every change \
shown; no editor has checked it against the original yet. 2 places where its reading is unsure.
    >>> render_status(Entry("a", "a", "A", proofread_by="Ana Lima", validated_by="Rui Sá"), "validated", 0)
    'Proofreading: **validated**, proofread by Ana Lima, then confirmed by Rui Sá.\\n{ .proofreading \
.status-validated data-search-exclude="" }'
    """
    if status == "validated":
        by = f" by {escape_text(entry.proofread_by)}" if entry.proofread_by else ""
        said = f"proofread{by}, then confirmed by {escape_text(entry.validated_by)}"
    elif status == "proofread" and entry.proofread_by:
        said = f"checked against the original by {escape_text(entry.proofread_by)}, every doubt settled"
    else:
        said = SAID[status]
    line = f"Proofreading: **{status}**, {said}."
    if status == "problematic" and entry.status_note:
        line += f" {escape_text(entry.status_note)}"
    if doubts and status == "not proofread":
        line += f" {count_phrase(doubts, 'place', 'places')} where its reading is unsure."
    proofread, printed = pages
    if proofread and status == "not proofread":
        line += f" {proofread} of its {count_phrase(printed, 'page', 'pages')} proofread."
    return f'{line}\n{{ .proofreading .{status_class(status)} data-search-exclude="" }}'


def status_word(status: str) -> str:
    """A status as the index of articles shows it beside a title."""
    return f'<span class="proofreading-word {status_class(status)}">{status}</span>'


def page_status(entry: Entry, page: int, doubts: int) -> str:
    """How far one page of a PDF is proofread: as the whole text is, or, for a text not yet
    proofread whole, proofread if the catalog lists it (`proofread_pages`); never proofread
    while the build doubts a block on it (`doubts`).

    >>> entry = Entry("a.pdf", "a", "A", proofread_pages="1-2, 4")
    >>> [page_status(entry, n, 0) for n in (1, 3)], page_status(entry, 2, 1)
    (['proofread', 'not proofread'], 'not proofread')
    >>> page_status(Entry("a.pdf", "a", "A", status="validated", validated_by="Rui"), 3, 0)
    'validated'
    """
    if entry.status != STATUSES[0]:
        return entry.status_shown(doubts)
    return "proofread" if page in pages_in(entry.proofread_pages) and not doubts else STATUSES[0]
