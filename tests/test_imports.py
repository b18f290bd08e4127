"""Imports follow the data flow: a module imports only the shared vocabulary and the stages before
its own, never one after it (`layout/` never reaches into `repair/`, the PDF reader never into
`layout/`). The stages, in the order the data flows through them, are listed here; a new module
must be placed in one."""

from __future__ import annotations

import ast
from pathlib import Path

from project import ROOT

PACKAGE = ROOT / "cancun_reader"

STAGES = [
    # the vocabulary every stage shares, and helpers that know no stage
    (
        "model",
        "facts",
        "errors",
        "kinds",
        "prose",
        "steps",
        "escape",
        "yaml_nodes",
        "cache",
        "parallel",
        "compact",
    ),
    # reading: the inputs, a text's bytes or a PDF's page
    ("read", "pdf", "page", "catalog", "topics", "glossary", "corrections"),
    ("layout",),  # the lines of a text, before any block exists
    ("blocks",),  # lines → blocks
    ("repair",),  # blocks → blocks, each change recorded
    # what the collection knows of its texts, and how a text is shown
    (
        "anchors",
        "mentions",
        "citations",
        "timeline",
        "marks",
        "edition",
        "chart",
        "render",
        "references",
        "reference_files",
    ),
    ("indexes", "worldmap", "timeline_page", "pages", "topic_pages", "repairs_page"),  # the pages
    ("write", "offline", "book"),  # what is written, and what is made from the built site
    ("inputs", "texts", "collection_pages", "settings", "pipeline"),
    ("turns", "site", "cli", "mkdocs"),
    # what the developers' tools and the tests use: the repair measured on a corpus, synthetic
    # collections, Debian's Chromium as every tool starts it
    ("quality", "synthetic", "chromium"),
]


def stage_of(module: str) -> int:
    """The stage of `cancun_reader.x.y`, by its first part under the package."""
    first = module.split(".")[1] if "." in module else ""
    found = [index for index, names in enumerate(STAGES) if first in names]
    assert found, f"cancun_reader.{first} is in no stage: place it in STAGES ({__file__})"
    return found[0]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, package: list[str]) -> set[str]:
    """The package's modules some source imports, written out in full; `package` is the package
    its relative imports start from."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            found.add(base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("cancun_reader.")}


def imported_by(path: Path) -> set[str]:
    name = module_name(path).split(".")
    return imported(path.read_text(encoding="utf-8"), name if path.name == "__init__.py" else name[:-1])


def upward(importer: str, targets: set[str]) -> list[str]:
    return [
        f"{importer} imports {target}" for target in sorted(targets) if stage_of(target) > stage_of(importer)
    ]


def test_every_import_follows_the_data_flow() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        if importer == "cancun_reader" or path.name == "conftest.py":
            continue
        found += upward(importer, imported_by(path))
    assert not found, "\n".join(found)


def test_the_shared_vocabulary_imports_only_the_model() -> None:
    for path in sorted((PACKAGE / "prose").rglob("*.py")):
        outside = {
            t for t in imported_by(path) if not t.startswith(("cancun_reader.prose", "cancun_reader.model"))
        }
        assert not outside, f"{module_name(path)} imports {outside}"


def test_an_import_back_up_the_data_flow_is_found() -> None:
    """The check can fail: `layout/` reaching into `repair/`, as it once did, is reported; an
    import of the shared vocabulary is not."""
    source = "from ..repair.flow import starts_lower\nfrom ..prose.sentences import ends_sentence\n"
    found = upward("cancun_reader.layout.quotes", imported(source, ["cancun_reader", "layout"]))
    assert found == ["cancun_reader.layout.quotes imports cancun_reader.repair.flow"]
