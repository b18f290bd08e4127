"""Whole pages: an article, a topic, and the index of each section, as Markdown with front matter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import UNKNOWN, Article, Mention, Paragraph, Topic
from .render import escape_code, escape_text, front_matter, render_body

# Repairs counted in an article's "About this text" note, with the words used to count them.
COUNTED_REPAIRS = (
    ("word rejoined", "word rejoined", "words rejoined"),
    ("paragraph rejoined", "paragraph rejoined", "paragraphs rejoined"),
    ("pull quote set apart", "pull quote set apart", "pull quotes set apart"),
    ("sidebar set apart", "sidebar set apart", "sidebars set apart"),
    ("footnote linked", "footnote linked", "footnotes linked"),
    ("heading in title case", "heading set in title case", "headings set in title case"),
    ("author bio boxed", "author's note set as a byline box", "author's notes set as byline boxes"),
)


def source_file(article: Article) -> str:
    """Where the text lives in the project, the same whichever folder the build was run from."""
    return f"sources/{article.source.entry.file}"


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


def count_phrase(count: int, singular: str, plural: str) -> str:
    """`1 word rejoined`, `7 words rejoined`."""
    return f"{count} {singular if count == 1 else plural}"


def render_about_text(article: Article) -> str:
    """A collapsed note that says what the build changed in the text, and how to see each change."""
    kinds = Counter(repair.kind for repair in article.repairs)
    counted = [count_phrase(kinds[kind], one, many) for kind, one, many in COUNTED_REPAIRS if kinds[kind]]
    corrections = sum(n for kind, n in kinds.items() if kind.startswith("correction:"))
    if corrections:
        counted.append(
            count_phrase(corrections, "editorial correction applied", "editorial corrections applied")
        )
    summary = ", ".join(counted) if counted else "no repairs were needed"
    return (
        '??? info "About this text"\n\n'
        f"    This page is made from {escape_code(source_file(article))} at every build. "
        f"The build repaired what the print layout did to the text: {summary}.\n\n"
        "    Each change is listed, with its line in the source, by "
        "<code>python scripts/build.py --explain</code>."
    )


def render_article(article: Article, topics: list[Topic]) -> str:
    """The page of one article: title, byline, topics, notes on the text, the text, its origin."""
    entry = article.source.entry
    parts = [front_matter({"title": entry.title, "description": entry.summary}).rstrip()]
    parts.append(f"# {escape_text(entry.title)}")
    if entry.title_is_editorial:
        parts.append(
            "*Editorial title: the source text gives none, so the editors composed this one.*\n"
            "{ .editorial-note }"
        )
    parts.append(f"{byline(article)}\n{{ .byline }}")
    if topics:
        parts.append(f"Topics: {topic_links(topics, '../topics/')}\n{{ .article-topics }}")
    if any(isinstance(b, Paragraph) and b.opens_mid_sentence for b in article.blocks):
        parts.append(
            "*The source text begins in the middle of a sentence: its opening is lost.*\n{ .editorial-note }"
        )
    parts.append(render_body(article.blocks))
    parts.append(render_provenance(article))
    parts.append(render_about_text(article))
    return "\n\n".join(parts) + "\n"


def render_provenance(article: Article) -> str:
    entry = article.source.entry
    rows = [
        ("Source file", escape_code(source_file(article))),
        ("Original address", escape_text(entry.url)),
        ("Catalog", "entry in <code>sources/catalog.yml</code>" if entry.catalogued else "no entry yet"),
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
