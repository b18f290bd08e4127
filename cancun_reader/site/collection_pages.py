"""The collection's own pages, from what every text gave: the index of the articles, the topics
and theirs (with their members' maps), the timeline, the glossary, the editors' pages and the home
page's fragments."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cancun_reader.collection.citations import Cited
from cancun_reader.collection.entries import meetings_named, merge_events, span, undated
from cancun_reader.collection.glossary import (
    Abbreviation,
    build_glossary,
)
from cancun_reader.core.facts import Event, Mention, TimelineEntry, Topic
from cancun_reader.core.model import STATUSES, Entry, Notice
from cancun_reader.site.edition import (
    TextReport,
    render_editorial_report,
)
from cancun_reader.site.indexes import is_large, render_large_indexes
from cancun_reader.site.pages import (
    render_abbreviations,
    render_article_index,
    render_collection_size,
    render_glossary,
    render_home_cards,
    render_titles_note,
)
from cancun_reader.site.paths import ARTICLES_DIR, INCLUDES_DIR, TOPICS_DIR
from cancun_reader.site.proofreading_page import INDEX as PROOFREADING_INDEX
from cancun_reader.site.proofreading_page import render_proofreading_index
from cancun_reader.site.repairs_page import PAGE as REPAIRS_PAGE
from cancun_reader.site.repairs_page import render_repairs_page
from cancun_reader.site.timeline_page import render_home_timeline, render_timeline
from cancun_reader.site.topic_pages import render_members_map, render_topic, render_topic_index
from cancun_reader.site.worldmap import load_shapes, world_map
from cancun_reader.sources.read import display_path


@dataclass
class Converted:
    """What the collection's pages need from one text: small, and cached between builds."""

    entry: Entry
    notices: list[Notice]
    mentions: dict[str, list[Mention]]
    events: list[Event]
    event_topics: list[list[str]]  # the slugs of the topics each event names
    abbreviations: list[Abbreviation]
    capitals: frozenset[str]
    page: str
    page_digest: str
    quoted: dict[str, list[str]]  # by topic, each of its mentions rendered once, not at every build
    received: dict[str, str | bytes] = field(default_factory=dict)  # the text as received: its page and files
    received_digests: dict[str, str] = field(default_factory=dict)  # theirs, computed once
    report: TextReport | None = None
    status: str = STATUSES[0]  # how far it is proofread, as readers are told


def members_maps(topics: list[Topic], shapes: Path | None) -> tuple[dict[str, str], list[Notice]]:
    """A world map of the members of each topic that lists them, from the country shapes at
    `shapes` (none asked for: no map), and what cannot be drawn, said with the topic file."""
    with_members = [t for t in topics if t.members]
    if not with_members or shapes is None:
        return {}, []
    if not shapes.is_file():
        missing_shapes = "no world map of the members: the country shapes are missing; run `npm ci`"
        return {}, [Notice(missing_shapes, display_path(shapes))]
    countries = load_shapes(shapes)
    maps, notices = {}, []
    for topic in with_members:
        named = [m for group in topic.members for m in group.members]
        svg, missing = world_map(countries, named, topic.members_caption, f"{topic.slug}-map")
        maps[topic.slug] = render_members_map(topic, svg)
        if missing:
            notices.append(Notice(f"no shape on the world map for {', '.join(missing)}", topic.path))
    return maps, notices


@dataclass
class CollectionIndex:
    """What the collection knows of its texts, for its pages: each topic's mentions (and their
    passages, rendered once), the paragraphs its statements cite, the timeline (and the events it
    was made from) and each topic's entries in it, the glossary and the texts that use each
    abbreviation."""

    mentions: dict[str, list[Mention]]
    quoted: dict[str, list[str]]
    cited: Cited
    timeline: list[TimelineEntry]
    events: list[Event]
    events_of: dict[str, list[TimelineEntry]]
    glossary: dict[str, Abbreviation]
    users: dict[str, list[Entry]]


def index_collection(
    texts: list[Converted], topics: list[Topic], cited: Cited, kept: list[Abbreviation]
) -> CollectionIndex:
    """The collection's index, from what each text gave (`Converted`), the topics, the paragraphs
    their statements cite and the abbreviations the editors keep."""
    mentions: dict[str, list[Mention]] = {t.slug: [] for t in topics}
    quoted: dict[str, list[str]] = {t.slug: [] for t in topics}
    for text in texts:
        for slug, found in text.mentions.items():
            mentions[slug].extend(found)
            quoted[slug].extend(text.quoted[slug])
    events = [event for text in texts for event in text.events]
    timeline = merge_events(events)
    named_by = {e: slugs for text in texts for e, slugs in zip(text.events, text.event_topics, strict=True)}
    glossary = build_glossary([text.abbreviations for text in texts], kept)
    users = {short: [t.entry for t in texts if short in t.capitals] for short in glossary}
    events_of = events_by_topic(timeline, events, named_by, [t.slug for t in topics])
    for slug, entries in events_of.items():  # and the meetings its passages name, dated elsewhere
        entries += [e for e in meetings_named(mentions[slug], timeline) if e not in entries]
        entries.sort(key=lambda e: (span(e.start), span(e.end, end=True)))
    return CollectionIndex(mentions, quoted, cited, timeline, events, events_of, glossary, users)


def events_by_topic(
    timeline: list[TimelineEntry], events: list[Event], named_by: dict[Event, list[str]], topics: list[str]
) -> dict[str, list[TimelineEntry]]:
    """Each topic's entries of the timeline: an entry belongs to the topics its passages name; a
    passage that dates two events (the 1999 Seattle meeting and the Miami summit) counts only for
    the event it tells first, its head.

    >>> from cancun_reader.core.facts import Event as E, TimelineEntry as T
    >>> both = "In 1999 in Seattle, and now in Miami in 2003"
    >>> seattle = E((1999, 0, 0), (1999, 0, 0), "1999", both, None)
    >>> miami = E((2003, 0, 0), (2003, 0, 0), "2003", both, None)
    >>> alone = E((2003, 0, 0), (2003, 0, 0), "2003", "Miami, 2003.", None)
    >>> entries = [T((1999, 0, 0), (1999, 0, 0), (seattle,)), T((2003, 0, 0), (2003, 0, 0), (alone, miami))]
    >>> named = {seattle: ["seattle", "ftaa"], miami: ["seattle", "ftaa"], alone: ["ftaa"]}
    >>> found = events_by_topic(entries, [seattle, miami, alone], named, ["seattle", "ftaa"])
    >>> [len(found["seattle"]), len(found["ftaa"])]
    [1, 2]
    """
    dates_per_sentence = Counter(e.sentence for e in events)
    found: dict[str, list[TimelineEntry]] = {slug: [] for slug in topics}
    for entry in timeline:
        telling = [e for e in entry.events if e is entry.head or dates_per_sentence[e.sentence] == 1]
        for slug in dict.fromkeys(slug for event in telling for slug in named_by[event]):
            found[slug].append(entry)
    return found


def render_collection(
    texts: list[Converted], topic_list: list[Topic], index: CollectionIndex, maps: dict[str, str]
) -> dict[str, str | bytes]:
    """Every page of the collection, by its path in `docs/`: the articles (already rendered), their
    index, the topics and theirs, the timeline, the glossary, and the home page's fragments."""
    pages: dict[str, str | bytes] = {}
    entries = [t.entry for t in texts]
    by_slug = {t.slug: t for t in topic_list}
    large = is_large(entries)
    if large:  # the navigation lists these index pages, not every article
        pages.update({f"{ARTICLES_DIR}/{name}": page for name, page in render_large_indexes(entries).items()})
    else:
        pages[f"{ARTICLES_DIR}/index.md"] = render_article_index(
            entries, {t.entry.slug: t.status for t in texts}
        )
    for text in texts:
        pages[f"{ARTICLES_DIR}/{text.entry.slug}.md"] = text.page
        pages.update(text.received)
    pages[REPAIRS_PAGE] = render_repairs_page()
    doubts = [sum(n.is_doubt and n.line > 0 for n in text.notices) for text in texts]
    proofreading = [(text.entry, text.status, count) for text, count in zip(texts, doubts, strict=True)]
    pages[PROOFREADING_INDEX] = render_proofreading_index(proofreading)
    pages["editorial-report.md"] = render_editorial_report(
        [(t.report, t.notices) for t in texts if t.report is not None]
    )
    if topic_list:
        pages[f"{TOPICS_DIR}/index.md"] = render_topic_index(topic_list, index.mentions)
    for topic in topic_list:
        page = render_topic(
            topic,
            index.mentions[topic.slug],
            by_slug,
            index.cited,
            index.events_of[topic.slug],
            index.quoted[topic.slug],
            maps.get(topic.slug, ""),
            compact=large,
        )
        pages[f"{TOPICS_DIR}/{topic.slug}.md"] = page
    pages["timeline.md"] = render_timeline(index.timeline, undated(index.events))
    pages["glossary.md"] = render_glossary(index.glossary, index.users, topic_list)
    pages[f"{INCLUDES_DIR}/abbreviations.md"] = render_abbreviations(index.glossary)
    pages[f"{INCLUDES_DIR}/home-cards.md"] = render_home_cards(entries, topic_list, index.mentions, large)
    pages[f"{INCLUDES_DIR}/home-titles.md"] = render_titles_note(entries)
    pages[f"{INCLUDES_DIR}/about-size.md"] = render_collection_size(entries)
    pages[f"{INCLUDES_DIR}/home-timeline.md"] = render_home_timeline(index.timeline)
    return pages
