"""PDF from chapters, laid out by WeasyPrint: for the collection a cover and a table of contents
with page numbers; for every book running titles, page numbers, PDF bookmarks from the headings
(parts, chapters, sections), the metadata the pages know, and tags for accessibility (a reader
that reads aloud follows the structure; each chart is a figure with its text alternative)."""

from __future__ import annotations

import html
from pathlib import Path

import lxml.html
import weasyprint
from lxml.html import HtmlElement
from weasyprint.urls import URLFetcher, URLFetcherResponse

from cancun_reader.book.chapters import Chapter, in_part, laid_out, opens_part
from cancun_reader.book.epub import BookInfo

STYLESHEET = Path(__file__).with_name("print.css")
BASE = "book:///"
PAPERS = {"A4": "A4", "Letter": "letter"}
"""Paper sizes by the names `make pdf PAPER=…` takes, as CSS names them."""


def cover(info: BookInfo, chapters: list[Chapter]) -> str:
    """The collection's first page: its title, what it holds, where it is published."""
    articles = [c for c in chapters if c.part == "Articles"]
    listed = "".join(f"<li>{html.escape(c.title)}</li>" for c in articles)
    return (
        f'<section class="cover"><p class="book-title">{html.escape(info.title)}</p>'
        f'<p class="book-description">{html.escape(info.description)}</p>'
        f'<p class="cover-label">The articles</p><ul class="cover-articles">{listed}</ul>'
        + (
            '<p class="book-address">An unpublished copy: it has no address to cite.</p></section>'
            if info.unpublished
            else f'<p class="book-address">Published at <a href="{html.escape(info.identifier)}">'
            f"{html.escape(info.identifier)}</a>, where every page links to its source.</p></section>"
        )
    )


def contents(chapters: list[Chapter]) -> str:
    """The table of contents: parts, and each chapter with the page it starts on (WeasyPrint's
    `target-counter` fills the numbers in, `print.css` says how)."""
    items = []
    for index, chapter in enumerate(chapters):
        if opens_part(chapters, index):
            part = chapter.part
            items.append(f'<li class="toc-part"><a href="#part-{part.lower()}">{part}</a></li>')
        level = "toc-chapter" if in_part(chapters, index) else "toc-part"
        items.append(f'<li class="{level}"><a href="#{chapter.name}">{html.escape(chapter.title)}</a></li>')
    return f'<nav class="contents"><h1 class="contents-title">Contents</h1><ol>{"".join(items)}</ol></nav>'


def titled(section: HtmlElement) -> str:
    """The chapter, its title marked as the running title of its pages."""
    headings = [h for h in section.iter("h1", "h2") if h.get("id")]
    if headings:
        headings[0].set("class", "chapter-title")
    return lxml.html.tostring(section, encoding="unicode")


def book_document(chapters: list[Chapter], info: BookInfo, paper: str) -> tuple[str, dict[str, bytes]]:
    """The book as one HTML document for WeasyPrint, and the figures it shows, by file name."""
    collection = len(chapters) > 1
    body, figures = [], {}
    if collection:
        body += [cover(info, chapters), contents(chapters)]
    for part, section, found in laid_out(chapters):
        figures.update({figure.name: figure.svg for figure in found})
        if part:
            body.append(f'<h1 class="part" id="part-{part.lower()}">{part}</h1>')
        body.append(titled(section))
    head = [
        '<meta charset="utf-8">',
        f"<title>{html.escape(info.title)}</title>",
        *(f'<meta name="author" content="{html.escape(a)}">' for a in info.authors),
        f'<meta name="description" content="{html.escape(info.description)}">' if info.description else "",
        f"<style>@page {{ size: {PAPERS[paper]}; }}</style>",
    ]
    kind = "collection" if collection else "single"
    document = (
        f'<!doctype html><html lang="{info.language}"><head>{"".join(head)}</head>'
        f'<body class="{kind}">{"".join(body)}</body></html>'
    )
    return document, figures


class FiguresOnly(URLFetcher):
    """What WeasyPrint may load: the book's own figures, from memory; nothing from a network or
    a disk (a link in a text is printed, never fetched)."""

    def __init__(self, figures: dict[str, bytes]) -> None:
        super().__init__(allowed_protocols=["book"])
        self.figures = figures

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        name = url.removeprefix(BASE)
        if name not in self.figures:
            raise ValueError(f"{url}: the book loads nothing from outside itself")
        return URLFetcherResponse(url, self.figures[name], {"Content-Type": "image/svg+xml"})


def write_pdf(chapters: list[Chapter], info: BookInfo, out: Path, paper: str = "A4") -> Path:
    """The chapters as one tagged PDF at `out`, written whole or not at all."""
    document, figures = book_document(chapters, info, paper)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        weasyprint.HTML(string=document, base_url=BASE, url_fetcher=FiguresOnly(figures)).write_pdf(
            partial, stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))], pdf_tags=True
        )
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)  # left only if the layout failed
    return out
