"""The whole conversion: `sources/` and `topics/` → pages, then (optionally) into `docs/`.

`convert` reads everything and renders every page in memory before anything is written, so bad
input stops the build while `docs/` is still exactly as it was.
"""

from __future__ import annotations

import functools
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .anchors import assign_anchors
from .blocks import parse_blocks
from .book.downloads import COLLECTION, handout_name, render_downloads
from .book.downloads import PAGE as DOWNLOADS_PAGE
from .cache import Cache, key_of
from .catalog import CATALOG_NAME, entry_offered, load_catalog, match_files
from .citations import Cited, resolve_citations
from .corrections import Directive, apply_corrections, corrections_path, load_corrections
from .edition import (
    TextReport,
    corrections_file,
    place_lines,
    received_file,
    received_original,
    received_page,
    render_editorial_report,
    render_received,
    text_report,
)
from .errors import InputError
from .escape import TopicLinks
from .glossary import (
    GLOSSARY_NAME,
    Abbreviation,
    abbreviations_in,
    build_glossary,
    capitals_in,
    load_glossary,
)
from .indexes import is_large, render_large_indexes
from .layout import lay_out
from .mentions import mention_pattern, mentions_in, topics_named
from .model import PDF_SUFFIX, Article, Entry, Event, Mention, Notice, Outputs, Source, TimelineEntry, Topic
from .offline import SHIM_PAGE
from .pages import (
    render_abbreviations,
    render_article,
    render_article_index,
    render_collection_size,
    render_glossary,
    render_home_cards,
    render_members_map,
    render_mention,
    render_titles_note,
    render_topic,
    render_topic_index,
)
from .parallel import map_in_order
from .pdf import reader_version
from .prose.words import COMMON_WORD, words_of, zipf
from .read import display_path, file_facts, is_inside, read_bytes, read_source, read_text, source_of
from .references import (
    BIBLIOGRAPHY,
    CITE_BOX,
    UNPUBLISHED,
    citation_forms,
    collection_files,
    csl_record,
    meta_tags,
    reference_files,
    reference_names,
    render_bibliography,
    render_cite_box,
)
from .repair import find_unresolved, repair_blocks
from .repair.captions import caption_starts
from .repairs_page import PAGE as REPAIRS_PAGE
from .repairs_page import render_repairs_page
from .settings import Settings
from .timeline import events_in, merge_events, undated
from .timeline_page import render_home_timeline, render_timeline
from .topics import load_topics
from .worldmap import load_shapes, world_map
from .write import Plan, apply_plan, digest_of, plan_writes

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
    resolved = folder.resolve()
    with os.scandir(resolved) as found:  # one call for the folder, not one per file
        texts = sorted((e for e in found if e.name.endswith((".txt", PDF_SUFFIX))), key=lambda e: e.name)
    for text in texts:
        if text.is_symlink() and not is_inside(Path(text.path), resolved):
            raise InputError(
                display_path(folder / text.name), "is a link to a file outside the sources folder"
            )
    return [text.name for text in texts]


EDITORS_FILES = (CATALOG_NAME, GLOSSARY_NAME)
CORRECTIONS_SUFFIX = ".corrections.yml"


def stray_files(folder: Path) -> list[Notice]:
    """A warning for each file of the sources folder that the build does not read: a text saved as
    `.md` or `.TXT` would otherwise be left out without a word.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as name:
    ...     for file in ("a.txt", "b.TXT", "catalog.yml", "a.corrections.yml", ".hidden"):
    ...         _ = (Path(name) / file).write_text("x")
    ...     [n.message for n in stray_files(Path(name))]
    ['is not read: only UTF-8 texts named *.txt and PDFs named *.pdf (lower case) are published; \
rename it to b.txt']
    """
    notices = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith(".") or name.endswith((".txt", PDF_SUFFIX)) or name in EDITORS_FILES:
            continue
        if name.endswith(CORRECTIONS_SUFFIX) or path.is_dir():
            continue
        rename = f"; rename it to {path.stem}.txt" if path.suffix.lower() in (".txt", ".md", ".text") else ""
        if path.suffix.lower() == PDF_SUFFIX:
            rename = f"; rename it to {path.stem}{PDF_SUFFIX}"
        only = "only UTF-8 texts named *.txt and PDFs named *.pdf (lower case) are published"
        message = f"is not read: {only}{rename}"
        notices.append(Notice(message, display_path(path)))
    return notices


def read_catalog(folder: Path, cache: Cache | None = None) -> tuple[list[Entry], list[Notice]]:
    """The texts of the sources folder, each with its catalog entry (or one made from its name).
    A catalog read before (the same bytes, the same code) comes from the cache."""
    cache = cache or Cache(None)
    files = list_source_files(folder)
    catalog = folder / CATALOG_NAME
    shown = display_path(catalog)
    notices: list[Notice] = stray_files(folder)
    entries = []
    if catalog.exists():
        text = read_text(catalog)
        key = key_of("catalog", text, shown)
        entries = cache.get(key)  # type: ignore[assignment]
        if not isinstance(entries, list):
            entries = load_catalog(catalog, shown, text)
            cache.put(key, entries)
    elif files:
        notices.append(Notice("no catalog: every text is titled from its file name", shown, severity="note"))
    matched, unmatched = match_files(entries, files, shown)
    return matched, [*notices, *unmatched]


def read_sources(folder: Path) -> tuple[list[Source], list[Notice]]:
    entries, notices = read_catalog(folder)
    sources = []
    for entry in entries:
        source, decoding = read_source(folder / entry.file, entry)
        sources.append(source)
        notices.extend(decoding)
    return sources, notices


def make_article(source: Source, directives: list[Directive]) -> tuple[Article, list[Notice]]:
    """One text through the stages: blocks, editorial corrections, repairs, anchors."""
    known = words_of(source.text)
    lines, laid_out = lay_out(
        source.text, lambda word: word.lower() in known or zipf(word) >= COMMON_WORD, source.printed
    )
    parsed = blocks = parse_blocks(lines)
    if not blocks:
        raise InputError(source.path, "is empty: there is no text to publish")
    blocks, corrected = apply_corrections(blocks, directives, source.path)
    captions = caption_starts(lines, source.printed.small)
    blocks, repaired = repair_blocks(blocks, source.entry, captions, source.printed)
    corrections = display_path(corrections_path(Path(source.path)))
    notices = [Notice(message, source.path, line) for line, message in find_unresolved(blocks, corrections)]
    moved = {r.line: r.into for r in repaired if r.into}
    placed = place_lines(lines, parsed, blocks, moved)
    return Article(source, assign_anchors(blocks), (*laid_out, *corrected, *repaired), placed), notices


def read_collection(sources: Path, topics: Path) -> Collection:
    """Every text as a whole article, with the topics: for the tests and tools that look into the
    articles themselves. The build itself goes through `convert`."""
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
    article_key: str
    received: dict[str, str | bytes] = field(default_factory=dict)  # the text as received: its page and files
    received_digests: dict[str, str] = field(default_factory=dict)  # theirs, computed once
    report: TextReport | None = None


class Stopwatch:
    """Wall time spent in each stage of a build, for the benchmark."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@dataclass
class Inputs:
    """Everything a build reads, read once: the texts' bytes, the topics, the editors' lists."""

    entries: list[Entry]
    digests: dict[str, str]  # by slug, a hash of the text's bytes, corrections, entry and path
    topics: list[Topic]
    topics_signature: str
    kept_abbreviations: list[Abbreviation]
    notices: list[Notice]


_DIGESTS: dict[str, tuple[tuple, str, int]] = {}
"""Each text's digest, with the facts it was made from and when. A long-lived process (`mkdocs
serve`) reads and hashes again only the texts whose file, corrections or entry changed: at a
thousand texts, reading and hashing them all took a tenth of a rebuild. (A build's own process
starts with none of them, and reads every text.)"""

SETTLED_NS = 2_000_000_000
"""A file written less than this before its digest was made may have been written again within
the same tick of the file system's clock, its facts unchanged: its digest is made again (as git
does with a file as new as its index)."""


def text_digest(path: Path, entry: Entry, shown: str) -> str:
    """A hash of all a text's page depends on besides the topics: its bytes, its corrections, its
    catalog entry and name, and for a PDF the pdftotext that reads it."""
    corrections = corrections_path(path)
    reader = reader_version() if entry.is_pdf else ""  # a PDF's text is its page reader's
    facts = (file_facts(path), file_facts(corrections), repr(entry), shown, reader)
    known = _DIGESTS.get(str(path))
    if known is not None and known[0] == facts and facts[0] is not None:
        written = max(f[2] for f in facts[:2] if f is not None)  # the later change time
        if written < known[2] - SETTLED_NS:
            return known[1]
    made = time.time_ns()
    extra = corrections.read_bytes() if facts[1] is not None else b""
    digest = key_of(read_bytes(path), extra, repr(entry), shown, reader)
    _DIGESTS[str(path)] = (facts, digest, made)
    return digest


def read_inputs(sources: Path, topics: Path, cache: Cache) -> Inputs:
    entries, notices = read_catalog(sources, cache)
    digests = {}
    folder = display_path(sources)  # once: as each text's, it took a tenth of a rebuild of 1,000
    for entry in entries:
        shown = entry.file if folder == "." else f"{folder}/{entry.file}"
        digests[entry.slug] = text_digest(sources / entry.file, entry, shown)
    topic_list: list[Topic] = []
    if topics.is_dir():
        topic_list = load_topics(topics)
    else:
        notices.append(Notice("no topics folder: no topic pages", display_path(topics)))
    topic_files = sorted(topics.glob("*.md")) if topics.is_dir() else []
    signature = key_of(*(path.read_bytes() for path in topic_files))
    kept = load_glossary(sources / GLOSSARY_NAME)
    return Inputs(entries, digests, topic_list, signature, kept, notices)


def convert_linked(
    sources: Path, topics: list[Topic], pattern, hrefs: list[str], site_url: str, entry: Entry
) -> tuple[Article, Converted]:
    """`convert_text` with the topic links of the text's first mentions, made here: what a process
    of the pool is given is the same for every text."""
    links = TopicLinks(pattern, hrefs) if pattern else None
    return convert_text(sources, entry, topics, links, site_url)


def convert_text(
    sources: Path, entry: Entry, topics: list[Topic], links: TopicLinks | None, site_url: str
) -> tuple[Article, Converted]:
    """One text, read, repaired and rendered, with what the collection's pages need of it."""
    data = read_bytes(sources / entry.file)
    source, decoding = source_of(data, display_path(sources / entry.file), entry)
    corrections = corrections_path(sources / entry.file)
    article, unresolved = make_article(source, load_corrections(corrections))
    pattern = links.mentions if links else None
    mentions = mentions_in(article, topics, pattern) if pattern else {}
    named = [t for t in topics if t.slug in mentions]
    if links:
        links.new_section()
    converted = Converted(
        entry=entry,
        notices=[*decoding, *unresolved, *entry_offered(source.path, entry, article.blocks)],
        mentions=mentions,
        events=(events := events_in(article)),
        event_topics=[
            [topics[i].slug for i in sorted(topics_named(pattern, e.sentence))] if pattern else []
            for e in events
        ],
        abbreviations=abbreviations_in(article),
        capitals=capitals_in(article),
        page=(page := render_article(article, named, links, meta_tags(entry, site_url))),
        page_digest=digest_of(page),
        quoted={slug: [render_mention(m) for m in found] for slug, found in mentions.items()},
        article_key="",
        received={received_page(article): render_received(article, corrections.exists())},
        report=text_report(article, corrections.exists()),
    )
    converted.received[received_file(article)] = source.text
    if entry.is_pdf:
        converted.received[received_original(article)] = data
    if corrections.exists():
        converted.received[corrections_file(article)] = read_text(corrections)
    converted.received_digests = {name: digest_of(page) for name, page in converted.received.items()}
    return article, converted


def convert(
    sources: Path,
    topics: Path,
    *,
    cache: Cache | None = None,
    watch: Stopwatch | None = None,
    site_url: str = UNPUBLISHED,
    shapes: Path | None = None,
) -> Outputs:
    """Read the inputs and render every generated page, keyed by its path inside `docs/`. With a
    cache, a text whose inputs have not changed since a build that cached it is not converted again."""
    cache = cache or Cache(None)
    watch = watch or Stopwatch()
    with watch.stage("read"):
        inputs = read_inputs(sources, topics, cache)
    topic_list = inputs.topics
    pattern = mention_pattern(topic_list) if topic_list else None
    hrefs = [f"../{TOPICS_DIR}/{t.slug}.md" for t in topic_list]
    fresh: dict[str, Article] = {}
    new: dict[str, Converted] = {}  # by cache key: the texts converted by this build
    with watch.stage("convert"):
        keys = {
            e.slug: key_of(inputs.digests[e.slug], inputs.topics_signature, site_url) for e in inputs.entries
        }
        found = {slug: cache.get(key) for slug, key in keys.items()}
        missing = [e for e in inputs.entries if not isinstance(found[e.slug], Converted)]
        work = functools.partial(convert_linked, sources, topic_list, pattern, hrefs, site_url)
        for entry, (article, converted) in zip(missing, map_in_order(work, missing), strict=True):
            key = keys[entry.slug]
            converted.article_key = key_of(key, "article")
            fresh[entry.slug] = article
            new[key] = converted
            found[entry.slug] = converted
            cache.put(converted.article_key, article)
        texts = [found[e.slug] for e in inputs.entries]
    with watch.stage("references"):
        # how to cite each new text, rendered for them all at once (pandoc runs once per style),
        # then kept with the text: a rebuild renders only the texts it converts
        forms = attach_references(list(new.values()), site_url, cache)
        for key, converted in new.items():
            cache.put(key, converted)

    by_slug = {text.entry.slug: text for text in texts}

    def article_of(slug: str) -> Article:
        if slug not in fresh:
            text = by_slug[slug]
            cached = cache.get(text.article_key)
            fresh[slug] = cached or convert_text(sources, text.entry, topic_list, None, site_url)[0]  # type: ignore[assignment]
        return fresh[slug]

    with watch.stage("topics"):
        mentions: dict[str, list[Mention]] = {t.slug: [] for t in topic_list}
        quoted: dict[str, list[str]] = {t.slug: [] for t in topic_list}
        for text in texts:
            for slug, found in text.mentions.items():
                mentions[slug].extend(found)
                quoted[slug].extend(text.quoted[slug])
        cited_slugs = {c.source for t in topic_list for c in t.citations}
        cited = resolve_citations(topic_list, [article_of(s) for s in cited_slugs if s in inputs.digests])
        events = [event for text in texts for event in text.events]
        timeline = merge_events(events)
        named_by = {
            e: slugs for text in texts for e, slugs in zip(text.events, text.event_topics, strict=True)
        }
        # an entry belongs to the topics its passages name; a passage that dates two events (the
        # 1999 Seattle meeting and the Miami summit) counts only for the event it tells first
        dates_per_sentence = Counter(e.sentence for e in events)
        events_of: dict[str, list[TimelineEntry]] = {t.slug: [] for t in topic_list}
        for entry in timeline:
            telling = [e for e in entry.events if e is entry.head or dates_per_sentence[e.sentence] == 1]
            for slug in dict.fromkeys(slug for event in telling for slug in named_by[event]):
                events_of[slug].append(entry)
        glossary = build_glossary([text.abbreviations for text in texts], inputs.kept_abbreviations)
        users = {short: [t.entry for t in texts if short in t.capitals] for short in glossary}
    out = Outputs(notices=[*inputs.notices, *(n for t in texts for n in t.notices)])
    out.digests = {f"{ARTICLES_DIR}/{t.entry.slug}.md": t.page_digest for t in texts}
    out.digests |= {name: digest for t in texts for name, digest in t.received_digests.items()}
    out.load_articles = lambda: [article_of(t.entry.slug) for t in texts]
    out.titles = {t.entry.slug: t.entry.title for t in texts}
    out.handouts = {handout_name(f"{t.slug}.html"): t.title for t in topic_list}
    out.handouts[handout_name("timeline.html")] = "Timeline"
    with watch.stage("render"):
        render_collection(
            out.pages,
            texts,
            topic_list,
            mentions,
            cited,
            (timeline, events),
            events_of,
            glossary,
            users,
            quoted,
            members_maps(topic_list, shapes, out.notices),
        )
        out.pages.update(collection_files([t.entry for t in texts], [t.received for t in texts], site_url))
        # the forms rendered for the new texts, and the others' from the cache
        others = [csl_record(t.entry, site_url) for t in texts if t.entry.slug not in forms]
        forms |= citation_forms(others, cache)
        out.pages[BIBLIOGRAPHY] = render_bibliography(forms, bool(site_url))
    for topic in topic_list:
        if not mentions[topic.slug]:
            out.notices.append(Notice("no source text mentions this topic", topic.path))
    return out


def add_shim(outputs: Outputs, shim: Path) -> None:
    """The search shim among the generated files, or a warning that search from disk will not work."""
    if shim.is_file():
        outputs.pages[SHIM_PAGE] = shim.read_text(encoding="utf-8")
    else:
        outputs.notices.append(
            Notice("is missing, so search from file:// cannot start: run `npm ci`", display_path(shim))
        )


def attach_references(texts: list[Converted], site_url: str, cache: Cache) -> dict[str, dict[str, str]]:
    """Put into each text's page its "Cite this article" box, and among its files its RIS, BibTeX
    and CSL-JSON, with their digests; the forms rendered, by slug."""
    if not texts:
        return {}
    forms = citation_forms([csl_record(t.entry, site_url) for t in texts], cache)
    files = reference_files([t.entry for t in texts], site_url, cache)
    for text in texts:
        slug = text.entry.slug
        text.page = text.page.replace(CITE_BOX, render_cite_box(slug, forms[slug], published=bool(site_url)))
        text.page_digest = digest_of(text.page)
        own = {name: content for name, content in files.items() if name in reference_names(slug)}
        text.received.update(own)
        text.received_digests.update({name: digest_of(content) for name, content in own.items()})
    return forms


def members_maps(topics: list[Topic], shapes: Path | None, notices: list[Notice]) -> dict[str, str]:
    """A world map of the members of each topic that lists them, from the country shapes at
    `shapes` (none asked for: no map); what cannot be drawn is said, with the topic file."""
    with_members = [t for t in topics if t.members]
    if not with_members or shapes is None:
        return {}
    if not shapes.is_file():
        notices.append(
            Notice(
                "no world map of the members: the country shapes are missing; run `npm ci`",
                display_path(shapes),
            )
        )
        return {}
    countries = load_shapes(shapes)
    maps = {}
    for topic in with_members:
        named = [m for group in topic.members for m in group.members]
        svg, missing = world_map(countries, named, topic.members_caption, f"{topic.slug}-map")
        maps[topic.slug] = render_members_map(topic, svg)
        if missing:
            notices.append(Notice(f"no shape on the world map for {', '.join(missing)}", topic.path))
    return maps


def render_collection(
    pages: dict[str, str],
    texts: list[Converted],
    topic_list: list[Topic],
    mentions: dict[str, list[Mention]],
    cited: Cited,
    events: tuple[list[TimelineEntry], list[Event]],
    events_of: dict[str, list[TimelineEntry]],
    glossary: dict[str, Abbreviation],
    users: dict[str, list[Entry]],
    quoted: dict[str, list[str]],
    maps: dict[str, str],
) -> None:
    """Every page of the collection into `pages`: the articles (already rendered), their index, the
    topics and theirs, the timeline, the glossary, and the home page's fragments."""
    entries = [t.entry for t in texts]
    by_slug = {t.slug: t for t in topic_list}
    large = is_large(entries)
    if large:  # the navigation lists these index pages, not every article
        pages.update({f"{ARTICLES_DIR}/{name}": page for name, page in render_large_indexes(entries).items()})
    else:
        pages[f"{ARTICLES_DIR}/index.md"] = render_article_index(entries)
    for text in texts:
        pages[f"{ARTICLES_DIR}/{text.entry.slug}.md"] = text.page
        pages.update(text.received)
    pages[REPAIRS_PAGE] = render_repairs_page()
    pages["editorial-report.md"] = render_editorial_report(
        [(t.report, t.notices) for t in texts if t.report is not None]
    )
    if topic_list:
        pages[f"{TOPICS_DIR}/index.md"] = render_topic_index(topic_list, mentions)
    for topic in topic_list:
        page = render_topic(
            topic,
            mentions[topic.slug],
            by_slug,
            cited,
            events_of[topic.slug],
            quoted[topic.slug],
            maps.get(topic.slug, ""),
            compact=large,
        )
        pages[f"{TOPICS_DIR}/{topic.slug}.md"] = page
    timeline, told = events
    pages["timeline.md"] = render_timeline(timeline, undated(told))
    pages["glossary.md"] = render_glossary(glossary, users, topic_list)
    pages[f"{INCLUDES_DIR}/abbreviations.md"] = render_abbreviations(glossary)
    pages[f"{INCLUDES_DIR}/home-cards.md"] = render_home_cards(entries, topic_list, mentions, large)
    pages[f"{INCLUDES_DIR}/home-titles.md"] = render_titles_note(entries)
    pages[f"{INCLUDES_DIR}/about-size.md"] = render_collection_size(entries)
    pages[f"{INCLUDES_DIR}/home-timeline.md"] = render_home_timeline(timeline)


@dataclass
class Report:
    """What a build did (or, with `check`, would do) to `docs/`."""

    plan: Plan
    pages: list[str]
    notices: list[Notice]
    load_articles: Callable[[], list[Article]]


def build(
    settings: Settings, *, check: bool = False, strict: bool = False, watch: Stopwatch | None = None
) -> Report:
    """Convert and, unless `check`, write the pages that changed into `settings.docs` and remove
    stale generated ones. With `strict`, a warning is an error and nothing is written. Beside the
    pages go the site's page of downloads (the books found in `docs/downloads/`) and the search
    shim."""
    watch = watch or Stopwatch()
    docs = settings.docs
    outputs = convert(
        settings.sources,
        settings.topics,
        cache=settings.cache,
        watch=watch,
        site_url=settings.site_url,
        shapes=settings.shapes,
    )
    outputs.pages[DOWNLOADS_PAGE] = render_downloads(docs, outputs.titles, COLLECTION, outputs.handouts)
    if settings.shim is not None:
        add_shim(outputs, settings.shim)
    warnings = [notice for notice in outputs.notices if notice.is_warning]
    if strict and warnings:
        first = warnings[0]
        more = f" (and {len(warnings) - 1} more warnings)" if len(warnings) > 1 else ""
        raise InputError(first.path, f"{first.message}{more}; strict mode stops here", first.line)
    with watch.stage("write"):
        digests = {
            name: outputs.digests.get(name) or digest_of(content) for name, content in outputs.pages.items()
        }
        plan = plan_writes(docs, outputs.pages, digests)
        if not check:
            apply_plan(docs, plan, outputs.pages, digests)
    return Report(plan, list(outputs.pages), outputs.notices, outputs.load_articles)
