"""Builds in one folder take turns (`cancun_reader.build.turns`): two `make site` at once, or a
`make site` while `make serve` rebuilds after an edit, leave one whole site, built from one state
of the texts, and nothing aside."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from project import edit, finished, make_site, serving, wait_for

pytestmark = pytest.mark.serve  # starts builds side by side, and `mkdocs serve`

PAGE = "articles/mexico-discovers-the-wto.html"


def whole(site: Path) -> str:
    """Which state of the text the site was built from ("old" or "new"), once it is shown to be one
    build's: every page there, the service worker written last, the search index of the same text."""
    assert (site / "index.html").is_file() and (site / "404.html").is_file()
    assert (site / "sw.js").is_file()  # the last thing a build writes
    page = (site / PAGE).read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(PAGE))
    state = "new" if "edited-smallholder" in page else "old"
    assert ("edited-smallholder" in indexed) == (state == "new"), "the page and the search index disagree"
    return state


def nothing_aside(project: Path) -> None:
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_two_make_site_at_once_leave_one_whole_site(project: Path) -> None:
    first, second = make_site(project), make_site(project)
    results = [finished(first), finished(second)]
    for result in results:
        assert result.returncode == 0, result.stderr[-2000:]
    assert whole(project / "site") == "old"
    nothing_aside(project)


@pytest.fixture
def server(project: Path) -> Iterator[tuple[str, Path]]:
    yield from serving(project, "--dirty")


def test_make_site_beside_make_serve_leaves_both_whole(project: Path, server: tuple[str, Path]) -> None:
    url, log = server
    assert wait_for(url + PAGE, "smallholder farmers"), log.read_text()
    building = make_site(project)
    edit(project / "sources" / "mexico-discovers-the-wto.txt", "smallholder", "edited-smallholder")
    result = finished(building)
    assert result.returncode == 0, result.stderr[-2000:]
    assert whole(project / "site") in ("old", "new")
    nothing_aside(project)
    assert wait_for(url + PAGE, "edited-smallholder farmers"), log.read_text()  # the preview saw the edit
    assert "Traceback" not in log.read_text() and "ERROR" not in log.read_text(), log.read_text()
    again = finished(make_site(project))
    assert again.returncode == 0 and whole(project / "site") == "new", again.stderr[-2000:]
