"""Stage 5, render: blocks → Markdown.

Source text is untrusted data. It reaches Markdown only through `escape_text`, the one place where
escaping happens, so nothing a text contains can become markup, HTML or an include. Three pieces
of markup are made on purpose, each by an explicit rule: `*emphasis*` around words as the texts
write titles (`EMPHASIS`), web addresses as links (`WEB_ADDRESS`), and note markers as links to
their footnotes (`NOTE_MARKER`).
"""

from __future__ import annotations

import html
import re
import unicodedata

import yaml

from .model import AuthorBio, Block, Footnote, Heading, ListBlock, Paragraph, PullQuote, Sidebar, Table

EMPHASIS = re.compile(r"(?<![\w*\\])\*(?P<inner>[^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])")
"""Single asterisks around words, as the texts mark titles and foreign names: `*Vía Campesina*`."""

WEB_ADDRESS = re.compile(
    r"(?<![\w@/.])(?P<scheme>https?://)?(?P<host>(?(scheme)|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
    r"(?P<path>/[A-Za-z0-9._~/%-]*)?"
)
"""A web address as the texts print them, `www.rmalc.org.mx` or `http://…`; nothing but http(s)."""

NOTE_MARKER = re.compile(r"(?<=[\w.,;:!?\"”’)*])(?P<number>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
"""A note marker set as superscript digits after a word or punctuation: `struggles.¹`."""

INLINE = re.compile(
    f"(?P<emphasis>{EMPHASIS.pattern})|(?P<address>{WEB_ADDRESS.pattern})|(?P<note>{NOTE_MARKER.pattern})"
)

ALWAYS_ESCAPED = re.compile(r"[\\`*_\[\]{}]")
"""Characters that can start Markdown markup anywhere in a line: backslash-escaped."""

LINE_START_MARKUP = re.compile(r"^(?:[#+-]|\d+[.)])")
"""What makes markup only at the start of a line: headings, list items, numbered items."""

HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

FOOTNOTES_HERE = "///Footnotes Go Here///"
"""Where the footnotes extension puts the notes: where the text had them, under its Notes heading."""


def _escape_plain(text: str) -> str:
    text = "".join(HTML_SPECIAL.get(char, char) for char in text)
    return ALWAYS_ESCAPED.sub(lambda m: "\\" + m[0], text)


def _inline(match: re.Match[str], notes: frozenset[str]) -> str:
    if match["emphasis"] is not None:
        return "*" + _escape_plain(match["inner"]) + "*"
    if match["address"] is not None:
        scheme = match["scheme"] or "http://"
        address = match["address"]
        return f"[{_escape_plain(address)}]({scheme}{address.removeprefix(scheme)})"
    number = unicodedata.normalize("NFKC", match["number"])
    return f"[^{number}]" if number in notes else _escape_plain(match[0])


def escape_text(text: str, *, notes: frozenset[str] = frozenset()) -> str:
    """Turn untrusted source text into Markdown that shows exactly that text.

    >>> escape_text("<script>alert(1)</script> [x](javascript:y) *Vía Campesina*")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\[x\\\\](javascript:y) *Vía Campesina*'
    >>> escape_text("1999. Seattle")
    '1999\\\\. Seattle'
    >>> escape_text("See www.rmalc.org.mx, and struggles.¹", notes=frozenset({"1"}))
    'See [www.rmalc.org.mx](http://www.rmalc.org.mx), and struggles.[^1]'
    """
    out: list[str] = []
    position = 0
    for match in INLINE.finditer(text):
        out.append(_escape_plain(text[position : match.start()]))
        out.append(_inline(match, notes))
        position = match.end()
    out.append(_escape_plain(text[position:]))
    escaped = "".join(out)
    start = LINE_START_MARKUP.match(escaped)
    if start:
        marker = start[0]
        escaped = marker[:-1] + "\\" + escaped[len(marker) - 1 :]
    return escaped


def escape_html(text: str) -> str:
    """Untrusted text inside an HTML element that Markdown does not look into.

    >>> escape_html('<b onclick="x">')
    '&lt;b onclick=&quot;x&quot;&gt;'
    """
    return html.escape(text, quote=True)


def escape_code(text: str) -> str:
    """Untrusted text shown as inline code; HTML-escaped, since Markdown does not look inside.

    >>> escape_code("sources/a`b<c>.txt")
    '<code>sources/a`b&lt;c&gt;.txt</code>'
    """
    return "<code>" + html.escape(text, quote=False) + "</code>"


def front_matter(meta: dict[str, object]) -> str:
    """YAML front matter, dumped by the YAML library so no value can break out of it."""
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n"


def render_paragraph(paragraph: Paragraph, notes: frozenset[str]) -> str:
    text = escape_text(paragraph.text, notes=notes)
    if paragraph.opens_mid_sentence:
        text = "\\[…\\] " + text
    return f"{text}\n{{ #{paragraph.anchor} }}"


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


def render_sidebar(sidebar: Sidebar, notes: frozenset[str]) -> str:
    parts = [f'<aside class="sidebar" markdown>\n<p class="sidebar-title">{escape_html(sidebar.title)}</p>']
    for block in sidebar.blocks:
        if isinstance(block, Heading):
            parts.append(f'<p class="sidebar-subhead">{escape_html(block.text)}</p>')
        elif isinstance(block, ListBlock):
            parts.append(render_list(block.items, notes))
        else:
            parts.append(render_table(block))
    return "\n\n".join(parts) + "\n\n</aside>"


def render_aside(css_class: str, text: str, notes: frozenset[str]) -> str:
    return f'<aside class="{css_class}" markdown>\n{escape_text(text, notes=notes)}\n</aside>'


def render_block(block: Block, notes: frozenset[str] = frozenset()) -> str:
    """One block as Markdown; `notes` are the footnote numbers the article defines."""
    if isinstance(block, Paragraph):
        return render_paragraph(block, notes)
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape_text(block.text)}"
    if isinstance(block, ListBlock):
        return render_list(block.items, notes)
    if isinstance(block, Table):
        return render_table(block)
    if isinstance(block, PullQuote):
        return render_aside("pull-quote", block.text, notes)
    if isinstance(block, Sidebar):
        return render_sidebar(block, notes)
    if isinstance(block, Footnote):
        return f"[^{block.number}]: {escape_text(block.text, notes=notes)}"
    assert isinstance(block, AuthorBio)
    return render_aside("author-bio", block.text, notes)


def render_body(blocks: tuple[Block, ...]) -> str:
    """The text of an article: its blocks in order, consecutive quoted paragraphs in one quotation."""
    notes = frozenset(b.number for b in blocks if isinstance(b, Footnote))
    parts: list[str] = []
    quoting = False
    for block in blocks:
        rendered = render_block(block, notes)
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
