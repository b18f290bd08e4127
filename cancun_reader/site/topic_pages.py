"""A topic's page and the index of the topics: the introduction and key facts, each citing the
paragraph it rests on, the members and their map, the events, and every passage that names it."""

from __future__ import annotations

from collections import Counter

from cancun_reader.collection.citations import Cited
from cancun_reader.core.escape import escape_html, escape_text, front_matter
from cancun_reader.core.facts import Citation, Mention, TimelineEntry, Topic
from cancun_reader.site.edition import count_phrase
from cancun_reader.site.pages import escaped, place_address, spelled_names
from cancun_reader.site.paths import article_page
from cancun_reader.site.timeline_page import render_entry
from cancun_reader.sources.topics import CITATION


def cite_link(citation: Citation, cited: Cited) -> str:
    """A link to the paragraph a statement rests on, named as a citation: `Delos, ¶9`."""
    place = cited[citation]
    return f"[{escape_text(place.label)}]({place_address(place)})"


def cite(citation: Citation, cited: Cited) -> str:
    return f"({cite_link(citation, cited)})"


def render_introduction(topic: Topic, cited: Cited) -> str:
    """The hand-written introduction, each `[[slug: words]]` made a link to the cited paragraph."""
    citations = iter(topic.introduction_citations)
    return CITATION.sub(lambda _: cite(next(citations), cited), topic.introduction)


def render_topic(
    topic: Topic,
    mentions: list[Mention],
    by_slug: dict[str, Topic],
    cited: Cited,
    events: list[TimelineEntry],
    quoted: list[str] | None = None,
    world: str = "",
    compact: bool = False,
) -> str:
    """A topic page: introduction, key facts, members (and `world`, their map), the events that
    name it, then every passage that names it. `quoted` may hold the passages already rendered
    (`render_mention`, in the order of `mentions`), kept from an earlier build. `compact` (a large
    collection): each article's passages as links to their paragraphs, not quoted."""
    parts = [front_matter({"title": topic.title}).rstrip(), f"# {escape_text(topic.title)}"]
    if topic.spellings:
        spelled = ", ".join(escape_text(s) for s in topic.spellings)
        parts.append(f"*Other spellings: {spelled}.*\n{{ .also-spelled }}")
    parts.append(render_introduction(topic, cited))
    if topic.facts:
        facts = "\n".join(f"- {fact.text} {cite(fact.citation, cited)}" for fact in topic.facts)
        parts.append(f"## Key facts\n\n{facts}")
    if topic.members:
        rows = "\n".join(
            f"| {escape_text(g.label)} | {escape_text(', '.join(g.members))} | {len(g.members)} "
            f"| {cite_link(g.citation, cited)} |"
            for g in topic.members
        )
        parts.append(render_members_total(topic, rows, cited))
        if world:
            parts.append(world)
    if events:
        # a sentence the passages below quote is not quoted twice: here, its date and citation only
        below = set() if compact else {sentence for mention in mentions for sentence in mention.sentences}
        entries = (render_entry(e, log="../timeline.md", quote=e.head.sentence not in below) for e in events)
        parts.append("## Timeline\n\n" + "\n\n".join(entries))
    parts.append(render_passage_links(mentions) if compact else render_passages(mentions, quoted))
    if topic.related:
        related = [by_slug[s] for s in topic.related]
        parts.append(
            "## Related topics\n\n" + "\n".join(f"- [{escape_text(t.title)}]({t.slug}.md)" for t in related)
        )
    return "\n\n".join(parts) + "\n"


def render_passages(mentions: list[Mention], quoted: list[str] | None = None) -> str:
    """'What the sources say': how many passages in which articles, then each passage quoted."""
    parts = ["## What the sources say"]
    if not mentions:
        parts.append("No source text mentions this topic yet.")
        return "\n\n".join(parts)
    per_article = Counter(m.place.slug for m in mentions)
    titles = {m.place.slug: m.place.title for m in mentions}
    rows = "\n".join(f"| [{escaped(titles[s])}](#{s}) | {n} |" for s, n in per_article.items())
    parts.append(
        f"{count_phrase(len(mentions), 'passage', 'passages')} in "
        f"{count_phrase(len(per_article), 'article', 'articles')}.\n\n"
        f"| Article | Passages |\n| --- | --- |\n{rows}"
    )
    rendered = quoted if quoted is not None else [render_mention(m) for m in mentions]
    by_article: dict[str, list[str]] = {}
    for mention, markdown in zip(mentions, rendered, strict=True):
        by_article.setdefault(mention.place.slug, []).append(markdown)
    for slug, own in by_article.items():
        parts.append(f"### {escaped(titles[slug])} {{ #{slug} }}")
        parts.append("\n".join(own))
    return "\n\n".join(parts)


def render_passage_links(mentions: list[Mention]) -> str:
    """'What the sources say' for a large collection: one line per article, its passages counted
    and each a link to its paragraph (`— 2 passages: ¶3, ¶7`), so that the page stays short at a
    thousand texts."""
    parts = ["## What the sources say"]
    if not mentions:
        return "\n\n".join([*parts, "No source text mentions this topic yet."])
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.place.slug, []).append(mention)
    parts.append(
        f"{count_phrase(len(mentions), 'passage', 'passages')} in "
        f"{count_phrase(len(by_article), 'article', 'articles')}, each linked to its paragraph."
    )
    lines = []
    for slug, own in by_article.items():
        numbers = ", ".join(f"[¶{m.place.number}]({place_address(m.place)})" for m in own)
        count = count_phrase(len(own), "passage", "passages")
        lines.append(f"- [{escaped(own[0].place.title)}]({article_page(slug, '../')}) — {count}: {numbers}")
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def render_mention(mention: Mention) -> str:
    """A passage as an item of its article's list: the sentences that name the topic, quoted, and
    the paragraph they come from, as a citation linked to it (`Delos, ¶9`)."""
    quote = " … ".join(escape_text(s) for s in mention.sentences)
    label = escape_text(mention.place.label)
    return f"- “{quote}” ([{label}]({place_address(mention.place)}))"


def render_members_total(topic: Topic, rows: str, cited: Cited) -> str:
    """The members table, with its total: how many the texts name and, where a text gives the
    group's size (the Group of 21), of how many, said in words above the table too."""
    named = sum(len(g.members) for g in topic.members)
    total = topic.members_total
    count = f"**{named} of {total.count}**" if total else f"**{named}**"
    source = cite_link(total.citation, cited) if total else ""
    lead = (
        f"The texts name {named} of the group's {total.count} members ({source}).\n\n"
        if total and named < total.count
        else ""
    )
    return (
        f"## {escape_text(topic.members_caption)}\n\n{lead}| Group | Named in the texts | Count | Source |\n"
        f"| --- | --- | --- | --- |\n{rows}\n| **Named in all** | | {count} | {source} |"
    )


def render_members_map(topic: Topic, svg: str) -> str:
    """The members' map in a figure, its numbers explained under it; on a screen narrower than the
    map, the map scrolls sideways, so that its numbers are never smaller than 11 px."""
    named = [m for group in topic.members for m in group.members]
    key = " · ".join(f"{number} {escape_html(name)}" for number, name in enumerate(named, 1))
    return (
        f'<figure class="members-map"><div class="map-scroll" data-search-exclude>{svg}</div>'
        f"<figcaption>{escape_html(topic.members_caption)}, "
        f"numbered in the order of the table: {key}. Shapes: Natural Earth, 1:110m.</figcaption></figure>"
    )


def render_topic_index(topics: list[Topic], mentions: dict[str, list[Mention]]) -> str:
    meta: dict[str, object] = {"title": "Topics"}
    if spelled := spelled_names(topics):
        meta["search"] = {"spellings": spelled}
    parts = [front_matter(meta).rstrip(), "# Topics"]
    rows = []
    for topic in topics:
        found = mentions[topic.slug]
        count = len({m.place.slug for m in found})
        rows.append(f"| [{escape_text(topic.title)}]({topic.slug}.md) | {len(found)} | {count} |")
    parts.append("| Topic | Passages | Articles |\n| --- | --- | --- |\n" + "\n".join(rows))
    parts.append("## Articles by topic\n\n<!-- material/tags -->")
    return "\n\n".join(parts) + "\n"
