"""The service worker of a built site: `sw.js` at its root, listing the files of the site to keep
(the reader's copy), under a version made from their contents, so that a new build, and only a new
build, is a new worker (`reader.js` registers it over http(s) and tells the reader of a newer one).

A small site (the three texts: about 4 MB) is kept whole at the first visit. A large one (a
thousand texts: about 170 MB) is not downloaded whole into a reader's browser: the worker keeps
its frame (the theme, the search index, the index pages, the topics, the timeline) at once, and
each article, text as received or download when the reader first opens it. The pictures of printed
pages are kept as they are looked at, in a site of any size."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cancun_reader.site.paths import ARTICLES_DIR, PRINTED_DIR

TEMPLATE = Path(__file__).with_name("sw.js")
WORKER = "sw.js"
LEFT_OUT = ("sitemap.xml.gz",)
"""Files of the site a reader never opens in a page: not kept."""
KEPT_WHEN_SHOWN = (f"{PRINTED_DIR}/",)
"""The pictures of printed pages: kept as the reader looks at them, never all at the first visit."""
KEPT_WHOLE_UP_TO = 30 * 2**20
"""A site up to this size is kept whole at the first visit."""
KEPT_WHEN_OPENED = (f"{ARTICLES_DIR}/", "received/", "cite/", "downloads/")
"""In a larger site, the files of these folders are kept when first opened (but the index pages of
the articles, kept at once)."""


def files_to_keep(site: Path, whole_up_to: int = KEPT_WHOLE_UP_TO) -> list[str]:
    """The files to keep at the first visit, by address relative to the site's root (`./` for the
    root itself, which a host serves as `index.html`): every file but the worker and the compressed
    sitemap, or, for a site larger than `whole_up_to` bytes, all but the articles' own files."""
    files = {
        p.relative_to(site).as_posix(): p.stat().st_size
        for p in site.rglob("*")
        if p.is_file()
        and p.name != WORKER
        and p.name not in LEFT_OUT
        and not p.relative_to(site).as_posix().startswith(KEPT_WHEN_SHOWN)
    }
    if sum(files.values()) > whole_up_to:
        files = {name: size for name, size in files.items() if is_frame(name)}
    return ["./", *sorted(files)]


def is_frame(name: str) -> bool:
    """Whether a file of a large site is kept at the first visit.

    >>> [is_frame(n) for n in ("index.html", "articles/by-year.html", "articles/a-text.html")]
    [True, True, False]
    """
    index = name.startswith(f"{ARTICLES_DIR}/") and (name == f"{ARTICLES_DIR}/index.html" or "/by-" in name)
    return index or not name.startswith(KEPT_WHEN_OPENED)


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
