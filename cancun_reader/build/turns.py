"""Builds in one folder take turns: the generated pages they write into `docs/`, and the site they
swap in whole, are never written by two at once (a second terminal, an editor's save hook, a
`make site` beside `make serve`).

A turn is a lock on a file of `docs/` (`.build.lock`, hidden from MkDocs like the manifest), taken
by the command line for its conversion, by the MkDocs plugin for a whole build (MkDocs reads the
pages after the conversion writes them) and by `site` to swap a new site in. The operating system
gives the lock back when a process ends, however it ends.
"""

from __future__ import annotations

import fcntl
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".build.lock"


@contextmanager
def turn(docs: Path) -> Iterator[None]:
    """Wait for any other build of this `docs/` to finish (saying so), then hold the turn."""
    docs.mkdir(parents=True, exist_ok=True)
    with (docs / LOCK_NAME).open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Waiting for another build in {docs} to finish ...", file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
