"""What a page draws, read for what it means: a frame or a fill that holds text is a box; a
frame, a fill or an image that holds none is a picture (or its stand-in). A frame may be drawn as
one rectangle or as four rules meeting at their ends (LaTeX's `\\framebox`, a word processor's
borders): both are read as the rectangle they draw.
"""

from __future__ import annotations

import functools

from cancun_reader.pdf.page import Box, Drawing, Page, Style

BOX_LEAST = (4.0, 1.2)
"""A drawn rectangle that holds text is a box when it is at least this many ems wide and tall."""

MEET = 1.5
"""Rules whose ends come this close (in points) meet."""


def touching(a: Box, b: Box) -> bool:
    return (
        a.x0 <= b.x1 + MEET and b.x0 <= a.x1 + MEET and a.top <= b.bottom + MEET and b.top <= a.bottom + MEET
    )


CELL = 12.0
"""The side of the squares (in points) in which rules are looked up by where they stand, so that a
page of thousands of rules (a map, a chart drawn stroke by stroke) is grouped in time."""


def meeting(rules: list[Box]) -> list[list[Box]]:
    """The rules grouped as they meet, one with another (`touching`), in the order they come; each
    compared only with those that stand in the same squares of the page.

    >>> a, b, c = Box(0, 0, 100, 1), Box(99, 0, 100, 50), Box(300, 300, 400, 301)
    >>> meeting([a, b, c]) == [[a, b], [c]]
    True

    Negative: rules that come near but do not meet stay apart.
    >>> len(meeting([a, Box(0, 10, 100, 11)]))
    2
    """
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    squares: dict[tuple[int, int], list[int]] = {}
    for index, rule in enumerate(rules):
        columns = range(int((rule.x0 - MEET) // CELL), int((rule.x1 + MEET) // CELL) + 1)
        rows = range(int((rule.top - MEET) // CELL), int((rule.bottom + MEET) // CELL) + 1)
        for square in ((x, y) for x in columns for y in rows):
            for other in squares.setdefault(square, []):
                if touching(rule, rules[other]) and root(other) != root(index):
                    parent[root(other)] = root(index)
            squares[square].append(index)
    groups: dict[int, list[Box]] = {}
    for index, rule in enumerate(rules):
        groups.setdefault(root(index), []).append(rule)
    return list(groups.values())


@functools.lru_cache(maxsize=4)  # asked for by several passes over the same page
def frames_of_rules(drawings: tuple[Drawing, ...]) -> tuple[Drawing, ...]:
    """The rectangles that rules draw between them: rules that meet, all on the edges of the
    rectangle they enclose, with a rule on each of its four sides. Rules crossing inside (a table's
    grid) or a lone rule (above a pull quote, under a heading) draw none.

    >>> from cancun_reader.pdf.page import Box, Drawing
    >>> def rule(x0, top, x1, bottom): return Drawing(Box(x0, top, x1, bottom), filled=True, stroked=False)
    >>> sides = (rule(50, 100, 300, 101), rule(50, 200, 300, 201))
    >>> sides += (rule(50, 100, 51, 201), rule(299, 100, 300, 201))
    >>> [d.box for d in frames_of_rules(sides)]
    [Box(x0=50, top=100, x1=300, bottom=201)]

    Negative: two rules above and below a pull quote, and a grid with a rule across its middle.
    >>> frames_of_rules((rule(50, 100, 300, 101), rule(50, 150, 300, 151)))
    ()
    >>> frames_of_rules((*sides, rule(50, 150, 300, 151)))
    ()
    """
    frames = []
    for group in meeting([d.box for d in drawings if d.is_rule]):
        outline = Box(
            min(r.x0 for r in group),
            min(r.top for r in group),
            max(r.x1 for r in group),
            max(r.bottom for r in group),
        )
        on_edges = all(
            abs(r.top - outline.top) < MEET
            or abs(r.bottom - outline.bottom) < MEET
            or abs(r.x0 - outline.x0) < MEET
            or abs(r.x1 - outline.x1) < MEET
            for r in group
        )
        sides = {
            "top": any(abs(r.top - outline.top) < MEET and r.width > outline.width / 2 for r in group),
            "bottom": any(
                abs(r.bottom - outline.bottom) < MEET and r.width > outline.width / 2 for r in group
            ),
            "left": any(abs(r.x0 - outline.x0) < MEET and r.height > outline.height / 2 for r in group),
            "right": any(abs(r.x1 - outline.x1) < MEET and r.height > outline.height / 2 for r in group),
        }
        crossing = any(
            r.width > outline.width / 2 and r.top - outline.top > MEET and outline.bottom - r.bottom > MEET
            for r in group
        )
        encloses = len(group) >= 2 and min(outline.width, outline.height) > 3 * MEET
        if encloses and on_edges and all(sides.values()) and not crossing:
            frames.append(Drawing(outline, filled=False, stroked=True))
    return tuple(frames)


def shapes(page: Page) -> list[Drawing]:
    """The page's drawn rectangles, with those its rules draw between them."""
    return [*page.drawings, *frames_of_rules(page.drawings)]


def boxes_on(page: Page, body: Style) -> list[Box]:
    """The drawn rectangles of a page that hold text as a box does: framed or filled, large enough,
    not the page's own background, not inside another such box; three or more stacked alike are the
    rows of a table, no box."""
    em = body.size
    found = [
        d.box
        for d in shapes(page)
        if not d.is_rule
        and d.box.width >= BOX_LEAST[0] * em
        and d.box.height >= BOX_LEAST[1] * em
        and d.box.width * d.box.height < 0.8 * page.width * page.height
        and any(d.box.holds(r.box) for r in page.runs)
    ]
    found = [
        b
        for b in found
        if not any(o != b and o.holds(b) and o.width * o.height > b.width * b.height for o in found)
    ]
    found = list(dict.fromkeys(found))
    rows_alike = [
        b
        for b in found
        if sum(
            abs(o.x0 - b.x0) < 1
            and abs(o.x1 - b.x1) < 1
            and (abs(o.top - b.bottom) < 2 or abs(o.bottom - b.top) < 2)
            for o in found
        )
        >= 1
    ]
    stacked = {
        b for b in rows_alike if sum(abs(o.x0 - b.x0) < 1 and abs(o.x1 - b.x1) < 1 for o in rows_alike) >= 3
    }
    return [b for b in found if b not in stacked]


def frames_on(page: Page, body: Style) -> list[Box]:
    """Where a page shows a picture: its images, and the rectangles it draws that hold no text and
    are at least three ems each way (a picture's frame or its grey stand-in)."""
    em = body.size
    empty = [
        d.box
        for d in shapes(page)
        if d.box.width >= 3 * em
        and d.box.height >= 3 * em
        and not any(d.box.holds(Box(*centre(r.box), *centre(r.box))) for r in page.runs)
        and d.box.width * d.box.height < 0.8 * page.width * page.height
    ]
    return [*page.pictures, *empty]


def centre(box: Box) -> tuple[float, float]:
    return ((box.x0 + box.x1) / 2, (box.top + box.bottom) / 2)


def near(box: Box, frame: Box, distance: float) -> bool:
    """Whether `box` stands within `distance` of `frame`, beside or below or above it: across from
    some part of it, not off its corner (a box's title in the next column, below a picture's foot).

    >>> frame = Box(300, 200, 540, 325)
    >>> near(Box(300, 330, 530, 338), frame, 22), near(Box(548, 250, 700, 258), frame, 22)
    (True, True)

    Negative: off the corner.
    >>> near(Box(552, 328, 628, 336), frame, 22)
    False
    """
    across = box.x1 >= frame.x0 and box.x0 <= frame.x1
    level = box.bottom >= frame.top and box.top <= frame.bottom
    return (
        box.x1 >= frame.x0 - distance
        and box.x0 <= frame.x1 + distance
        and box.top <= frame.bottom + distance
        and box.bottom >= frame.top - distance
        and (across or level)
    )


BULLET = (0.12, 0.6)
"""A list's bullet, drawn as a shape (Chromium, word processors): filled, between these many ems
each way, about as wide as it is tall."""


def bullets_on(page: Page, body: Style) -> list[Box]:
    """The bullets a page draws as small filled shapes, not as letters.

    >>> from cancun_reader.pdf.page import Box, Drawing, Page, Run, Style
    >>> dot = Drawing(Box(40, 103, 42.5, 105.5), filled=True, stroked=False)
    >>> rule = Drawing(Box(40, 103, 300, 104), filled=True, stroked=False)
    >>> bullets_on(Page(1, 600, 800, (), (dot, rule)), Style("Serif", 10))
    [Box(x0=40, top=103, x1=42.5, bottom=105.5)]
    """
    least, most = (share * body.size for share in BULLET)
    return [
        d.box
        for d in page.drawings
        if d.filled
        and least <= d.box.width <= most
        and least <= d.box.height <= most
        and 0.5 <= d.box.width / d.box.height <= 2
    ]


def bulleted(box: Box, bullets: list[Box], body: Style) -> bool:
    """Whether a drawn bullet stands just before a line, on its middle.

    >>> bulleted(Box(50, 100, 200, 110), [Box(40, 103, 42.5, 105.5)], Style("Serif", 10))
    True

    Negative: a dot beyond the line's start, or above it, is no bullet of it.
    >>> bulleted(Box(50, 100, 200, 110), [Box(40, 113, 42.5, 115.5)], Style("Serif", 10))
    False
    """
    middle = (box.top + box.bottom) / 2
    return any(
        0 <= box.x0 - b.x1 <= 2 * body.size
        and b.top - 0.3 * body.size <= middle <= b.bottom + 0.3 * body.size
        for b in bullets
    )
