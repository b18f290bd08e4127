"""What the tests share: the project's folders, data-driven cases, copies of the project and its site."""

from __future__ import annotations

import fcntl
import functools
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

import markdown
import pytest
import yaml

from cancun_reader.offline import SHIM_PAGE

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
SHARED_CACHE = ROOT / ".cache"

# What a copy of the project needs to build its site; generated pages are left behind on purpose.
PROJECT_FILES = ("mkdocs.yml", "sources", "topics", "scripts", "overrides")
HAND_WRITTEN_DOCS = ("index.md", "about.md", "editors.md", "guide.md", "performance.md", "assets")

COMMAND = re.compile(
    r"python |scripts/build\.py|\bmake (?:site|pages|serve|publish|epub|pdf|bundle|gh-deploy)\b|--explain"
    r"|\bsources/|\.ya?ml\b|\bthe build\b|\bdist/"
)
"""What a reader's page or book never shows: a command, a project's file, the build."""


def load_cases(stage: str) -> list:
    """Every case of `tests/cases/<stage>/*.yml` as a pytest param with the case's label as its id."""
    params = []
    for path in sorted((CASES / stage).glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            marks = (
                [pytest.mark.xfail(reason=case["known_failure"], strict=True)]
                if case.get("known_failure")
                else []
            )
            params.append(pytest.param(case, id=f"{path.stem}:{case['label']}", marks=marks))
    return params


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove a failed build changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test run, shared by the workers of a parallel run (each has its own
    temporary folder, inside the run's): the first worker to need it makes it while the others
    wait, then all read it. A fixture made for a module or the session would otherwise be made
    again in every worker that runs one of its tests."""
    run = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run = run.parent  # the run's folder, beside each worker's own
    folder = run / f"once-{name}"
    with (run / f"once-{name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".made").exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker that failed making it left this
            folder.mkdir()
            make(folder)
            (folder / ".made").touch()
    return folder


def copy_project(copy: Path) -> Path:
    """Copy what the project builds from (sources, topics, scripts, hand-written docs) to `copy`."""
    copy.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    (copy / "docs").mkdir()
    generated = shutil.ignore_patterns(Path(SHIM_PAGE).name)  # the conversion puts it among the assets
    for name in HAND_WRITTEN_DOCS:
        source = ROOT / "docs" / name
        if source.is_dir():
            shutil.copytree(source, copy / "docs" / name, ignore=generated)
        else:
            shutil.copy2(source, copy / "docs" / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # one cache of converted texts for every copy: it is keyed by what a text's conversion reads
    # (its bytes, corrections, entry, the topics, the converter's code), so a copy whose inputs
    # differ converts them afresh, and one that does not is not converted again for each test
    SHARED_CACHE.mkdir(parents=True, exist_ok=True)
    (copy / ".cache").symlink_to(SHARED_CACHE)
    return copy


def build_site(project: Path, site: Path, python: Path | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project copy, as `make site` runs it (with another venv's
    Python if given)."""
    return subprocess.run(
        [str(python or sys.executable), "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def make_site(project: Path) -> subprocess.Popen:
    """`make site` in a project copy, as an editor runs it, started; `finished` waits for it."""
    makefile = project / "Makefile"
    if not makefile.exists():  # never rewritten under a `make` already reading it
        staged = project / ".Makefile.new"
        shutil.copy2(ROOT / "Makefile", staged)
        staged.replace(makefile)
    bin_folder = Path(sys.executable).parent
    return subprocess.Popen(
        ["make", "--no-print-directory", "site", f"BIN={bin_folder}", "PY_STAMP=", "NODE_STAMP="],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )


def finished(process: subprocess.Popen) -> subprocess.CompletedProcess:
    stdout, stderr = process.communicate(timeout=WAIT_SECONDS * 5)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def run_build(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """`python scripts/build.py` in a project copy, as an editor runs it."""
    return subprocess.run(
        [sys.executable, "scripts/build.py", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


# `mkdocs serve`, as `make serve` runs it, on a project copy
WAIT_SECONDS = 60  # a generous bound so a slow machine does not fail; speed is measured by `make bench`


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """The page at `url`, or the page an error answers with (the preview's failure page is a 500),
    or nothing if no server answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.1)
    return False


def serving(project: Path, *flags: str, tool: str = "mkdocs") -> Iterator[tuple[str, Path]]:
    """`serve` of a project copy, by MkDocs or another `tool` that runs it (ProperDocs), on a free
    port: its address and its log."""
    port = free_port()
    log = project / "serve.log"
    with log.open("w") as stream:
        serve = [sys.executable, "-m", tool, "serve", "--livereload", *flags]
        process = subprocess.Popen(
            [*serve, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        yield f"http://127.0.0.1:{port}/", log
    finally:
        process.terminate()
        process.wait(timeout=10)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@functools.cache
def empty_folder() -> str:
    """A folder with nothing in it, made once per run of the tests, when first asked for."""
    return tempfile.mkdtemp(prefix="no-snippets-")


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions the site uses, read from mkdocs.yml. Snippets look in an
    empty folder and append nothing, so a source that tries to include a file would show an error."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        options[name] = {k: v == "true" if v in ("true", "false") else v for k, v in settings.items()}
    options["pymdownx.snippets"] = {
        **options["pymdownx.snippets"],
        "base_path": [empty_folder()],
        "auto_append": [],
    }
    return markdown.Markdown(extensions=names, extension_configs=options)


def describe(block) -> dict:
    """A block as the case files write it: its kind and its fields, tuples as lists."""
    fields = asdict(block)
    if "blocks" in fields:
        fields["blocks"] = [describe(b) for b in block.blocks]
    for key in ("rows", "items"):
        if key in fields:
            fields[key] = [list(r) if isinstance(r, tuple) else r for r in fields[key]]
    return {"kind": type(block).__name__, **fields}


def matches(actual: dict, expected: dict) -> bool:
    """Whether a block has every key the case gives, nested blocks included."""
    for key, value in expected.items():
        if key == "blocks":
            if len(actual["blocks"]) != len(value) or not all(
                matches(a, e) for a, e in zip(actual["blocks"], value, strict=True)
            ):
                return False
        elif actual.get(key) != value:
            return False
    return True
