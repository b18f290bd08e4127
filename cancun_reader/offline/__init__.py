"""Offline after one visit: a service worker that precaches the whole built site."""

from pathlib import Path

SHIM = Path("node_modules/iframe-worker/shim/index.js")
"""The `iframe-worker` shim (npm), without which Material's search never starts from `file://`
with no connection (a page there cannot start a web worker): the conversion copies it into
`docs/`, so that any renderer (MkDocs, Zensical) serves it from the site itself."""
SHIM_PAGE = "assets/javascripts/iframe-worker-shim.js"
