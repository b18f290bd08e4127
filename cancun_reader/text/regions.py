"""Where each block of a text read from a PDF stands on its printed pages: the regions a proofreading
view outlines when a reader asks to see a paragraph on its page, and from which a click on the
page leads back to the block.

A block's lines keep the page and box they were read from (`Printed.places`); the lines of a
block that stand together (one page, one column, one line after another) make one region, so a
paragraph continued in the next column or on the next page has a region in each.
"""

from __future__ import annotations

from cancun_reader.core.model import Article, Printed

Region = tuple[int, float, float, float, float]
"""A rectangle of a printed page: the page's number, then left, top, right and bottom in points
from its top-left corner."""

GAP_LINES = 1.6
"""Lines further apart than this many of their own heights do not stand together: a block set
apart in between, a box or a picture."""


def together(region: Region, line: Region) -> bool:
    """Whether a line goes on the region above it: on the same page, overlapping it from side to
    side, and starting within a line's height or so below it.

    >>> together((1, 50.0, 100.0, 280.0, 124.0), (1, 50.0, 125.0, 270.0, 137.0))
    True

    Negative: the next column, or the next page, starts a region of its own.
    >>> together((1, 50.0, 100.0, 280.0, 124.0), (1, 300.0, 60.0, 530.0, 72.0))
    False
    >>> together((1, 50.0, 700.0, 280.0, 724.0), (2, 50.0, 60.0, 280.0, 72.0))
    False
    """
    page, x0, _, x1, bottom = region
    line_page, left, top, right, line_bottom = line
    height = line_bottom - top
    return page == line_page and left < x1 and right > x0 and -height <= top - bottom <= GAP_LINES * height


def places_by_line(printed: Printed) -> dict[int, Region]:
    """Where each line of a text read from a PDF stands: its page and rectangle, by its number.

    >>> places_by_line(Printed(places=((3, 1, 50.0, 100.0, 280.0, 112.0),)))
    {3: (1, 50.0, 100.0, 280.0, 112.0)}
    """
    return {number: (page, x0, top, x1, bottom) for number, page, x0, top, x1, bottom in printed.places}


def lines_by_block(placed: tuple[tuple[int, int], ...]) -> dict[int, list[int]]:
    """The lines each block holds, by the line it begins on (`Article.placed`: line, its block).

    >>> lines_by_block(((3, 3), (4, 3), (6, 6)))
    {3: [3, 4], 6: [6]}
    """
    found: dict[int, list[int]] = {}
    for line, owner in placed:
        found.setdefault(owner, []).append(line)
    return found


def block_regions(article: Article) -> dict[int, list[Region]]:
    """Each block's regions on its printed pages, by the line the block begins on; a text that
    came as plain text has none."""
    printed = article.source.printed
    if not printed.places:
        return {}
    places = places_by_line(printed)
    found: dict[int, list[Region]] = {}
    for line, block in sorted(article.placed):
        place = places.get(line)
        if place is None:
            continue
        regions = found.setdefault(block, [])
        if regions and together(regions[-1], place):
            page, x0, top, x1, bottom = regions[-1]
            regions[-1] = (page, min(x0, place[1]), top, max(x1, place[3]), max(bottom, place[4]))
        else:
            regions.append(place)
    return found


def doubts_by_page(article: Article) -> dict[int, int]:
    """How many blocks the build doubts on each printed page (a block continued on another page
    counts on both)."""
    regions = block_regions(article)
    found: dict[int, int] = {}
    for line, _ in article.doubts:
        for page in {region[0] for region in regions.get(line, [])}:
            found[page] = found.get(page, 0) + 1
    return found
