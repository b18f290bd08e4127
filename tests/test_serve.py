"""`mkdocs serve`: saving a source text rebuilds the page it feeds, with no rebuild loop; under
`mkdocs serve --dirty` (`make serve`), only the pages an edit touched are rendered again, and the
rest of the preview stays right: the navigation, the search index, the pages a change to every
page's navigation touches."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from project import WAIT_SECONDS, edit, fetch, run_build, serving, wait_for

PAGE = "articles/mexico-discovers-the-wto.html"

pytestmark = pytest.mark.serve


@pytest.fixture
def server(project: Path) -> Iterator[tuple[str, Path]]:
    yield from serving(project)


@pytest.fixture
def preview(project: Path) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve --dirty`, as `make serve` runs it."""
    yield from serving(project, "--dirty")


def nav_titles(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>|\s+", " ", t).strip()
        for t in re.findall(r'class="md-nav__link[^"]*">(.*?)</a>', html, re.S)
    ]


def indexed(url: str, text: str) -> list[dict]:
    """The served search index's entries, once one of them holds `text`: the index is written whole
    at the end of a build, so one that holds it is that build's."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            entries = json.loads(fetch(url + "search/search_index.json"))["docs"]
        except ValueError:  # being written
            entries = []
        if any(text in entry["text"] or text in entry["title"] for entry in entries):
            return entries
        time.sleep(0.1)
    raise AssertionError(f"no entry of the search index holds {text!r}")


def test_saving_a_source_text_updates_the_served_page(project: Path, server: tuple[str, Path]) -> None:
    url, log = server
    assert wait_for(url + PAGE, "smallholder farmers"), log.read_text()
    edit(project / "sources" / "mexico-discovers-the-wto.txt", "smallholder", "edited-smallholder")
    assert wait_for(url + PAGE, "edited-smallholder farmers"), log.read_text()
    # the preview's citations are an unpublished copy's, as the copy on disk gives them: no address,
    # the preview's own least of all, and a note that says why
    served = fetch(url + PAGE)
    assert "not been published at a web address" in served
    assert "127.0.0.1" not in served.split('class="cite-this')[1]


def watched(project: Path) -> dict[str, tuple[int, int]]:
    """Every file of the folders `mkdocs serve` watches (the pages, the texts, the topics), with
    when it was last written and its size."""
    return {
        str(path.relative_to(project)): (path.stat().st_mtime_ns, path.stat().st_size)
        for folder in ("docs", "sources", "topics")
        for path in sorted((project / folder).rglob("*"))
        if path.is_file()
    }


def test_a_build_with_nothing_changed_writes_nothing_that_serve_watches(project: Path) -> None:
    """What would make `mkdocs serve` rebuild for ever: a build that writes into a folder it
    watches whatever changed, so the write starts the next build. After an edit's build, the
    next one writes nothing, and the preview rests."""
    assert run_build(project).returncode == 0
    edit(project / "sources" / "mexico-discovers-the-wto.txt", "smallholder", "edited-smallholder")
    assert run_build(project).returncode == 0  # the edit's build: it writes the page it changed
    before = watched(project)
    assert run_build(project).returncode == 0  # the build that the edit's writes start
    assert watched(project) == before


def test_the_preview_renders_only_what_an_edit_touched_and_keeps_the_rest_right(
    project: Path, preview: tuple[str, Path]
) -> None:
    url, log = preview
    other = url + "articles/cancun-walkout-pww.html"
    assert wait_for(url + PAGE, "smallholder farmers"), log.read_text()
    edit(project / "sources" / "mexico-discovers-the-wto.txt", "smallholder", "edited-smallholder")
    assert wait_for(url + PAGE, "edited-smallholder farmers"), log.read_text()
    rendered = [
        int(n) for n, _ in re.findall(r"cancun_reader: (\d+) of (\d+) pages to render", log.read_text())
    ]
    assert rendered[0] > 20 and any(0 < n < 5 for n in rendered[1:]), log.read_text()  # first build, edit
    assert "A 'dirty' build" not in log.read_text()  # MkDocs's warning that the nav may be wrong: it is not
    # a page MkDocs did not render again still names every page in its navigation
    titles = nav_titles(fetch(url + PAGE))
    assert "Citizens' diplomacy from Cancún to Miami" in titles and "None" not in titles, titles
    # the search index holds the edit, not the text before it, and each section once
    entries = indexed(url, "edited-smallholder farmers")
    assert len({entry["location"] for entry in entries}) == len(entries)
    page = [entry["text"] for entry in entries if entry["location"].startswith(PAGE)]
    assert not any(re.search(r"(?<!edited-)smallholder farmers", text) for text in page)
    # a new summary changes the fragment of the home page that lists the articles, not the page itself
    edit(project / "sources" / "catalog.yml", "An opinion piece on", "An opinion piece, summed up again, on")
    assert wait_for(url + "index.html", "An opinion piece, summed up again, on"), log.read_text()
    # a new title changes every page's navigation: every page is rendered again
    edit(project / "sources" / "catalog.yml", "diplomacy from Cancún to Miami", "diplomacy, a new title")
    assert wait_for(other, "diplomacy, a new title"), log.read_text()
    assert "Citizens' diplomacy, a new title" in nav_titles(fetch(url + PAGE))
    entries = indexed(url, "diplomacy, a new title")
    assert len({entry["location"] for entry in entries}) == len(entries)


TOOLS = ["mkdocs", "properdocs"]


@pytest.mark.parametrize("tool", TOOLS)
def test_serve_shows_an_edit_and_a_failed_build_under_mkdocs_and_properdocs(project: Path, tool: str) -> None:
    """What the plugin does past MkDocs's public face (`mkdocs/workarounds.py`: the error page, the
    search index kept between dirty builds, the dirty-build warning) works in `serve --dirty`, as
    `make serve` runs it, under MkDocs and under ProperDocs, which a release of either could break."""
    for url, log in serving(project, "--dirty", tool=tool):
        assert wait_for(url + PAGE, "smallholder farmers"), log.read_text()
        edit(project / "sources" / "mexico-discovers-the-wto.txt", "smallholder", "edited-smallholder")
        assert wait_for(url + PAGE, "edited-smallholder farmers"), log.read_text()
        entries = indexed(url, "edited-smallholder")
        assert len([e for e in entries if e["location"] == PAGE]) == 1, "one entry of the page, not two"
        text = project / "sources" / "citizens-diplomacy-cancun-miami.txt"
        edit(text, "led by Brazil, China and India", "led by Brazil, India and China")
        assert wait_for(url + PAGE, "The preview stopped at an edit"), log.read_text()  # every page says so
        assert "topics/g21.md:14:" in fetch(url + PAGE)
        edit(text, "led by Brazil, India and China", "led by Brazil, China and India")
        assert wait_for(url + PAGE, "edited-smallholder farmers"), log.read_text()
        assert "Traceback" not in log.read_text() and "A 'dirty' build" not in log.read_text()
