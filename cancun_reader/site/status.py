"""How far a text is proofread, as a reader is told it (Wikisource's statuses and colours): on the
article's page, a line under the byline with a coloured bar; in the index of articles, a word
beside each title. The books carry the article's line, as its page does."""

from __future__ import annotations

from cancun_reader.core.escape import escape_text
from cancun_reader.core.model import Entry
from cancun_reader.site.edition import count_phrase

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


def render_status(entry: Entry, status: str, doubts: int) -> str:
    """The article's status line: the status, what it means, who proofread or validated it, and, while
    it is not proofread, how many places of its reading are unsure.

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
    return f'{line}\n{{ .proofreading .{status_class(status)} data-search-exclude="" }}'


def status_word(status: str) -> str:
    """A status as the index of articles shows it beside a title."""
    return f'<span class="proofreading-word {status_class(status)}">{status}</span>'
