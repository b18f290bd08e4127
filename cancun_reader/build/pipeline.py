"""The whole conversion: `sources/` and `topics/` → pages, then (optionally) into `docs/`.

`convert` reads everything and renders every page in memory before anything is written, so bad
input stops the build while `docs/` is still exactly as it was.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from cancun_reader.book.downloads import COLLECTION, handout_name, render_downloads
from cancun_reader.book.downloads import PAGE as DOWNLOADS_PAGE
from cancun_reader.build.inputs import Inputs, read_inputs
from cancun_reader.build.memory import Memory
from cancun_reader.build.parallel import map_in_order
from cancun_reader.build.settings import Settings
from cancun_reader.build.texts import convert_linked, convert_text
from cancun_reader.build.write import Plan, apply_plan, digest_of, plan_writes
from cancun_reader.collection.citations import resolve_citations
from cancun_reader.collection.mentions import mention_pattern
from cancun_reader.core.cache import Cache, key_of
from cancun_reader.core.errors import InputError
from cancun_reader.core.facts import Topic
from cancun_reader.core.model import STATUSES, Article, Entry, Notice
from cancun_reader.offline import SHIM_PAGE
from cancun_reader.site.collection_pages import (
    Converted,
    index_collection,
    members_maps,
    render_collection,
)
from cancun_reader.site.paths import article_page, topic_page
from cancun_reader.site.reference_files import collection_files, reference_files, reference_names
from cancun_reader.site.references import (
    BIBLIOGRAPHY,
    UNPUBLISHED,
    citation_forms,
    csl_record,
    render_bibliography,
    render_cite_box,
)
from cancun_reader.site.works_cited import add_works_cited
from cancun_reader.sources.read import display_path, read_bytes


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
class Outputs:
    """The generated pages of one build, keyed by path relative to `docs/`, with the warnings."""

    pages: dict[str, str | bytes] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    load_articles: Callable[[], list[Article]] = list  # the articles, loaded only when asked for
    digests: dict[str, str] = field(default_factory=dict)  # of pages whose digest is known already
    titles: dict[str, str] = field(default_factory=dict)  # of the articles, by slug
    handouts: dict[str, str] = field(default_factory=dict)  # the pages printed alone, by file name
    topics: list[Topic] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # how far each text is proofread, by its path


def convert_texts(
    sources: Path, inputs: Inputs, cache: Cache, watch: Stopwatch, site_url: str
) -> tuple[list[Converted], dict[str, Article], dict[str, dict[str, str]], dict[str, str]]:
    """Each text as the collection's pages need it, in the catalog's order: from the cache, or
    converted (in a pool of processes when there are many), its citation forms rendered first for
    all the texts to convert at once (pandoc runs once per style), then kept in the cache. Also
    the articles converted here, the forms rendered, and each text's key in the cache, by slug."""
    topic_list = inputs.topics
    pattern = mention_pattern(topic_list) if topic_list else None
    hrefs = [topic_page(t.slug, "../") for t in topic_list]
    fresh: dict[str, Article] = {}
    with watch.stage("convert"):
        keys = {
            e.slug: key_of(inputs.digests[e.slug], inputs.topics_signature, site_url) for e in inputs.entries
        }
        cached = {slug: cache.get(key) for slug, key in keys.items()}
        found = {slug: text for slug, text in cached.items() if isinstance(text, Converted)}
        missing = [e for e in inputs.entries if e.slug not in found]
    with watch.stage("references"):
        forms = citation_forms([csl_record(e, site_url) for e in missing], cache) if missing else {}
        boxes = {slug: render_cite_box(slug, own, published=bool(site_url)) for slug, own in forms.items()}
    with watch.stage("convert"):
        work = functools.partial(convert_linked, sources, topic_list, pattern, hrefs, site_url)
        drawn = {e.slug: images_key(sources / e.file) for e in missing if e.is_pdf}
        known = {slug: pages for slug, key in drawn.items() if isinstance(pages := cache.get(key), tuple)}
        items = [(entry, boxes.get(entry.slug, ""), known.get(entry.slug)) for entry in missing]
        converted = list(zip(missing, map_in_order(work, items), strict=True))
        for entry, (article, _, images) in converted:
            fresh[entry.slug] = article
            cache.put(article_key(keys[entry.slug]), article)
            if entry.slug in drawn and entry.slug not in known:
                cache.put(drawn[entry.slug], images)
    with watch.stage("references"):
        files = own_reference_files([entry for entry, _ in converted], site_url, cache)
        for entry, (_, text, _) in converted:
            found[entry.slug] = with_files(text, files[entry.slug])
            cache.put(keys[entry.slug], found[entry.slug])
    return [found[e.slug] for e in inputs.entries], fresh, forms, keys


def convert(
    sources: Path,
    topics: Path,
    *,
    cache: Cache | None = None,
    watch: Stopwatch | None = None,
    site_url: str = UNPUBLISHED,
    shapes: Path | None = None,
    memory: Memory | None = None,
) -> Outputs:
    """Read the inputs and render every generated page, keyed by its path inside `docs/`. With a
    cache, a text whose inputs have not changed since a build that cached it is not converted again."""
    cache = cache or Cache(None)
    watch = watch or Stopwatch()
    with watch.stage("read"):
        inputs = read_inputs(sources, topics, cache, memory.digests if memory else None)
    topic_list = inputs.topics
    texts, fresh, forms, keys = convert_texts(sources, inputs, cache, watch, site_url)

    by_slug = {text.entry.slug: text for text in texts}

    def article_of(slug: str) -> Article:
        if slug not in fresh:
            text = by_slug[slug]
            cached = cache.get(article_key(keys[slug]))
            if isinstance(cached, Article):
                fresh[slug] = cached
            else:
                fresh[slug] = convert_text(sources, text.entry, topic_list, None, site_url, images=())[0]
        return fresh[slug]

    with watch.stage("topics"):
        cited_slugs = {c.source for t in topic_list for c in t.citations}
        cited = resolve_citations(topic_list, [article_of(s) for s in cited_slugs if s in inputs.digests])
        index = index_collection(texts, topic_list, cited, inputs.kept_abbreviations)
    out = Outputs(notices=[*inputs.notices, *(n for t in texts for n in t.notices)])
    out.digests = {article_page(t.entry.slug): t.page_digest for t in texts}
    out.digests |= {name: digest for t in texts for name, digest in t.received_digests.items()}
    out.load_articles = lambda: [article_of(t.entry.slug) for t in texts]
    out.titles = {t.entry.slug: t.entry.title for t in texts}
    folder = display_path(sources)
    out.statuses = {f"{folder}/{t.entry.file}": t.status for t in texts}
    out.topics = topic_list
    printed = [*((t.slug, t.title) for t in topic_list), ("timeline", "Timeline")]  # each printed alone
    out.handouts = {handout_name(f"{slug}.html"): title for slug, title in printed}
    with watch.stage("render"):
        maps, not_drawn = members_maps(topic_list, shapes)
        out.notices += not_drawn
        out.pages = render_collection(texts, topic_list, index, maps)
        out.pages.update(collection_files([t.entry for t in texts], [t.received for t in texts], site_url))
        # the forms rendered for the new texts, and the others' from the cache
        others = [csl_record(t.entry, site_url) for t in texts if t.entry.slug not in forms]
        forms |= citation_forms(others, cache)
        out.pages[BIBLIOGRAPHY] = render_bibliography(forms, bool(site_url))
        add_works_cited(out.pages, [t.slug for t in topic_list], forms, site_url, [sources, topics])
    for topic in topic_list:
        if not index.mentions[topic.slug]:
            out.notices.append(Notice("no source text mentions this topic", topic.path))
    return out


def shim_page(shim: Path) -> tuple[dict[str, str | bytes], list[Notice]]:
    """The search shim as a generated file, or a warning that search from disk will not work."""
    if shim.is_file():
        return {SHIM_PAGE: shim.read_text(encoding="utf-8")}, []
    return {}, [Notice("is missing, so search from file:// cannot start: run `npm ci`", display_path(shim))]


def article_key(text_key: str) -> str:
    """Where a text's whole article is kept in the cache, beside what the pages need of it."""
    return key_of(text_key, "article")


def images_key(path: Path) -> str:
    """Where a PDF's printed pages are kept in the cache: by its bytes alone, so that correcting its
    text does not draw them again."""
    return key_of(read_bytes(path), "printed pages")


def own_reference_files(entries: list[Entry], site_url: str, cache: Cache) -> dict[str, dict[str, str]]:
    """Each text's RIS, BibTeX and CSL-JSON, by slug: made for all at once (pandoc runs once)."""
    files = reference_files(entries, site_url, cache) if entries else {}
    return {
        entry.slug: {name: files[name] for name in reference_names(entry.slug) if name in files}
        for entry in entries
    }


def with_files(text: Converted, files: dict[str, str]) -> Converted:
    """A converted text with more files beside its page, and their digests."""
    return replace(
        text,
        received={**text.received, **files},
        received_digests={**text.received_digests, **{name: digest_of(c) for name, c in files.items()}},
    )


def refuse_unproofread(statuses: dict[str, str], least: str) -> None:
    """Stop the build of a published copy if a text is proofread less than `least`, naming them.

    >>> refuse_unproofread({"sources/a.txt": "validated"}, "proofread")
    >>> try:
    ...     refuse_unproofread({"a.txt": "not proofread", "b.pdf": "problematic"}, "proofread")
    ... except InputError as error:
    ...     print(error.message.split("; ")[1])
    2 are not: a.txt (not proofread), b.pdf (problematic). Proofread them and set \
their status in the catalog, or lower publish_status
    """
    below = {
        path: status for path, status in statuses.items() if STATUSES.index(status) < STATUSES.index(least)
    }
    if below:
        named = ", ".join(f"{path} ({status})" for path, status in below.items())
        raise InputError(
            "mkdocs.yml",
            f"publish_status asks for texts proofread at least to '{least}'; {len(below)} "
            f"{'is' if len(below) == 1 else 'are'} not: {named}. Proofread them and set their status "
            "in the catalog, or lower publish_status",
        )


@dataclass
class Collection:
    """Everything read from the inputs, before rendering."""

    articles: list[Article] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def read_collection(sources: Path, topics: Path) -> Collection:
    """Every text as a whole article, with the topics and the build's warnings, read the build's
    own way (`convert`, with no cache): for the tests and tools that look into the articles."""
    outputs = convert(sources, topics)
    return Collection(outputs.load_articles(), outputs.topics, outputs.notices)


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
    stale generated ones. With `strict`, a warning or a doubt is an error and nothing is written. Beside the
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
        memory=settings.memory,
    )
    outputs.pages[DOWNLOADS_PAGE] = render_downloads(docs, outputs.titles, COLLECTION, outputs.handouts)
    if settings.shim is not None:
        shim, missing = shim_page(settings.shim)
        outputs.pages |= shim
        outputs.notices += missing
    warnings = [notice for notice in outputs.notices if notice.is_warning or notice.is_doubt]
    if strict and warnings:
        first = warnings[0]
        more = f" (and {len(warnings) - 1} more warnings)" if len(warnings) > 1 else ""
        raise InputError(first.path, f"{first.message}{more}; strict mode stops here", first.line)
    if settings.site_url:
        refuse_unproofread(outputs.statuses, settings.publish_status)
    with watch.stage("write"):
        digests = {
            name: outputs.digests.get(name) or digest_of(content) for name, content in outputs.pages.items()
        }
        manifests = settings.memory.manifests
        plan = plan_writes(docs, outputs.pages, digests, manifests)
        if not check:
            apply_plan(docs, plan, outputs.pages, digests, manifests)
    return Report(plan, list(outputs.pages), outputs.notices, outputs.load_articles)
