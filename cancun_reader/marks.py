"""Changes marked in place: for each recorded change, a mark where it happened in the text.

The marks are always on the page and hidden until the reader asks to see the changes (the toggle
of the transcriber's note, `?changes=show` in the address, kept from page to page by `reader.js`).
Each is a numbered link to the change's entry in the list after the text, and says in words what
was done; a word made whole is also underlined (`<ins>`), and what was removed (running heads, page
numbers, end marks, stray bullets, deleted fragments) is shown struck through (`<del>`) at the end
of the block it stood in. Marks are left out of the search index.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .edition import numbered, what_was_done
from .escape import escape_inert
from .model import Article, Paragraph, Repair, Sidebar

IN_WORDS = frozenset({"word rejoined", "drop cap rejoined"})
"""Changes made inside a word: the word itself is marked."""

REMOVALS = frozenset(
    {
        "running head removed",
        "page number removed",
        "end mark dropped",
        "bullet without item removed",
        "correction: delete",
    }
)
"""Changes that took something out: it is shown struck through."""


@dataclass(frozen=True)
class Mark:
    number: int
    repair: Repair

    @property
    def label(self) -> str:
        """What the mark says: `Change 3: word broken at a line end made whole (“Is- sues” → “Issues”)`."""
        repair = self.repair
        change = f"“{repair.before}” → “{repair.after}”" if repair.after else f"removed “{repair.before}”"
        return (
            f"Change {self.number}: {what_was_done(repair.kind)} ({change}), line {repair.line} as received"
        )


@dataclass
class BlockMarks:
    """The marks of one block: set at its start, inside its words, at a join, or struck at its end."""

    start: list[Mark] = field(default_factory=list)
    words: list[Mark] = field(default_factory=list)
    joins: list[Mark] = field(default_factory=list)
    removed: list[Mark] = field(default_factory=list)
    origins: list[tuple[Mark, str]] = field(default_factory=list)
    """Where a pull quote or a box set apart stood in the print: after these words of the block."""
    removed_at: list[tuple[Mark, str]] = field(default_factory=list)
    """Page furniture removed from inside the block's text: struck through after these words."""

    @property
    def all_removed(self) -> list[Mark]:
        return [*self.removed, *(mark for mark, _ in self.removed_at)]


FURNITURE = frozenset({"running head removed", "page number removed"})
"""Removals of whole lines, which stood between lines of the text: shown where they stood."""


MOVED_APART = frozenset({"pull quote set apart", "sidebar set apart"})
"""Changes that took a block out of the sentence it stood in: where it stood is shown too."""

TAIL_WORDS = 4
"""How many words before a line taken out of the text find again where it stood."""


def marks_by_block(article: Article) -> dict[int, BlockMarks]:
    """Each change of the article, as a mark, under the line of the block it belongs to: the block
    that holds its source line; for a line the build removed, the block before it (or after it,
    at the very start of the text).

    >>> from cancun_reader.model import Source
    >>> text, source = Paragraph("It was the end.", 1), Source("a.txt", "It was the end.\\n12", None)
    >>> repairs = (Repair("page number removed", 2, "12", ""), Repair("word rejoined", 1, "e- nd", "end"))
    >>> found = marks_by_block(Article(source, (text,), repairs, ((1, 1),)))
    >>> [m.number for m in found[1].words], [(m.number, words) for m, words in found[1].removed_at]
    ([1], [(2, 'It was the end.')])
    """
    placed = dict(article.placed)
    lines = sorted(placed)
    tops = {b.line: b.line for b in article.blocks}
    tops |= {i.line: b.line for b in article.blocks if isinstance(b, Sidebar) for i in b.blocks}
    first = article.blocks[0].line if article.blocks else 0
    found: dict[int, BlockMarks] = {}
    for number, repair in numbered(article):
        line = placed.get(repair.line)
        if line is None:
            before = bisect.bisect_right(lines, repair.line) - 1
            line = placed[lines[before]] if before >= 0 else placed[lines[0]] if lines else first
        marks = found.setdefault(tops.get(line, line), BlockMarks())
        mark = Mark(number, repair)
        if repair.kind in MOVED_APART:
            origin = stood_after(article, repair.line, placed)
            if origin:
                found.setdefault(origin[0], BlockMarks()).origins.append((mark, origin[1]))
        stood = stood_after(article, repair.line, placed) if repair.kind in FURNITURE else None
        if stood:
            found.setdefault(stood[0], BlockMarks()).removed_at.append((mark, stood[1]))
        elif repair.kind in REMOVALS:
            marks.removed.append(mark)
        elif repair.kind in IN_WORDS:
            marks.words.append(mark)
        elif repair.kind in ("paragraph rejoined", "paragraph rejoined out of order"):
            marks.joins.append(mark)
        else:
            marks.start.append(mark)
    return found


def stood_after(article: Article, line: int, placed: dict[int, int]) -> tuple[int, str] | None:
    """Where a line taken out of the text (page furniture, a pull quote or a box set apart) stood:
    the paragraph that holds the source's last line of text before it, and that line's last words,
    which the paragraph still has.

    >>> from cancun_reader.model import Entry, Paragraph, Source
    >>> source = Source("a.txt", "The talks went on for days and\\n\\nA QUOTE\\n\\nnights.", None)
    >>> text = (Paragraph("The talks went on for days and nights.", 1),)
    >>> stood_after(Article(source, text, (), ((1, 1), (5, 1))), 3, {1: 1, 5: 1})
    (1, 'on for days and')

    Negative: a block at the start of the text stood after nothing.
    >>> stood_after(Article(source, text, (), ((1, 1),)), 1, {1: 1})
    """
    lines = article.source.text.split("\n")
    paragraphs = {b.line for b in article.blocks if isinstance(b, Paragraph)}
    for number in range(line - 1, 0, -1):
        words = lines[number - 1].split()
        if number not in placed or not words:
            continue
        if placed[number] not in paragraphs:
            return None
        if words[-1].endswith(("-", "\u2010", "\u00ad")):
            words = words[:-1]  # a word broken there is whole in the paragraph, not as printed
        return (placed[number], " ".join(words[-TAIL_WORDS:])) if words else None
    return None


def origin(mark: Mark) -> str:
    """Where a block set apart stood, shown in the sentence it interrupted."""
    kind = "pull quote" if mark.repair.kind == "pull quote set apart" else "box"
    return (
        f'<span class="change-origin" data-search-exclude>[the {kind} of change '
        f'<a href="#change-{mark.number}">{mark.number}</a> stood here in print]</span>'
    )


def badge(mark: Mark) -> str:
    """The mark itself: a numbered link to the change's entry, its words (`Change 4: …`) both its
    tooltip and its name for a screen reader, the same plain words (said once: a description the
    same as the name is not said again)."""
    label = escape_inert(mark.label)
    return (
        f'<a class="change-mark" href="#change-{mark.number}" title="{label}" '
        f'aria-label="{label}" data-search-exclude>✎{mark.number}</a>'
    )


def removed_part(before: str, after: str) -> str:
    """What a change took out, when it recorded the text around it: the end of `before` that is
    not in `after` (`…Nineties.² ■■■` → `…Nineties.²`: ` ■■■`).

    >>> removed_part("ring Nineties.² ■■■", "oring Nineties.²"), removed_part("12", "")
    (' ■■■', '12')
    """
    if not after:
        return before
    kept = max((k for k in range(len(before) + 1) if after.endswith(before[:k])), default=0)
    return before[kept:] or before


def struck(mark: Mark) -> str:
    """What a change removed, struck through, with its mark."""
    removed = escape_inert(removed_part(mark.repair.before, mark.repair.after))
    return f'<del class="change-removed" data-search-exclude>{removed}</del>{badge(mark)}'


def joined_at(text: str, mark: Mark) -> int | None:
    """Where in a paragraph's text a join was made: after the words that ended the cut paragraph
    (as the repair recorded them, `…the aim is ¶ to defend…`); None if they are not found.

    >>> join = Repair("paragraph rejoined", 1, "…the aim is ¶ to…", "joined")
    >>> joined_at("The aim is to defend them.", Mark(1, join))
    10
    """
    tail = mark.repair.before.split(" ¶ ")[0].lstrip("…").strip()
    found = text.lower().find(tail.lower()) if tail else -1
    return found + len(tail) if found >= 0 else None
