"""One text through the stages: read, laid out, parsed into blocks, corrected, repaired, given its
anchors (`make_article`), then rendered with what the collection's pages need of it (`Converted`),
which the build keeps in its cache. The tests and tools read articles the build's way too
(`pipeline.read_collection`)."""

from __future__ import annotations

from pathlib import Path

from cancun_reader.build.write import digest_of
from cancun_reader.collection.glossary import (
    abbreviations_in,
    capitals_in,
)
from cancun_reader.collection.mentions import mentions_in, topics_named
from cancun_reader.collection.timeline import events_in
from cancun_reader.core.errors import InputError
from cancun_reader.core.escape import TopicLinks
from cancun_reader.core.facts import Topic
from cancun_reader.core.model import Article, Entry, Notice, Source
from cancun_reader.core.prose.words import COMMON_WORD, words_of, zipf
from cancun_reader.pdf.images import PageImage, page_images
from cancun_reader.site.collection_pages import Converted
from cancun_reader.site.edition import (
    corrections_file,
    count_phrase,
    place_lines,
    received_file,
    received_original,
    received_page,
    render_received,
    text_report,
)
from cancun_reader.site.iiif import manifest_name, render_manifest
from cancun_reader.site.pages import render_article
from cancun_reader.site.printed_view import page_image
from cancun_reader.site.proofreading_page import proofreading_page, render_proofreading
from cancun_reader.site.reference_files import meta_tags
from cancun_reader.site.topic_pages import render_mention
from cancun_reader.sources.catalog import entry_offered
from cancun_reader.sources.read import display_path, read_bytes, read_text, source_of
from cancun_reader.text.anchors import assign_anchors
from cancun_reader.text.blocks import parse_blocks
from cancun_reader.text.corrections import Directive, apply_corrections
from cancun_reader.text.corrections_file import corrections_path, load_corrections
from cancun_reader.text.doubts import box_parts, find_unresolved
from cancun_reader.text.layout import lay_out
from cancun_reader.text.page_doubts import column_jumps, odd_type
from cancun_reader.text.repair import repair_blocks
from cancun_reader.text.repair.captions import caption_starts


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
    blocks, confirmed = apply_corrections(blocks, directives, source.path, after_repairs=True)
    corrections = display_path(corrections_path(Path(source.path)))
    moved = {r.line: r.into for r in repaired if r.into}
    placed = place_lines(lines, parsed, blocks, moved)
    settled = frozenset(r.line for r in confirmed)
    unresolved = find_unresolved(blocks, corrections, settled)
    unresolved += odd_type(blocks, placed, source.printed, corrections, settled)
    unresolved += column_jumps(blocks, placed, source.printed, corrections, settled)
    unresolved += box_parts(blocks, corrections, settled)
    notices = [Notice(message, source.path, line, severity="doubt") for line, message, _ in unresolved]
    doubts = tuple((line, said) for line, _, said in unresolved)
    changes = (*laid_out, *corrected, *repaired, *confirmed)
    return Article(source, assign_anchors(blocks), changes, placed, doubts), notices


def status_contradicted(path: str, entry: Entry, doubts: int) -> list[Notice]:
    """A doubt, if the catalog says a text is proofread while the build still doubts its reading:
    readers are told it is not proofread until each doubt is settled.

    >>> status_contradicted("sources/a.txt", Entry("a.txt", "a", "A", status="proofread"), 2)[0].message
    'its catalog entry says proofread, but 2 doubts about its reading remain open; readers are told it \
is not proofread until each is settled as its doubt says'

    Negative: a text not said to be proofread, or with no doubt left, says nothing.
    >>> status_contradicted("sources/a.txt", Entry("a.txt", "a", "A"), 2)
    []
    """
    if entry.status_shown(doubts) == entry.status:
        return []
    said = (
        f"its catalog entry says {entry.status}, but {count_phrase(doubts, 'doubt', 'doubts')} about its "
        "reading remain open; "
        "readers are told it is not proofread until each is settled as its doubt says"
    )
    return [Notice(said, path, severity="doubt")]


def convert_linked(
    sources: Path,
    topics: list[Topic],
    pattern,
    hrefs: list[str],
    site_url: str,
    item: tuple[Entry, str, tuple[PageImage, ...] | None],
) -> tuple[Article, Converted, tuple[PageImage, ...]]:
    """`convert_text` of a text, its "Cite this article" box and its printed pages if a build drew
    them before (`item`), with the topic links of its first mentions made here: what a process of
    the pool is given beside the item is the same for every text."""
    entry, cite_box, images = item
    links = TopicLinks(pattern, hrefs) if pattern else None
    return convert_text(sources, entry, topics, links, site_url, cite_box, images)


def printed_files(
    article: Article, data: bytes, images: tuple[PageImage, ...], doubts: list[Notice], site_url: str
) -> dict[str, str | bytes]:
    """What a text read from a PDF adds to the site: the PDF, its pages as pictures, the editors' view
    of them and, for a published copy, their IIIF manifest."""
    slug = article.source.entry.slug
    files: dict[str, str | bytes] = {received_original(article): data}
    files |= {page_image(slug, image.number): image.webp for image in images}
    files[proofreading_page(slug)] = render_proofreading(article, images, doubts)
    if site_url:
        files[manifest_name(slug)] = render_manifest(article, images, site_url)
    return files


def convert_text(
    sources: Path,
    entry: Entry,
    topics: list[Topic],
    links: TopicLinks | None,
    site_url: str,
    cite_box: str = "",
    images: tuple[PageImage, ...] | None = None,
) -> tuple[Article, Converted, tuple[PageImage, ...]]:
    """One text, read, repaired and rendered, with what the collection's pages need of it; and, for
    a PDF, its printed pages as pictures: those given (`images`), else drawn here."""
    data = read_bytes(sources / entry.file)
    source, decoding = source_of(data, display_path(sources / entry.file), entry)
    if images is None:
        images = tuple(page_images(data, source.printed.body_size)) if entry.is_pdf else ()
    corrections = corrections_path(sources / entry.file)
    corrected = corrections.exists()
    article, unresolved = make_article(source, load_corrections(corrections))
    pattern = links.mentions if links else None
    mentions = mentions_in(article, topics, pattern) if pattern else {}
    named = [t for t in topics if t.slug in mentions]
    converted = Converted(
        entry=entry,
        notices=[
            *decoding,
            *unresolved,
            *entry_offered(source.path, entry, article.blocks),
            *status_contradicted(source.path, entry, len(unresolved)),
        ],
        mentions=mentions,
        events=(events := events_in(article)),
        event_topics=[
            [topics[i].slug for i in sorted(topics_named(pattern, e.sentence))] if pattern else []
            for e in events
        ],
        abbreviations=abbreviations_in(article),
        capitals=capitals_in(article),
        page=(
            page := render_article(
                article, named, links, meta_tags(entry, site_url), cite_box, images, bool(site_url)
            )
        ),
        status=entry.status_shown(len(unresolved)),
        page_digest=digest_of(page),
        quoted={slug: [render_mention(m) for m in found] for slug, found in mentions.items()},
        received={received_page(article): render_received(article, corrected)},
        report=text_report(article, corrected),
    )
    converted.received[received_file(article)] = source.text
    if entry.is_pdf:
        converted.received |= printed_files(article, data, images, unresolved, site_url)
    if corrected:
        converted.received[corrections_file(article)] = read_text(corrections)
    converted.received_digests = {name: digest_of(page) for name, page in converted.received.items()}
    return article, converted, images
