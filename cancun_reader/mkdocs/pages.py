"""What the plugin does to MkDocs's view of the pages: the generated pages listed in the navigation
under their section's index, a large collection's articles left to its index pages, and the search
index's entries tidied for readers."""

from __future__ import annotations

import html
from pathlib import Path

from cancun_reader.site.indexes import INDEXES


def expand_sections(nav: list, pages: list[str]) -> list:
    """Turn a nav entry `Articles: articles/index.md` into that index followed by every
    generated page of its folder, so `mkdocs.yml` never lists generated pages by hand; where the
    folder has index pages of its own (`by-year.md`: a large collection), into those only."""
    expanded = []
    for item in nav:
        (title, target), *_ = item.items() if isinstance(item, dict) else [(None, item)]
        if isinstance(target, str) and target in pages and target.endswith("/index.md"):
            children = section_pages(target, pages)
            indexes = [p for p in children if is_index_page(p)]
            expanded.append({title: [target, *(indexes or children)]})
        else:
            expanded.append(item)
    return expanded


def section_pages(index: str, pages: list[str]) -> list[str]:
    folder = index.removesuffix("index.md")
    return [p for p in pages if p.startswith(folder) and p != index]


def is_index_page(page: str) -> bool:
    """An index page of a large collection (`articles/by-year.md`): one of `indexes.INDEXES`.

    >>> is_index_page("articles/by-year.md"), is_index_page("articles/by-the-sea.md")
    (True, False)
    """
    return Path(page).stem in INDEXES


def listed_by_indexes(pages: list[str]) -> set[str]:
    """The generated pages the nav leaves to index pages (`by-year.md`: a large collection)."""
    listed: set[str] = set()
    for index in (p for p in pages if p.endswith("/index.md")):
        children = section_pages(index, pages)
        if any(is_index_page(p) for p in children):
            listed.update(p for p in children if not is_index_page(p))
    return listed


def tidy_search_entries(entries: list[dict], url: str, meta: dict) -> None:
    """The page's entries in the search index (the last ones), as a reader wants its results: the
    page's tags on its own entry, not repeated under each of its sections; the byline, which the
    page leaves out of the index so that a result's snippet is the text, found after the text.

    >>> entries = [{"location": "a.html", "text": "<p>Text.</p>", "tags": ["G21"]},
    ...            {"location": "a.html#s", "text": "More.", "tags": ["G21"]}]
    >>> tidy_search_entries(entries, "a.html", {"search": {"byline": "Shelly Delos · 2003"}})
    >>> [(entry["text"], entry.get("tags")) for entry in entries]
    [('<p>Text.</p> <p>Shelly Delos · 2003</p>', ['G21']), ('More.', None)]
    """
    byline = (meta.get("search") or {}).get("byline")
    for entry in reversed(entries):
        page, _, section = entry["location"].partition("#")
        if page != url:
            break
        if section:
            entry.pop("tags", None)
        elif byline:
            entry["text"] += f" <p>{html.escape(byline)}</p>"
