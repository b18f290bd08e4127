"""Stage 6, write: put generated pages into `docs/` without ever losing a hand-written one.

A manifest (`docs/.generated.json`, hidden from MkDocs) lists what the build generated. Only those
files are ever overwritten or removed; a generated page whose name collides with a hand-written
file is an error. Every file is written to a temporary file and renamed over the old one, so a
build killed at any moment leaves each page either as it was or as it should be.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .read import display_path

MANIFEST_NAME = ".generated.json"
PAGE_MODE = 0o644


@dataclass
class Plan:
    """What a build would change in `docs/`: paths relative to it."""

    write: dict[str, str] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.write or self.remove)


def read_manifest(docs: Path) -> set[str]:
    path = docs / MANIFEST_NAME
    if not path.exists():
        return set()
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))["generated"]
    except (ValueError, KeyError, TypeError):
        raise InputError(
            display_path(path), "is damaged; delete it and the generated folders, then build again"
        ) from None
    return set(listed)


def plan_writes(docs: Path, pages: dict[str, str]) -> Plan:
    """Compare the pages a build made with what is on disk; refuse to touch hand-written files."""
    generated_before = read_manifest(docs)
    plan = Plan()
    for name, content in sorted(pages.items()):
        target = docs / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise InputError(display_path(target), "is in the way of a generated page; move it")
        if not target.exists():
            plan.write[name] = content
        elif name not in generated_before:
            raise InputError(
                display_path(target),
                "is a hand-written page with the name of a generated one; "
                "rename it or change the slug in the catalog or topics",
            )
        elif target.read_text(encoding="utf-8") == content:
            plan.unchanged.append(name)
        else:
            plan.write[name] = content
    plan.remove = sorted(n for n in generated_before - pages.keys() if (docs / n).is_file())
    return plan


def write_atomically(path: Path, content: str) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.chmod(temporary, PAGE_MODE)  # mkstemp makes files private; pages are for everyone
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_manifest(docs: Path, names: set[str]) -> None:
    content = json.dumps({"generated": sorted(names)}, indent=1) + "\n"
    write_atomically(docs / MANIFEST_NAME, content)


def apply_plan(docs: Path, plan: Plan, pages: dict[str, str]) -> None:
    """Carry out a plan. The manifest first lists old and new pages together, so a build killed
    half-way still knows every file it may have written."""
    before = read_manifest(docs)
    remove_stale_temporaries(docs, before | set(pages))
    if plan.changes or before != set(pages):
        write_manifest(docs, before | set(pages))
    for name, content in plan.write.items():
        write_atomically(docs / name, content)
    for name in plan.remove:
        (docs / name).unlink()
        _remove_empty_parents(docs, docs / name)
    if plan.changes or before != set(pages):
        write_manifest(docs, set(pages))


STALE_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]+\.tmp")
"""What `write_atomically` leaves behind only if the build was killed between writing and renaming."""


def remove_stale_temporaries(docs: Path, names: set[str]) -> None:
    """Remove the temporary files a killed build left beside generated pages (hidden from MkDocs,
    but clutter)."""
    folders = {(docs / name).parent for name in names} | {docs}
    for folder in folders:
        if folder.is_dir():
            for path in folder.iterdir():
                if STALE_TEMPORARY.fullmatch(path.name) and path.is_file():
                    path.unlink()


def _remove_empty_parents(docs: Path, path: Path) -> None:
    folder = path.parent
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
