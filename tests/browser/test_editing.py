"""`make serve` in Chromium, as an editor uses it: an edit that stops the build shows its message in
the page the editor is looking at, and the page comes back once the edit is fixed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from project import WAIT_SECONDS, edit, serving, wait_for

TOPIC = "topics/g21.html"
TEXT = "sources/citizens-diplomacy-cancun-miami.txt"
SHOWN_WITHIN_MS = 3000  # after the build has failed: the page no longer waits for a good build


@pytest.fixture
def preview(project: Path) -> Iterator[tuple[str, Path]]:
    yield from serving(project, "--dirty")


def failures_logged(log: Path) -> int:
    return log.read_text().count("The preview shows this message in the browser")


def wait_for_failures(log: Path, count: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while failures_logged(log) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert failures_logged(log) >= count, log.read_text()


def test_an_edit_that_breaks_a_quotation_shows_in_the_page_and_the_page_recovers(
    project: Path, preview: tuple[str, Path], context
) -> None:
    url, log = preview
    assert wait_for(url + TOPIC, "led by Brazil, China and India"), log.read_text()
    page = context.new_page()
    page.goto(url + TOPIC)
    # the editor rewrites the words a topic quotes
    edit(project / TEXT, "led by Brazil, China and India", "led by Brazil, India and China")
    wait_for_failures(log, 1)
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=SHOWN_WITHIN_MS)
    message = alert.inner_text()
    assert "topics/g21.md:14:" in message, message  # the file and line of the quotation
    assert "quote the text as it reads now, or drop the statement" in message  # and what to do
    # every page of the preview says so, not only the one open
    other = context.new_page()
    other.goto(url + "index.html")
    assert "topics/g21.md:14:" in other.get_by_role("alert").inner_text()
    # fixed, the page comes back by itself
    edit(project / TEXT, "led by Brazil, India and China", "led by Brazil, China and India")
    page.get_by_role("heading", name="G21").first.wait_for(timeout=WAIT_SECONDS * 1000)
    assert page.get_by_role("alert").count() == 0
