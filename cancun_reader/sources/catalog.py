"""The catalog (`sources/catalog.yml`): what is known about each source text, validated at the edge.

Every value is read as the text the editor typed (no YAML date or number guessing), and every
problem is reported with the catalog's file name and the line of the offending key.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import fields
from pathlib import Path

import yaml

from cancun_reader.core.errors import InputError
from cancun_reader.core.model import (
    PUBLICATION_KINDS,
    STATUSES,
    UNKNOWN,
    Block,
    Entry,
    Heading,
    Notice,
    Paragraph,
)
from cancun_reader.core.prose.shapes import is_byline
from cancun_reader.sources.yaml_nodes import compose, line_of, scalar, sequence_of_mappings

PAGES = re.compile(r"\d+(?:-\d+)?(?:,\s*\d+(?:-\d+)?)*")
"""Pages as the catalog lists them: `3`, `1-2, 4`."""


def pages_in(listed: str) -> frozenset[int]:
    """The pages a list such as `1-2, 4` names.

    >>> sorted(pages_in("1-3, 5")), pages_in("")
    ([1, 2, 3, 5], frozenset())
    """
    found: set[int] = set()
    for part in filter(None, (p.strip() for p in listed.split(","))):
        first, _, last = part.partition("-")
        found.update(range(int(first), int(last or first) + 1))
    return frozenset(found)


CATALOG_NAME = "catalog.yml"
KINDS = tuple(PUBLICATION_KINDS)
"""What the catalog's `kind` may say: how a reference manager files the text."""
REQUIRED_KEYS = ("file", "slug", "title")
BOOLEAN_KEYS = ("title_is_editorial",)
KNOWN_KEYS = tuple(f.name for f in fields(Entry) if f.name != "catalogued")

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A slug is lower-case ASCII words joined by single hyphens: it becomes a page's file name."""

PARTIAL_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
"""A date as precise as it is known: `2003`, `2003-10` or `2003-10-04`."""


def load_catalog(path: Path, shown_as: str, text: str) -> list[tuple[Entry, int]]:
    """Parse and validate the catalog text; return each entry with the line it starts on."""
    nodes = sequence_of_mappings(compose(text, shown_as), shown_as, "entries, one per source text")
    return [(_entry_from_node(node, shown_as), line_of(node)) for node in nodes]


def _entry_from_node(node: yaml.MappingNode, shown_as: str) -> Entry:
    values: dict[str, str | bool] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in KNOWN_KEYS:
            raise InputError(shown_as, _unknown_key_message(key), line_of(key_node))
        if key in values:
            raise InputError(shown_as, f"key '{key}' is given twice in one entry", line_of(key_node))
        values[key] = _value(key, value_node, shown_as)
    for key in REQUIRED_KEYS:
        if key not in values:
            raise InputError(shown_as, f"entry has no '{key}'", line_of(node))
    _check_formats(values, shown_as, node)
    return Entry(**values)  # type: ignore[arg-type]  # each value checked against its key's type above


def _unknown_key_message(key: str) -> str:
    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{key}'{hint}; known keys: {', '.join(KNOWN_KEYS)}"


def _value(key: str, node: yaml.Node, shown_as: str) -> str | bool:
    raw = scalar(node, key, shown_as)
    if key in BOOLEAN_KEYS:
        if raw.lower() not in ("true", "false"):
            raise InputError(shown_as, f"'{key}' must be true or false, not '{raw}'", line_of(node))
        return raw.lower() == "true"
    if not raw:
        raise InputError(shown_as, f"'{key}' is empty; write 'unknown' if it is not known", line_of(node))
    return raw


def _check_formats(values: dict[str, str | bool], shown_as: str, node: yaml.Node) -> None:
    slug = str(values["slug"])
    if not SLUG.fullmatch(slug):
        raise InputError(
            shown_as,
            f"slug '{slug}' must be lower-case letters and digits joined by hyphens",
            line_of(node),
        )
    kind = str(values.get("kind", UNKNOWN))
    if kind != UNKNOWN and kind not in KINDS:
        raise InputError(
            shown_as, f"kind '{kind}' must be one of: {', '.join(KINDS)}, or 'unknown'", line_of(node)
        )
    date = str(values.get("date", UNKNOWN))
    if date != UNKNOWN and not PARTIAL_DATE.fullmatch(date):
        raise InputError(
            shown_as, f"date '{date}' must be YYYY, YYYY-MM, YYYY-MM-DD or 'unknown'", line_of(node)
        )
    _check_status(values, shown_as, node)


def _check_status(values: dict[str, str | bool], shown_as: str, node: yaml.Node) -> None:
    """A status is one of `STATUSES`; a problematic text says why, a validated one who validated it
    (another editor than the one who proofread it)."""
    status = str(values.get("status", STATUSES[0]))
    if status not in STATUSES:
        raise InputError(shown_as, f"status '{status}' must be one of: {', '.join(STATUSES)}", line_of(node))
    if status == "problematic" and "status_note" not in values:
        raise InputError(
            shown_as, "a problematic text needs a 'status_note' saying what cannot be settled", line_of(node)
        )
    if status == "validated" and "validated_by" not in values:
        raise InputError(
            shown_as, "a validated text needs 'validated_by': the second editor's name", line_of(node)
        )
    pages = str(values.get("proofread_pages", ""))
    if pages and not PAGES.fullmatch(pages):
        raise InputError(shown_as, f"proofread_pages '{pages}' must list pages as 3 or 1-2, 4", line_of(node))
    if "validated_by" in values and values["validated_by"] == values.get("proofread_by"):
        raise InputError(
            shown_as,
            "'validated_by' must name a second editor, not the one in 'proofread_by'",
            line_of(node),
        )


def slug_from_file_name(name: str) -> str:
    """A slug for a text that has no catalog entry.

    >>> slug_from_file_name("Declaración de Cancún (2003).txt")
    'declaracion-de-cancun-2003'
    """
    ascii_name = unicodedata.normalize("NFKD", Path(name).stem).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower())) or "untitled"


def title_from_file_name(name: str) -> str:
    """A readable title for a text that has no catalog entry.

    >>> title_from_file_name("mexico_after-cancun.txt")
    'Mexico after cancun'
    """
    words = re.sub(r"[_\-\s]+", " ", Path(name).stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def entry_for_uncatalogued(name: str) -> Entry:
    return Entry(
        file=name,
        slug=slug_from_file_name(name),
        title=title_from_file_name(name),
        catalogued=False,
    )


def match_files(
    entries: list[tuple[Entry, int]], files: list[str], shown_as: str
) -> tuple[list[Entry], list[Notice]]:
    """Pair catalog entries with the `.txt` files present; refuse duplicates and missing files."""
    present = set(files)
    by_file: dict[str, Entry] = {}
    slugs: dict[str, int] = {}
    for entry, line in entries:
        if entry.file not in present:
            raise InputError(shown_as, f"entry for '{entry.file}': no such file in sources", line)
        if entry.file in by_file:
            raise InputError(shown_as, f"'{entry.file}' has two entries", line)
        if entry.slug in slugs:
            raise InputError(
                shown_as,
                f"slug '{entry.slug}' is used twice (first on line {slugs[entry.slug]})",
                line,
            )
        by_file[entry.file] = entry
        slugs[entry.slug] = line
    notices = []
    for name in files:
        if name in by_file:
            continue
        entry = entry_for_uncatalogued(name)
        if entry.slug in slugs:
            raise InputError(shown_as, f"'{name}' has no entry and its derived slug '{entry.slug}' is taken")
        by_file[name] = entry
        slugs[entry.slug] = 0
        where = str(Path(shown_as).parent / name)
        titled = f"'{entry.title}' from its file name"
        if entry.is_pdf:
            titled = f"as its first page prints its title, or {titled} where it prints none"
        notices.append(
            Notice(
                f"has no entry in {shown_as}; titled {titled}. To describe "
                f"it, add an entry with 'file: {name}', a slug, a title and 'unknown' for what the "
                "text does not say",
                where,
                severity="note",
            )
        )
    return [by_file[name] for name in files], notices


def yaml_line(key: str, value: str) -> str:
    """One line of a catalog entry, as YAML reads it back whatever the value holds (a colon, quotes).

    >>> yaml_line("title", "Miami, November 2003: the streets and the summit")
    "title: 'Miami, November 2003: the streets and the summit'"
    >>> yaml_line("author", "Rosa Martínez")
    'author: Rosa Martínez'
    """
    dumped = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, width=10_000)
    return dumped.strip()


def entry_offered(source_path: str, entry: Entry, blocks: tuple[Block, ...]) -> list[Notice]:
    """For a text with no catalog entry, the title and byline it opens with (a page's front matter,
    set apart by the repairs), offered for its entry: the build takes neither for granted.

    >>> blocks = (Paragraph("Medicines before the ministerial", 3, front="title"),
    ...           Paragraph("A decision.", 4, front="deck"), Paragraph("By Grace Mwangi", 6, front="byline"))
    >>> print(entry_offered("sources/m.txt", entry_for_uncatalogued("m.txt"), blocks)[0])
    sources/m.txt:3: opens with the title “Medicines before the ministerial” and the byline “By Grace \
Mwangi”: if they are the text's own, its catalog entry may say title: Medicines before the ministerial \
and author: Grace Mwangi

    Negative: a text with an entry, or one that opens with no byline, is offered nothing.
    >>> entry_offered("sources/m.txt", entry_for_uncatalogued("m.txt"), blocks[:2])
    []
    """
    if entry.catalogued or not blocks or not isinstance(blocks[0], Heading | Paragraph):
        return []
    if isinstance(blocks[0], Paragraph) and blocks[0].front != "title":
        return []
    byline = next((b.text for b in blocks[1:4] if isinstance(b, Paragraph) and is_byline(b.text)), None)
    if byline is None:
        return []
    title, author = blocks[0].text, byline.strip().removeprefix("By ")
    return [
        Notice(
            f"opens with the title “{title}” and the byline “{byline.strip()}”: if they are the text's "
            f"own, its catalog entry may say {yaml_line('title', title)} and {yaml_line('author', author)}",
            source_path,
            blocks[0].line,
            severity="note",
        )
    ]
