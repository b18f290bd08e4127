"""The files a reference manager imports, for each article and for the whole collection: RIS, BibTeX
(through pandoc) and CSL-JSON, holding only what is known of each text."""

from __future__ import annotations

import functools
import json
import re
import textwrap

import rispy

from cancun_reader.core.cache import Cache, key_of
from cancun_reader.core.model import UNKNOWN, Entry
from cancun_reader.site.references import (
    CITE_DIR,
    DOWNLOADS,
    KINDS,
    READER,
    csl_record,
    name_parts,
    page_url,
    pandoc,
    title_of,
)


class RisWithoutCounters(rispy.RisWriter):
    """rispy's writer without the `1.` it puts before each reference, which RIS does not have."""

    def set_header(self, count: int) -> str:
        return ""


def ris_text(records: list[dict[str, object]], entries: dict[str, Entry]) -> str:
    """The records as RIS, the format every reference manager imports."""
    out = []
    for record in records:
        entry = entries[str(record["id"])]
        kind = KINDS.get(entry.kind)
        item: dict[str, object] = {
            "type_of_reference": kind[2] if kind and "container-title" in record else "ELEC",
            "title": record["title"],
            "language": "en",
        }
        if "URL" in record:
            item["urls"] = [record["URL"]]
        if item["type_of_reference"] == "ELEC":
            item["publisher"] = READER
        if entry.author != UNKNOWN:
            parts = name_parts(entry.author)
            item["authors"] = [f"{parts['family']}, {parts['given']}" if "family" in parts else entry.author]
        if "container-title" in record and item["type_of_reference"] != "ELEC":
            item["secondary_title"] = record["container-title"]
        if entry.date != UNKNOWN:
            item["year"] = entry.date[:4]
            item["date"] = entry.date.replace("-", "/")
        out.append(item)
    return rispy.dumps(out, implementation=RisWithoutCounters)


def bibtex_text(records: list[dict[str, object]]) -> str:
    """The records as BibTeX, written by pandoc from the CSL-JSON (as `for_bibtex` gives them)."""
    shaped = [for_bibtex(record) for record in records]
    return pandoc("--from=csljson", "--to=bibtex", data=json.dumps(shaped, ensure_ascii=False))


def for_bibtex(record: dict[str, object]) -> dict[str, object]:
    """A record as BibTeX can file it: an article only with its periodical (`@article` needs a
    journal); else a `@misc` page that the reader publishes.

    >>> for_bibtex({"id": "a", "type": "article-newspaper", "title": "T"})
    {'id': 'a', 'type': 'webpage', 'title': 'T', 'publisher': 'Cancún 2003 Reader'}
    >>> for_bibtex({"id": "a", "type": "webpage", "title": "T", "container-title": "Cancún 2003 Reader"})
    {'id': 'a', 'type': 'webpage', 'title': 'T', 'publisher': 'Cancún 2003 Reader'}

    Negative: a newspaper article whose newspaper is known stays one.
    >>> for_bibtex({"id": "a", "type": "article-newspaper", "container-title": "PWW"})["type"]
    'article-newspaper'
    """
    if record["type"] != "webpage" and "container-title" in record:
        return record
    shaped = {key: value for key, value in record.items() if key != "container-title"}
    return shaped | {"type": "webpage", "publisher": READER}


def meta_tags(entry: Entry, site_url: str) -> list[tuple[str, str]]:
    """The meta tags a reference manager reads from the page: Highwire Press `citation_*` (Google
    Scholar's, read first by Zotero) and Dublin Core. `citation_journal_title` is given only for a
    journal article, since it makes Zotero file the text as one; a periodical's name otherwise goes
    in `prism.publicationName`, and a text of unknown kind is a page of the reader (`og:site_name`).

    >>> dict(meta_tags(Entry("a.txt", "a", "T", author="Shelly Delos", date="2003-10"), "https://x"))["citation_date"]
    '2003/10'
    """
    kind = KINDS.get(entry.kind)
    title = title_of(entry)
    url = page_url(site_url, entry.slug)
    tags = [("citation_title", title)]
    if entry.author != UNKNOWN:
        tags.append(("citation_author", entry.author))
    if entry.date != UNKNOWN:
        tags.append(("citation_date", entry.date.replace("-", "/")))
    if url:
        tags.append(("citation_public_url", url))
    tags.append(("citation_language", "en"))
    if kind and kind[0] == "article-journal" and entry.publication != UNKNOWN:
        tags.append(("citation_journal_title", entry.publication))
    tags += [("DC.title", title), ("DC.type", kind[1] if kind else "webpage"), ("DC.language", "en")]
    if entry.author != UNKNOWN:
        tags.append(("DC.creator", entry.author))
    if entry.date != UNKNOWN:
        tags.append(("DC.date", entry.date))
    if kind and entry.publication != UNKNOWN:
        tags.append(("prism.publicationName", entry.publication))
    tags.append(("og:site_name", READER))
    return tags


def reference_names(slug: str) -> list[str]:
    """The files of one article for reference managers, by path inside `docs/`."""
    return [f"{CITE_DIR}/{slug}.{ext}" for ext in DOWNLOADS]


def reference_files(entries: list[Entry], site_url: str, cache: Cache) -> dict[str, str]:
    """Each article's files for a reference manager, by path inside `docs/`: RIS, BibTeX and
    CSL-JSON (with no date of access: that is the reader's). BibTeX is written by pandoc, once for
    all the records the cache has not seen."""
    records = [csl_record(entry, site_url, accessed=False) for entry in entries]
    keys = {str(r["id"]): key_of(json.dumps(r, sort_keys=True), "bibtex") for r in records}
    bib: dict[str, object] = {ident: cache.get(key) for ident, key in keys.items()}
    missing = [r for r in records if not isinstance(bib[str(r["id"])], str)]
    if missing:
        written = bibtex_text(missing)
        for match in re.finditer(r"(?ms)^@\w+\{(?P<id>[^,\n]+),.*?(?=^@|\Z)", written):
            bib[match["id"]] = match[0].strip() + "\n"
            cache.put(keys[match["id"]], bib[match["id"]])
    by_slug = {entry.slug: entry for entry in entries}
    files: dict[str, str] = {}
    for record in records:
        slug = str(record["id"])
        ris, bibtex, csl = reference_names(slug)
        files[ris] = ris_text([record], by_slug)
        written_bib = bib.get(slug)
        files[bibtex] = written_bib if isinstance(written_bib, str) else ""
        files[csl] = json.dumps([record], ensure_ascii=False, indent=2) + "\n"
    return files


@functools.lru_cache(maxsize=65_536)
def record_in_list(entry: Entry, site_url: str) -> str:
    """An article's CSL-JSON record as it stands in the collection's list (indented one level), kept
    between the builds of a long-lived process: `json` writes indented JSON in Python, slowly."""
    record = json.dumps(csl_record(entry, site_url, accessed=False), ensure_ascii=False, indent=2)
    return textwrap.indent(record, "  ")


def csl_list(entries: list[Entry], site_url: str) -> str:
    """The collection's CSL-JSON, as `json.dumps(records, indent=2)` writes it.

    >>> entries = [Entry("a.txt", "a", "A title"), Entry("b.txt", "b", "Bé", author="Ana Lima")]
    >>> records = [csl_record(entry, "https://x.org/", accessed=False) for entry in entries]
    >>> csl_list(entries, "https://x.org/") == json.dumps(records, ensure_ascii=False, indent=2)
    True
    >>> csl_list([], "https://x.org/")
    '[]'
    """
    if not entries:
        return "[]"
    return "[\n" + ",\n".join(record_in_list(entry, site_url) for entry in entries) + "\n]"


def text_of(files: dict[str, str | bytes], name: str) -> str:
    """The text of one of an article's files, or nothing if it has none of that name."""
    found = files.get(name, "")
    return found if isinstance(found, str) else found.decode()


def collection_files(
    entries: list[Entry], files: list[dict[str, str | bytes]], site_url: str
) -> dict[str, str]:
    """The whole collection's files for a reference manager, joined from each article's."""
    ris = [text_of(own, reference_names(entry.slug)[0]) for entry, own in zip(entries, files, strict=True)]
    bib = [text_of(own, reference_names(entry.slug)[1]) for entry, own in zip(entries, files, strict=True)]
    return {
        f"{CITE_DIR}/collection.ris": "\n\n".join(text.rstrip("\n") for text in ris if text) + "\n",
        f"{CITE_DIR}/collection.bib": "\n".join(text for text in bib if text),
        f"{CITE_DIR}/collection.json": csl_list(entries, site_url) + "\n",
    }
