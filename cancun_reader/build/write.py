"""Writing: put generated pages into `docs/` without ever losing a hand-written one.

A manifest (`docs/.generated.json`, hidden from MkDocs) lists what the build generated, with a
digest of each page and its file's size and time. Only those files are ever overwritten or
removed; a generated page whose name collides with a hand-written file is an error. Every file is
written to a temporary file and renamed over the old one, so a build killed at any moment leaves
each page either as it was or as it should be.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cancun_reader.core.errors import InputError
from cancun_reader.sources.read import FileFacts, display_path, file_facts

MANIFEST_NAME = ".generated.json"
PAGE_MODE = 0o644


@dataclass(frozen=True)
class Record:
    """What the manifest knows of a generated page: the digest of what the build wrote, and the
    file's size and time just after, so an untouched file is known unchanged without reading it."""

    digest: str = ""
    stat: str = ""


@dataclass
class Plan:
    """What a build would change in `docs/`: paths relative to it."""

    write: dict[str, str | bytes] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    recorded: dict[str, Record] = field(default_factory=dict)
    """The manifest as the plan found it."""

    @property
    def changes(self) -> bool:
        return bool(self.write or self.remove)


def file_stat(path: Path) -> str:
    return stat_text(path.stat())


def stat_text(status: os.stat_result) -> str:
    return f"{status.st_size}:{status.st_mtime_ns}"


def status_of(path: str | Path) -> os.stat_result | None:
    """What the file system says of a path, in one call (not following a link), or None."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def digest_of(content: str | bytes) -> str:
    return hashlib.sha256(content if isinstance(content, bytes) else content.encode("utf-8")).hexdigest()


def holds(path: Path, content: str | bytes) -> bool:
    """Whether the file holds `content`: a page's text, or a file's bytes (a PDF as received)."""
    if isinstance(content, bytes):
        return path.read_bytes() == content
    return path.read_text(encoding="utf-8") == content


Manifests = dict[str, tuple[FileFacts, dict[str, Record]]]
"""The manifest a process wrote last in each `docs/`, with its file's size, time and inode: a
long-lived process (`mkdocs serve`) does not read its own manifest again (at a thousand texts, a
megabyte of JSON and 7,000 records). Read only as long as the file is as it was written."""


def read_manifest(docs: Path, written_before: Manifests | None = None) -> dict[str, Record]:
    """The pages an earlier build generated, with what it recorded of each (not to be changed)."""
    path = docs / MANIFEST_NAME
    facts = file_facts(path)
    if facts is None:
        return {}
    written = (written_before or {}).get(str(path))
    if written is not None and written[0] == facts:
        return written[1]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        records = manifest.get("records", {})
        return {str(name): Record(*records.get(name, ("", ""))) for name in manifest["generated"]}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InputError(
            display_path(path), "is damaged; delete it and the generated folders, then build again"
        ) from None


def untouched(record: Record, digest: str | None, status: os.stat_result) -> bool:
    """Whether the file holds what the build wrote last, which is what it would write now."""
    return digest is not None and record.digest == digest and record.stat == stat_text(status)


def plan_writes(
    docs: Path,
    pages: dict[str, str | bytes],
    digests: dict[str, str] | None = None,
    manifests: Manifests | None = None,
) -> Plan:
    """Compare the pages a build made with what is on disk; refuse to touch hand-written files.
    A page whose digest is the one recorded, in a file nobody touched since, is not read again
    (nor the manifest, if `manifests` holds it as it was written)."""
    recorded = read_manifest(docs, manifests)
    digests = digests or {}
    plan = Plan(recorded=recorded)
    for name, content in sorted(pages.items()):
        # one call per page, on a plain string: at 1,000 texts there are 7,000
        status = status_of(os.path.join(docs, name))
        if status is not None and not stat.S_ISREG(status.st_mode):  # a link or a folder
            raise InputError(display_path(docs / name), "is in the way of a generated page; move it")
        if status is None:
            plan.write[name] = content
        elif name not in recorded:
            raise InputError(
                display_path(docs / name),
                "is a hand-written page with the name of a generated one; "
                "rename it or change the slug in the catalog or topics",
            )
        elif untouched(recorded[name], digests.get(name), status) or holds(docs / name, content):
            plan.unchanged.append(name)
        else:
            plan.write[name] = content
    plan.remove = sorted(n for n in recorded.keys() - pages.keys() if (docs / n).is_file())
    return plan


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        os.chmod(temporary, PAGE_MODE)  # mkstemp makes files private; pages are for everyone
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_manifest(docs: Path, records: dict[str, Record], manifests: Manifests | None = None) -> None:
    names = sorted(records)
    content = {"generated": names, "records": {n: [records[n].digest, records[n].stat] for n in names}}
    # one line, by json's C encoder: at 1,000 texts the manifest holds 7,000 records, and is
    # written once or twice a build
    path = docs / MANIFEST_NAME
    write_atomically(path, json.dumps(content, separators=(",", ":")) + "\n")
    if manifests is not None:
        manifests[str(path)] = (file_facts(path), dict(records))


def apply_plan(
    docs: Path,
    plan: Plan,
    pages: dict[str, str | bytes],
    digests: dict[str, str] | None = None,
    manifests: Manifests | None = None,
) -> None:
    """Carry out a plan. When it writes pages the manifest does not list yet, the manifest first
    lists old and new pages together, the new ones with nothing recorded, so a build killed
    half-way still knows every file it may have written, and trusts none of them until it has
    compared them again. (A page it lists already needs no such step: written again, its size and
    time are no longer those recorded, so the next build compares it anyway.)"""
    digests = digests or {}
    before = plan.recorded
    remove_stale_temporaries(docs, set(before) | set(pages))
    new = {name: Record() for name in pages if name not in before}
    if new:
        write_manifest(docs, {**before, **new}, manifests)
    after: dict[str, Record] = {}
    for name, content in pages.items():
        if name in plan.write:
            write_atomically(docs / name, content)
        record = before.get(name, Record())
        if name in plan.write or not record.digest:
            record = Record(digests.get(name) or digest_of(content), file_stat(docs / name))
        after[name] = record
    for name in plan.remove:
        (docs / name).unlink()
        _remove_empty_parents(docs, docs / name)
    if after != before:
        write_manifest(docs, after, manifests)


STALE_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]+\.tmp")
"""What `write_atomically` leaves behind only if the build was killed between writing and renaming."""


_SWEPT: set[str] = set()
"""The `docs/` folders this process has swept of temporary files already: a build of this process
that ends leaves none, so a long-lived one (`mkdocs serve`) sweeps each folder once, not on every
rebuild (7,000 files at a thousand texts)."""


def remove_stale_temporaries(docs: Path, names: set[str]) -> None:
    """Remove the temporary files a killed build left beside generated pages (hidden from MkDocs,
    but clutter)."""
    if str(docs) in _SWEPT:
        return
    _SWEPT.add(str(docs))
    folders = {docs / folder for folder in {name.rpartition("/")[0] for name in names}} | {docs}
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.name.endswith(".tmp") and STALE_TEMPORARY.fullmatch(entry.name) and entry.is_file():
                os.unlink(entry.path)


def _remove_empty_parents(docs: Path, path: Path) -> None:
    folder = path.parent
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
