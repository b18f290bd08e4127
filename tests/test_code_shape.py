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


# The tests, too, stay simple to run alone: a test module imports the helpers the tests share
# (`project.py`, `fidelity.py`, `browsing.py`), never another test module, and does nothing when
# imported (no folder made, no file written, no command run: fixtures do that, when asked for).
AT_IMPORT = {"mkdtemp", "mkdir", "write_text", "write_bytes", "run", "Popen", "urlopen", "open", "copytree"}


def modules_of_tests() -> list[Path]:
    return sorted((ROOT / "tests").rglob("test_*.py"))


def shape_faults(source: str) -> list[str]:
    """What a test module does that it should not: import another test module, or act at import.

    >>> shape_faults("from test_render import site_markdown\\nEMPTY = tempfile.mkdtemp()\\n")
    ['imports test_render', 'calls mkdtemp at import']

    Negative: helpers imported, and work done inside a test or a fixture.
    >>> shape_faults("from project import ROOT\\ndef test_x(tmp_path):\\n    (tmp_path / 'a').mkdir()\\n")
    []
    """
    faults = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom | ast.Import):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            faults += [f"imports {name}" for name in names if name.split(".")[0].startswith("test_")]
        elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
                name = getattr(call.func, "attr", getattr(call.func, "id", ""))
                if name in AT_IMPORT:
                    faults.append(f"calls {name} at import")
    return faults


def test_no_test_module_imports_another_or_acts_at_import() -> None:
    faults = {str(p.relative_to(ROOT)): shape_faults(p.read_text("utf-8")) for p in modules_of_tests()}
    found = {name: fault for name, fault in faults.items() if fault}
    assert found == {}, found
