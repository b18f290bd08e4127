"""The package's layout as data, and its map: the folders in the order the data flows (`FLOW`),
which the import test holds every import to, and the drawing of them that the Editors' guide shows
(`draw_map`, written by `scripts/layout_map.py`; a test checks the committed drawing is current).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from html import escape
from pathlib import Path

PACKAGE = "cancun_reader"


@dataclass(frozen=True)
class Folder:
    name: str
    holds: str  # what it holds, as the map says it


FLOW = (
    Folder("core", "the vocabulary every stage shares: model, change kinds, steps, errors, prose"),
    Folder("pdf", "a PDF's page as data, and its text in its author's order"),
    Folder("sources", "the editors' files read: a text's bytes, the catalog, the topics"),
    Folder("text", "one text restored: layout, blocks, corrections, repair, anchors"),
    Folder("collection", "what the texts say together: mentions, citations, timeline, glossary"),
    Folder("site", "each kind of page, and how to cite"),
    Folder("book", "the EPUB and PDF books, made from the built site"),
    Folder("offline", "the service worker"),
    Folder("build", "a whole build: settings, inputs, pipeline, writing, turns, command line"),
    Folder("mkdocs", "the plugin: MkDocs calls the build"),
    Folder("devtools", "the developers' tools; the package never imports them"),
)
"""The folders of the package, each a stage, in the order the data flows: a folder imports only
itself and those before it."""

WITHIN = {
    "core": ("errors", "kinds", "model", "facts", "steps", "prose", "escape", "cache"),
    "text": ("layout", "blocks", "corrections", "repair", "anchors"),
}
"""Folders whose parts follow the flow too; a part not listed is free within its folder."""

LOOSE_MODULES = 8
"""At most this many modules lie loose in the package root; the rest are in the folders of FLOW."""


def module_name(path: Path, root: Path) -> str:
    """`cancun_reader.text.repair` for `<root>/cancun_reader/text/repair/__init__.py`."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, package: list[str]) -> set[str]:
    """The package's modules some source imports, written out in full; `package` is the package
    its relative imports start from.

    >>> source = "from ..site.pages import x\\nimport cancun_reader.core.model"
    >>> sorted(imported(source, ["cancun_reader", "text"]))
    ['cancun_reader.core.model', 'cancun_reader.site.pages']

    Negative: what is not the package's is no import of it.
    >>> imported("import json\\nfrom pathlib import Path", ["cancun_reader"])
    set()
    """
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            found.add(base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith(PACKAGE + ".")}


def imports_of(root: Path) -> dict[str, set[str]]:
    """Every module of the package under `root` (the repository), with the modules it imports."""
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        if path.name == "conftest.py":
            continue
        name = module_name(path, root)
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found[name] = imported(path.read_text(encoding="utf-8"), package)
    return found


def folder_of(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def parts_of(root: Path, folder: str) -> list[str]:
    """The modules and sub-folders of a folder, as the map lists them."""
    here = root / PACKAGE / folder
    return sorted(
        p.stem + ("/" if p.is_dir() else "")
        for p in here.iterdir()
        if (p.suffix == ".py" and p.name != "__init__.py" and p.name != "conftest.py")
        or (p / "__init__.py").is_file()
    )


BOX_WIDTH, LINE, GAP, MARGIN = 720, 17, 22, 12


def draw_map(root: Path) -> str:
    """The folders as boxes down the page, in the order the data flows, each with what it holds, its
    modules, and the folders before it that it imports: an SVG with its own title and description,
    that loads nothing."""
    imports = imports_of(root)
    uses: dict[str, set[str]] = {f.name: set() for f in FLOW}
    for importer, targets in imports.items():
        for target in targets:
            if folder_of(target) != folder_of(importer) and folder_of(importer) in uses:
                uses[folder_of(importer)].add(folder_of(target))
    order = [f.name for f in FLOW]
    shapes, y = [], MARGIN
    for folder in FLOW:
        parts = ", ".join(parts_of(root, folder.name))
        wrapped = wrap(parts, 100)
        used = ", ".join(sorted(uses[folder.name], key=order.index)) or "nothing of the package"
        height = LINE * (3 + len(wrapped)) + 8
        shapes.append(
            f'<rect x="{MARGIN}" y="{y}" width="{BOX_WIDTH}" height="{height}" rx="6" '
            'fill="#f4f6fb" stroke="#33415c"/>'
        )
        lines = [
            f'<tspan font-weight="bold">{folder.name}/</tspan> {escape(folder.holds)}',
            *(f'<tspan fill="#333">{escape(w)}</tspan>' for w in wrapped),
            f'<tspan fill="#5a1f00">imports: {escape(used)}</tspan>',
        ]
        for number, text in enumerate(lines, start=1):
            shapes.append(f'<text x="{MARGIN + 10}" y="{y + LINE * number + 2}">{text}</text>')
        y += height
        if folder is not FLOW[-1]:
            middle = MARGIN + BOX_WIDTH // 2
            shapes.append(
                f'<path d="M{middle} {y + 2} v{GAP - 8} m-5 -6 l5 6 l5 -6" fill="none" stroke="#33415c"/>'
            )
            y += GAP
    width, height = BOX_WIDTH + 2 * MARGIN, y + MARGIN
    description = "The package's folders from top to bottom in the order the data flows; each imports "
    description += "only the folders above it."
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby="map-title map-description" '
            'font-family="DejaVu Sans, sans-serif" font-size="13">',
            '<title id="map-title">The package cancun_reader, folder by folder</title>',
            f'<desc id="map-description">{description}</desc>',
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
            *shapes,
            "</svg>",
            "",
        ]
    )


def wrap(text: str, width: int) -> list[str]:
    """`text` cut at its spaces into lines of at most `width` characters.

    >>> wrap("anchors, blocks, corrections, layout/, repair/", 20)
    ['anchors, blocks,', 'corrections,', 'layout/, repair/']

    Negative: a text that fits stays one line.
    >>> wrap("cache, errors", 20)
    ['cache, errors']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
