"""Stage 5, render: blocks → Markdown, every piece of source text through `escape`."""

from __future__ import annotations

import re

from .chart import bar_chart, is_chartable
from .escape import TopicLinks, escape_html, escape_inert, escape_text
from .marks import BlockMarks, Mark, badge, joined_at, origin, struck
from .model import (
    AuthorBio,
    Block,
    Caption,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Sidebar,
    Table,
)

FOOTNOTES_HERE = "///Footnotes Go Here///"
"""Where the footnotes extension puts the notes: where the text had them, under its Notes heading."""


PERMALINK = (
    '<a class="paragraph-link paragraph-number" href="#{anchor}" title="Paragraph {number}: its link" '
    "data-search-exclude>¶{number}</a>"
)
"""The paragraph's number, which citations give (`Delos, ¶9`), as a link to the paragraph itself so
a reader can copy its address; always shown, left out of the search index."""

SOURCE_LINK = (
    '[↩]({received}#L{line}){{ .paragraph-link .source-link title="Line {line} of the text as received" '
    'aria-label="Line {line} of the text as received" }}'
)
"""A link from a paragraph to the line of the text as received where it begins."""


def render_paragraph(
    paragraph: Paragraph,
    notes: frozenset[str],
    topics: TopicLinks | None = None,
    marks: BlockMarks | None = None,
    received: str = "",
) -> str:
    raw, placed, start, end = with_tokens(paragraph.text, marks) if marks else (paragraph.text, {}, [], [])
    text = escape_text(raw, notes=notes, topics=topics)
    for token, markup in placed.items():
        text = text.replace(token, markup)
    text = "".join(badge(m) for m in start) + text + "".join(struck(m) for m in end)
    if paragraph.opens_mid_sentence:
        text = "\\[…\\] " + text
    if paragraph.front:  # said to be the text's own by the stylesheet (`.as-printed`), not in the text
        return f"{text}\n{{ #{paragraph.anchor} .as-printed .{paragraph.front} }}"
    links = PERMALINK.format(anchor=paragraph.anchor, number=paragraph.number)
    if received:
        links += " " + SOURCE_LINK.format(received=received, line=paragraph.line)
    return f"{text} {links}\n{{ #{paragraph.anchor} }}"


def with_tokens(text: str, marks: BlockMarks) -> tuple[str, dict[str, str], list[Mark], list[Mark]]:
    """The paragraph's text with a private character where each mark inside it goes (escaping
    leaves them alone), the markup each stands for, and the marks set at the paragraph's start
    and struck at its end: theirs, and those whose place in the text is not found.

    >>> from cancun_reader.marks import Mark
    >>> from cancun_reader.model import Repair
    >>> marks = BlockMarks(words=[Mark(2, Repair("word rejoined", 1, "e- nd", "end"))])
    >>> raw, placed, start, end = with_tokens("The end.", marks)
    >>> raw.replace("\\ue000\\ue100", "[").replace("\\ue001\\ue100", "]")
    'The [end].'
    """
    placed: dict[str, str] = {}
    inserts: list[tuple[int, str]] = []
    start, end = list(marks.start), list(marks.removed)
    if re.search("[\ue000-\ue004]", text):  # the text has the private characters itself: no tokens
        return text, placed, [*start, *marks.words, *marks.joins], marks.all_removed
    for index, (mark, tail) in enumerate(marks.origins):
        at = text.find(tail)
        if at >= 0:
            code = chr(0xE100 + index)
            inserts.append((at + len(tail), "\ue003" + code))
            placed["\ue003" + code] = origin(mark)
    for index, (mark, tail) in enumerate(marks.removed_at):
        at = text.find(tail)
        if at < 0:
            end.append(mark)  # not found: struck at the end of the block
            continue
        code = chr(0xE100 + index)
        inserts.append((at + len(tail), "\ue004" + code))
        placed["\ue004" + code] = struck(mark)
    for index, mark in enumerate([*marks.words, *marks.joins]):
        code = chr(0xE100 + index)
        if mark in marks.words:
            found = re.search(rf"(?<!\w){re.escape(mark.repair.after)}(?!\w)", text)
            if not found:
                start.append(mark)
                continue
            inserts += [(found.start(), "\ue000" + code), (found.end(), "\ue001" + code)]
            placed["\ue000" + code] = f'<ins class="change" title="{escape_inert(mark.label)}">'
            placed["\ue001" + code] = f"</ins>{badge(mark)}"
        else:
            at = joined_at(text, mark)
            if at is None:
                start.append(mark)
                continue
            inserts.append((at, "\ue002" + code))
            placed["\ue002" + code] = badge(mark)
    for position, token in sorted(inserts, reverse=True):
        text = text[:position] + token + text[position:]
    return text, placed, start, end


def render_list(items: tuple[str, ...], notes: frozenset[str]) -> str:
    return "\n".join(f"- {escape_text(item, notes=notes)}" for item in items)


NUMBER = re.compile(r"[\d.,%$€£]+")


def has_header_row(rows: list[list[str]]) -> bool:
    """Whether the first row names the columns: no numbers in it, numbers below it.

    >>> has_header_row([["Continent", "Organizations"], ["AFRICA", "63"]])
    True
    >>> has_header_row([["AFRICA", "63"], ["ASIA", "41"]])
    False
    """
    first_has_number = any(NUMBER.fullmatch(cell) for cell in rows[0])
    below_has_number = any(NUMBER.fullmatch(cell) for row in rows[1:] for cell in row)
    return not first_has_number and below_has_number


def render_table(table: Table) -> str:
    """A table as HTML (Markdown tables must have a header row, and these often have none); the
    first cell of each row heads that row."""
    width = max(len(row) for row in table.rows)
    rows = [list(row) + [""] * (width - len(row)) for row in table.rows]
    lines = ["<table>"]
    if has_header_row(rows):
        cells = "".join(f'<th scope="col">{escape_html(c)}</th>' for c in rows.pop(0))
        lines.append(f"<thead><tr>{cells}</tr></thead>")
    lines.append("<tbody>")
    for row in rows:
        head, *rest = row
        cells = "".join(f"<td>{escape_html(c)}</td>" for c in rest)
        lines.append(f'<tr><th scope="row">{escape_html(head)}</th>{cells}</tr>')
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def render_table_and_chart(table: Table, title: str) -> str:
    """A table of numbers with its bar chart beside it: the chart for the eye, the table for the
    numbers, the chart's description for a screen reader."""
    if not is_chartable(table):
        return render_table(table)
    chart_id = f"chart-{slug(title)}"
    return (
        f'<div class="table-and-chart">\n{render_table(table)}\n'
        f'<figure id="{chart_id}" class="chart">{bar_chart(title, table, chart_id)}</figure>\n</div>'
    )


def render_sidebar(sidebar: Sidebar, notes: frozenset[str]) -> str:
    parts = [f'<aside class="sidebar" markdown>\n{escape_text(sidebar.title)}\n{{ .sidebar-title }}']
    for block in sidebar.blocks:
        if isinstance(block, Heading):
            parts.append(f"{escape_text(block.text)}\n{{ .sidebar-subhead }}")
        elif isinstance(block, ListBlock):
            parts.append(render_list(block.items, notes))
        else:
            parts.append(render_table_and_chart(block, sidebar.title))
    return "\n\n".join(parts) + "\n\n</aside>"


def render_aside(css_class: str, text: str, notes: frozenset[str], label: str = "") -> str:
    named = f' aria-label="{label}"' if label else ""
    return f'<aside class="{css_class}"{named} markdown>\n{escape_text(text, notes=notes)}\n</aside>'


def render_block(
    block: Block,
    notes: frozenset[str] = frozenset(),
    topics: TopicLinks | None = None,
    marks: BlockMarks | None = None,
    received: str = "",
) -> str:
    """One block as Markdown; `notes` are the footnote numbers the article defines, `topics` links
    the first mention of each topic in a section, `marks` are the changes made to the block, and
    `received` the page of the text as received, to which a paragraph links its first line."""
    if isinstance(block, Paragraph):
        return render_paragraph(block, notes, topics, marks, received)
    if marks:
        start = [*marks.start, *marks.words, *marks.joins]
        before = "".join(badge(m) for m in start)
        after = "".join(struck(m) for m in marks.all_removed)
        rendered = render_block(block, notes, topics)
        before_div = f'<div class="change-marks" data-search-exclude>{before}</div>\n\n' if before else ""
        after_div = f'\n\n<div class="change-marks" data-search-exclude>{after}</div>' if after else ""
        return before_div + rendered + after_div
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape_text(block.text)}"
    if isinstance(block, ListBlock):
        return render_list(block.items, notes)
    if isinstance(block, Table):
        return render_table_and_chart(block, "")
    if isinstance(block, PullQuote):
        return render_aside("pull-quote", block.text, notes)
    if isinstance(block, Caption):  # its picture is not in the text: it is named for what it is
        return render_aside("picture-caption", block.text, notes, "Caption of a picture not reproduced")
    if isinstance(block, Sidebar):
        return render_sidebar(block, notes)
    if isinstance(block, Footnote):
        return f"[^{block.number}]: {escape_text(block.text, notes=notes)}"
    assert isinstance(block, AuthorBio)
    return render_aside("author-bio", block.text, notes)


def render_body(
    blocks: tuple[Block, ...],
    topics: TopicLinks | None = None,
    marks: dict[int, BlockMarks] | None = None,
    received: str = "",
) -> str:
    """The text of an article: its blocks in order, consecutive quoted paragraphs in one quotation;
    with `marks`, each change marked where it was made (shown when the reader asks)."""
    notes = frozenset(b.number for b in blocks if isinstance(b, Footnote))
    parts: list[str] = []
    quoting = False
    for block in blocks:
        if isinstance(block, Heading) and topics:
            topics.new_section()
        rendered = render_block(block, notes, topics, (marks or {}).get(block.line), received)
        if isinstance(block, Footnote) and block.number == min(notes):
            parts.append(FOOTNOTES_HERE)
        quoted = isinstance(block, Paragraph) and block.quotation
        if quoted:
            rendered = "\n".join(f"> {line}" for line in rendered.split("\n"))
            if quoting:  # continue the same quotation
                parts[-1] += "\n>\n" + rendered
                continue
        parts.append(rendered)
        quoting = quoted
    return "\n\n".join(parts)
