"""Which books are made from a built site, and what each says of itself: the whole collection,
and one book per article, each in EPUB and PDF; and a PDF handout of each topic and of the
timeline, for a teacher to print one."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit

from cancun_reader.book.chapters import Chapter, parse, read_chapters
from cancun_reader.book.downloads import COLLECTION, handout_name
from cancun_reader.book.epub import BookInfo, write_epub
from cancun_reader.book.pdf import write_pdf


def first(meta: dict[str, tuple[str, ...]], *keys: str) -> str:
    """The first value a page's metadata gives under any of the keys, or "" (not known).

    >>> first({"citation_date": ("2003",)}, "citation_publication_date", "citation_date")
    '2003'
    >>> first({}, "citation_date")
    ''
    """
    return next((meta[key][0] for key in keys if meta.get(key)), "")


def book_identifier(address: str, name: str) -> str:
    """What identifies a book: the published address of its page; for an unpublished copy, which
    has none, a UUID made from the book's name (the same for every build of it).

    >>> book_identifier("https://reader.example.net/articles/a.html", "x")
    'https://reader.example.net/articles/a.html'
    >>> book_identifier("articles/a.html", "Cancún 2003 Reader/articles/a.html")
    'urn:uuid:c31dbc3e-ba2b-5496-b323-e2d94b06b4d6'
    """
    if urlsplit(address).scheme in ("http", "https"):
        return address
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def collection_info(site: Path) -> BookInfo:
    """What the collection's book says of itself, from the site's home page."""
    home = parse(site / "index.html")
    canonical = home.cssselect('link[rel="canonical"]')
    description = home.cssselect('meta[name="description"]')
    name = home.findtext(".//title").split(" - ")[-1].strip()  # the site's name
    return BookInfo(
        title=name,
        identifier=book_identifier(canonical[0].get("href") if canonical else "", name),
        description=description[0].get("content", "") if description else "",
        publisher=name,
    )


def article_info(chapter: Chapter, collection: BookInfo) -> BookInfo:
    """What an article's book says of itself: its page's metadata, which holds only what is known
    (a title the editors composed in brackets, no author or date when the text gives none)."""
    meta = chapter.meta
    return BookInfo(
        title=first(meta, "citation_title") or chapter.title,
        identifier=book_identifier(chapter.url, f"{collection.title}/{chapter.path}"),
        description=first(meta, "description"),
        authors=meta.get("citation_author", ()),
        date=first(meta, "citation_publication_date", "citation_date"),
        publisher=collection.title,
    )


def handout_info(chapter: Chapter, collection: BookInfo) -> BookInfo:
    """What a handout says of itself: its page's title, from the collection."""
    return BookInfo(
        title=f"{chapter.title}: {collection.title}",
        identifier=book_identifier(chapter.url, f"{collection.title}/{chapter.path}"),
        description=f"{chapter.title}, a page of {collection.title}, to print.",
        publisher=collection.title,
    )


def is_handout(chapter: Chapter) -> bool:
    """A topic's page or the timeline (not the index of the topics)."""
    return chapter.part in ("Topics", "Timeline") and not chapter.path.endswith("index.html")


def make_books(site: Path, out: Path, kind: str, paper: str = "A4") -> list[Path]:
    """The collection's book and one per article, of one kind (`epub` or `pdf`), into `out`; with
    PDFs, a handout of each topic and of the timeline."""
    chapters = read_chapters(site)
    collection = collection_info(site)
    books = [(chapters, collection, COLLECTION)]
    for chapter in chapters:  # each read again: its links to other pages leave its book
        if chapter.part == "Articles":
            alone = read_chapters(site, [chapter.path])
            books.append((alone, article_info(chapter, collection), Path(chapter.path).stem))
        elif kind == "pdf" and is_handout(chapter):
            alone = read_chapters(site, [chapter.path])
            books.append((alone, handout_info(chapter, collection), handout_name(chapter.path)))
    written = []
    for book, info, name in books:
        if kind == "epub":
            written.append(write_epub(book, info, out / f"{name}.epub"))
        else:
            written.append(write_pdf(book, info, out / f"{name}.pdf", paper))
    return written
