"""MkDocs hook: run the conversion before every build, and list the generated pages in the nav.

The conversion is the `cancun_reader` package, which knows nothing of MkDocs; this hook only calls
it, turns bad input into a `PluginError` naming the file and line, and serves the iframe-worker
shim (from `node_modules`, installed by `make`) so that search works from `file://` offline.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from cancun_reader.cache import Cache
from cancun_reader.errors import InputError
from cancun_reader.pipeline import build
from cancun_reader.references import DEFAULT_SITE_URL
from cancun_reader.worldmap import SHAPES

log = logging.getLogger("mkdocs.hooks.cancun_reader")

IFRAME_WORKER_SHIM = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    try:
        report = build(
            root / "sources",
            root / "topics",
            Path(config.docs_dir),
            cache=Cache(root / ".cache" / "cancun-reader"),
            site_url=config.site_url or DEFAULT_SITE_URL,
            shapes=root / SHAPES,
        )
    except InputError as error:
        raise PluginError(f"cancun_reader: {error}") from None
    for notice in report.notices:
        (log.warning if notice.is_warning else log.info)(str(notice))
    config.nav = expand_sections(config.nav or [], report.pages)


def expand_sections(nav: list, pages: list[str]) -> list:
    """Turn a nav entry `Articles: articles/index.md` into that index followed by every
    generated page of its folder, so `mkdocs.yml` never lists generated pages by hand."""
    expanded = []
    for item in nav:
        (title, target), *_ = item.items() if isinstance(item, dict) else [(None, item)]
        if isinstance(target, str) and target in pages and target.endswith("/index.md"):
            folder = target.removesuffix("index.md")
            children = [p for p in pages if p.startswith(folder) and p != target]
            expanded.append({title: [target, *children]})
        else:
            expanded.append(item)
    return expanded


def on_files(files: Files, config: MkDocsConfig) -> Files:
    shim = Path(config.config_file_path).parent / IFRAME_WORKER_SHIM
    if not shim.is_file():
        raise PluginError(f"cancun_reader: {shim} is missing; run 'make site' (or 'npm ci') to install it")
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(shim)))
    return files
