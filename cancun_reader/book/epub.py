"""EPUB 3 from chapters, written by pandoc (`references.pandoc`, the one `pypandoc-binary` ships):
a title page, a table of contents in parts (Articles, Topics, …) when the book holds more than one
page, the charts as SVG images with their text alternatives, and the metadata the pages give:
nothing a page does not know."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import yaml
from lxml.html import HtmlElement

from cancun_reader.book.chapters import Chapter, laid_out
from cancun_reader.site.references import pandoc

STYLESHEET = Path(__file__).with_name("epub.css")


@dataclass(frozen=True)
class BookInfo:
    """What a book says of itself: only what its pages know (no date, no author, if none is known)."""

    title: str
    identifier: str  # the published address of the page, or of the site; unpublished, a UUID URN
    description: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    publisher: str = ""
    language: str = "en"

    @property
    def unpublished(self) -> bool:
        """Whether the book comes from a copy with no published address (its identifier a UUID)."""
        return self.identifier.startswith("urn:")

    def pandoc_metadata(self) -> dict[str, object]:
        """The metadata pandoc writes into the EPUB's package document.

        >>> BookInfo("A", "https://x.org/a.html").pandoc_metadata()
        {'title': 'A', 'identifier': [{'scheme': 'URI', 'text': 'https://x.org/a.html'}], 'lang': 'en'}
        """
        metadata: dict[str, object] = {
            "title": self.title,
            "identifier": [{"scheme": "URN" if self.unpublished else "URI", "text": self.identifier}],
            "lang": self.language,
        }
        if self.authors:
            metadata["creator"] = [{"role": "author", "text": a} for a in self.authors]
        for key in ("description", "date", "publisher"):
            if getattr(self, key):
                metadata[key] = getattr(self, key)
        return metadata


KEEPS_ID = {"div", "section", "span", "h1", "h2", "h3", "h4", "h5", "h6"}
"""The elements whose id pandoc keeps; a paragraph's or a list item's it drops."""


def for_pandoc(root: HtmlElement) -> HtmlElement:
    """What pandoc's HTML reader would drop, put where it keeps it: an id moved into an empty span
    at the start of its element (so that a link to a paragraph, `Delos, ¶9`, still leads to it once
    pandoc has cut the book into files), a box (`<aside>`) and a paragraph's class kept on a `<div>`
    (so that a sidebar, a pull quote or a byline stays what it is).

    >>> def show(html):
    ...     root = lxml.html.fragment_fromstring(html)
    ...     return lxml.html.tostring(for_pandoc(root), encoding="unicode")
    >>> show('<div><p id="p-1">Text</p><aside class="sidebar"><p>Box</p></aside></div>')
    '<div><p><span id="p-1"></span>Text</p><div class="sidebar"><p>Box</p></div></div>'
    >>> show('<div><p class="byline">By A</p></div>')
    '<div><div class="byline"><p>By A</p></div></div>'
    """
    for element in list(root.iter()):
        if element.get("id") and element.tag not in KEEPS_ID:
            anchor = lxml.html.Element("span", id=element.attrib.pop("id"))
            anchor.tail, element.text = element.text, None
            element.insert(0, anchor)
        if element.tag == "aside":
            element.tag = "div"
        elif element.tag == "p" and element.get("class"):
            box = lxml.html.Element("div", {"class": element.attrib.pop("class")})
            element.addprevious(box)
            box.tail, element.tail = element.tail, None
            box.append(element)
    return root


def book_html(chapters: list[Chapter]) -> tuple[str, list]:
    """The whole book as one HTML document for pandoc, and the figures its chapters hold."""
    body, figures = [], []
    for part, section, found in laid_out(chapters):
        figures += found
        if part:
            body.append(f'<h1 id="part-{part.lower()}">{part}</h1>')
        body.append(lxml.html.tostring(for_pandoc(section), encoding="unicode"))
    document = '<html lang="en"><head><meta charset="utf-8"></head><body>{}</body></html>'
    return document.format("\n".join(body)), figures


def write_epub(chapters: list[Chapter], info: BookInfo, out: Path) -> Path:
    """The chapters as one EPUB 3 at `out`, written whole or not at all; pandoc's work happens in
    a folder removed afterwards."""
    html, figures = book_html(chapters)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cancun-reader-epub-") as work:
        folder = Path(work)
        for figure in figures:
            (folder / figure.name).parent.mkdir(parents=True, exist_ok=True)
            (folder / figure.name).write_bytes(figure.svg)
        (folder / "metadata.yaml").write_text(
            yaml.safe_dump(info.pandoc_metadata(), allow_unicode=True), encoding="utf-8"
        )
        partial = out.resolve().with_name(f".{out.name}.partial")
        try:
            pandoc(
                "--from=html",
                "--to=epub3",
                f"--output={partial}",
                f"--metadata-file={folder / 'metadata.yaml'}",
                f"--css={STYLESHEET}",
                f"--resource-path={folder}",
                f"--split-level={2 if len(chapters) > 1 else 1}",
                "--toc",
                "--toc-depth=2",
                "--epub-title-page=true",
                data=html,
            )
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)  # left only if pandoc failed
    return out
