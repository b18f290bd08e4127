"""The fidelity check that the tests of the site's texts, the corpus and damaged texts share:
every word of a source reaches its page, in the author's order, once.

The only words allowed to go are the ones a correction deletes; hyphens, end marks and other
punctuation are not compared. Text is compared as a stream of letters and digits, so a word
rejoined across a break (`sur-` … `prise`) reads the same on both sides.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from pathlib import Path

from project import site_markdown

from cancun_reader.core.kinds import Kind, Marking
from cancun_reader.core.model import AuthorBio, Caption, Footnote, ListBlock, PullQuote, Sidebar
from cancun_reader.core.prose.shapes import GLUED_MARKER
from cancun_reader.site.marks import marks_by_block
from cancun_reader.site.render import render_body
from cancun_reader.text.blocks import split_into_runs
from cancun_reader.text.corrections_file import corrections_path, load_corrections
from cancun_reader.text.layout.lists import NOTES_TITLE, NUMBER_ALONE

NOTE_MARKERS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")
SUPERSCRIPT = re.compile(r"<sup[^>]*>.*?</sup>", re.DOTALL)
CHART = re.compile(r"<figure[^>]*class=\"chart\".*?</figure>", re.DOTALL)
"""A chart draws a table that is on the page as text already: its labels are not compared twice."""
TAG = re.compile(r"<[^>]+>")
CHANGE_MARKS = re.compile(
    r"<div\b[^>]*data-search-exclude[^>]*>.*?</div>|<(a|del|span)\b[^>]*data-search-exclude[^>]*>.*?</\1>",
    re.DOTALL,
)
"""The marks of the changes (numbered links, what was removed struck through): the editors', not
the text's; the words a change made whole (`<ins>`) are the text's and stay."""
INLINE_TAG = re.compile(r"</?(?:a|em|strong|abbr|span|code|ins)\b[^>]*>")
"""Tags inside a line of text: they part no words (`the-<a>www.x.org</a>` is `the-www.x.org`)."""
HYPHENS = "-\u2010\u2011"
BROKEN_AT_LINE_END = re.compile(rf"[{HYPHENS}][ \t]*\n\s*")
IN_COMPOUND = re.compile(rf"(?<=\w)[{HYPHENS}]+(?=\w)")
"""Hyphens between two letters: a compound's, or two (`the--the`, a line-end hyphen before a line
that is a hyphen alone, which the source's stream joins as it joins a word broken at a line end)."""
WORD = re.compile(r"[^\W_]+")
NOTE_NUMBER = re.compile(r"^\s*(?:\d{1,3}[.)]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+")
"""The number a note of a list of notes begins with, which the page shows as its item's number."""
FOUND = "\x00"  # stands in for text already matched, so nothing is matched twice


def stream(text: str) -> str:
    """Words of letters and digits, lower case, one space apart; note markers dropped (their notes
    are compared); a word hyphenated at a line end, or a compound, compared as one word (so that
    `sur-` / `prise` and `surprise` read the same, and `anti-NGO` whatever the repair decided)."""
    text = unicodedata.normalize("NFKC", NOTE_MARKERS.sub("", text)).replace("\u00ad", "").lower()
    text = IN_COMPOUND.sub("", BROKEN_AT_LINE_END.sub("", text))
    return " ".join(WORD.findall(text))


SET_APART = re.compile(r"<aside\b.*?</aside>|<div class=\"footnote\">.*?</div>", re.DOTALL)
"""What the page sets apart from the flow of the text: pull quotes, sidebars, the author's bio, notes."""


def without_marks(rendered: str) -> str:
    """The page without the marks of the changes; a mark parts the words around it, except after a
    hyphen, where it marks the join of a compound (`the-` ✎ `Cancún` is `the-Cancún`)."""
    return CHANGE_MARKS.sub(lambda m: "" if rendered[m.start() - 1 : m.start()] in HYPHENS else " ", rendered)


def html_stream(rendered: str) -> str:
    text = INLINE_TAG.sub("", SUPERSCRIPT.sub("", CHART.sub("", without_marks(rendered))))
    return stream(html.unescape(TAG.sub(" ", text)))


def page_streams(markdown_text: str) -> tuple[str, str]:
    """The page as two streams: the flow of the text, and what it sets apart, so that a run of
    the text is never matched inside a pull quote or a box that repeats its words."""
    rendered = site_markdown().convert(markdown_text)
    apart = " ".join(SET_APART.findall(rendered))
    return html_stream(SET_APART.sub(" ", rendered)), html_stream(apart)


FURNITURE = tuple(k for k in Kind if k.mark is Marking.STRUCK_WHERE_IT_STOOD)
MOVED = (Kind.CORRECTION_MOVE, Kind.CORRECTION_JOIN, Kind.PARAGRAPH_REJOINED_OUT_OF_ORDER)
"""Changes that put a run of the text after what followed it in the source."""


def source_runs(
    path: Path,
    furniture: frozenset[int] = frozenset(),
    starts: frozenset[int] = frozenset(),
    markers: frozenset[str] = frozenset(),
    notes: frozenset[int] = frozenset(),
) -> list[tuple[int, str, bool]]:
    """The source's runs of lines, as streams, less the words its corrections delete and the lines
    removed as page furniture, each saying whether it ends with a hyphen (so that its last word
    goes on in the next run). A run also ends where the layout stage began a block (`starts`):
    a heading or a pull quote it found between the lines of a paragraph is a run of its own. A
    number of `markers` glued to its word (`Korea.2`) is a note's marker, which the page shows as
    a superscript link, compared with its note; on the first lines of `notes`, the note's number,
    which the page shows as the number of its item."""
    deleted = [d for d in load_corrections(corrections_path(path)) if d.action.name == "delete"]
    runs = []
    kept: list[tuple[int, str]] = []
    for number, text in enumerate(path.read_text(encoding="utf-8-sig").split("\n"), start=1):
        if number in starts:
            kept.append((number, ""))
        if markers:
            text = GLUED_MARKER.sub(lambda m: "" if m["number"] in markers else m[0], text)
        if number in notes:
            text = NOTE_NUMBER.sub("", text)
        kept.append((number, "" if number in furniture else text))
    for line, lines in split_into_runs(kept):
        text = "\n".join(lines)
        for directive in deleted:
            context = directive.quote + directive.options.get("followed_by", "")
            text = text.replace(context, context[len(directive.quote) :])
        runs.append((line, stream(text), text.rstrip().endswith(tuple(HYPHENS))))
    return [run for run in runs if run[1]]


def rejoined_tails(article) -> dict[int, set[int]]:
    """The lines of each end of a paragraph the extraction gave out of order, by the line of the
    paragraph it now ends: those placed in it before it (read first), or from the end's own first
    line on (read after another column)."""
    tails: dict[int, set[int]] = {}
    for joined in (r for r in article.repairs if r.into):
        late = joined.line > joined.into
        tails.setdefault(joined.into, set()).update(
            line
            for line, owner in article.placed
            if owner == joined.into and (line >= joined.line if late else line < owner)
        )
    return tails


def in_reading_order(runs: list, tails: dict[int, set[int]], owners: dict[int, int]) -> tuple[list, set]:
    """The runs of the flow in the order the page reads them: each end of a paragraph given out of
    order right after the paragraph's own runs, where the repair put it; and the lines of an end
    whose paragraph is not in the flow (moved by a correction), to be found with the moved runs."""
    ends = set().union(*tails.values()) if tails else set()
    flow = [run for run in runs if run[0] not in ends]
    for into, lines in tails.items():
        owned = [i for i, run in enumerate(flow) if owners.get(run[0]) == into]
        if owned:
            flow[owned[-1] + 1 : owned[-1] + 1] = [run for run in runs if run[0] in lines]
            ends -= lines
    return flow, ends


def with_drop_caps_joined(
    runs: list[tuple[int, str, bool]], caps: dict[int, str]
) -> list[tuple[int, str, bool]]:
    """The runs with each drop cap's letter (a run of its own, on a line of `caps`, which gives the
    word it begins) put before the rest of its word: the first run after it that begins so, which
    may stand lines away when the extraction read the letter before the title; a letter that is a
    word of its own (`A few`) keeps its space."""
    letters = {line: run for line, run, _ in runs if line in caps}
    joined = []
    for line, run, goes_on in runs:
        if line in letters:
            continue
        for capital in [c for c in letters if c < line and run.startswith(stream(caps[c])[1:].lstrip())]:
            run = letters.pop(capital) + " " * (caps[capital][1:2] == " ") + run
        joined.append((line, run, goes_on))
    return joined


def check_fidelity(article, path: Path) -> None:
    """The runs of the text that stay in the flow are found in the page in the author's order, each
    after the one before; the runs set apart (pull quotes, sidebars, notes) or moved by a
    correction are found anywhere in what is left; then nothing may be left over."""
    rendered = render_body(article.blocks, None, marks_by_block(article))  # as published, marks and all
    pages = dict(zip(("flow", "apart"), page_streams(rendered), strict=True))
    # the lines the page does not show as text: furniture removed, and the numbers of notes read
    # apart from their notes (rejoined to them, they are the numbers of the notes' items)
    furniture = frozenset(r.line for r in article.repairs if r.kind in FURNITURE)
    if any(r.kind == Kind.NOTE_NUMBER_REJOINED for r in article.repairs):
        placed = dict(article.placed)
        lines = list(enumerate(path.read_text(encoding="utf-8").split("\n"), start=1))
        title = max(n for n, text in lines if NOTES_TITLE.fullmatch(text.strip()))
        furniture |= {
            n for n, text in lines[title:] if n not in placed and NUMBER_ALONE.fullmatch(text.strip())
        }
    starts = {b.line for b in article.blocks}
    # a run ends where the next line of the source is held by another block (a pull quote the
    # layout stage found between the lines of a paragraph ends where the paragraph goes on)
    owners = dict(article.placed)
    starts |= {line for line, owner in owners.items() if owners.get(line - 1, owner) != owner}
    starts |= {inner.line for b in article.blocks if isinstance(b, Sidebar) for inner in b.blocks}
    # an item the layout stage found in a box is one line: the line after it begins something else
    starts |= {r.line + 1 for r in article.repairs if r.kind == Kind.BOX_ITEM_FOUND}
    # so is a cell of a table read one a line (paired into rows in another order), and a year of a
    # fact file read apart from its box and moved into it
    cells = {
        r.line for r in article.repairs if r.kind in (Kind.TABLE_CELLS_PAIRED, Kind.FACT_FILE_YEARS_MOVED)
    }
    starts |= cells | {line + 1 for line in cells}
    # a drop cap is a run of its own, whose letter goes on in the rest of its word, wherever the
    # extraction read it
    caps = {r.line: r.after for r in article.repairs if r.kind == Kind.DROP_CAP_REJOINED}
    starts |= set(caps) | {line + 1 for line in caps}
    markers = frozenset(r.before for r in article.repairs if r.kind == Kind.NOTE_MARKER_LINKED)
    notes = frozenset(b.line for b in article.blocks if isinstance(b, Footnote))
    found = source_runs(path, furniture, frozenset(starts), markers, notes)
    runs = with_drop_caps_joined(found, caps)
    set_apart = {b.line for b in article.blocks if isinstance(b, PullQuote | Caption | Footnote | AuthorBio)}
    boxed: set[str] = set()
    for sidebar in (b for b in article.blocks if isinstance(b, Sidebar)):
        set_apart |= {sidebar.line, *(b.line for b in sidebar.blocks)}
        boxed |= {item[:40] for b in sidebar.blocks if isinstance(b, ListBlock) for item in b.items}
    set_apart |= {r.line for r in article.repairs if r.kind == Kind.BOX_ITEM_FOUND and r.before in boxed}
    # a block set apart goes on past furniture (a note cut by a page's foot and head): its lines
    # after the furniture are set apart with it
    set_apart |= {line for line, owner in article.placed if owner in set_apart}
    tails = rejoined_tails(article)
    moved = {r.line for r in article.repairs if r.kind in MOVED} - set().union(*tails.values())
    broken_before = {b[0] for a, b in itertools.pairwise(runs) if a[2]}  # its first word began before
    elsewhere = set_apart | moved | cells
    flow, unplaced = in_reading_order(
        [run for run in runs if run[0] not in elsewhere], tails, dict(article.placed)
    )
    moved |= unplaced
    by_length = sorted(runs, key=lambda r: -len(r[1]))

    def pattern(line: int, run: str, goes_on: bool) -> re.Pattern:
        """A run, whole words only (a run's words do not match inside longer words), except where a
        word goes on across a break."""
        before = "" if line in broken_before else rf"(?<![^ {FOUND}])"
        after = "" if goes_on else rf"(?![^ {FOUND}])"
        return re.compile(before + re.escape(run) + after)

    def take(line: int, run: str, goes_on: bool, start: int, where: str) -> int:
        """Find a run from `start`, and mark it found."""
        found = pattern(line, run, goes_on).search(pages[where], start)
        assert found, f"{path.name}:{line}: text lost, changed or out of the author's order: {run[:80]}"
        pages[where] = pages[where][: found.start()] + FOUND * len(run) + pages[where][found.end() :]
        return found.end()

    position = 0
    for line, run, goes_on in flow:
        position = take(line, run, goes_on, position, "flow")
    for line, run, goes_on in (r for r in by_length if r[0] in moved and r[0] not in set_apart):
        take(line, run, goes_on, 0, "flow")
    for line, run, goes_on in (r for r in by_length if r[0] in set_apart and r[0] not in cells):
        take(line, run, goes_on, 0, "apart")
    # a table's cells, paired into rows, in a box or in the flow of the text
    for line, run, goes_on in (r for r in by_length if r[0] in cells):
        boxed_cell = pattern(line, run, goes_on).search(pages["apart"])
        take(line, run, goes_on, 0, "apart" if boxed_cell else "flow")
    leftover = " ".join(pages.values()).replace(FOUND, "").strip()
    assert leftover == "", f"{path.name}: text on the page that is not in the source: {leftover[:80]}"
