"""The index pages of a large collection: past `NAV_LIMIT` texts, the navigation lists these, not
every article, and readers browse the articles by title, year, publication and author (by topic:
the topics' index). Each lists an article on one line, under headings that say how many."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from cancun_reader.core.escape import escape_text, front_matter
from cancun_reader.core.model import UNKNOWN, Entry

NAV_LIMIT = 50
"""Up to this many texts, the navigation lists every article (the three-text site); past it, only
the index pages below, and a topic page lists each article's passages as links, not quotations."""

INDEXES = {
    "by-year": ("By year", lambda e: e.date[:4] if e.date[:4].isdigit() else UNKNOWN),
    "by-publication": ("By publication", lambda e: e.publication),
    "by-author": ("By author", lambda e: e.author),
}
"""Each index page past the limit: its name in `articles/`, its title, and what it groups by."""


def is_large(entries: list[Entry]) -> bool:
    return len(entries) > NAV_LIMIT


@functools.lru_cache(maxsize=65_536)
def line(entry: Entry) -> str:
    """An article on one line: its title, linked, then what is known of its author, publication
    and date.

    >>> line(Entry("a.txt", "a", "A title", author="B. Writer", date="2003"))
    '- [A title](a.md) · B. Writer · 2003'
    """
    known = [escape_text(v) for v in (entry.author, entry.publication, entry.date_as_read) if v != UNKNOWN]
    return " · ".join([f"- [{escape_text(entry.title)}]({entry.slug}.md)", *known])


@functools.lru_cache(maxsize=65_536)
def by_title(entry: Entry) -> tuple[object, ...]:
    """A title's place in a list, numbers in it read as numbers: `(3)` before `(12)`.

    >>> sorted(["A (12)", "A (3)", "b"], key=lambda t: by_title(Entry("", "", t)))
    ['A (3)', 'A (12)', 'b']
    """
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", entry.title))


def group_key(value: str) -> tuple[int, str]:
    """Groups in alphabetical order (years, so, in time order), the unknown last.

    >>> sorted(["unknown", "2003", "1999"], key=group_key)
    ['1999', '2003', 'unknown']
    """
    return (value == UNKNOWN, value.casefold())


def grouped(entries: list[Entry], key: Callable[[Entry], str], unknown: str) -> str:
    """Articles under a heading per value of `key` (`## 2003 (412)`), each group sorted by title."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(key(entry) or UNKNOWN, []).append(entry)
    parts = []
    for value in sorted(groups, key=group_key):
        members = sorted(groups[value], key=by_title)
        heading = unknown if value == UNKNOWN else escape_text(value)
        parts.append(f"## {heading} ({len(members)})\n\n" + "\n".join(line(e) for e in members))
    return "\n\n".join(parts)


def browse_line(current: str) -> str:
    """The line that links the index pages to each other (and to the topics' index)."""
    links = [("index", "By title"), *((name, title) for name, (title, _) in INDEXES.items())]
    shown = [title if name == current else f"[{title}]({name}.md)" for name, title in links]
    return "Browse the articles: " + " · ".join(shown) + " · [By topic](../topics/index.md)"


def first_letter(entry: Entry) -> str:
    """The heading an article stands under in the index by title.

    >>> first_letter(Entry("", "", "after Cancún")), first_letter(Entry("", "", "2003"))
    ('A', '#')
    """
    return entry.title[:1].upper() if entry.title[:1].isalpha() else "#"


def index_page(entries: list[Entry], name: str, title: str, key: Callable[[Entry], str], unknown: str) -> str:
    """One index page: its title, how many articles and the links to the other indexes, then the
    articles grouped by `key`."""
    browse = f"{len(entries)} articles. {browse_line(name)}"
    parts = [front_matter({"title": title}).rstrip(), f"# {title}", browse, grouped(entries, key, unknown)]
    return "\n\n".join(parts) + "\n"


def render_large_indexes(entries: list[Entry]) -> dict[str, str]:
    """The index pages of a large collection, by file name in `articles/`."""
    pages = {"index.md": index_page(entries, "index", "Articles", first_letter, "#")}
    for name, (title, key) in INDEXES.items():
        unknown = f"{title.removeprefix('By ')} unknown"
        pages[f"{name}.md"] = index_page(entries, name, f"Articles {title.lower()}", key, unknown)
    return pages
