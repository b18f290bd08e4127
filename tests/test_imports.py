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
    ("cli", "mkdocs"),
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


def imported(path: Path) -> set[str]:
    """The package's modules a file imports, written out in full."""
    package = (
        module_name(path).split(".") if path.name == "__init__.py" else module_name(path).split(".")[:-1]
    )
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            found.add(base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("cancun_reader.")}


def test_every_import_follows_the_data_flow() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        if importer == "cancun_reader" or path.name == "conftest.py":
            continue
        for target in imported(path):
            if stage_of(target) > stage_of(importer):
                upward.append(f"{importer} imports {target}")
    assert not upward, "\n".join(upward)


def test_the_shared_vocabulary_imports_only_the_model() -> None:
    for path in sorted((PACKAGE / "prose").rglob("*.py")):
        outside = {
            t for t in imported(path) if not t.startswith(("cancun_reader.prose", "cancun_reader.model"))
        }
        assert not outside, f"{module_name(path)} imports {outside}"


def test_a_stage_that_imports_a_later_one_is_found() -> None:
    """The check can fail: an import from `layout/` into `repair/` is an arrow back up."""
    assert stage_of("cancun_reader.repair.flow") > stage_of("cancun_reader.layout.quotes")
    assert stage_of("cancun_reader.prose.sentences") < stage_of("cancun_reader.layout.lines")
