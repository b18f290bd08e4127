"""On CI a skip is a failure that says why; an expected failure stays expected."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SOME_TESTS = """
import pytest

def test_runs():
    pass

def test_needs_a_tool():
    pytest.skip("needs a tool: install it")

@pytest.mark.xfail(reason="a known failure", strict=True)
def test_known_failure():
    assert False
"""
A_SKIPPED_MODULE = 'import pytest\npytest.importorskip("no_such_module_here")\n'


def run_pytest(folder: Path, tests: str, ci: bool) -> subprocess.CompletedProcess:
    (folder / "pytest.ini").write_text(
        "[pytest]\naddopts = -p ci -p no:cacheprovider -p no:xdist\n", encoding="utf-8"
    )
    (folder / "test_some.py").write_text(tests, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "CI"} | {"PYTHONPATH": str(TESTS)}
    if ci:
        environment["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rfEsx", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.mark.parametrize("ci", [True, False], ids=["on CI", "elsewhere"])
def test_a_skipped_test_fails_on_ci_and_says_why(tmp_path: Path, ci: bool) -> None:
    result = run_pytest(tmp_path, SOME_TESTS, ci)
    summary = result.stdout.strip().splitlines()[-1]
    if ci:
        assert result.returncode == 1
        assert "1 failed, 1 passed, 1 xfailed" in summary, result.stdout
        assert "skipped on CI, where every test must run: needs a tool: install it" in result.stdout
    else:
        assert result.returncode == 0
        assert "1 passed, 1 skipped, 1 xfailed" in summary, result.stdout


def test_a_module_skipped_whole_stops_the_run_on_ci_and_says_why(tmp_path: Path) -> None:
    result = run_pytest(tmp_path, A_SKIPPED_MODULE, ci=True)
    assert result.returncode != 0
    assert "skipped on CI, where every test must run: could not import 'no_such_module_here'" in result.stdout
