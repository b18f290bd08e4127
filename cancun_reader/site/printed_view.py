"""The printed page beside the text, for a text read from a PDF: each page's picture (`pdf/images`),
over which every block's regions (`text/regions`) are links to the block, and the button that
shows them beside the text (`reader.js` does the showing; without a script the pages stay hidden,
as they are in print and in the books).

A region's place is given in percent of its page, so it stays on its words at any size the
picture is shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from cancun_reader.core.escape import escape_inert
from cancun_reader.core.model import (
    Article,
    AuthorBio,
    Block,
    Caption,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Sidebar,
    Table,
)
from cancun_reader.pdf.images import PageImage
from cancun_reader.site.paths import PRINTED_DIR
from cancun_reader.site.status import page_status, status_word
from cancun_reader.text.regions import Region, block_regions, doubts_by_page

FRONT = {"title": "The title as printed", "deck": "The deck as printed", "byline": "The byline as printed"}
NAMES = {
    ListBlock: "A list",
    Table: "A table",
    PullQuote: "A pull quote",
    Caption: "A picture's caption",
    AuthorBio: "About the author",
}
MARGIN = 1.5
"""Points around a region's words, so that its outline does not cross them."""


def page_image(slug: str, number: int) -> str:
    """Where a page's picture is, inside `docs/`.

    >>> page_image("a-text", 2)
    'printed/a-text/page-2.webp'
    """
    return f"{PRINTED_DIR}/{slug}/page-{number}.webp"


def block_name(block: Block) -> str:
    """What a region is called, to a screen reader and as its tooltip: the block it leads to.

    >>> block_name(Paragraph("It ended.", 3, "it-ended", 2)), block_name(Footnote("1", "See.", 9))
    ('Paragraph 2', 'Note 1')
    >>> block_name(Heading("After Cancún", 5))
    'Heading: After Cancún'
    """
    if isinstance(block, Paragraph):
        return FRONT[block.front] if block.front else f"Paragraph {block.number}"
    if isinstance(block, Heading):
        return f"Heading: {block.text}"
    if isinstance(block, Footnote):
        return f"Note {block.number}"
    if isinstance(block, Sidebar):
        return f"A box: {block.title}"
    return NAMES[type(block)]


def block_target(block: Block) -> str:
    """The address of a block on its article's page: a paragraph's anchor, a note's, or (for the
    others, which `reader.js` finds by their first line) none.

    >>> block_target(Paragraph("It ended.", 3, "it-ended", 2)), block_target(Footnote("1", "See.", 9))
    ('#it-ended', '#fn:1')

    Negative: a heading is found by its line.
    >>> block_target(Heading("After Cancún", 5))
    ''
    """
    if isinstance(block, Paragraph) and block.anchor:
        return f"#{block.anchor}"
    if isinstance(block, Footnote):
        return f"#fn:{block.number}"
    return ""


def percent(value: float, whole: float) -> str:
    """`value` as a share of `whole`, in percent, as CSS takes it.

    >>> percent(59.5, 595.0), percent(-3.0, 595.0)
    ('10.000%', '0.000%')
    """
    return f"{max(0.0, min(100.0, 100 * value / whole)):.3f}%"


def render_region(region: Region, block: Block, size: tuple[float, float], unsure: bool = False) -> str:
    """A region of a page as a link to its block, placed over the page's picture; one whose reading
    the build is `unsure` of is marked so, there too."""
    _, x0, top, x1, bottom = region
    width, height = size
    x0, top, x1, bottom = x0 - MARGIN, top - MARGIN, x1 + MARGIN, bottom + MARGIN
    style = (
        f"left:{percent(x0, width)};top:{percent(top, height)};"
        f"width:{percent(x1 - x0, width)};height:{percent(bottom - top, height)}"
    )
    name = escape_inert(block_name(block) + (", its reading unsure" if unsure else ""))
    href = block_target(block) or "#"
    doubted = " doubted" if unsure else ""
    return (
        f'<a class="printed-region{doubted}" href="{href}" data-line="{block.line}" style="{style}" '
        f'title="{name}" aria-label="{name}, on the text"></a>'
    )


def page_caption(article: Article, number: int, doubts: dict[int, int]) -> str:
    """A page's number and how far it is proofread, in its status's colour."""
    status = page_status(article.source.entry, number, doubts.get(number, 0))
    return f"Page {number} · {status_word(status)}"


def render_printed_pages(article: Article, images: Sequence[PageImage], prefix: str = "../") -> str:
    """The printed pages of an article, each block's regions over them, hidden until the reader
    asks (`reader.js`); nothing for a text that did not come as a PDF."""
    regions = block_regions(article)
    if not images or not regions:
        return ""
    blocks = {block.line: block for block in article.blocks}
    sizes = {number: (width, height) for number, width, height in article.source.printed.pages}
    doubted = {line for line, _ in article.doubts}
    by_page: dict[int, list[str]] = {}
    for line, found in sorted(regions.items()):
        for region in found:
            if line in blocks:
                shown = render_region(region, blocks[line], sizes[region[0]], line in doubted)
                by_page.setdefault(region[0], []).append(shown)
    on_pages = doubts_by_page(article)
    figures = []
    for image in images:
        src = f"{prefix}{page_image(article.slug, image.number)}"
        figures.append(
            f'<figure class="printed-page" data-page="{image.number}"><div class="printed-sheet">'
            f'<img src="{src}" width="{image.width}" height="{image.height}" loading="lazy" '
            f'alt="Page {image.number} as printed">'
            + "".join(by_page.get(image.number, []))
            + f"</div><figcaption>{page_caption(article, image.number, on_pages)}</figcaption></figure>"
        )
    pages = "\n".join(figures)
    return (
        '<section class="printed-pages" aria-label="The printed pages" hidden data-search-exclude>\n'
        '<p class="printed-help">Each outlined region is a block of the text: choose one to go to it. '
        "Choose a paragraph's number, then “Show on the printed page”, to come back here.</p>\n"
        f"{pages}\n</section>"
    )
