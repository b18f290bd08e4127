"""The works a topic page or the timeline cites, in full, at its end: its short citations
(`Delos, ¶8`) name articles a student printing the page cannot look up otherwise; and where the page
comes from (the site's name, its address when published, when its sources last changed), so that a
printed handout stands alone."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

from cancun_reader.site.paths import topic_page
from cancun_reader.site.references import READER, plain

STYLE = "Chicago"
"""The style the works cited are given in: the first of "Cite this article"'s."""

TIMELINE = "timeline.md"
"""The timeline's page, which cites the articles as a topic's page does."""

CITED = re.compile(r"(?:\.\./)?articles/([a-z0-9-]+)\.md")
"""A link to an article in a page's Markdown, by the article's slug."""


def cited_slugs(page: str) -> list[str]:
    """The articles a page links to, each once, in the order it first does.

    >>> cited_slugs("(Delos, [¶8](../articles/a.md#p-8)); [¶2](../articles/b.md#x) [¶9](../articles/a.md#y)")
    ['a', 'b']
    """
    return list(dict.fromkeys(CITED.findall(page)))


def sources_changed(folders: list[Path]) -> str:
    """When the texts and topics last changed, as a reader reads a date: `$SOURCE_DATE_EPOCH` when a
    build is given it (builds that must be byte-identical are), else the last commit that changed
    the folders, when they are in a git repository; else "" (no date is made up).

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1070236800"
    >>> sources_changed([Path("sources")])
    '1 December 2003'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    >>> sources_changed([Path("/no/such/folder")])
    ''
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        existing = [str(f) for f in folders if f.is_dir()]
        if not existing:
            return ""
        try:
            done = subprocess.run(
                ["git", "-C", existing[0], "log", "-1", "--format=%ct", "--", *existing],
                capture_output=True,
                text=True,
                timeout=10,
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        epoch = done.stdout.strip() if done.returncode == 0 else ""
        if not epoch.isdigit():
            return ""
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return f"{day.day} {day:%B %Y}"


def render_works_cited(page: str, forms: dict[str, dict[str, str]], address: str, changed: str) -> str:
    """The end of a page that cites articles: each in full, sorted as a reference list is, and
    where the page comes from (`address`: its published address, or "" for a copy with none).

    >>> forms = {"a": {"Chicago": "Lima, Ana. “Cancún.” 2003."}, "b": {"Chicago": "Delos, Shelly. “After.”"}}
    >>> end = render_works_cited("[¶1](../articles/a.md) [¶2](../articles/b.md)", forms, "", "1 May 2004")
    >>> end.index("Delos") < end.index("Lima"), "not published at a web address" in end
    (True, True)

    Negative: a page that cites no article has no works cited.
    >>> render_works_cited("No citation.", forms, "", "")
    ''
    """
    cited = [forms[slug][STYLE] for slug in cited_slugs(page) if forms.get(slug, {}).get(STYLE)]
    if not cited:
        return ""
    listed = "\n".join(f'<li class="citation">{form}</li>' for form in sorted(cited, key=plain))
    where = f"at {address}" if address else "in a copy not published at a web address"
    said = f"This page is part of {READER}, {where}."
    if changed:
        said += f" Its texts and topics were last changed on {changed}."
    return (
        f'\n## Works cited {{ .works-cited }}\n\n<ul class="bibliography">\n{listed}\n</ul>\n\n'
        f'<p class="page-source">{said}</p>\n'
    )


def add_works_cited(
    pages: dict[str, str | bytes],
    topics: list[str],
    forms: dict[str, dict[str, str]],
    site_url: str,
    folders: list[Path],
) -> None:
    """The works cited at the end of each topic's page (`topics`: their slugs) and of the timeline,
    with where each page comes from: its address, when the `folders` of texts and topics last
    changed."""
    changed = sources_changed(folders)
    for path in [*(topic_page(slug) for slug in topics), TIMELINE]:
        address = f"{site_url.rstrip('/')}/{path.removesuffix('.md')}.html" if site_url else ""
        pages[path] = str(pages[path]) + render_works_cited(str(pages[path]), forms, address, changed)
