"""What a page marks with rules and no frame: a box under a heavy rule, in smaller type than the
body's, and a pull quote between two rules alike, in larger or slanted type (either may be set
across the columns: read as one box, it parts the text above it from the text below).
"""

from __future__ import annotations

import itertools

from cancun_reader.pdf.drawings import BOX_LEAST, MEET, shapes
from cancun_reader.pdf.page import Box, Page, Run, Style

RULED_TYPE = 0.95
"""The type of a box set under a rule is smaller than the body's, by this share at least."""

RULE_HEIGHT = 0.4
"""A rule over a box may be heavy: up to this many ems thick."""


def ruled_boxes(page: Page, body: Style, runs: list[Run], drawn: list[Box]) -> list[Box]:
    """Boxes a layout marks with a rule above and no frame: a rule four ems wide or more, with two
    lines or more in type smaller than the body's right under it and within its width, down to the
    first wider gap or line of another type, with more of the page's text below them or beside
    them (a section of notes across the text's end, under a heading's rule, is no box). `runs` are the
    page's, its furniture and the notes at its foot left out; a rule inside a box already `drawn`
    (a table's) or on a picture's frame marks none.

    >>> from cancun_reader.pdf.page import Box, Drawing, Page, Run, Style
    >>> body, small = Style("Serif", 10), Style("Sans", 9)
    >>> rule = Drawing(Box(50, 100, 250, 103), filled=True, stroked=False)
    >>> title = Run("Who was invited", Box(50, 106, 150, 115), 114, small)
    >>> item = Run("The largest powers", Box(50, 117, 150, 126), 125, small)
    >>> text = Run("the body of the text", Box(50, 300, 250, 310), 308, body)
    >>> page = Page(1, 600, 800, (title, item, text), (rule,))
    >>> ruled_boxes(page, body, list(page.runs), [])
    [Box(x0=50, top=100, x1=250, bottom=127.0)]
    >>> ruled_boxes(Page(1, 600, 800, (title, item), (rule,)), body, [title, item], [])  # at the end
    []

    Negative: a rule over a heading and its text in the body's type.
    >>> heading = Run("Who was invited", Box(50, 106, 150, 117), 115, Style("Sans", 11, bold=True))
    >>> page = Page(1, 600, 800, (heading, text), (rule,))
    >>> ruled_boxes(page, body, list(page.runs), [])
    []
    """
    found = []
    rules = [
        d.box
        for d in page.drawings
        if d.box.height <= RULE_HEIGHT * body.size and d.box.width >= BOX_LEAST[0] * body.size
    ]
    edges = [d.box for d in shapes(page) if min(d.box.width, d.box.height) > BOX_LEAST[1] * body.size]
    for rule in (r for r in rules if not any(b.holds(r) for b in drawn) and not on_edge(r, edges)):
        kept = lines_under_rule(rule, runs, body)
        bottom = max((r.box.bottom for r in kept), default=0.0)
        goes_on = any(r.box.top > bottom and r.box.x0 < rule.x1 and r.box.x1 > rule.x0 for r in runs)
        column = max(
            (
                r.box.width
                for r in runs
                if r.box.x0 < rule.x1 and r.box.x1 > rule.x0 and r.style.size >= RULED_TYPE * body.size
            ),
            default=rule.width,
        )
        floated = rule.width < 0.75 * column
        if len({round(r.baseline) for r in kept}) >= 2 and (goes_on or floated):
            found.append(Box(rule.x0, rule.top, rule.x1, bottom + 1.0))
    return found


QUOTE_DEPTH = 8
"""Two rules alike stand at most this many lines of the body apart around a pull quote."""


def ruled_quotes(page: Page, body: Style, runs: list[Run]) -> list[Box]:
    """Pull quotes a layout sets between two rules of the same width, close together, with
    only lines in another type than the body's between them (larger, or slanted): each as a box
    from rule to rule, so that one set across the columns parts the text above it from the text
    below it, as the rules do, though its own lines stand in one column.

    >>> from cancun_reader.pdf.page import Box, Drawing, Page, Run, Style
    >>> body = Style("Serif", 9.5)
    >>> def rule(top): return Drawing(Box(62, top, 550, top + 1.5), filled=True, stroked=False)
    >>> quote = Run("Water was a right.", Box(62, 265, 279, 276), 274, Style("Serif", 11.9))
    >>> ruled_quotes(Page(1, 612, 792, (quote,), (rule(255.7), rule(285.7))), body, [quote])
    [Box(x0=62, top=255.7, x1=550, bottom=287.2)]

    Negative: lines of the body's type between two rules (a table's, a section's).
    >>> line = Run("The talks went on.", Box(62, 265, 279, 276), 274, body)
    >>> ruled_quotes(Page(1, 612, 792, (line,), (rule(255.7), rule(285.7))), body, [line])
    []
    """
    rules = sorted(
        (d.box for d in page.drawings if d.is_rule and d.box.width >= BOX_LEAST[0] * body.size),
        key=lambda box: box.top,
    )
    found = []
    for upper, lower in itertools.pairwise(rules):
        alike = abs(upper.x0 - lower.x0) < MEET and abs(upper.x1 - lower.x1) < MEET
        if not alike or lower.top - upper.bottom > QUOTE_DEPTH * body.size:
            continue
        between = [r for r in runs if upper.bottom <= r.box.top and r.box.bottom <= lower.top]
        between = [r for r in between if r.box.x1 > upper.x0 and r.box.x0 < upper.x1]
        if between and all(r.style.size >= 1.1 * body.size or r.style.italic for r in between):
            left = min(upper.x0, *(r.box.x0 for r in between))  # an italic line may start left of it
            right = max(upper.x1, *(r.box.x1 for r in between))
            found.append(Box(left, upper.top, right, lower.bottom))
    return found


def lines_under_rule(rule: Box, runs: list[Run], body: Style) -> list[Run]:
    """The runs in smaller type right under a rule and within its width, down to the first wider
    gap or run of the body's type; none when such a run shares a line with them (a drop cap, a
    heading's own line)."""
    under = sorted(
        (
            r
            for r in runs
            if r.box.x0 >= rule.x0 - 1 and r.box.x1 <= rule.x1 + 1 and r.box.top >= rule.bottom - 1
        ),
        key=lambda r: r.box.top,
    )
    kept: list[Run] = []
    for run in under:
        bottom = kept[-1].box.bottom if kept else rule.bottom
        if run.box.top - bottom > (1.5 * run.box.height if kept else body.size):
            break
        if run.style.size >= RULED_TYPE * body.size:
            if not kept or run.box.top <= kept[-1].box.bottom:  # its own line's, a drop cap's
                kept = []
            break
        kept.append(run)
    return kept


def on_edge(rule: Box, frames: list[Box]) -> bool:
    """Whether a rule is the top or bottom side of a drawn rectangle (a picture's frame)."""
    return any(
        rule.x0 < f.x1
        and rule.x1 > f.x0
        and (abs(rule.top - f.top) < MEET or abs(rule.bottom - f.bottom) < MEET)
        for f in frames
    )
