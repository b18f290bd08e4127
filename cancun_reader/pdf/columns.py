"""The body of a text and its columns, found from the page's geometry: the style most of its
letters are set in, and the gutters no line of the body crosses.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from cancun_reader.pdf.page import Box, Page, Run, Style

SAME_SIZE = 0.08
"""Type within this share of the body's size is the body's size (a run's em is read off its box)."""

GUTTER_LEAST = 0.5
"""A gutter is at least this many ems wide: LaTeX's default `\\columnsep` is one em of ten-point
type, desktop layouts rarely set columns closer."""

GUTTER_CROSSED = 0.2
"""A gutter may be crossed by this share of the body lines of the fuller of the columns it parts
(taken at its fullest): the lines that span the page above or below them (an opening paragraph)."""

SMALLEST, LARGEST = 0.6, 1.5
"""A column's notes and captions are set in type this share of the body's size or larger, its
headings in type this share or smaller (a title above the columns, larger, spans them)."""

SIDE_LEAST = 3
"""A gutter has this many lines of the body on each side: a gap in fewer is a wide word space."""


def body_style(pages: list[Page]) -> Style:
    """The style most letters of the text are set in: its body.

    >>> from cancun_reader.pdf.page import Run, Box
    >>> def run(text, style): return Run(text, Box(0, 0, 10, 10), 8, style)
    >>> body, head = Style("Serif", 10), Style("Sans", 12, bold=True)
    >>> body_style([Page(1, 600, 800, (run("A heading", head), run("the body of the text", body)))]) == body
    True
    """
    letters: Counter[Style] = Counter()
    for page in pages:
        for run in page.runs:
            letters[run.style] += sum(c.isalpha() for c in run.text)
    if not letters:
        return Style("", 10.0)
    by_key: Counter[tuple] = Counter()
    first: dict[tuple, Style] = {}
    for style, count in letters.items():
        by_key[style.key()] += count
        first.setdefault(style.key(), style)
    return first[by_key.most_common(1)[0][0]]


def is_body_size(run: Run, body: Style) -> bool:
    return abs(run.style.size - body.size) <= SAME_SIZE * body.size


@dataclass(frozen=True)
class Columns:
    """A page's columns, left to right, as the x-ranges between its gutters."""

    spans: tuple[tuple[float, float], ...]

    def of(self, box: Box, em: float) -> int | None:
        """The column a run or group lies in: the one it starts in, if it ends before the next
        column begins (a ragged line may run into the gutter; a box's frame in the last column may
        reach into the margin); None when it crosses into the next column, or starts left of the
        first (it spans).

        >>> columns = Columns(((50, 280), (300, 530)))
        >>> columns.of(Box(300, 0, 590, 10), 10), columns.of(Box(50, 0, 520, 10), 10)
        (1, None)
        """
        lefts = [left for left, _ in self.spans[1:]] + [self.spans[-1][1] + em]
        last = len(self.spans) - 1
        for index, ((left, _), following) in enumerate(zip(self.spans, lefts, strict=True)):
            crosses = box.x1 >= following - em / 4 and index < last  # the last has none to cross into
            if left - em <= box.x0 < following - em and not crosses:
                return index
        return None


def columns_of(runs: list[Run], body: Style) -> Columns:
    """The columns of a page: the gutters are the x-ranges, at least `GUTTER_LEAST` ems wide, that
    (almost) no body line crosses and that have body lines on both sides; beyond the last, a column
    of notes in smaller type beside the text's (its coverage counted with the notes). A page with
    hardly a line of the body (its notes only, a box) is read by the type most of its lines have.

    >>> from cancun_reader.pdf.page import Run, Box
    >>> body = Style("Serif", 10)
    >>> def run(x0, x1, y): return Run("text", Box(x0, y, x1, y + 11), y + 9, body)
    >>> lines = [run(50, 280, y) for y in range(0, 120, 12)] + [run(300, 530, y) for y in range(0, 120, 12)]
    >>> [tuple(round(v) for v in s) for s in columns_of(lines, body).spans]
    [(50, 280), (300, 530)]

    A short column beside a long one is a column still:
    >>> lines = [run(50, 280, y) for y in range(0, 36, 12)] + [run(300, 530, y) for y in range(0, 120, 12)]
    >>> len(columns_of(lines, body).spans)
    2

    Negative: one column, its lines ragged at the right (no gap runs through them all).
    >>> lines = [run(50, 530 - (y % 5) * 20, y) for y in range(0, 120, 12)]
    >>> len(columns_of(lines, body).spans)
    1
    """
    body_runs, body = body_type(runs, body)
    if not body_runs:
        return Columns(((0.0, 1e9),))
    left = min(r.box.x0 for r in body_runs)
    right = max(r.box.x1 for r in body_runs)
    found = gutters_of(body_runs, body.size)
    # a column of notes in smaller type, under their heading, beside the text's last
    column = [r for r in runs if SMALLEST * body.size <= r.style.size <= LARGEST * body.size]
    noted = gutters_of([r for r in column if r.style.size <= body.size * (1 + SAME_SIZE)], body.size, column)
    noted = [g for g in noted if g[0] > max((f[1] for f in found), default=-1e9)]  # beyond the text's
    if noted:
        found = [*found, *noted]
        left = min([left, *(r.box.x0 for r in column)])
        right = max([right, *(r.box.x1 for r in column if r.box.x0 >= found[-1][1] - 1)])
    found = found or beyond_the_measure(body_runs, body.size)
    edges = [left, *(v for g in found for v in g), right]
    spans = []
    for low, high in zip(edges[::2], edges[1::2], strict=True):
        inside = [r for r in body_runs if r.box.x0 >= low - 1 and r.box.x1 <= high + 1]
        spans.append(
            (min(r.box.x0 for r in inside), max(r.box.x1 for r in inside)) if inside else (low, high)
        )
    return Columns(tuple(spans))


def beyond_the_measure(body_runs: list[Run], size: float) -> list[tuple[float, float]]:
    """The gutter before a last column that holds too few lines to show one (the end of a text, a
    line or two at its head): lines that start, aligned, beyond the end of every line that starts
    at the text's left edge. No word of a line stands beyond its column's measure; a wide space
    inside a line has the line's words on both sides, within it.

    >>> body = Style("Serif", 10)
    >>> def run(x0, x1, y): return Run("text", Box(x0, y, x1, y + 11), y + 9, body)
    >>> lines = [run(66, 190 - y % 3 * 10, y) for y in range(0, 96, 12)] + [run(226, 328, 0)]
    >>> beyond_the_measure(lines, 10)
    [(190, 226)]

    Negative: a line's words on both sides of a wide space, within the measure.
    >>> lines = [run(66, 190, y) for y in range(0, 96, 12)] + [run(66, 100, 96), run(140, 190, 96)]
    >>> beyond_the_measure(lines, 10)
    []
    """
    left = min(r.box.x0 for r in body_runs)
    at_left = [r for r in body_runs if r.box.x0 < left + 3 * size]  # an indent is an em or two
    edge = max((r.box.x1 for r in at_left), default=left)
    beyond = [r for r in body_runs if r.box.x0 >= edge + GUTTER_LEAST * size]
    aligned = beyond and max(r.box.x0 for r in beyond) - min(r.box.x0 for r in beyond) < 1
    if len(at_left) < SIDE_LEAST or not aligned or len(at_left) + len(beyond) < len(body_runs):
        return []
    return [(edge, min(r.box.x0 for r in beyond))]


def kept_columns(
    found: dict[int, Columns], flows: dict[int, list[Run]], widths: dict[int, float], body: Style
) -> dict[int, Columns]:
    """Each page's columns, where a page with too few lines of the body to show a gutter (the end
    of a text, its notes beside it) keeps those of the page before it, of the same width, when
    each of its lines stands in one of them: it is set in the same frame.

    >>> body = Style("Serif", 10)
    >>> def run(x0, x1, y): return Run("text", Box(x0, y, x1, y + 11), y + 9, body)
    >>> two, one = Columns(((50, 280), (300, 530))), Columns(((50, 530),))
    >>> flows = {2: [run(50, 270, 0), run(50, 200, 12), run(320, 520, 0)]}
    >>> kept_columns({1: two, 2: one}, flows, {1: 600, 2: 600}, body)[2] == two
    True

    Negative: a line across the page's width stands in no column of the page before.
    >>> flows = {2: [run(50, 520, 0), run(50, 200, 12)]}
    >>> kept_columns({1: two, 2: one}, flows, {1: 600, 2: 600}, body)[2] == one
    True
    """
    out = dict(found)
    before: tuple[Columns, float] | None = None
    for number in sorted(found):
        flow = flows.get(number) or []
        few = sum(is_body_size(r, body) for r in flow) < 2 * SIDE_LEAST
        if len(found[number].spans) > 1:
            before = (found[number], widths[number])
        elif before and few and flow and before[1] == widths[number] and fits(flow, before[0], body):
            out[number] = before[0]
    return out


def fits(flow: list[Run], columns: Columns, body: Style) -> bool:
    """Whether every line of a page's flow stands in one of the columns."""
    return all(columns.of(r.box, body.size) is not None for r in flow)


def body_type(runs: list[Run], body: Style) -> tuple[list[Run], Style]:
    """The runs a page's columns are read by, and their type: the body's; or, on a page with hardly
    a line of the body (its notes only, a box), the type most of its runs have."""
    body_runs = [r for r in runs if is_body_size(r, body)]
    if len(body_runs) < 2 * SIDE_LEAST and runs:
        sizes = Counter(round(r.style.size) for r in runs)
        own = sizes.most_common(1)[0][0]
        return [r for r in runs if round(r.style.size) == own], Style(body.font, float(own))
    return body_runs, body


def gutters_of(
    body_runs: list[Run], size: float, sides: list[Run] | None = None
) -> list[tuple[float, float]]:
    """The x-ranges, at least `GUTTER_LEAST` ems of type of `size` wide, that (almost) no run
    crosses and that have runs on both sides (of `sides`, when given: a column's heading too):
    the valleys of the runs' coverage, low against the fullest place on each side of them, so
    that a short column beside a long one is a column, not a gutter; and with lines of their own
    on each side, between them and the next gutter (`with_columns_beside`).

    >>> gutters_of([], 10.0)  # a page whose flow holds no run of the type asked for
    []
    """
    if not body_runs:
        return []
    left = min(r.box.x0 for r in body_runs)
    cover = [0] * (int(max(r.box.x1 for r in body_runs) - left) + 2)
    for run in body_runs:
        for x in range(int(run.box.x0 - left), int(run.box.x1 - left) + 1):
            cover[x] += 1
    most_left = list(itertools.accumulate(cover, max))
    most_right = list(itertools.accumulate(reversed(cover), max))[::-1]
    gutters: list[tuple[float, float]] = []
    start = None
    for x, count in enumerate([*cover, -1]):
        if 0 <= count <= GUTTER_CROSSED * min(most_left[x], most_right[x]):
            start = x if start is None else start
            continue
        if start is not None and x - start >= GUTTER_LEAST * size:
            gutter = trimmed((left + start, left + x), sides or body_runs)
            before = sum(r.box.x1 <= gutter[0] + 1 for r in sides or body_runs)
            after = sum(r.box.x0 >= gutter[1] - 1 for r in sides or body_runs)
            if before >= SIDE_LEAST and after >= SIDE_LEAST:
                gutters.append(gutter)
        start = None
    return with_columns_beside(gutters, sides or body_runs)


def trimmed(gutter: tuple[float, float], runs: list[Run]) -> tuple[float, float]:
    """A gutter of low coverage, narrowed to leave whole the few lines that stand in it: one that
    starts in it and runs on past it is the next column's (its first line, beside its notes),
    one that ends in it the column's before (a ragged line).

    >>> body = Style("Serif", 10)
    >>> def run(x0, x1): return Run("text", Box(x0, 0, x1, 11), 9, body)
    >>> trimmed((368, 402), [run(388, 460), run(230, 366)])
    (368, 388)

    Negative: lines that keep out of it leave it whole.
    >>> trimmed((368, 402), [run(403, 460), run(230, 366)])
    (368, 402)
    """
    low, high = gutter
    high = min([high, *(r.box.x0 for r in runs if low < r.box.x0 < high < r.box.x1)])
    low = max([low, *(r.box.x1 for r in runs if r.box.x0 < low < r.box.x1 < high)])
    return (low, high) if high > low else gutter


def with_columns_beside(gutters: list[tuple[float, float]], runs: list[Run]) -> list[tuple[float, float]]:
    """The gutters with `SIDE_LEAST` lines or more on each side, counted between it and the next
    gutter on that side (so that the words of justified lines whose wide spaces line up near a
    column's edge make no column of their own): the narrowest that has too few goes first, and
    the rest are counted again without it.

    >>> body = Style("Serif", 10)
    >>> def run(x0, x1, y): return Run("text", Box(x0, y, x1, y + 11), y + 9, body)
    >>> lines = [run(x, x + 230, y) for x in (50, 300, 550) for y in range(0, 60, 12)]
    >>> lines += [run(300, 490, 60), run(500, 530, 60), run(300, 488, 72), run(497, 530, 72)]
    >>> with_columns_beside([(280, 300), (490, 497), (530, 550)], lines)
    [(280, 300), (530, 550)]

    Negative: three columns of as many lines each keep their gutters.
    >>> with_columns_beside([(280, 300), (530, 550)], lines)
    [(280, 300), (530, 550)]
    """
    kept = list(gutters)
    while True:
        weak = [g for g in sorted(kept, key=lambda g: g[1] - g[0]) if not columns_beside(g, kept, runs)]
        if not weak:
            return kept
        kept.remove(weak[0])


def columns_beside(gutter: tuple[float, float], gutters: list[tuple[float, float]], runs: list[Run]) -> bool:
    """Whether a gutter has `SIDE_LEAST` lines or more on each side that start between it and the
    next (a column's line may run on into a gutter of low coverage)."""
    low = max((g[1] for g in gutters if g[1] <= gutter[0]), default=-1e9)
    high = min((g[0] for g in gutters if g[0] >= gutter[1]), default=1e9)
    before = sum(low - 1 <= r.box.x0 < gutter[0] for r in runs)
    after = sum(gutter[1] - 1 <= r.box.x0 < high for r in runs)
    return before >= SIDE_LEAST and after >= SIDE_LEAST
