"""Imports follow the data flow: the package's folders are its stages, and a folder imports only
itself and the folders before it, never one after (`pdf/` never reaches into `text/`, `text/`
never into `site/`); within a folder whose parts are stages of their own (`text/`: layout, blocks,
corrections, repair, anchors), the same holds for its parts. The flow is
`cancun_reader.devtools.layout.FLOW`; the Editors' guide draws it (*Repository layout*), and a new
folder must be placed in it."""

from __future__ import annotations

from project import ROOT

from cancun_reader.devtools.layout import FLOW, LOOSE_MODULES, PACKAGE, WITHIN, draw_map, imported, imports_of

ORDER = [folder.name for folder in FLOW]
MAP = ROOT / "docs" / "assets" / "images" / "repository-layout.svg"


def rank(module: str) -> tuple[int, int]:
    """Where `cancun_reader.x.y…` stands in the flow: its folder's place, and its part's within a
    folder of `WITHIN` (-1 when the part is free)."""
    parts = module.split(".")
    assert parts[1] in ORDER, f"cancun_reader.{parts[1]} is in no stage: place it in FLOW"
    order = WITHIN.get(parts[1], ())
    return ORDER.index(parts[1]), order.index(parts[2]) if len(parts) > 2 and parts[2] in order else -1


def upward(importer: str, targets: set[str]) -> list[str]:
    """Each import of `targets` by `importer` that goes back up the flow: to a later folder, or,
    within a folder of `WITHIN`, to a later part."""
    found = []
    for target in sorted(targets):
        (folder, part), (their_folder, their_part) = rank(importer), rank(target)
        if their_folder > folder or (their_folder == folder and -1 < part < their_part):
            found.append(f"{importer} imports {target}")
    return found


def test_every_import_follows_the_data_flow() -> None:
    found = []
    for importer, targets in imports_of(ROOT).items():
        if importer != PACKAGE:
            found += upward(importer, targets)
    assert not found, "\n".join(found)


def test_every_folder_is_in_the_flow_and_few_modules_are_loose() -> None:
    package = ROOT / PACKAGE
    folders = {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(ORDER), (
        f"not in FLOW: {folders - set(ORDER)}; in FLOW, gone: {set(ORDER) - folders}"
    )
    loose = [p.name for p in package.glob("*.py") if p.name != "__init__.py"]
    assert len(loose) <= LOOSE_MODULES, f"{len(loose)} modules loose in cancun_reader/: {loose}"


def test_an_import_back_up_the_data_flow_is_found() -> None:
    """The check can fail: the PDF reader reaching into the editors' files or the repairs, a text's
    layout into its repair (as it once did), the collection into the pages, the model into the
    prose, are each reported; imports of an earlier folder or part are not."""
    source = (
        "from cancun_reader.text.repair.flow import starts_lower\n"
        "from cancun_reader.core.prose.sentences import ends_sentence\n"
        "from cancun_reader.sources.read import display_path\n"
    )
    assert upward("cancun_reader.pdf.reading", imported(source, ["cancun_reader", "pdf"])) == [
        "cancun_reader.pdf.reading imports cancun_reader.sources.read",
        "cancun_reader.pdf.reading imports cancun_reader.text.repair.flow",
    ]
    layout = ["cancun_reader", "text", "layout"]
    assert upward("cancun_reader.text.layout.quotes", imported(source, layout)) == [
        "cancun_reader.text.layout.quotes imports cancun_reader.text.repair.flow"
    ]
    relative = "from ..site.pages import render_article\nfrom .timeline import events_in\n"
    assert upward(
        "cancun_reader.collection.mentions", imported(relative, ["cancun_reader", "collection"])
    ) == ["cancun_reader.collection.mentions imports cancun_reader.site.pages"]
    prose = imported("from .prose import words\nfrom .kinds import KINDS\n", ["cancun_reader", "core"])
    assert upward("cancun_reader.core.model", prose) == [
        "cancun_reader.core.model imports cancun_reader.core.prose"
    ]


def test_the_map_in_the_guide_is_the_package_as_it_is() -> None:
    """The drawing the Editors' guide shows is drawn from the folders and their imports: a module
    added, or an import across folders, shows in it once `scripts/layout_map.py` is run again."""
    assert MAP.read_text(encoding="utf-8") == draw_map(ROOT), "run .venv/bin/python scripts/layout_map.py"
    assert "repository-layout.svg" in (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
