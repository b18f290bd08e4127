"""Citing an article: the forms on its page, the files for reference managers, and the metadata in
its head, read as Zotero's Embedded Metadata translator reads it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rispy
from project import ROOT

from cancun_reader.build.pipeline import convert, read_collection
from cancun_reader.core.model import UNKNOWN
from cancun_reader.site.references import KINDS as REFERENCE_KINDS
from cancun_reader.site.references import UNPUBLISHED_NOTE, pandoc
from cancun_reader.sources.catalog import KINDS

ENTRIES = {
    article.slug: article.source.entry
    for article in read_collection(ROOT / "sources", ROOT / "topics").articles
}


class HeadMeta(HTMLParser):
    """The `<meta name content>` pairs of a page's head, in order, values unescaped."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_head = self.in_head or tag == "head"
        found = dict(attrs)
        if tag == "meta" and self.in_head and found.get("name") and found.get("content"):
            self.pairs.append((str(found["name"]), str(found["content"])))

    def handle_endtag(self, tag: str) -> None:
        self.in_head = self.in_head and tag != "head"


def meta_of(page: str) -> list[tuple[str, str]]:
    parser = HeadMeta()
    parser.feed(page)
    return parser.pairs


ZOTERO_TYPES = {"newspaperArticle", "magazineArticle", "journalArticle", "webpage", "document", "report"}


def as_zotero_reads_it(meta: list[tuple[str, str]]) -> dict[str, object]:
    """The item Zotero's Embedded Metadata translator makes of these tags (translators/Embedded
    Metadata.js and RDF.js): the Highwire fields first (`HIGHWIRE_MAPPINGS`, `citation_author`),
    the item type from `DC.type` when it names a Zotero type, else journal article, as for any page
    with `citation_title`; the publication from `citation_journal_title`, else PRISM's
    `publicationName`, `DC.source`, `og:site_name`, in that order."""
    first = {}
    for name, content in meta:
        first.setdefault(name, content)
    dc_type = first.get("DC.type", "")
    item: dict[str, object] = {
        "itemType": "journalArticle" if "citation_journal_title" in first else None,
    }
    item["itemType"] = item["itemType"] or (dc_type if dc_type in ZOTERO_TYPES else "journalArticle")
    mapped = {
        "citation_title": "title",
        "citation_date": "date",
        "citation_publication_date": "date",
        "citation_public_url": "url",
        "citation_language": "language",
    }
    for tag, field in mapped.items():
        if tag in first:
            item.setdefault(field, first[tag])
    item["creators"] = [
        dict(zip(("firstName", "lastName"), name.rsplit(" ", 1), strict=True))
        for tag, name in meta
        if tag == "citation_author"
    ]
    for tag in ("citation_journal_title", "prism.publicationName", "DC.source", "og:site_name"):
        if tag in first:
            item["publicationTitle"] = first[tag]
            break
    return item


@pytest.mark.parametrize("slug", sorted(ENTRIES))
def test_zotero_reads_each_article_as_the_catalog_knows_it(built_site: Path, slug: str) -> None:
    entry = ENTRIES[slug]
    meta = meta_of((built_site / "articles" / f"{slug}.html").read_text(encoding="utf-8"))
    item = as_zotero_reads_it(meta)
    assert item["title"] == f"[{entry.title}]"  # supplied by the editors, so in brackets
    assert "url" not in item, "an unpublished copy has no address to give"
    if entry.author == UNKNOWN:
        assert item["creators"] == []
    else:
        assert item["creators"] == [{"firstName": "Shelly", "lastName": "Delos"}]
    assert item.get("date") == (entry.date if entry.date != UNKNOWN else None)
    if entry.kind == "newspaper article":
        assert item["itemType"] == "newspaperArticle"
        assert item["publicationTitle"] == entry.publication
    else:
        assert item["itemType"] == "webpage" and item["publicationTitle"] == "Cancún 2003 Reader"
    assert "citation_journal_title" not in dict(meta), "it would make Zotero file it as a journal article"
    assert not any("unknown" in content.lower() for _, content in meta), meta


def test_every_kind_of_the_catalog_has_its_reference_types() -> None:
    assert set(KINDS) == set(REFERENCE_KINDS)


@pytest.mark.parametrize("slug", sorted(ENTRIES))
def test_cite_this_gives_three_forms_and_no_address_while_unpublished(built_site: Path, slug: str) -> None:
    """The test site is an unpublished copy (no `SITE_URL`): its citations give no address and say
    why; none gives a placeholder."""
    page = (built_site / "articles" / f"{slug}.html").read_text(encoding="utf-8")
    box = page[page.index('<div class="cite-this"') :]
    box = box[: box.index("</div>")]
    forms = re.findall(
        r'<p class="citation-style"><strong>(\w+)</strong></p>\s*<p class="citation">(.*?)</p>', box
    )
    assert [style for style, _ in forms] == ["Chicago", "APA", "MLA"]
    assert UNPUBLISHED_NOTE in box
    for style, form in forms:
        assert "http" not in form and "example" not in form, style
        assert "file:" not in form and "127.0.0.1" not in form and "unknown" not in form.lower()
    for ext in ("ris", "bib", "json"):
        assert f'href="../cite/{slug}.{ext}" download' in box
        assert (built_site / "cite" / f"{slug}.{ext}").is_file()


def test_the_reference_files_hold_the_collection(built_site: Path) -> None:
    records = json.loads((built_site / "cite" / "collection.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in records) == sorted(ENTRIES)
    assert not any("accessed" in r for r in records), "the date of access is the reader's"
    ris = rispy.loads((built_site / "cite" / "collection.ris").read_text(encoding="utf-8"))
    assert sorted(r["type_of_reference"] for r in ris) == ["ELEC", "ELEC", "NEWS"]
    delos = next(r for r in ris if r["type_of_reference"] == "NEWS")
    assert delos["authors"] == ["Delos, Shelly"] and delos["secondary_title"] == "People's Weekly World"
    assert all(r["publisher"] == "Cancún 2003 Reader" for r in ris if r["type_of_reference"] == "ELEC")
    assert not any("urls" in r for r in ris), "an unpublished copy has no address to give"
    bib = (built_site / "cite" / "collection.bib").read_text(encoding="utf-8")
    read_back = {r["id"]: r for r in json.loads(pandoc("--from=bibtex", "--to=csljson", data=bib))}
    assert sorted(read_back) == sorted(ENTRIES)
    delos = read_back["cancun-walkout-pww"]
    assert delos["type"] == "article-journal" and delos["container-title"] == "People’s Weekly World"
    assert delos["author"] == [{"family": "Delos", "given": "Shelly"}] and delos["issued"]["date-parts"] == [
        [2003]
    ]
    for ident, record in read_back.items():
        if ident != "cancun-walkout-pww":  # no periodical known: a page the reader publishes
            assert record["publisher"] == "Cancún 2003 Reader" and "container-title" not in record, ident
        assert "URL" not in record and record["title"].startswith("["), ident


def test_no_placeholder_address_anywhere(built_site: Path) -> None:
    """Not in any page, reference file or feed of an unpublished copy: no address stands in for the
    one it does not have."""
    found = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*")
        if path.suffix in (".html", ".ris", ".bib", ".json", ".xml", ".txt")
        and re.search(r"example\.(?:org|com|net)", path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []


def test_the_published_address_comes_from_one_setting() -> None:
    """`SITE_URL` (or MkDocs' `site_url`) makes every citation give that address, never a local one."""
    pages = convert(ROOT / "sources", ROOT / "topics", site_url="https://reader.example.net/cancun/").pages
    page = pages["articles/cancun-walkout-pww.md"]
    assert "https://reader.example.net/cancun/articles/cancun-walkout-pww.html" in page
    assert UNPUBLISHED_NOTE not in page
    undated = pages["articles/citizens-diplomacy-cancun-miami.md"]  # cited with the date of access
    box = undated[undated.index('<div class="cite-this"') :]
    assert box.count('class="access-date"') == 3
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL, null]" in mkdocs


def test_a_hostile_catalog_title_stays_text_in_the_head(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("A paragraph of text.\n", encoding="utf-8")
    (sources / "catalog.yml").write_text(
        "- file: a.txt\n  slug: a\n  title: '\"><script>alert(1)</script>'\n  author: Ann O'Neil\n",
        encoding="utf-8",
    )
    page = convert(sources, tmp_path / "topics").pages["articles/a.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
