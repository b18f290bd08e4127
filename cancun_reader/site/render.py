"""Render: blocks → Markdown, every piece of source text through `escape`."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown.extensions.toc import slugify

from cancun_reader.core.escape import SectionLinks, TopicLinks, escape_html, escape_inert, escape_text
from cancun_reader.core.model import (
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
from cancun_reader.site.chart import bar_chart, is_chartable
from cancun_reader.site.marks import BlockMarks, Mark, badge, origin, place_marks, struck

Around = tuple[str, str]
"""The marks set in a block that is no paragraph: before its words, and struck after them."""
NO_MARKS: Around = ("", "")

FOOTNOTES_HERE = "///Footnotes Go Here///"
"""Where the footnotes extension puts the notes: where the text had them, under its Notes heading."""


PERMALINK = (
    '<a class="paragraph-link paragraph-number" href="#{anchor}" title="Link to paragraph {number}" '
    "data-search-exclude>¶{number}</a>"
)
"""The paragraph's number, which citations give (`Delos, ¶9`), as a link to the paragraph itself so
a reader can copy its address; always shown, left out of the search index."""

SOURCE_LINK = (
    '[↩]({received}#L{line}){{ .paragraph-link .source-link title="Line {line} of the text as received" '
    'aria-label="Line {line} of the text as received" data-search-exclude="" }}'
)
"""A link from a paragraph to the line of the text as received where it begins; left out of the
search index (a result's snippet would end with its arrow)."""


DOUBT_MARK = (
    '<span class="doubt-mark" tabindex="0" role="note" title="Unsure reading: {said}." '
    'aria-label="Unsure reading: {said}." data-search-exclude>unsure</span>'
)
"""Where the build is unsure of its reading of a paragraph: said to the reader where it stands,
reached by keyboard, its reason shown on hover, focus or tap (Material's tooltips)."""


def render_paragraph(
    paragraph: Paragraph,
    notes: frozenset[str],
    topics: SectionLinks | None = None,
    marks: BlockMarks | None = None,
    received: str = "",
    doubt: str = "",
) -> str:
    raw, placed, start, end = with_tokens(paragraph.text, marks) if marks else (paragraph.text, {}, [], [])
    text = escape_text(raw, notes=notes, topics=topics)
    for token, markup in placed.items():
        text = text.replace(token, markup)
    text = "".join(badge(m, named=True) for m in start) + text + "".join(struck(m) for m in end)
    if paragraph.opens_mid_sentence:
        text = "\\[…\\] " + text
    if paragraph.front:  # said to be the text's own by the stylesheet (`.as-printed`), not in the text
        return f"{text}\n{{ #{paragraph.anchor} .as-printed .{paragraph.front} }}"
    links = PERMALINK.format(anchor=paragraph.anchor, number=paragraph.number)
    if doubt:
        text += " " + DOUBT_MARK.format(said=escape_inert(doubt[:1].upper() + doubt[1:]))
    if received:
        links += " " + SOURCE_LINK.format(received=received, line=paragraph.line)
    return f"{text} {links}\n{{ #{paragraph.anchor} }}"


def with_tokens(text: str, marks: BlockMarks) -> tuple[str, dict[str, str], list[Mark], list[Mark]]:
    """The paragraph's text with a private character where each mark inside it goes (escaping
    leaves them alone), the markup each stands for, and the marks set at the paragraph's start
    and struck at its end (`place_marks` says which go where).

    >>> from cancun_reader.site.marks import Mark
    >>> from cancun_reader.core.kinds import Kind
    >>> from cancun_reader.core.model import Repair
    >>> marks = BlockMarks(words=[Mark(2, Repair(Kind.WORD_REJOINED, 1, "e- nd", "end"))])
    >>> raw, placed, start, end = with_tokens("The end.", marks)
    >>> raw.replace("\\ue000\\ue100", "[").replace("\\ue001\\ue100", "]")
    'The [end].'
    """
    placed: dict[str, str] = {}
    inserts: list[tuple[int, str]] = []
    start: list[Mark] = []
    end: list[Mark] = []
    for index, where in enumerate(place_marks(text, marks)):
        code = chr(0xE100 + index)
        mark = where.mark
        if where.role == "start":
            start.append(mark)
        elif where.role == "end":
            end.append(mark)
        elif where.role == "word":
            inserts += [(where.begins, "\ue000" + code), (where.at, "\ue001" + code)]
            placed["\ue000" + code] = f'<ins class="change" title="{escape_inert(mark.label)}">'
            placed["\ue001" + code] = f"</ins>{badge(mark)}"
        else:
            inserts.append((where.at, "\ue002" + code))
            shown: dict[str, Callable[[Mark], str]] = {
                "join": joined_badge,
                "origin": origin,
                "struck": struck,
            }
            placed["\ue002" + code] = shown[where.role](mark)
    return insert_all(text, inserts), placed, start, end


def joined_badge(mark: Mark) -> str:
    """The mark where a paragraph cut by the layout was joined, saying so."""
    return badge(mark, named=True)


def insert_all(text: str, inserts: list[tuple[int, str]]) -> str:
    """`text` with each insert at its offset; at the same offset, in the order given.

    >>> insert_all("The end.", [(4, "<"), (7, ">"), (4, "[")])
    'The <[end>.'
    """
    out, last = [], 0
    for position, token in sorted(inserts, key=lambda insert: insert[0]):
        out += [text[last:position], token]
        last = position
    return "".join(out) + text[last:]


def render_list(items: tuple[str, ...], notes: frozenset[str], around: Around = NO_MARKS) -> str:
    shown = [escape_text(item, notes=notes) for item in items]
    shown[0], shown[-1] = around[0] + shown[0], shown[-1] + around[1]
    return "\n".join(f"- {item}" for item in shown)


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


def render_table(table: Table, around: Around = NO_MARKS) -> str:
    """A table as HTML (Markdown tables must have a header row, and these often have none); the
    first cell of each row heads that row; the marks of its changes in its first and last cells."""
    width = max(len(row) for row in table.rows)
    rows = [[escape_html(cell) for cell in row] + [""] * (width - len(row)) for row in table.rows]
    rows[0][0], rows[-1][-1] = around[0] + rows[0][0], rows[-1][-1] + around[1]
    lines = ["<table>"]
    if has_header_row(rows):
        cells = "".join(f'<th scope="col">{c}</th>' for c in rows.pop(0))
        lines.append(f"<thead><tr>{cells}</tr></thead>")
    lines.append("<tbody>")
    for row in rows:
        head, *rest = row
        cells = "".join(f"<td>{c}</td>" for c in rest)
        lines.append(f'<tr><th scope="row">{head}</th>{cells}</tr>')
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def render_table_and_chart(table: Table, title: str, around: Around = NO_MARKS) -> str:
    """A table of numbers with its bar chart beside it: the chart for the eye, the table for the
    numbers, the chart's description for a screen reader."""
    if not is_chartable(table):
        return render_table(table, around)
    chart_id = f"chart-{slug(title)}"
    return (
        f'<div class="table-and-chart">\n{render_table(table, around)}\n'
        f'<figure id="{chart_id}" class="chart" data-search-exclude>'  # the table says it in words
        f"{bar_chart(title, table, chart_id)}</figure>\n</div>"
    )


def render_sidebar(sidebar: Sidebar, notes: frozenset[str], around: Around = NO_MARKS) -> str:
    """A box: its title, then its subheads, lists and tables; the marks of its changes after its
    title, and what was struck from it at its end."""
    title = f"{escape_text(sidebar.title)}{around[0]}\n{{ .sidebar-title }}"
    parts = [f'<aside class="sidebar" markdown>\n{title}']
    for block in sidebar.blocks:
        if isinstance(block, Heading):
            parts.append(f"{escape_text(block.text)}\n{{ .sidebar-subhead }}")
        elif isinstance(block, ListBlock):
            parts.append(render_list(block.items, notes))
        else:
            parts.append(render_table_and_chart(block, sidebar.title))
    if around[1]:
        parts.append(f'<p class="change-removed-here">{around[1]}</p>')
    return "\n\n".join(parts) + "\n\n</aside>"


def render_heading(heading: Heading, around: Around = NO_MARKS) -> str:
    """A heading; with marks, after its words, with the anchor and the name in the contents it has
    without them.

    >>> print(render_heading(Heading("Cancún & after", 2), ('<a class="change-mark">✎2</a>', "")))
    ## Cancún &amp; after <a class="change-mark">✎2</a> { #cancun-after data-toc-label="Cancún &amp; after" }

    Negative: a heading with no change is only a heading.
    >>> render_heading(Heading("Cancún", 3, level=3))
    '### Cancún'
    """
    text = f"{'#' * heading.level} {escape_text(heading.text)}"
    if not any(around):
        return text
    anchor = slugify(heading.text, "-").replace("_", "\\_")  # escaped, as in the label: no emphasis
    label = escape_text(heading.text).replace('"', "&quot;")
    return f'{text} {"".join(around)} {{ #{anchor} data-toc-label="{label}" }}'


def render_aside(
    css_class: str, text: str, notes: frozenset[str], label: str = "", around: Around = NO_MARKS
) -> str:
    named = f' aria-label="{label}"' if label else ""
    shown = around[0] + escape_text(text, notes=notes) + around[1]
    return f'<aside class="{css_class}"{named} markdown>\n{shown}\n</aside>'


def render_block(
    block: Block,
    notes: frozenset[str] = frozenset(),
    topics: SectionLinks | None = None,
    marks: BlockMarks | None = None,
    received: str = "",
    doubt: str = "",
) -> str:
    """One block as Markdown; `notes` are the footnote numbers the article defines, `topics` links
    the first mention of each topic in a section, `marks` are the changes made to the block, and
    `received` the page of the text as received, to which a paragraph links its first line; `doubt`
    what a reader is told where the build is unsure of a paragraph's reading."""
    if isinstance(block, Paragraph):
        return render_paragraph(block, notes, topics, marks, received, doubt)
    placed = place_marks(None, marks) if marks else []
    around = (
        "".join(badge(p.mark) for p in placed if p.role == "start"),  # a heading's words are its own
        "".join(struck(p.mark) for p in placed if p.role == "end"),
    )
    if isinstance(block, Heading):
        return render_heading(block, around)
    if isinstance(block, ListBlock):
        return render_list(block.items, notes, around)
    if isinstance(block, Table):
        return render_table_and_chart(block, "", around)
    if isinstance(block, PullQuote):
        return render_aside("pull-quote", block.text, notes, around=around)
    if isinstance(block, Caption):  # its picture is not in the text: it is named for what it is
        label = "Caption of a picture not reproduced"
        return render_aside("picture-caption", block.text, notes, label, around)
    if isinstance(block, Sidebar):
        return render_sidebar(block, notes, around)
    if isinstance(block, Footnote):
        return f"[^{block.number}]: {around[0]}{escape_text(block.text, notes=notes)}{around[1]}"
    assert isinstance(block, AuthorBio)
    return render_aside("author-bio", block.text, notes, around=around)


def located(rendered: str, block: Block) -> str:
    """A block as rendered, marked with the line it begins on (`data-line`), by which the printed
    page's regions find it (`printed_view.py`); a note is found by its own anchor.

    >>> located("## After { #after }", Heading("After", 4)), located("## After", Heading("After", 4))
    ('## After { #after data-line="4" }', '## After { data-line="4" }')
    >>> located('<a class="change-mark">✎1</a>It ended.\\n{ #p-it }', Paragraph("It ended.", 3))
    '<a class="change-mark">✎1</a>It ended.\\n{ #p-it data-line="3" }'
    >>> located('<aside class="pull-quote" markdown>\\nIt ended.\\n</aside>', PullQuote("It ended.", 7))
    '<aside data-line="7" class="pull-quote" markdown>\\nIt ended.\\n</aside>'
    >>> print(located("- One\\n- Two", ListBlock(("One", "Two"), 9)))
    <div data-line="9" markdown>
    <BLANKLINE>
    - One
    - Two
    <BLANKLINE>
    </div>

    Negative: a note is left as it is.
    >>> located("[^1]: See.", Footnote("1", "See.", 12))
    '[^1]: See.'
    """
    mark = f'data-line="{block.line}"'
    if isinstance(block, Footnote):
        return rendered
    if isinstance(block, ListBlock):
        return f"<div {mark} markdown>\n\n{rendered}\n\n</div>"
    if not isinstance(block, Paragraph | Heading):  # an HTML element: after its name
        name_ends = min(at for at in (rendered.find(" "), rendered.find(">")) if at > 0)
        return f"{rendered[:name_ends]} {mark}{rendered[name_ends:]}"
    if rendered.endswith("}"):
        return f"{rendered[:-1].rstrip()} {mark} }}"
    return f"{rendered} {{ {mark} }}"


def render_body(
    blocks: tuple[Block, ...],
    topics: TopicLinks | None = None,
    marks: dict[int, BlockMarks] | None = None,
    received: str = "",
    locate: bool = False,
    doubts: dict[int, str] | None = None,
) -> str:
    """The text of an article: its blocks in order, consecutive quoted paragraphs in one quotation;
    with `marks`, each change marked where it was made (shown when the reader asks); with `locate`,
    each block marked with its line, for the printed page's regions to find."""
    notes = frozenset(b.number for b in blocks if isinstance(b, Footnote))
    parts: list[str] = []
    quoting = False
    section = topics.for_section() if topics else None
    for block in blocks:
        if isinstance(block, Heading) and topics:
            section = topics.for_section()  # each section links each topic once
        doubt = (doubts or {}).get(block.line, "")
        rendered = render_block(block, notes, section, (marks or {}).get(block.line), received, doubt)
        if locate:
            rendered = located(rendered, block)
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
