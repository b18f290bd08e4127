"""`mkdocs serve`: saving a source text rebuilds the page it feeds, once, with no rebuild loop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

PAGE = "articles/mexico-discovers-the-wto.html"
WAIT_SECONDS = 60  # a generous bound so a slow machine does not fail; speed is measured by `make bench`


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def server(project: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = project / "serve.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
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


def test_saving_a_source_text_updates_the_served_page(project: Path, server: tuple[str, Path]) -> None:
    url, log = server
    assert wait_for(url + PAGE, "smallholder farmers"), log.read_text()
    text = project / "sources" / "mexico-discovers-the-wto.txt"
    text.write_text(
        text.read_text(encoding="utf-8").replace("smallholder", "edited-smallholder"), encoding="utf-8"
    )
    assert wait_for(url + PAGE, "edited-smallholder farmers"), log.read_text()
    time.sleep(3)  # let any rebuild the edit caused run; a loop would keep rebuilding
    builds = log.read_text().count("Building documentation")
    assert builds <= 3, f"{builds} builds for one edit:\n{log.read_text()}"
