"""The site's page of what a reader can take away: the books `make publish` put in
`docs/downloads/` (EPUB and PDF, the collection and each article; a PDF handout of each topic and
of the timeline) and the reference files, with their sizes; a copy without books says so rather
than link to nothing."""

from __future__ import annotations

from pathlib import Path

from cancun_reader.core.escape import escape_text

COLLECTION = "cancun-2003-reader"
"""The file name of the whole collection's book (`downloads/cancun-2003-reader.epub`)."""
DOWNLOADS_DIR = "downloads"
PAGE = "downloads.md"
FORMATS = {".epub": "EPUB, for e-readers", ".pdf": "PDF, to print"}
HANDOUT = "handout-"
"""The file name of a page's handout begins so: `downloads/handout-g21.pdf`."""


def handout_name(path: str) -> str:
    """The file name (without `.pdf`) of the handout of a page of the site.

    >>> handout_name("topics/g21.html"), handout_name("timeline.html")
    ('handout-g21', 'handout-timeline')
    """
    return HANDOUT + Path(path).stem


def size(length: int) -> str:
    """A file's size in bytes as a reader reads it.

    >>> size(2500), size(84_689), size(3_400_000), size(12)
    ('2 KB', '85 KB', '3.4 MB', '1 KB')
    """
    kilobytes = length / 1000
    return f"{kilobytes / 1000:.1f} MB" if kilobytes >= 1000 else f"{max(1, round(kilobytes))} KB"


def render_downloads(
    docs: Path, titles: dict[str, str], collection: str, handouts: dict[str, str] | None = None
) -> str:
    """The page: a table of the books found in `docs/downloads/`, the collection's first, then
    each article's by its title (`titles`, by slug); then the handouts found, by the title of their
    page (`handouts`, by file name)."""
    folder = docs / DOWNLOADS_DIR
    found = sorted(p for p in folder.glob("*") if p.suffix in FORMATS) if folder.is_dir() else []
    books = [p for p in found if not p.stem.startswith(HANDOUT)]
    printed = [p for p in found if p.stem.startswith(HANDOUT)]
    lines = [
        "---\ntitle: Books and handouts\n---\n",
        "# Books and handouts\n",
        "The collection to read on an e-reader, to print for a class or to keep for the train. The books"
        " are made from the pages of this site, repairs, paragraph numbers and notes included; each"
        " article's list of changes follows its text, and its text as received stays on this site.\n",
    ]
    if books:
        lines += ["| What | File | Size |", "| --- | --- | --- |"]
        order = [collection, *titles]
        rank = {stem: place for place, stem in enumerate(order)}
        for book in sorted(books, key=lambda p: (rank.get(p.stem, len(order)), p.suffix)):
            title = titles.get(book.stem, book.stem)
            what = "The whole collection" if book.stem == collection else escape_text(title)
            link = f"[{FORMATS[book.suffix]}]({DOWNLOADS_DIR}/{book.name})"
            lines.append(f"| {what} | {link} | {size(book.stat().st_size)} |")
        lines.append("")
    if printed:
        names = handouts or {}
        places = {stem: place for place, stem in enumerate(names)}
        lines += [
            "## Handouts\n",
            "One page of the site on paper, for a class: a topic, its facts and its passages, or the"
            " timeline.\n",
            "| What | File | Size |",
            "| --- | --- | --- |",
        ]
        for handout in sorted(printed, key=lambda p: (places.get(p.stem, len(places)), p.stem)):
            what = escape_text(names.get(handout.stem, handout.stem.removeprefix(HANDOUT)))
            link = f"[{FORMATS[handout.suffix]}]({DOWNLOADS_DIR}/{handout.name})"
            lines.append(f"| {what} | {link} | {size(handout.stat().st_size)} |")
        lines.append("")
    else:
        lines.append("*This copy of the site holds no books; the published site offers them.*\n")
    lines += [
        "For reference managers, every article's page links to its RIS, BibTeX and CSL-JSON files,"
        " and to the whole collection's.\n",
        "**Offline.** Once visited over the web, this site keeps a copy of itself in the browser and"
        " works with no connection, search included; when a newer edition is published, a page says"
        " so and offers to load it. The whole site can also be taken as a folder: open its"
        " `index.html` from disk.\n",
    ]
    return "\n".join(lines)
