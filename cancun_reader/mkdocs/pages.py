"""What the plugin does to MkDocs's view of the pages: the generated pages listed in the navigation
under their section's index, a large collection's articles left to its index pages, and the search
index's entries tidied for readers."""

from __future__ import annotations

import html
import re
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


def tidy_search_entries(entries: list[dict], url: str, meta: dict, content: str = "") -> None:
    """The page's entries in the search index (the last ones), as a reader wants its results: the
    page's tags on its own entry, not repeated under each of its sections; the text before the
    first heading an entry of its own, found like the sections, and the page's own entry its
    byline alone (a page found by its topics shows no passage without the words searched); a
    passage that names a topic found by the other spellings of its name (`Lee Kyung Hae`); no
    footnote's back-link (`↩`).

    >>> entries = [{"location": "a.html", "title": "A", "text": "<p>Text.</p>", "tags": ["G21"]},
    ...            {"location": "a.html#s", "text": "Lee Kyoung Hae died.\xa0↩", "tags": ["G21"]}]
    >>> lee = {"names": ["Lee Kyoung Hae"], "spellings": ["Lee Kyung Hae"]}
    >>> meta = {"search": {"byline": "Shelly Delos · 2003", "spellings": [lee]}}
    >>> tidy_search_entries(entries, "a.html", meta, '<h1>A</h1><p id="p-text">Text.</p>')
    >>> [(e["location"], e["text"], e.get("tags")) for e in entries]  # doctest: +NORMALIZE_WHITESPACE
    [('a.html', '<p>Shelly Delos · 2003</p>', ['G21']), ('a.html#p-text', '<p>Text.</p>', None),
     ('a.html#s', 'Lee Kyoung Hae died. <p>[also spelt: Lee Kyung Hae]</p>', None)]

    Negative: another page's entries are left as they are.
    >>> tidy_search_entries(entries, "b.html", meta)
    >>> entries[0]["location"], entries[1]["text"]
    ('a.html', '<p>Text.</p>')
    """
    said = meta.get("search") or {}
    own = None
    for index in range(len(entries) - 1, -1, -1):
        entry = entries[index]
        page, _, section = entry["location"].partition("#")
        if page != url:
            break
        text = entry["text"].replace(BACKLINK, "")
        entry["text"] = also_spelt(text, f"{entry.get('title', '')} {text}", said.get("spellings", []))
        if section:
            entry.pop("tags", None)
        else:
            own = index
    if own is None or not said:
        return
    entry = entries[own]
    first = FIRST_PARAGRAPH.search(content)
    if entry["text"].strip() and first:
        opening = {"location": f"{url}#{first[1]}", "title": entry["title"], "text": entry["text"]}
        entries.insert(own + 1, opening)
        entry["text"] = ""
    if said.get("byline"):
        entry["text"] = f"{entry['text']} <p>{html.escape(said['byline'])}</p>".strip()


def also_spelt(text: str, holding: str, spelled: list[dict]) -> str:
    """A passage of the index with the other spellings of the names it (or its title: `holding`)
    holds, in brackets at the end of the paragraph that first names one (search shows a result by
    the paragraphs that hold the words searched, so they must stand in the same one).

    >>> lee = [{"names": ["Lee Kyoung Hae", "Mr. Lee"], "spellings": ["Lee Kyung Hae"]}]
    >>> also_spelt("<p>It began.</p><p>Mr. Lee died.</p>", "A <p>Mr. Lee died.</p>", lee)
    '<p>It began.</p><p>Mr. Lee died. [also spelt: Lee Kyung Hae]</p>'

    Negative: a passage that names none of them.
    >>> also_spelt("<p>It began.</p>", "It began.", lee)
    '<p>It began.</p>'
    """
    lowered, within = holding.lower(), text.lower()
    named = [topic for topic in spelled if any(n.lower() in lowered for n in topic["names"])]
    if not named:
        return text
    others = html.escape(", ".join(s for topic in named for s in topic["spellings"]))
    places = [within.find(n.lower()) for topic in named for n in topic["names"] if n.lower() in within]
    end = text.find("</", min(places)) if places else -1
    if end < 0:
        return f"{text} <p>[also spelt: {others}]</p>"
    return f"{text[:end]} [also spelt: {others}]{text[end:]}"


BACKLINK = "\xa0↩"
"""The back-link after a footnote, as the footnotes extension sets it (after a no-break space)."""

FIRST_PARAGRAPH = re.compile(r'<p id="([^"]+)"')
"""The first paragraph the page gives an anchor: where the text before the first heading begins."""
