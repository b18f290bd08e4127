"""What one process remembers between its builds, held in the open by whoever runs them: the MkDocs
plugin keeps one `Memory` for every rebuild under `mkdocs serve`; a command-line build, a test or
the benchmark starts with a new one (or keeps one, to measure what a long-lived process does).

Each part spares a long-lived process work that a thousand texts make long: the cache's results
read or written (not unpickled again), each text's digest with the facts of its files (not read
and hashed again while they are unchanged), and the manifest each `docs/` was last written with
(a megabyte of JSON, not parsed again while its file is as written)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from cancun_reader.build.write import Manifests

Digests = dict[str, tuple[tuple, str, int]]
"""Each text's digest by its path, with the facts of its files it was made from, and when."""


@dataclass
class Memory:
    results: OrderedDict[tuple[str, str], object] = field(default_factory=OrderedDict)
    """The cache's results, by its folder and key (`Cache` keeps at most `Cache.MEMORY_SIZE`)."""
    digests: Digests = field(default_factory=dict)
    manifests: Manifests = field(default_factory=dict)
