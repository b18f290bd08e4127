"""Fixtures shared by the tests; the helpers they use live in `project.py`."""

from __future__ import annotations

import os
from pathlib import Path

import ci
import pytest
from hypothesis import settings
from project import build_site, copy_project

# Property tests explore new examples on a developer's machine, but CI runs the same examples every
# time (`derandomize`), with no example database carried over: a red CI is never a roll of the dice.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(ci, "ci")  # on CI, a skipped test fails and says why


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ drives a browser: marked so, for `make check` to leave out.
    The tests of a module that share a fixture made once for the module (books, a published copy,
    a large collection) run in one worker of the parallel run (`--dist loadgroup`), which makes it
    once; the rest are shared out one by one."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        if not item.get_closest_marker("xdist_group") and shares_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.path.stem))


def shares_a_module_fixture(item: pytest.Item) -> bool:
    fixtures = getattr(item, "_fixtureinfo", None)
    return fixtures is not None and any(
        definition.scope == "module"
        for definitions in fixtures.name2fixturedefs.values()
        for definition in definitions
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project, so a test may break its inputs."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test run from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"
