"""The edition made visible: what the build changed in a text, shown to the reader.

Every repair and correction is a `Repair` with its source line. Here each becomes a numbered entry
of the article's list of changes, linked to the line of the text as received and to the paragraph
that now holds it; the transcriber's note at the top of the article counts them; the page of the
text as received shows every line of the source, each changed line linked to its changes; and the
editorial report lists, text by text, the changes by kind and what the build could not settle.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from cancun_reader.core.escape import escape_code, escape_inert, escape_text, front_matter
from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Article, Block, Heading, Notice, Paragraph, Repair, Sidebar
from cancun_reader.site.marks import numbered
from cancun_reader.site.paths import article_page

RECEIVED_DIR = "received"

CHANGES_ID = "changes"
"""The anchor of an article's list of changes."""


def place_lines(
    lines: list[tuple[int, str]],
    parsed: tuple[Block, ...],
    final: tuple[Block, ...],
    moved: dict[int, int] | None = None,
) -> tuple:
    """Where each line of the source went: the block that holds it once every repair is done.

    A line belongs to the block parsed last before it; a block joined into a paragraph since (the
    continuation of a cut paragraph) is now that paragraph, the last one that starts before it, or
    the paragraph that block was `moved` into, after it (the end of a paragraph read first).

    >>> parsed = (Paragraph("It was the", 1), Paragraph("end.", 3))
    >>> place_lines([(1, "It was the"), (2, ""), (3, "end.")], parsed, (Paragraph("It was the end.", 1),))
    ((1, 1), (3, 1))
    >>> parsed = (Paragraph("the end", 1), Paragraph("of it.", 2), Paragraph("It was", 3))
    >>> place_lines([(1, "the end"), (2, "of it."), (3, "It was")], parsed, (parsed[2],), {1: 3})
    ((1, 3), (2, 3), (3, 3))

    Negative: a line removed as furniture (line 2, gone from the laid-out lines), or a blank one,
    goes nowhere.
    >>> text = (Paragraph("Text.", 1),)
    >>> place_lines([(1, "Text."), (3, "")], text, text)
    ((1, 1),)
    """
    starts = sorted({b.line for b in parsed})
    kept = {b.line for b in final} | {i.line for b in final if isinstance(b, Sidebar) for i in b.blocks}
    moved = moved or {}
    holders = sorted({b.line for b in final if isinstance(b, Paragraph)} | set(moved))
    placed = {}
    for number, text in lines:
        if not text.strip() or number in placed:
            continue
        owner = starts[max(bisect.bisect_right(starts, number) - 1, 0)]
        if owner not in kept:
            before = bisect.bisect_right(holders, owner) - 1
            owner = holders[before] if before >= 0 else owner
        placed[number] = moved.get(owner, owner)
    return tuple(sorted(placed.items()))


def anchors_by_line(article: Article) -> dict[int, str]:
    """The anchor a reader is sent to for each block's start line: a paragraph's own; for a
    heading, the first paragraph of its section; for a pull quote, a box or a note, the paragraph
    before it, beside which the page sets it (they have no anchor of their own the build controls).

    >>> from cancun_reader.core.model import Heading, PullQuote
    >>> blocks = (Heading("Title", 1), Paragraph("Text.", 2, anchor="p-text"), PullQuote("Quote.", 4))
    >>> anchors_by_line(Article(None, blocks))
    {1: 'p-text', 2: 'p-text', 4: 'p-text'}
    """
    found: dict[int, str] = {}
    waiting: list[int] = []  # headings before the first paragraph of their section
    last = ""
    for block in article.blocks:
        inner = block.blocks if isinstance(block, Sidebar) else ()
        if isinstance(block, Paragraph):
            last = block.anchor
            found.update(dict.fromkeys(waiting, last))
            waiting = []
        if isinstance(block, Heading) or not last:
            waiting += [each.line for each in (block, *inner)]
            continue
        found.update(dict.fromkeys((each.line for each in (block, *inner)), last))
    return found


def received_page(article: Article) -> str:
    return f"{RECEIVED_DIR}/{article.slug}.md"


def received_file(article: Article) -> str:
    """The text as received, to download: a PDF's as its pages are read (`pdf/`)."""
    return f"{RECEIVED_DIR}/{Path(article.source.entry.file).stem}.txt"


def received_original(article: Article) -> str:
    """The PDF itself, for a text read from one."""
    return f"{RECEIVED_DIR}/{article.source.entry.file}"


def corrections_file(article: Article) -> str:
    return f"{RECEIVED_DIR}/{Path(article.source.entry.file).stem}.corrections.yml"


def count_phrase(count: int, singular: str, plural: str) -> str:
    """`1 change`, `7 changes`."""
    return f"{count} {singular if count == 1 else plural}"


LEGEND = (
    '<p class="changes-legend" data-search-exclude><strong>How changes are shown:</strong> '
    '<span class="legend-mark">✎3 paragraph rejoined</span> a change, said by its kind, its number '
    "leading to the list after the text; "
    '<ins class="legend-ins">a word</ins> underlined twice: a word made whole; '
    '<del class="legend-del">a line</del> struck through: what the printed page added and this '
    "edition removed (a running head, a page number); a note in brackets says where a box or a "
    "quotation stood in print.</p>"
)
"""The legend of the marks, shown with them (the stylesheet hides it with them)."""


def render_transcribers_note(article: Article) -> str:
    """The note at the top of an article: what the text is, how many changes the build made, and
    where to see them and the text as received; one line when nothing was changed."""
    received = f"../{received_page(article)}"
    if not article.repairs:
        return (
            f"*Presented as received: nothing in this text was changed.* [Read the text as received]"
            f'({received})\n{{ .transcribers-note data-search-exclude="" }}'
        )
    kinds = Counter(r.kind for r in article.repairs)
    corrections = sum(n for kind, n in kinds.items() if kind.by_editors)
    made = count_phrase(len(article.repairs), "change", "changes")
    by_editors = (
        f", {count_phrase(corrections, 'of them an editorial correction', 'of them editorial corrections')}"
    )
    return (
        '<div class="transcribers-note" data-search-exclude markdown>\n\n'
        f"**Transcriber's note.** {kind_of_source(kinds)}: "
        f"this edition makes {made} to it{by_editors if corrections else ''}, each listed with its line. "
        f"The author's wording, spelling and errors are kept as printed.\n\n"
        f"[Show the changes in the text](?changes=show){{ .changes-toggle }} · [List them](#{CHANGES_ID}) · "
        f"[Read the text as received]({received})\n\n{LEGEND}\n\n</div>"
    )


def kind_of_source(kinds: Counter[Kind]) -> str:
    """What the text was, as its changes tell: damaged by a print layout, or only presented anew.

    >>> kind_of_source(Counter({Kind.WORD_REJOINED: 3})), kind_of_source(Counter({Kind.AUTHOR_BIO_BOXED: 1}))
    ('Restored from a text damaged by its print layout', 'Presented from the text as received')
    """
    if any(not kind.presents for kind in kinds):
        return "Restored from a text damaged by its print layout"
    return "Presented from the text as received"


def render_changes(article: Article) -> str:
    """The list of changes after the text, collapsed: each numbered, saying what was done, with
    what was there before and after, linked to its line as received and to its paragraph."""
    if not article.repairs:
        return ""
    anchors = anchors_by_line(article)
    placed = dict(article.placed)
    received = f"../{received_page(article)}"
    items = []
    for number, repair in numbered(article):
        target = anchors.get(placed.get(repair.line, -1), "")
        where = f" · [in the text](#{target})" if target else ""
        change = (
            f"<code>{escape_inert(repair.before)}</code> → <code>{escape_inert(repair.after)}</code>"
            if repair.after
            else f"removed <code>{escape_inert(repair.before)}</code>"
        )
        items.append(  # which correction made it, file and line, is the editors' view's to say
            f'    1. <span id="change-{number}"></span>{escape_text(repair.kind.said)}: {change} '
            f"([line {repair.line} as received]({received}#L{repair.line}){where})"
        )
    count = count_phrase(len(items), "change", "changes")
    return (
        # out of search: its snippets repeat the article's words, which search finds in the text
        f'<div class="changes" markdown>\n\n## Changes made to this text '
        f'{{ #{CHANGES_ID} data-search-exclude="" }}\n\n'
        f'??? note "{count[:1].upper() + count[1:]}, in reading order"\n\n' + "\n".join(items) + "\n\n</div>"
    )


FORM_FEED = '<span class="page-break" title="form feed: a new page begins">␌</span>'
CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
"""Control characters but the tab (and the form feed, shown as a sign): shown by their code."""


def received_line(text: str) -> str:
    """A line of the source as it is, made safe to show: HTML escaped (so nothing in it is markup or
    an include), a form feed shown as a sign, other control characters as their code.

    >>> received_line("<b>--8<-- \\"x\\"</b>")
    '&lt;b&gt;--8&lt;-- &quot;x&quot;&lt;/b&gt;'
    """
    shown = html.escape(text, quote=True).replace("\f", FORM_FEED)
    return CONTROL.sub(lambda c: f"&#x{ord(c[0]):x};", shown)


def render_received(article: Article, has_corrections: bool) -> str:
    """The text as received: every line of the source, numbered and with an anchor; a changed line
    links to its changes and to the paragraph that holds it now; the file itself to download."""
    entry = article.source.entry
    title = f"As received: {entry.title}"
    changes: dict[int, list[tuple[int, Repair]]] = defaultdict(list)
    for number, repair in numbered(article):
        changes[repair.line].append((number, repair))
    anchors = anchors_by_line(article)
    placed = dict(article.placed)
    # The rows are HTML, which MkDocs leaves as it is: their links name the built page, as the site
    # is built to be read from disk (`offline` plugin, no directory URLs).
    its_page = article_page(article.slug, "../", ".html")
    rows = []
    shown = ""  # the paragraph linked last: a line links to it where it begins, or where it changed
    for number, text in enumerate(article.source.text.split("\n"), start=1):
        links = [
            f'<a class="line-change" href="{its_page}#change-{n}" '
            f'title="{html.escape(r.kind.said)}">change {n}</a>'
            for n, r in changes.get(number, [])
        ]
        target = anchors.get(placed.get(number, -1))
        if target and (target != shown or number in changes):
            links.append(f'<a class="line-place" href="{its_page}#{target}">in the text</a>')
            shown = target
        extra = f' <span class="line-links">{" ".join(links)}</span>' if links else ""
        rows.append(
            f'<li id="L{number}"><a class="line-number" href="#L{number}" aria-label="Line {number}">'
            f'{number}</a><span class="line-text">{received_line(text)}</span>{extra}</li>'
        )
    stem = Path(entry.file).stem
    download = f"[Download the text]({quote(stem)}.txt)"
    if entry.is_pdf:
        download = f"[Download the PDF]({quote(entry.file)}) · [the text read from it]({quote(stem)}.txt)"
    if has_corrections:
        download += f" · [its corrections file]({quote(stem)}.corrections.yml)"
    what = f"the text of {escape_code(entry.file)} as the editors received it"
    if entry.is_pdf:
        what = f"the text read from the pages of {escape_code(entry.file)}, in reading order"
    intro = (
        f"This is {what}, line by line, "
        "before anything was repaired. A line that was changed links to its changes, and a "
        f"line of the text to the paragraph that holds it now. [Read the restored text]"
        f"({article_page(article.slug, '../')}).\n\n"
        f"{download}\n{{ .received-downloads }}"
    )
    body = '<ol class="received-text">\n' + "\n".join(rows) + "\n</ol>"
    return (
        # left out of search: its words are the article's, which search finds restored
        "\n\n".join(
            [
                front_matter({"title": title, "search": {"exclude": True}}).rstrip(),
                f"# {escape_text(title)}",
                intro,
                body,
            ]
        )
        + "\n"
    )


@dataclass(frozen=True)
class TextReport:
    """What the editorial report says of one text."""

    slug: str
    title: str
    changes: tuple[tuple[Kind, int], ...]  # (kind, count)
    corrections: str  # the corrections file as published, if one applies
    applied: tuple[tuple[int, str, str], ...] = ()
    """Each change a correction made: its number on the text's page, what it did, its directive's
    line in the corrections file (which a reader's page leaves to this report)."""


def text_report(article: Article, corrected: bool) -> TextReport:
    kinds = Counter(r.kind for r in article.repairs)
    corrections = corrections_file(article) if corrected else ""
    applied = tuple(
        (number, repair.kind.said, repair.origin.rsplit(":", 1)[-1])
        for number, repair in numbered(article)
        if repair.origin
    )
    return TextReport(
        article.slug, article.source.entry.title, tuple(sorted(kinds.items())), corrections, applied
    )


@functools.lru_cache(maxsize=4096)
def report_section(report: TextReport, notices: tuple[Notice, ...]) -> str:
    """One text's part of the editorial report. Kept between the builds of a long-lived process
    (`mkdocs serve`): at a thousand texts, rendering them all again took a tenth of a rebuild."""
    rows = "\n".join(f"| {escape_text(kind.said)} | {count} |" for kind, count in report.changes)
    table = f"| Change | Count |\n| --- | ---: |\n{rows}" if rows else "No change was needed."
    left = (
        "\n".join(
            f"- {escape_code(n.path + (f':{n.line}' if n.line else ''))}: {escape_text(n.message)}"
            for n in notices
        )
        or "Nothing left unresolved."
    )
    corrections = (
        f"[its corrections file]({quote(report.corrections)})"
        if report.corrections
        else "no corrections file"
    )
    applied = "\n".join(
        f"- [change {number}]({article_page(report.slug)}#change-{number}): {escape_text(said)}, "
        f"its corrections file, line {line}"
        for number, said, line in report.applied
    )
    return (
        f"## [{escape_text(report.title)}]({article_page(report.slug)})\n\n"
        f"[The text as received]({RECEIVED_DIR}/{report.slug}.md) · {corrections}\n\n{table}\n\n"
        + (f"**Corrections applied**\n\n{applied}\n\n" if applied else "")
        + f"**Warnings and unresolved damage**\n\n{left}"
    )


def render_editorial_report(reports: list[tuple[TextReport, list[Notice]]]) -> str:
    """The collection's editorial report: per text, its changes by kind, what the build could not
    settle (with file and line), and whether a corrections file applies."""
    parts = [
        front_matter({"title": "Editorial report"}).rstrip(),
        "# Editorial report",
        "What the build did to each text, and what it left for the editors. The principles are on "
        "the [About](about.md#editorial-principles) page.",
    ]
    parts += [report_section(report, tuple(notices)) for report, notices in reports]
    return "\n\n".join(parts) + "\n"
