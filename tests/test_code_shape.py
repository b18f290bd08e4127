"""The package stays readable in a sitting: every module under `MODULE_LINES` lines, every
function (its docstring and doctests counted) at most `FUNCTION_LINES`. A module that grows past
it is split by what it holds; a function, into the steps it takes."""

from __future__ import annotations

import ast
from pathlib import Path

from project import ROOT

MODULE_LINES = 350
FUNCTION_LINES = 60


def long_functions(source: str) -> list[tuple[str, int]]:
    """The functions (methods and nested ones too) of a source longer than `FUNCTION_LINES`."""
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > FUNCTION_LINES
    ]


def modules() -> list[Path]:
    return sorted((ROOT / "cancun_reader").rglob("*.py"))


def test_every_module_is_short_enough_to_read_in_a_sitting() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in modules()
        if (n := len(p.read_text("utf-8").splitlines())) >= MODULE_LINES
    }
    assert long == {}, f"split these by what they hold: {long}"


def test_no_function_is_longer_than_a_screen() -> None:
    long = {
        str(p.relative_to(ROOT)): found for p in modules() if (found := long_functions(p.read_text("utf-8")))
    }
    assert long == {}, f"cut these into the steps they take: {long}"


def test_a_long_function_is_found() -> None:
    """The check can fail: a function of 61 lines is reported, one of 60 is not."""
    body = "    x = 1\n"
    source = f"def long():\n{body * 60}\n\ndef short():\n{body * 59}"
    assert long_functions(source) == [("long", 61)]
