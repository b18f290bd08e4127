"""Reading a build's inputs, once: the sources folder and its catalog (each text with its entry, or
one made from its name), a digest of all each text's page depends on, the topics and the editors'
list of abbreviations; and the warnings about what is there but not read."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from cancun_reader.build.memory import Digests
from cancun_reader.collection.glossary import (
    GLOSSARY_NAME,
    Abbreviation,
    load_glossary,
)
from cancun_reader.core.cache import Cache, key_of
from cancun_reader.core.errors import InputError
from cancun_reader.core.facts import Topic
from cancun_reader.core.model import PDF_SUFFIX, Entry, Notice
from cancun_reader.pdf.document import reader_version
from cancun_reader.pdf.title import first_page_title
from cancun_reader.sources.catalog import CATALOG_NAME, load_catalog, match_files
from cancun_reader.sources.read import display_path, file_facts, is_inside, read_bytes, read_text
from cancun_reader.sources.topics import load_topics
from cancun_reader.text.corrections_file import corrections_path


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
    entries: list[tuple[Entry, int]] = []
    if catalog.exists():
        text = read_text(catalog)
        key = key_of("catalog", text, shown)
        cached = cache.get(key)
        if isinstance(cached, list):
            entries = cached
        else:
            entries = load_catalog(catalog, shown, text)
            cache.put(key, entries)
    elif files:
        notices.append(Notice("no catalog: every text is titled from its file name", shown, severity="note"))
    matched, unmatched = match_files(entries, files, shown)
    return matched, [*notices, *unmatched]


@dataclass
class Inputs:
    """Everything a build reads, read once: the texts' bytes, the topics, the editors' lists."""

    entries: list[Entry]
    digests: dict[str, str]  # by slug, a hash of the text's bytes, corrections, entry and path
    topics: list[Topic]
    topics_signature: str
    kept_abbreviations: list[Abbreviation]
    notices: list[Notice]


SETTLED_NS = 2_000_000_000
"""A file written less than this before its digest was made may have been written again within
the same tick of the file system's clock, its facts unchanged: its digest is made again (as git
does with a file as new as its index)."""


def text_digest(path: Path, entry: Entry, shown: str, made_before: Digests) -> str:
    """A hash of all a text's page depends on besides the topics: its bytes, its corrections, its
    catalog entry and name, and for a PDF the pdftotext that reads it."""
    corrections = corrections_path(path)
    reader = reader_version() if entry.is_pdf else ""  # a PDF's text is its page reader's
    facts = (file_facts(path), file_facts(corrections), repr(entry), shown, reader)
    known = made_before.get(str(path))
    if known is not None and known[0] == facts and facts[0] is not None:
        written = max(f[2] for f in facts[:2] if f is not None)  # the later change time
        if written < known[2] - SETTLED_NS:
            return known[1]
    made = time.time_ns()
    extra = corrections.read_bytes() if facts[1] is not None else b""
    digest = key_of(read_bytes(path), extra, repr(entry), shown, reader)
    made_before[str(path)] = (facts, digest, made)
    return digest


def printed_title(entry: Entry, sources: Path, digest: str, cache: Cache) -> Entry:
    """A PDF with no catalog entry titled as its first page prints its title, when it prints one
    (`pdf.title`), before anything names the text: its page, the navigation and its citations all
    give the same title, and say it is supplied (in brackets). Kept in the cache by the text's
    digest, so that a rebuild does not read the page again."""
    if entry.catalogued or not entry.is_pdf:
        return entry
    key = key_of(digest, "printed title")
    title = cache.get(key)
    if not isinstance(title, str):
        title = first_page_title(read_bytes(sources / entry.file))
        cache.put(key, title)
    return replace(entry, title=title, title_printed=True) if title else entry


def read_inputs(sources: Path, topics: Path, cache: Cache, digests_made: Digests | None = None) -> Inputs:
    """The inputs of a build. `digests_made`: the texts' digests an earlier build of this process
    made, with the facts of their files (`Memory.digests`); a text whose files are as they were is
    not read and hashed again."""
    made_before = {} if digests_made is None else digests_made
    entries, notices = read_catalog(sources, cache)
    digests = {}
    folder = display_path(sources)  # once: as each text's, it took a tenth of a rebuild of 1,000
    for entry in entries:
        shown = entry.file if folder == "." else f"{folder}/{entry.file}"
        digests[entry.slug] = text_digest(sources / entry.file, entry, shown, made_before)
    entries = [printed_title(entry, sources, digests[entry.slug], cache) for entry in entries]
    topic_list: list[Topic] = []
    if topics.is_dir():
        topic_list = load_topics(topics)
    else:
        notices.append(Notice("no topics folder: no topic pages", display_path(topics)))
    topic_files = sorted(topics.glob("*.md")) if topics.is_dir() else []
    signature = key_of(*(path.read_bytes() for path in topic_files))
    kept = load_glossary(sources / GLOSSARY_NAME)
    return Inputs(entries, digests, topic_list, signature, kept, notices)
