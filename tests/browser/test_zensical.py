"""Zensical, Material's successor, builds the same site from the pages `make pages` generated: it
runs no MkDocs hook, so what the hook used to add that a reader needs (the search shim) comes from
the conversion. Every page is there, and search works from `file://` with no connection."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from browsing import Site
from project import ROOT, copy_project, made_once, run_build

ZENSICAL = ROOT / ".venv" / "bin" / "zensical"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    """The site as Zensical builds it after `make pages`, once per test run."""
    if not ZENSICAL.exists():
        pytest.skip("Zensical is not installed: `make setup` installs it (requirements.lock)")

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        pages = run_build(project)  # `make pages`
        assert pages.returncode == 0, pages.stderr
        built = subprocess.run(
            [str(ZENSICAL), "build"], cwd=project, capture_output=True, text=True, timeout=300
        )
        assert built.returncode == 0, built.stdout + built.stderr

    return made_once(tmp_path_factory, "zensical", build) / "project" / "site"


def test_zensical_builds_every_page_of_the_site(zensical_site: Path) -> None:
    docs = zensical_site.parent / "docs"
    pages = [p.relative_to(docs) for p in docs.rglob("*.md")]
    expected = {str(p.with_suffix(".html")) for p in pages if not p.parts[0].startswith(".")}
    built = {str(p.relative_to(zensical_site)) for p in zensical_site.rglob("*.html")}
    assert expected <= built, sorted(expected - built)
    assert (zensical_site / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()


def test_search_works_from_disk_with_no_connection_in_the_zensical_site(zensical_site: Path, context) -> None:
    page = Site(zensical_site.as_uri() + "/", context).open("index.html")
    page.locator(".md-search__button").click()  # Zensical's own search dialog
    page.keyboard.type("Seattle")
    found = page.get_by_text(re.compile(r"^\d+ results$"))
    found.wait_for(timeout=15_000)
    assert int(found.inner_text().split()[0]) > 0
    assert page.watch.outside == [], "the site asked for something outside itself"
