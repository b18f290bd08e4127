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
import re
from dataclasses import dataclass, field

from cancun_reader.core.escape import escape_inert
from cancun_reader.core.kinds import Kind, Marking
from cancun_reader.core.model import Article, Paragraph, Repair, Sidebar
from cancun_reader.core.prose.words import HYPHENS


@dataclass(frozen=True)
class Mark:
    number: int
    repair: Repair

    @property
    def label(self) -> str:
        """What the mark says: `Change 3: word broken at a line end made whole (“Is- sues” → “Issues”)`."""
        repair = self.repair
        change = f"“{repair.before}” → “{repair.after}”" if repair.after else f"removed “{repair.before}”"
        return f"Change {self.number}: {repair.kind.said} ({change}), line {repair.line} as received"


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

    def renumbered(self, number: dict[int, int]) -> BlockMarks:
        """The same marks, each numbered anew (`number`: the new number of each old one)."""

        def one(mark: Mark) -> Mark:
            return Mark(number.get(mark.number, mark.number), mark.repair)

        return BlockMarks(
            [one(m) for m in self.start],
            [one(m) for m in self.words],
            [one(m) for m in self.joins],
            [one(m) for m in self.removed],
            [(one(m), words) for m, words in self.origins],
            [(one(m), words) for m, words in self.removed_at],
        )


TAIL_WORDS = 4
"""How many words before a line taken out of the text find again where it stood."""


def marks_by_block(article: Article) -> dict[int, BlockMarks]:
    """Each change of the article, as a mark, under the line of the block it belongs to: the block
    that holds its source line; for a line the build removed, the block before it (or after it,
    at the very start of the text). The marks are numbered in the order a reader meets them.

    >>> from cancun_reader.core.model import Source
    >>> text, source = Paragraph("It was the end.", 1), Source("a.txt", "It was the end.\\n12", None)
    >>> number = Repair(Kind.PAGE_NUMBER_REMOVED, 2, "12", "")
    >>> repairs = (number, Repair(Kind.WORD_REJOINED, 1, "e- nd", "end"))
    >>> found = marks_by_block(Article(source, (text,), repairs, ((1, 1),)))
    >>> [m.number for m in found[1].words], [(m.number, words) for m, words in found[1].removed_at]
    ([1], [(2, 'It was the end.')])
    """
    found = gather_marks(article)
    number = {mark.number: n for n, mark in enumerate(reading_order(article, found), start=1)}
    return {line: marks.renumbered(number) for line, marks in found.items()}


def numbered(article: Article) -> list[tuple[int, Repair]]:
    """The article's changes, numbered from 1 in the order a reader meets their marks: block by
    block, and within a block from its start to its end (a change in a word before a join after it).

    >>> from cancun_reader.core.model import Source
    >>> text = "The talks ended. It was a fail- ure."
    >>> source = Source("a.txt", text, None)
    >>> join = Repair(Kind.PARAGRAPH_REJOINED, 1, "…talks ended. ¶ It was…", "joined")
    >>> word = Repair(Kind.WORD_REJOINED, 1, "fail- ure", "failure")
    >>> first = Repair(Kind.HEADING_FOUND, 1, "The talks", "The talks")
    >>> article = Article(source, (Paragraph(text.replace("- ", ""), 1),), (word, join, first), ((1, 1),))
    >>> [(n, r.kind) for n, r in numbered(article)]
    [(1, Kind.HEADING_FOUND), (2, Kind.PARAGRAPH_REJOINED), (3, Kind.WORD_REJOINED)]
    """
    return [(n, mark.repair) for n, mark in enumerate(reading_order(article, gather_marks(article)), start=1)]


def gather_marks(article: Article) -> dict[int, BlockMarks]:
    """The marks of each block, numbered for now in the order of their lines as received."""
    placed = dict(article.placed)
    lines = sorted(placed)
    tops = {b.line: b.line for b in article.blocks}
    tops |= {i.line: b.line for b in article.blocks if isinstance(b, Sidebar) for i in b.blocks}
    first = article.blocks[0].line if article.blocks else 0
    found: dict[int, BlockMarks] = {}
    ordered = sorted(article.repairs, key=lambda r: r.line)
    for number, repair in enumerate(ordered, start=1):
        line = placed.get(repair.line)
        if line is None:
            before = bisect.bisect_right(lines, repair.line) - 1
            line = placed[lines[before]] if before >= 0 else placed[lines[0]] if lines else first
        marks = found.setdefault(tops.get(line, line), BlockMarks())
        mark, kind = Mark(number, repair), repair.kind
        if kind.moved_apart:
            origin = stood_after(article, repair.line, placed)
            if origin:
                found.setdefault(origin[0], BlockMarks()).origins.append((mark, origin[1]))
        stood = (
            stood_after(article, repair.line, placed) if kind.mark is Marking.STRUCK_WHERE_IT_STOOD else None
        )
        if stood:
            found.setdefault(stood[0], BlockMarks()).removed_at.append((mark, stood[1]))
        elif kind.mark in (Marking.STRUCK, Marking.STRUCK_WHERE_IT_STOOD):
            marks.removed.append(mark)
        elif kind.mark is Marking.IN_WORD:
            marks.words.append(mark)
        elif kind.mark is Marking.AT_JOIN:
            marks.joins.append(mark)
        else:
            marks.start.append(mark)
    return found


def reading_order(article: Article, found: dict[int, BlockMarks]) -> list[Mark]:
    """The marks in the order a reader meets them: by block, then by their place in its text."""
    order: list[Mark] = []
    lines = [b.line for b in article.blocks] + sorted(set(found) - {b.line for b in article.blocks})
    texts = {b.line: b.text for b in article.blocks if isinstance(b, Paragraph)}
    for line in lines:
        if line in found:
            order += [p.mark for p in place_marks(texts.get(line), found[line]) if p.role != "origin"]
    return order


START, END = -1, 1 << 62
"""Where a mark goes that is set before a block's text, or after it."""

ROLES = ("start", "word", "join", "origin", "struck", "end")
"""What a mark is where it goes; at the same place, in this order."""

PRIVATE = re.compile("[\ue000-\uf8ff]")
"""The private characters that stand for marks while a paragraph is escaped (`render.py`)."""


@dataclass(frozen=True)
class Placed:
    """A mark and where it goes in its block's text: `at` is where its badge goes (`START`, an
    offset, `END`); a word made whole begins at `begins`."""

    at: int
    mark: Mark
    role: str
    begins: int = 0


def place_marks(text: str | None, marks: BlockMarks) -> list[Placed]:
    """Where each mark of a block goes, in reading order: in a paragraph's `text`, a word made whole
    after the word, a join where the paragraph was cut, a removal where it stood, where a block set
    apart stood after the words before it; the rest at the block's start or struck at its end (and
    so is a mark whose words are not found, and every mark of a block that is no paragraph).

    >>> join = Mark(1, Repair(Kind.PARAGRAPH_REJOINED, 1, "…talks ended. ¶ It was…", "joined"))
    >>> word = Mark(2, Repair(Kind.WORD_REJOINED, 1, "fail- ure", "failure"))
    >>> lost = Mark(3, Repair(Kind.WORD_REJOINED, 1, "gon- e", "gone"))
    >>> marks = BlockMarks(words=[word, lost], joins=[join])
    >>> [(p.at, p.mark.number, p.role) for p in place_marks("The talks ended. It was a failure.", marks)]
    [(-1, 3, 'start'), (16, 1, 'join'), (33, 2, 'word')]

    Negative: a block with no text of its own takes its marks before it.
    >>> [(p.at, p.role) for p in place_marks(None, marks)]
    [(-1, 'start'), (-1, 'start'), (-1, 'start')]
    """
    placed = [Placed(START, m, "start") for m in marks.start]
    if text is None or PRIVATE.search(text):
        placed += [Placed(START, m, "start") for m in [*marks.words, *marks.joins]]
        placed += [Placed(END, m, "end") for m in marks.all_removed]
        return placed
    for mark, tail in marks.origins:
        at = text.find(tail)
        if at >= 0:
            placed.append(Placed(at + len(tail), mark, "origin"))
    for mark, tail in marks.removed_at:
        at = text.find(tail)
        placed.append(Placed(at + len(tail), mark, "struck") if at >= 0 else Placed(END, mark, "end"))
    for mark in marks.words:
        found = re.search(rf"(?<!\w){re.escape(mark.repair.after)}(?!\w)", text)
        word = Placed(found.end(), mark, "word", found.start()) if found else None
        placed.append(word or Placed(START, mark, "start"))
    for mark in marks.joins:
        joined = joined_at(text, mark)
        placed.append(Placed(joined, mark, "join") if joined is not None else Placed(START, mark, "start"))
    placed += [Placed(END, m, "end") for m in marks.removed]
    return sorted(placed, key=lambda p: (p.at, ROLES.index(p.role), p.mark.number))


def stood_after(article: Article, line: int, placed: dict[int, int]) -> tuple[int, str] | None:
    """Where a line taken out of the text (page furniture, a pull quote or a box set apart) stood:
    the paragraph that holds the source's last line of text before it, and that line's last words,
    which the paragraph still has.

    >>> from cancun_reader.core.model import Entry, Paragraph, Source
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
        if words[-1].endswith(tuple(HYPHENS)):
            words = words[:-1]  # a word broken there is whole in the paragraph, not as printed
        return (placed[number], " ".join(words[-TAIL_WORDS:])) if words else None
    return None


def origin(mark: Mark) -> str:
    """Where a block set apart stood, shown in the sentence it interrupted, linked to the block
    itself (its mark, `badge`): a reader goes from one to the other.

    >>> print(origin(Mark(12, Repair(Kind.PULL_QUOTE_SET_APART, 9, "They left.", ""))))  # doctest: +ELLIPSIS
    <span ...>[<a href="#mark-12">the pull quote</a> (change 12) stood here in print]</span>
    """
    kind = "pull quote" if mark.repair.kind == Kind.PULL_QUOTE_SET_APART else "box"
    return (
        f'<span class="change-origin" data-search-exclude>[<a href="#mark-{mark.number}">the {kind}</a> '
        f"(change {mark.number}) stood here in print]</span>"
    )


def badge(mark: Mark, named: bool = False) -> str:
    """The mark itself: a numbered link to the change's entry, its words (`Change 4: …`) both its
    tooltip and its name for a screen reader, the same plain words (said once: a description the
    same as the name is not said again); `named`, what kind of change it is shown beside it, as a
    mark standing at a paragraph's start or at a join says at a glance what it is (a word made
    whole says it by its underlining; a heading's mark stays out of its words), its name for a
    screen reader what it shows, its label the description. A block set apart's mark is where the
    note of where it stood leads.

    >>> joined = Mark(3, Repair(Kind.PARAGRAPH_REJOINED, 9, "a ¶ b", "joined"))
    >>> print(badge(joined, named=True))  # doctest: +ELLIPSIS
    <a class="change-mark" href="#change-3" ...>✎3<span class="change-kind"> paragraph rejoined</span></a>

    Negative: a mark in a word shows its number only.
    >>> badge(Mark(4, Repair(Kind.WORD_REJOINED, 9, "fail- ure", "failure"))).endswith(">✎4</a>")
    True
    """
    label = escape_inert(mark.label)
    target = f' id="mark-{mark.number}"' if mark.repair.kind.moved_apart else ""
    kind = f'<span class="change-kind"> {escape_inert(mark.repair.kind.value)}</span>' if named else ""
    name = "" if named else f'aria-label="{label}" '  # a named mark is called what it shows
    return (
        f'<a class="change-mark" href="#change-{mark.number}"{target} title="{label}" '
        f"{name}data-search-exclude>✎{mark.number}{kind}</a>"
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

    >>> join = Repair(Kind.PARAGRAPH_REJOINED, 1, "…the aim is ¶ to…", "joined")
    >>> joined_at("The aim is to defend them.", Mark(1, join))
    10
    """
    tail = mark.repair.before.split(" ¶ ")[0].lstrip("…").strip()
    found = text.lower().find(tail.lower()) if tail else -1
    return found + len(tail) if found >= 0 else None
