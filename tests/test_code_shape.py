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


# State in the open: no `global`, no class-level state, no unbounded memo. The only state kept at
# module level is bounded memoisation of pure functions, each listed in the Editors' guide.
GUIDE = ROOT / "docs" / "guide.md"


def memo_faults(source: str) -> tuple[list[str], list[str]]:
    """What a module keeps besides its arguments: (faults, the functions memoised within bounds).

    >>> memo_faults("@functools.lru_cache(maxsize=64)\\ndef f(x): return x\\n")
    ([], ['f'])

    Negative: a global, a class variable, an unbounded memo are each found.
    >>> source = "@functools.cache\\ndef g(x): return x\\nclass C:\\n    seen: ClassVar[dict] = {}\\n"
    >>> memo_faults(source + "def h():\\n    global N\\n")[0]
    ['g is memoised without bound', 'C keeps a class variable', 'h sets a global']
    """
    faults, memoised = [], []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                text = ast.unparse(decorator)
                if text.endswith(("cache", "lru_cache")) or "lru_cache()" in text or "maxsize=None" in text:
                    faults.append(f"{node.name} is memoised without bound")
                elif "lru_cache(maxsize=" in text:
                    memoised.append(node.name)
            if any(isinstance(n, ast.Global) for n in ast.walk(node)):
                faults.append(f"{node.name} sets a global")
        elif isinstance(node, ast.ClassDef) and "ClassVar" in ast.unparse(node):
            faults.append(f"{node.name} keeps a class variable")
    return faults, memoised


def test_state_is_in_the_open_and_each_memo_is_listed_in_the_guide() -> None:
    found, memoised = {}, []
    for path in modules():
        faults, memos = memo_faults(path.read_text("utf-8"))
        if faults:
            found[str(path.relative_to(ROOT))] = faults
        memoised += [f"`{path.stem}.{name}`" for name in memos]
    assert found == {}, found
    guide = GUIDE.read_text(encoding="utf-8")
    assert [m for m in memoised if m not in guide] == [], "list each memoised function in docs/guide.md"


# MkDocs through its public face: its events and configuration. What goes past it (the serve loop's
# builder and app, Material's search index, a log filter) is `mkdocs/workarounds.py`'s alone.
INTERNALS = {"builder", "set_app", "get_app", "search_index", "search_index_prev", "addFilter"}
WORKAROUNDS = ROOT / "cancun_reader" / "mkdocs" / "workarounds.py"


def reaches_past_mkdocs(source: str) -> list[str]:
    """The attributes of MkDocs's or Material's insides that a source reads or sets, and any method
    of an object it replaces (`file.is_modified = …`).

    >>> sorted(reaches_past_mkdocs("server.builder = wrap(server.builder)\\npage.file.is_modified = yes\\n"))
    ['builder', 'builder', 'is_modified']

    Negative: the plugin's own attributes and the configuration are its public face.
    >>> reaches_past_mkdocs("self.pages = []\\nconfig.plugins.get('material/search')\\n")
    []
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in INTERNALS:
            found.append(node.attr)
        elif isinstance(node, ast.Assign):
            found += [
                t.attr for t in node.targets if isinstance(t, ast.Attribute) and t.attr.startswith("is_")
            ]
    return found


def test_only_the_workarounds_go_past_mkdocs_public_face() -> None:
    found = {
        str(path.relative_to(ROOT)): reached
        for path in modules()
        if path != WORKAROUNDS and (reached := reaches_past_mkdocs(path.read_text("utf-8")))
    }
    assert found == {}, found
    assert reaches_past_mkdocs(WORKAROUNDS.read_text("utf-8")), (
        "the workarounds are where they are said to be"
    )
