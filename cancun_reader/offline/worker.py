"""The service worker of a built site: `sw.js` at its root, listing every file of the site to keep
(the reader's copy), under a version made from their contents, so that a new build, and only a new
build, is a new worker (`reader.js` registers it over http(s) and tells the reader of a newer one)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

TEMPLATE = Path(__file__).with_name("sw.js")
WORKER = "sw.js"
LEFT_OUT = ("sitemap.xml.gz",)
"""Files of the site a reader never opens in a page: not kept."""


def files_to_keep(site: Path) -> list[str]:
    """Every file of the built site, by its address relative to the site's root (`./` for the
    root itself, which a host serves as `index.html`), but the worker and the compressed sitemap."""
    files = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.name != WORKER and p.name not in LEFT_OUT
    )
    return ["./", *files]


def version_of(site: Path, files: list[str]) -> str:
    """A digest of the files' names and contents: the same build gives the same version."""
    digest = hashlib.sha256()
    for name in files:
        if name != "./":
            digest.update(name.encode() + b"\0" + (site / name).read_bytes())
    return digest.hexdigest()[:16]


def write_worker(site: Path) -> Path:
    """`sw.js` at the root of the built site."""
    files = files_to_keep(site)
    script = TEMPLATE.read_text(encoding="utf-8")
    script = script.replace("__VERSION__", version_of(site, files)).replace("__FILES__", json.dumps(files))
    target = site / WORKER
    target.write_text(script, encoding="utf-8")
    return target
