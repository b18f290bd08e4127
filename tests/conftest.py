"""Fixtures shared by the tests; the helpers they use live in `project.py`."""

from __future__ import annotations

import os
from pathlib import Path

import ci
import pytest
from hypothesis import settings
from project import build_site, copy_project, made_once

# Property tests explore new examples on a developer's machine, but CI runs the same examples every
# time (`derandomize`), with no example database carried over: a red CI is never a roll of the dice.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(ci, "ci")  # on CI, a skipped test fails and says why


MADE_ONCE = {"published", "books", "large_site", "results", "zensical_site"}
"""The fixtures made once per run that take longest (a published copy, the books, a large
collection, the corpus measured): the tests that read them go first, so that they are made while
the other workers run the rest, not at the end of a parallel run while the others wait."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ drives a browser: marked so, for `make check` to leave out."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: not MADE_ONCE & set(getattr(item, "fixturenames", ())))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project, so a test may break its inputs."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test run (by whichever worker needs it first) from a copy
    of the project; the tests read it, never change it."""

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        result = build_site(project, project / "site")
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "built", build) / "project" / "site"
