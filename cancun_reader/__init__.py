"""Cancún 2003 Reader: the converter from source texts to Markdown pages.

Stages, in the order data flows: `read` (bytes → text), `blocks` (text → typed blocks), `repair`,
`anchors`, `topics`, `render` (→ Markdown) and `write` (atomic, with a manifest). `pipeline` runs them;
`cli` is the command line. Nothing here imports MkDocs.
"""

__version__ = "0.1.0"
