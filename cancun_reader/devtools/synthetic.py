"""Synthetic collections, for the benchmark and the tests of a large collection: N texts made from
a project's three sources.

Text 0, 1 and 2 are the sources themselves (so the topics' citations hold); every further text takes
one of them and shuffles its sections (the parts between its headings; notes and further reading
stay last), with a new slug and catalog entry, and its corrections file when it has one. A shuffled
text keeps the print damage of its source: cut paragraphs, hyphenated breaks, pull quotes and
sidebars inside sentences, fragments out of order for its corrections to mend.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

SECTION_HEADING = re.compile(r"\A[^a-z\n]{4,80}\Z")
"""A heading that starts a section: one line in capitals followed by a paragraph, not a list."""


def blocks_of(text: str) -> list[str]:
    """A text's blocks: its runs of lines between blank lines."""
    return [run for run in re.split(r"\n\s*\n", text.strip("\n")) if run.strip()]


def sections_of(text: str) -> tuple[list[str], list[list[str]], list[str]]:
    """The text's opening runs, its sections (each a heading and what follows it), and its
    closing sections (notes and further reading), which stay where they are."""
    runs = blocks_of(text)
    starts = [
        i
        for i, run in enumerate(runs)
        if SECTION_HEADING.match(run) and i + 1 < len(runs) and not runs[i + 1].lstrip().startswith("- ")
    ]
    if not starts:
        return runs, [], []
    opening = runs[: starts[0]]
    sections = [runs[a:b] for a, b in zip(starts, [*starts[1:], len(runs)], strict=True)]
    closing = [s for s in sections if s[0].strip() in ("NOTES", "FURTHER READING", "CONCLUSIONS")]
    body = [s for s in sections if s not in closing]
    return opening, body, [run for section in closing for run in section]


def shuffled(text: str, seed: int) -> str:
    opening, body, closing = sections_of(text)
    random.Random(seed).shuffle(body)
    return "\n\n".join([*opening, *(run for section in body for run in section), *closing]) + "\n"


def make_collection(size: int, folder: Path, project: Path) -> Path:
    """Write inputs with `size` texts made from `project`'s into `folder`: sources/ (texts,
    catalog, corrections, abbreviations) and topics/. Returns the folder."""
    if folder.exists():
        shutil.rmtree(folder)
    sources = folder / "sources"
    sources.mkdir(parents=True)
    shutil.copytree(project / "topics", folder / "topics")
    shutil.copy(project / "sources" / "abbreviations.yml", sources)
    catalog = yaml.safe_load((project / "sources" / "catalog.yml").read_text(encoding="utf-8"))
    entries = []
    for number in range(size):
        base = catalog[number % len(catalog)]
        original = project / "sources" / base["file"]
        corrections = original.with_name(original.stem + ".corrections.yml")
        if number < len(catalog):
            entry, text = dict(base), original.read_text(encoding="utf-8")
        else:
            slug = f"{base['slug']}-{number:04d}"
            entry = {**base, "file": f"{slug}.txt", "slug": slug, "title": f"{base['title']} ({number})"}
            text = shuffled(original.read_text(encoding="utf-8"), seed=number)
        (sources / entry["file"]).write_text(text, encoding="utf-8")
        if corrections.exists():
            shutil.copy(corrections, sources / (Path(entry["file"]).stem + ".corrections.yml"))
        entries.append(entry)
    (sources / "catalog.yml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False))
    return folder
