"""The whole conversion: `sources/` and `topics/` → pages, then (optionally) into `docs/`.

`convert` reads everything and renders every page in memory before anything is written, so bad
input stops the build while `docs/` is still exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .anchors import assign_anchors
from .blocks import parse_blocks
from .catalog import CATALOG_NAME, load_catalog, match_files
from .citations import resolve_citations
from .corrections import Directive, apply_corrections, corrections_path, load_corrections
from .errors import InputError
from .escape import TopicLinks
from .glossary import GLOSSARY_NAME, build_glossary, load_glossary
from .mentions import find_mentions, mention_pattern
from .model import Article, Notice, Outputs, Source, Topic
from .pages import (
    render_abbreviations,
    render_article,
    render_article_index,
    render_glossary,
    render_home_cards,
    render_home_timeline,
    render_timeline,
    render_topic,
    render_topic_index,
)
from .read import display_path, is_inside, read_source, read_text
from .repair import find_unresolved, repair_blocks
from .timeline import find_events
from .topics import load_topics
from .write import Plan, apply_plan, plan_writes

ARTICLES_DIR = "articles"
TOPICS_DIR = "topics"
INCLUDES_DIR = ".includes"  # fragments that pages include; hidden, so MkDocs makes no page of them


@dataclass
class Collection:
    """Everything read from the inputs, before rendering."""

    articles: list[Article] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def list_source_files(folder: Path) -> list[str]:
    if not folder.is_dir():
        raise InputError(display_path(folder), "the sources folder does not exist")
    names = []
    for path in sorted(folder.glob("*.txt")):
        if not is_inside(path, folder):
            raise InputError(display_path(path), "is a link to a file outside the sources folder")
        names.append(path.name)
    return names


def read_sources(folder: Path) -> tuple[list[Source], list[Notice]]:
    files = list_source_files(folder)
    catalog = folder / CATALOG_NAME
    shown = display_path(catalog)
    notices: list[Notice] = []
    entries = []
    if catalog.exists():
        entries = load_catalog(catalog, shown, read_text(catalog))
    elif files:
        notices.append(Notice("no catalog: every text is titled from its file name", shown))
    matched, unmatched = match_files(entries, files, shown)
    notices.extend(unmatched)
    sources = []
    for entry in matched:
        text, decoding = read_source(folder / entry.file)
        sources.append(Source(display_path(folder / entry.file), text, entry))
        notices.extend(decoding)
    return sources, notices


def make_article(source: Source, directives: list[Directive]) -> tuple[Article, list[Notice]]:
    """One text through the stages: blocks, editorial corrections, repairs, anchors."""
    blocks = parse_blocks(source.text)
    if not blocks:
        raise InputError(source.path, "is empty: there is no text to publish")
    blocks, corrected = apply_corrections(blocks, directives, source.path)
    blocks, repaired = repair_blocks(blocks, source.entry)
    notices = [Notice(message, source.path, line) for line, message in find_unresolved(blocks)]
    return Article(source, assign_anchors(blocks), (*corrected, *repaired)), notices


def read_collection(sources: Path, topics: Path) -> Collection:
    found, notices = read_sources(sources)
    collection = Collection(notices=notices)
    for source in found:
        directives = load_corrections(corrections_path(sources / source.entry.file))
        article, unresolved = make_article(source, directives)
        collection.articles.append(article)
        collection.notices.extend(unresolved)
    if topics.is_dir():
        collection.topics = load_topics(topics)
    else:
        collection.notices.append(Notice("no topics folder: no topic pages", display_path(topics)))
    return collection


def convert(sources: Path, topics: Path) -> Outputs:
    """Read the inputs and render every generated page, keyed by its path inside `docs/`."""
    collection = read_collection(sources, topics)
    articles, topic_list = collection.articles, collection.topics
    mentions = find_mentions(articles, topic_list)
    cited = resolve_citations(topic_list, articles)
    events = find_events(articles)
    glossary = build_glossary(articles, load_glossary(sources / GLOSSARY_NAME))
    by_slug = {t.slug: t for t in topic_list}
    out = Outputs(notices=collection.notices, articles=articles)
    pages = out.pages
    pages[f"{ARTICLES_DIR}/index.md"] = render_article_index(articles)
    pattern = mention_pattern(topic_list) if topic_list else None
    for article in articles:
        named = [t for t in topic_list if any(m.article is article for m in mentions[t.slug])]
        links = TopicLinks(pattern, [f"../{TOPICS_DIR}/{t.slug}.md" for t in topic_list]) if pattern else None
        pages[f"{ARTICLES_DIR}/{article.slug}.md"] = render_article(article, named, links)
    if topic_list:
        pages[f"{TOPICS_DIR}/index.md"] = render_topic_index(topic_list, mentions)
    for topic in topic_list:
        if not mentions[topic.slug]:
            out.notices.append(Notice("no source text mentions this topic", topic.path))
        pages[f"{TOPICS_DIR}/{topic.slug}.md"] = render_topic(
            topic, mentions[topic.slug], by_slug, cited, events
        )
    pages["timeline.md"] = render_timeline(events)
    pages["glossary.md"] = render_glossary(glossary, articles)
    pages[f"{INCLUDES_DIR}/abbreviations.md"] = render_abbreviations(glossary)
    pages[f"{INCLUDES_DIR}/home-cards.md"] = render_home_cards(articles, topic_list, mentions)
    pages[f"{INCLUDES_DIR}/home-timeline.md"] = render_home_timeline(events)
    return out


@dataclass
class Report:
    """What a build did (or, with `check`, would do) to `docs/`."""

    plan: Plan
    pages: list[str]
    notices: list[Notice]
    articles: list[Article]


def build(sources: Path, topics: Path, docs: Path, *, check: bool = False, strict: bool = False) -> Report:
    """Convert and, unless `check`, write the pages that changed and remove stale generated ones.
    With `strict`, a warning is an error and nothing is written."""
    outputs = convert(sources, topics)
    if strict and outputs.notices:
        first = outputs.notices[0]
        more = f" (and {len(outputs.notices) - 1} more warnings)" if len(outputs.notices) > 1 else ""
        raise InputError(first.path, f"{first.message}{more}; strict mode stops here", first.line)
    plan = plan_writes(docs, outputs.pages)
    if not check:
        apply_plan(docs, plan, outputs.pages)
    return Report(plan, list(outputs.pages), outputs.notices, outputs.articles)
