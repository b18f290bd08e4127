"""What a build is told, made once: where the texts, the topics and the pages are, where converted
texts are kept between builds, and the address the site is published at. The command line, the
MkDocs plugin, the benchmark and the tests all make one with `Settings.of`, so that they cannot
assemble it differently."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cancun_reader.build.memory import Memory
from cancun_reader.core.cache import Cache
from cancun_reader.core.model import STATUSES
from cancun_reader.offline import SHIM
from cancun_reader.site.references import UNPUBLISHED
from cancun_reader.site.worldmap import SHAPES

SOURCES, TOPICS, DOCS = Path("sources"), Path("topics"), Path("docs")
"""Where the texts, the topics and the pages are, in the project, unless a build is told otherwise
(the command line's and the plugin's defaults are these)."""
CACHE_DIR = Path(".cache") / "cancun-reader"
"""Where converted texts are kept between builds, in the project (safe to delete)."""


@dataclass(frozen=True)
class Settings:
    sources: Path
    topics: Path
    docs: Path
    cache: Cache
    site_url: str = UNPUBLISHED
    """Where the site is published, for citations; `UNPUBLISHED` (""): none, and they say so."""
    shapes: Path | None = None
    """The world map's country shapes (the G21 page's map); None: no map is drawn."""
    shim: Path | None = None
    """The search shim to copy into `docs/`, so search works from disk; None: not copied."""
    memory: Memory = field(default_factory=Memory)
    """What this process remembers between builds (its owner keeps it, as the plugin does)."""
    publish_status: str = STATUSES[0]
    """The least a text must be proofread (`STATUSES`) for a copy with an address (`site_url`)."""

    @classmethod
    def of(
        cls,
        root: Path,
        *,
        sources: Path | None = None,
        topics: Path | None = None,
        docs: Path | None = None,
        cache: Path | None = CACHE_DIR,
        site_url: str | None = None,
        memory: Memory | None = None,
        publish_status: str = STATUSES[0],
    ) -> Settings:
        """The settings of the project at `root`: its folders unless others are given (relative to
        `root`), its cache unless `cache` is None, and `site_url`, or `$SITE_URL`, or none; with
        what an earlier build of this process remembered, if its `memory` is given.

        >>> settings = Settings.of(Path("/p"), docs=Path("out"), cache=None, site_url="")
        >>> settings.sources, settings.docs, settings.cache.folder, settings.site_url
        (PosixPath('/p/sources'), PosixPath('/p/out'), None, '')
        """
        memory = memory or Memory()
        return cls(
            sources=root / (sources or SOURCES),
            topics=root / (topics or TOPICS),
            docs=root / (docs or DOCS),
            cache=Cache(root / cache if cache is not None else None, memory.results),
            site_url=os.environ.get("SITE_URL", UNPUBLISHED) if site_url is None else site_url,
            shapes=root / SHAPES,
            shim=root / SHIM,
            memory=memory,
            publish_status=publish_status,
        )
