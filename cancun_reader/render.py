"""Stage 5, render: articles and topics → Markdown pages.

Source text is untrusted data. It reaches Markdown only through `escape_text`, the one place where
escaping happens, so nothing a text contains can become markup, HTML or an include. The single
piece of markup the texts really use, `*emphasis*` around words, is kept by the explicit rule
`EMPHASIS`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import yaml

from .model import UNKNOWN, Article, Block, Heading, ListBlock, Mention, Paragraph, Table, Topic

EMPHASIS = re.compile(r"(?<![\w*\\])\*(?P<inner>[^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])")
"""Single asterisks around words, as the texts mark titles and foreign names: `*Vía Campesina*`."""

ALWAYS_ESCAPED = re.compile(r"[\\`*_\[\]{}]")
"""Characters that can start Markdown markup anywhere in a line: backslash-escaped."""

LINE_START_MARKUP = re.compile(r"^(?:[#+-]|\d+[.)])")
"""What makes markup only at the start of a line: headings, quotes, list items, numbered items."""

HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _escape_plain(text: str) -> str:
    text = "".join(HTML_SPECIAL.get(char, char) for char in text)
    return ALWAYS_ESCAPED.sub(lambda m: "\\" + m[0], text)


def escape_text(text: str, *, keep_emphasis: bool = True) -> str:
    """Turn untrusted source text into Markdown that shows exactly that text.

    >>> escape_text("<script>alert(1)</script> [x](javascript:y) *Vía Campesina*")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\[x\\\\](javascript:y) *Vía Campesina*'
    >>> escape_text("1999. Seattle")
    '1999\\\\. Seattle'
    """
    out: list[str] = []
    position = 0
    for match in EMPHASIS.finditer(text) if keep_emphasis else ():
        out.append(_escape_plain(text[position : match.start()]))
        out.append("*" + _escape_plain(match["inner"]) + "*")
        position = match.end()
    out.append(_escape_plain(text[position:]))
    escaped = "".join(out)
    start = LINE_START_MARKUP.match(escaped)
    if start:
        marker = start[0]
        escaped = marker[:-1] + "\\" + escaped[len(marker) - 1 :]
    return escaped


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


def render_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"{escape_text(block.text)}\n{{ #{block.anchor} }}"
    if isinstance(block, Heading):
        return f"## {escape_text(block.text)}"
    if isinstance(block, ListBlock):
        return "\n".join(f"- {escape_text(item)}" for item in block.items)
    return render_table(block)


def render_table(table: Table) -> str:
    width = max(len(row) for row in table.rows)
    rows = [list(row) + [""] * (width - len(row)) for row in table.rows]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(escape_text(c).replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(rows[0]), "|" + " --- |" * width, *(line(r) for r in rows[1:])])


def byline(article: Article) -> str:
    entry = article.source.entry
    author = f"By {escape_text(entry.author)}" if entry.author != UNKNOWN else "Author unknown"
    publication = (
        f"*{escape_text(entry.publication)}*" if entry.publication != UNKNOWN else "publication unknown"
    )
    date = escape_text(entry.date) if entry.date != UNKNOWN else "date unknown"
    return f"{author} · {publication} · {date}"


def topic_links(topics: Iterable[Topic], prefix: str) -> str:
    return " · ".join(f"[{escape_text(t.title)}]({prefix}{t.slug}.md)" for t in topics)


def render_article(article: Article, topics: list[Topic]) -> str:
    """The page of one article: title, byline, topics, the text, and where it comes from."""
    entry = article.source.entry
    parts = [front_matter({"title": entry.title, "description": entry.summary}).rstrip()]
    parts.append(f"# {escape_text(entry.title)}")
    if entry.title_is_editorial:
        parts.append(
            "*Editorial title: the source text gives none, so the editors composed this one.*\n"
            "{ .editorial-title }"
        )
    parts.append(f"{byline(article)}\n{{ .byline }}")
    if topics:
        parts.append(f"Topics: {topic_links(topics, '../topics/')}\n{{ .article-topics }}")
    parts.extend(render_block(block) for block in article.blocks)
    parts.append(render_provenance(article))
    return "\n\n".join(parts) + "\n"


def render_provenance(article: Article) -> str:
    entry = article.source.entry
    rows = [
        ("Source file", escape_code(article.source.path)),
        ("Original address", escape_text(entry.url)),
        ("Catalog", "entry in `sources/catalog.yml`" if entry.catalogued else "no entry yet"),
    ]
    if entry.notes:
        rows.append(("Notes", escape_text(entry.notes)))
    table = "\n".join(f"| {label} | {value} |" for label, value in rows)
    return f"## Where this text comes from\n\n| | |\n| --- | --- |\n{table}"


def render_article_index(articles: list[Article]) -> str:
    parts = [front_matter({"title": "Articles"}).rstrip(), "# Articles"]
    for article in articles:
        entry = article.source.entry
        summary = escape_text(entry.summary) if entry.summary != UNKNOWN else ""
        parts.append(
            f"## [{escape_text(entry.title)}]({entry.slug}.md)\n\n{byline(article)}\n\n{summary}".rstrip()
        )
    return "\n\n".join(parts) + "\n"


def render_topic(topic: Topic, mentions: list[Mention], topics_by_slug: dict[str, Topic]) -> str:
    """A topic page: the hand-written introduction, then every passage of the texts that names it."""
    articles = list(dict.fromkeys(m.article.slug for m in mentions))
    parts = [front_matter({"title": topic.title}).rstrip(), f"# {escape_text(topic.title)}"]
    parts.append(topic.introduction)
    parts.append("## What the sources say")
    if not mentions:
        parts.append("No source text mentions this topic yet.")
    else:
        noun = "passage" if len(mentions) == 1 else "passages"
        parts.append(f"{len(mentions)} {noun} in {len(articles)} of the articles.")
    for slug in articles:
        own = [m for m in mentions if m.article.slug == slug]
        parts.append(f"### [{escape_text(own[0].article.source.entry.title)}](../articles/{slug}.md)")
        parts.extend(render_mention(m) for m in own)
    if topic.related:
        related = [topics_by_slug[s] for s in topic.related]
        parts.append(
            "## Related topics\n\n" + "\n".join(f"- [{escape_text(t.title)}]({t.slug}.md)" for t in related)
        )
    return "\n\n".join(parts) + "\n"


def render_mention(mention: Mention) -> str:
    """A quotation and, outside it, the link to its paragraph (which also keeps two quotations
    from merging into one block quote)."""
    quote = " … ".join(escape_text(s) for s in mention.sentences)
    link = f"../articles/{mention.article.slug}.md#{mention.paragraph.anchor}"
    return f"> {quote}\n\n[Read it in context]({link})\n{{ .mention-source }}"


def render_topic_index(topics: list[Topic], mentions: dict[str, list[Mention]]) -> str:
    parts = [front_matter({"title": "Topics"}).rstrip(), "# Topics"]
    rows = []
    for topic in topics:
        found = mentions[topic.slug]
        count = len({m.article.slug for m in found})
        rows.append(f"| [{escape_text(topic.title)}]({topic.slug}.md) | {len(found)} | {count} |")
    parts.append("| Topic | Passages | Articles |\n| --- | --- | --- |\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"
