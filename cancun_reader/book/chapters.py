"""The built site's pages read into the chapters of a book.

A chapter is the text of one page (its `<article>`), without what only a screen needs: permalinks,
toggles, links to lines of the text as received. Its paragraph numbers stay, as plain text, so a
citation (`Delos, ¶9`) can be followed in the book. Every id is prefixed with the chapter's name,
so that the pages can stand in one document; a link to a page of the book becomes a link inside
it, and a link to a page left out (the text as received, the reference files) the page's published
address.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from cancun_reader.book.figures import Figure, take_figures
from cancun_reader.core.errors import InputError

PARTS = {"articles": "Articles", "topics": "Topics", "timeline": "Timeline", "glossary": "Glossary"}
"""The pages a book holds, by the folder (or page) of the site they are in, in this order."""

SCREEN_ONLY = (
    "a.headerlink",  # a permalink's ¶ sign
    "nav.md-tags",  # the hidden tags (the topics line says the same)
    "a.source-link",  # ↩ to the line as received, on the site
    ".change-removed-here",
    "a.change-mark",
    ".change-origin",
    "del.change-removed",
    "a.changes-toggle",
    ".printed-toggle",  # the printed pages, shown beside the text on a screen
    ".printed-pages",
)
"""What a page shows only on a screen, or only when its changes are shown."""


@dataclass(frozen=True)
class Chapter:
    name: str  # unique in a book: `articles-cancun-walkout-pww`, `timeline`
    path: str  # the page in the site: `articles/cancun-walkout-pww.html`
    part: str  # Articles, Topics, Timeline or Glossary
    title: str
    html: str  # the page's text, cleaned, ids prefixed, links rewritten
    meta: dict[str, tuple[str, ...]]  # the page's metadata (`citation_title`, `description` …)
    url: str  # the page's published address; its path in the site, for an unpublished copy


def chapter_name(path: str) -> str:
    """A page's name in a book, made from its place in the site.

    >>> chapter_name("articles/cancun-walkout-pww.html"), chapter_name("timeline.html")
    ('articles-cancun-walkout-pww', 'timeline')
    """
    return path.removesuffix(".html").replace("/", "-")


def part_of(path: str) -> str | None:
    """The part of a book a page belongs to, or None for a page no book holds (an index, Home).

    >>> part_of("topics/g21.html"), part_of("topics/index.html"), part_of("about.html")
    ('Topics', None, None)
    """
    folder, _, page = path.rpartition("/")
    if page == "index.html":
        return None
    return PARTS.get(folder or page.removesuffix(".html"))


def opens_part(chapters: list[Chapter], index: int) -> bool:
    """Whether a chapter is the first of a part of several chapters, which gets a heading of its
    own (Articles, Topics); a part of one chapter (the timeline) is that chapter."""
    part = chapters[index].part
    first = index == 0 or chapters[index - 1].part != part
    return len(chapters) > 1 and first and sum(c.part == part for c in chapters) > 1


def in_part(chapters: list[Chapter], index: int) -> bool:
    """Whether a chapter stands under a part's heading, one level down."""
    return len(chapters) > 1 and sum(c.part == chapters[index].part for c in chapters) > 1


def deepen(section: HtmlElement) -> None:
    """A chapter's headings one level down, under the heading of its part.

    >>> section = lxml.html.fragment_fromstring('<section><h1>A</h1><h2>B</h2></section>')
    >>> deepen(section); lxml.html.tostring(section)
    b'<section><h2>A</h2><h3>B</h3></section>'
    """
    for heading in section.iter("h1", "h2", "h3", "h4", "h5"):
        heading.tag = f"h{int(heading.tag[1]) + 1}"


def laid_out(chapters: list[Chapter]) -> Iterator[tuple[str | None, HtmlElement, list[Figure]]]:
    """Each chapter as a book holds it, whatever the format: the part it opens (or None), its text
    as a tree (its headings a level down when it stands in a part), and its charts made images."""
    for index, chapter in enumerate(chapters):
        section = lxml.html.fragment_fromstring(chapter.html)
        figures = take_figures(section, chapter.name)
        if in_part(chapters, index):
            deepen(section)
        yield (chapter.part if opens_part(chapters, index) else None), section, figures


def pages_in_order(site: Path) -> list[str]:
    """The pages a book holds, in the order of the site's navigation."""
    home = parse(site / "index.html")
    seen: list[str] = []
    for link in home.cssselect("nav.md-nav--primary a.md-nav__link[href]"):
        path = posixpath.normpath(link.get("href").split("#")[0])
        if part_of(path) and path not in seen and (site / path).is_file():
            seen.append(path)
    return seen


def parse(page: Path) -> HtmlElement:
    if not page.is_file():
        raise InputError(str(page), "no such page in the built site: run 'make site' first")
    return lxml.html.fromstring(page.read_bytes())


def read_chapter(site: Path, path: str, inside: set[str]) -> Chapter:
    """One page of the built site as a chapter of a book holding the pages `inside`."""
    page = parse(site / path)
    (article,) = page.cssselect("article.md-content__inner") or [None]
    if article is None:
        raise InputError(str(site / path), "has no <article>: is this a page of the Cancún 2003 Reader?")
    canonical = page.cssselect('link[rel="canonical"]')
    url = canonical[0].get("href") if canonical else path
    name = chapter_name(path)
    clean(article)
    prefix_ids(article, name)
    relink(article, path, url, inside)
    (heading,) = article.cssselect("h1")[:1] or [None]
    title = heading.text_content().strip() if heading is not None else name
    if heading is not None:
        heading.set("id", name)
    kind = (part_of(path) or "page").lower().removesuffix("s")  # article, topic, timeline, glossary
    article.tag, article.attrib["class"] = "section", f"chapter {kind}"
    return Chapter(
        name=name,
        path=path,
        part=part_of(path) or "",
        title=title,
        html=lxml.html.tostring(article, encoding="unicode"),
        meta=page_meta(page),
        url=url,
    )


def read_chapters(site: Path, paths: list[str] | None = None) -> list[Chapter]:
    """The chapters of a book: the given pages, or every page a book holds, in the nav's order."""
    paths = paths or pages_in_order(site)
    return [read_chapter(site, path, set(paths)) for path in paths]


def clean(article: HtmlElement) -> None:
    """Take out what only a screen needs; keep paragraph numbers as text and open what is folded."""
    for selector in SCREEN_ONLY:
        for element in article.cssselect(selector):
            element.drop_tree()
    for number in article.cssselect("a.paragraph-number"):
        number.tag = "span"
        for attribute in ("href", "title", "data-search-exclude"):
            number.attrib.pop(attribute, None)
    for inserted in article.cssselect("ins"):
        inserted.drop_tag()  # a word made whole reads as a word; the list of changes says where
    for details in article.cssselect("details"):
        for summary in details.cssselect("summary"):
            summary.tag = "p"
            summary.set("class", "summary")
        details.tag = "div"
        details.attrib.pop("open", None)
    for paragraph in article.cssselect(".transcribers-note p"):
        paragraph.text = (paragraph.text or "").lstrip(" ·")  # the toggle's separator, left alone
    for element in article.iter():
        element.attrib.pop("data-search-exclude", None)


def prefix_ids(article: HtmlElement, name: str) -> None:
    for element in article.iter():
        if element.get("id"):
            element.set("id", f"{name}--{element.get('id')}")


def relink(article: HtmlElement, path: str, url: str, inside: set[str]) -> None:
    """Links to a page of the book go inside it; links to any other page of the site go to its
    published address (an unpublished copy has none: the words stay, with no link); links
    elsewhere stay as they are."""
    for link in article.cssselect("a[href]"):
        href = link.get("href")
        target = urlsplit(href)
        if target.scheme or href.startswith("//"):
            continue
        page = posixpath.normpath(
            posixpath.join(posixpath.dirname(path), target.path or posixpath.basename(path))
        )
        if page in inside:
            name = chapter_name(page)
            link.set("href", f"#{name}--{target.fragment}" if target.fragment else f"#{name}")
        elif urlsplit(url).scheme:
            link.set("href", urljoin(url, href))
        else:
            link.attrib.pop("href")
        link.attrib.pop("download", None)


def page_meta(page: HtmlElement) -> dict[str, tuple[str, ...]]:
    """The metadata of a page's head: its description and what reference managers read
    (`citation_*`, `prism.publicationName`, `og:site_name`), which holds only what is known."""
    found: dict[str, list[str]] = {}
    for meta in page.cssselect("head meta[name][content]"):
        name = meta.get("name")
        if name.startswith("citation_") or name in ("description", "prism.publicationName", "og:site_name"):
            found.setdefault(name, []).append(meta.get("content"))
    return {key: tuple(values) for key, values in found.items()}
