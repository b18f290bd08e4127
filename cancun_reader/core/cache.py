"""A cache of converted texts, so that a rebuild only converts the texts that changed.

An entry is keyed by a hash of everything its result depends on: the text's bytes, its corrections
and catalog entry (and, for a PDF, the pdftotext that reads it), the topic definitions, and the
converter's own code (`code_version`), so a change to any of them is a miss, never a stale page.
Entries are pickles written atomically; one that cannot be read counts as a miss. The folder
(`.cache/` by default, git-ignored) is safe to delete at any time.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections import OrderedDict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
"""The whole package (`cancun_reader/`), not only this folder: every module can change a page."""


def code_files() -> list[Path]:
    """The converter's source files, whose contents make `code_version`.

    >>> names = [path.relative_to(PACKAGE).as_posix() for path in code_files()]
    >>> "core/cache.py" in names and "site/pages.py" in names and "pdf/reading.py" in names
    True
    """
    return sorted(PACKAGE.rglob("*.py"))


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the converter's source files: new code, new keys. Made when first asked for, once
    a process (the code does not change under it)."""
    digest = hashlib.sha256()
    for path in code_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key_of(*parts: bytes | str) -> str:
    """The cache key of a result that depends on these parts (and on the code)."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """Pickled results under `folder`, by key; `Cache(None)` keeps nothing.

    The results read or written are also kept in `remembered` (at most `MEMORY_SIZE`), which its
    owner may hand to the next build's `Cache`: a long-lived process (`mkdocs serve` runs the
    plugin in one process for every rebuild) does not read them from disk again."""

    MEMORY_SIZE = 4096

    def __init__(
        self, folder: Path | None, remembered: OrderedDict[tuple[str, str], object] | None = None
    ) -> None:
        self.folder = folder
        self.remembered = OrderedDict() if remembered is None else remembered
        self.hits = self.misses = 0

    def _remember(self, key: str, value: object) -> None:
        memory = self.remembered
        memory[(str(self.folder), key)] = value
        memory.move_to_end((str(self.folder), key))
        while len(memory) > self.MEMORY_SIZE:
            memory.popitem(last=False)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> object | None:
        if self.folder is None:
            return None
        remembered = self.remembered.get((str(self.folder), key))
        if remembered is not None and self._path(key).exists():
            self.hits += 1
            return remembered
        try:
            with self._path(key).open("rb") as stream:
                value = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        self._remember(key, value)
        return value

    def put(self, key: str, value: object) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        self._remember(key, value)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower
