"""Notes a page sets at its foot: small numbered type below a short rule, under the body, or with
no rule when the text calls their numbers.

A word processor and LaTeX both set a page's footnotes so: a rule a fraction of the column wide,
then the notes in smaller type, each opening with its number; a stylesheet may leave the rule
out, and then the calls (small raised numbers in the text) tell the notes. They are read out of the page's
flow (a paragraph cut by them goes on at the next page) and after the whole text, as its notes.
"""

from __future__ import annotations

import re
import unicodedata

from cancun_reader.core.prose.words import SUPERSCRIPT_DIGITS
from cancun_reader.pdf.columns import is_body_size
from cancun_reader.pdf.drawings import boxes_on
from cancun_reader.pdf.page import Box, Page, Run, Style

RULE_SHARE = (0.05, 0.7)
"""A footnote rule is this share of the text's width: longer is a rule across the text (under a
heading, around a pull quote)."""

NOTE_NUMBER = "0123456789" + SUPERSCRIPT_DIGITS + "*†‡"
"""What a note opens with: its number (often raised), or a mark."""


def foot_notes(page: Page, body: Style, boxes: list[Box] | None = None) -> set[int]:
    """The runs of a page that are notes at its foot, by index: below a short rule, with no run
    of the body's size below it, smaller than the body, the first opening with a number; or, with
    no such rule, the notes the text calls (`called_notes`), outside the page's boxes (`boxes`, as
    `boxes_on` finds them, found here if not given).

    >>> from cancun_reader.pdf.page import Box, Drawing, Run
    >>> body, small = Style("Serif", 10), Style("Serif", 8)
    >>> text = Run("the body of the text", Box(50, 100, 530, 112), 110, body)
    >>> note = Run("¹ A note.", Box(50, 720, 300, 730), 728, small)
    >>> rule = Drawing(Box(50, 712, 200, 712.4), filled=True, stroked=False)
    >>> folio = Run("12", Box(290, 800, 300, 808), 806, small)
    >>> foot_notes(Page(1, 595, 842, (text, note, folio), (rule,)), body)
    {1}

    A running foot in the body's type, standing apart below the notes, is no reason to doubt them:
    >>> foot = Run("Trade Review 12", Box(50, 800, 300, 810), 808, body)
    >>> foot_notes(Page(1, 595, 842, (text, note, foot), (rule,)), body)
    {1}

    Negative: small type under a rule across the text (a table's last row, a box) is no note; nor
    is a page number alone under a short rule.
    >>> foot_notes(Page(1, 595, 842, (text, folio), (rule,)), body)
    set()
    >>> wide = Drawing(Box(50, 712, 530, 712.4), filled=True, stroked=False)
    >>> foot_notes(Page(1, 595, 842, (text, note), (wide,)), body)
    set()
    """
    runs = list(enumerate(page.runs))
    body_runs = [r for _, r in runs if is_body_size(r, body)] or [r for _, r in runs]
    if not body_runs:
        return set()
    left = min(r.box.x0 for r in body_runs)  # a page of notes alone: their own width
    width = max(r.box.x1 for r in body_runs) - left
    rules = [
        d.box
        for d in page.drawings
        if d.is_rule
        and d.box.width > 5 * d.box.height
        and RULE_SHARE[0] * width <= d.box.width <= RULE_SHARE[1] * width
    ]
    for rule in sorted(rules, key=lambda box: -box.top):
        below = [(i, r) for i, r in runs if r.box.top >= rule.bottom - 1 and r.box.x0 >= rule.x0 - body.size]
        if not below:
            continue
        below.sort(key=lambda item: (item[1].box.top, item[1].box.x0))
        block = contiguous(below)  # a running foot in the body's type, standing apart below, aside
        if any(r.style.size >= 0.95 * body.size for _, r in block):
            continue
        if below[0][1].text[:1] in NOTE_NUMBER and any(c.isalpha() for _, r in block for c in r.text):
            return {i for i, _ in block}  # a number alone (a page number) is no note
    boxes = boxes_on(page, body) if boxes is None else boxes
    return called_notes(
        [(i, r) for i, r in runs if not any(b.holds(r.box) for b in boxes)], body, page.height
    )


FOOT_THIRD = 2 / 3
"""Notes with no rule above them end in the lowest third of their page."""


def called_notes(runs: list[tuple[int, Run]], body: Style, height: float) -> set[int]:
    """Notes at a page's foot with no rule above them: the small type below the body's last line,
    down in the page's lowest third, opening with a number that the page sets raised and small in
    its text (the note's call), and with no title over them: notes under their heading (`Notes`)
    are endnotes, left in the flow.

    >>> from cancun_reader.pdf.page import Box, Run
    >>> body, small = Style("Serif", 10), Style("Serif", 8)
    >>> text = Run("the talks failed", Box(50, 100, 200, 112), 110, body)
    >>> call = Run("1", Box(201, 99, 205, 105), 104, Style("Serif", 6))  # read as a run of its own
    >>> note = Run("1. Stiglitz, 2003.", Box(50, 720, 300, 730), 728, small)
    >>> sorted(called_notes(list(enumerate((text, call, note))), body, 842))
    [2]

    Negative: a numbered line in small type whose number the text never calls (a list, a table).
    >>> called_notes(list(enumerate((text, note))), body, 842)
    set()
    """
    body_bottom = max((r.box.bottom for _, r in runs if is_body_size(r, body)), default=0.0)
    below = sorted(
        ((i, r) for i, r in runs if r.box.top >= body_bottom - 1 and r.style.size < 0.95 * body.size),
        key=lambda item: (item[1].box.top, item[1].box.x0),
    )
    if not below:
        return set()
    block = contiguous(below)
    top, size = block[0][1].box.top, block[0][1].style.size
    titled = any(
        0 <= top - r.box.bottom <= 2.5 * block[0][1].box.height
        and len(r.text.split()) <= 3
        and (r.style.bold or r.style.size > 1.05 * size)
        for _, r in runs
    )
    if titled or max(r.box.bottom for _, r in block) < FOOT_THIRD * height:
        return set()
    number = re.match(f"[0-9]+|[{SUPERSCRIPT_DIGITS}]+", below[0][1].text)
    if number is None or not any(c.isalpha() for _, r in block for c in r.text):
        return set()
    called = unicodedata.normalize("NFKC", number[0])
    others = [r for item, r in runs if item not in {i for i, _ in block}]
    return {i for i, _ in block} if called in calls_in(others, body) else set()


def calls_in(runs: list[Run], body: Style) -> set[str]:
    """The numbers the runs set small and raised above their line: notes' calls."""
    found: set[str] = set()
    for run in runs:
        digits = ""
        for glyph in (*run.glyphs, None):
            if (
                glyph is not None
                and glyph.text.isdigit()
                and glyph.style.size <= 0.85 * body.size
                and run.baseline - glyph.baseline >= 0.15 * body.size
            ):
                digits += glyph.text
            elif digits:
                found.add(digits)
                digits = ""
        if not run.glyphs and run.text.isdigit() and run.style.size <= 0.85 * body.size:
            found.add(run.text)  # a call read as a run of its own
    return found


def contiguous(runs: list[tuple[int, Run]]) -> list[tuple[int, Run]]:
    """The runs, top to bottom, down to the first gap of a line or more (a page number or a
    running head below the notes stands apart from them)."""
    kept = [runs[0]]
    for item in runs[1:]:
        bottom = max(r.box.bottom for _, r in kept)
        if item[1].box.top - bottom > item[1].box.height:
            break
        kept.append(item)
    return kept
