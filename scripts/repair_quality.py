"""How well the repair restores real PDF extractions: the corpus of `tests/corpus/`, measured and
reported (the measures are `cancun_reader.devtools.quality`'s).

    .venv/bin/python scripts/repair_quality.py     # the report; `make bench` includes it
    .venv/bin/python scripts/repair_quality.py --json    # every extraction's measures
    .venv/bin/python scripts/repair_quality.py --page    # the report onto the Performance page

Each text of `tests/corpus/texts/*.yml` says what a clean reading gives; each file of
`tests/corpus/extracted/` is that text printed by a real renderer and extracted by a real extractor
(`scripts/corpus.py` made them), and the PDFs are read as the build reads them.
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import time
from pathlib import Path

from cancun_reader.devtools.quality.corpus import (
    COUNTS,
    EXTRACTORS,
    PDF,
    SHARES,
    TARGETS,
    TEST_EXTRACTOR,
    WRONG,
    run,
    totals,
)
from cancun_reader.pdf.document import read_pdf

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
HEADERS = {PDF: "PDF read by the build"}
TEST_HEADER = "test set: layouts and renderers not tuned on"
TEST_EXTRACTED_HEADER = "test set, extracted by pdftotext"


def report_table(results: dict[str, dict]) -> str:
    """The measures per extractor, over the three extractors' texts (`all three`), and for the
    PDFs the build reads itself: the development set's, and the test set's."""
    named = [*EXTRACTORS, "all three", HEADERS[PDF], TEST_HEADER, TEST_EXTRACTED_HEADER, "target"]
    header = "| measure | " + " | ".join(named) + " |"
    lines = [header, "|" + " --- |" * (len(EXTRACTORS) + 6)]
    columns = [totals(results, e) for e in EXTRACTORS] + [totals(results), totals(results, PDF)]
    columns += [totals(results, PDF, test_set=True), totals(results, TEST_EXTRACTOR, test_set=True)]
    return "\n".join([*lines, *measure_rows(columns, TARGETS)])


def measure_rows(columns: list[dict], targets: dict[str, float], wrong: bool = False) -> list[str]:
    """The rows of a report's table: each share found (with its target), the precision of each kind
    if asked (of the blocks taken for one, those that are one, and how many are not), and the counts."""
    rows = []
    for name in SHARES:
        cells = [
            f"{c[name][0]}/{c[name][1]} ({c[name][0] / c[name][1]:.0%})" if c[name][1] else "–"
            for c in columns
        ]
        target = f"≥ {targets[name]:.0%}" if name in targets else ""
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {target} |")
    for name in WRONG[:-1] if wrong else ():
        found = FOUND_AS[name]
        cells = []
        for c in columns:
            right, taken = c[found][0], c[found][0] + c[name]
            cells.append(f"{right}/{taken} ({right / taken:.0%}), {c[name]} wrong" if taken else "–")
        rows.append(f"| precision: {found} | " + " | ".join(cells) + " | ≥ 97% |")
    for name in COUNTS:
        target = "0" if name in ("words lost", "furniture left") else ""
        rows.append(f"| {name} | " + " | ".join(str(c[name]) for c in columns) + f" | {target} |")
    return rows


READER_COLUMNS = (
    ("development: WeasyPrint", False, "weasyprint"),
    ("development: Chromium", False, "chromium"),
    ("development: LaTeX", False, "latex"),
    ("development set", False, ""),
    ("test: WeasyPrint, other seeds", True, "weasyprint"),
    ("test: Chromium, other seeds", True, "chromium"),
    ("test: LaTeX, other seeds", True, "latex"),
    ("test: LibreOffice", True, "office"),
    ("test: ReportLab, new texts", True, "reportlab"),
    ("test: groff, new texts", True, "groff"),
    ("test set", True, ""),
)
"""The PDF reader's report: per renderer family and per set."""

FOUND_AS = {
    "wrong pull quotes": "pull quotes",
    "wrong sidebar items": "sidebar items",
    "wrong headings": "headings",
    "wrong notes": "notes",
    "not captions": "captions",
}
"""Each count of blocks wrongly taken for a kind, by the kind whose precision it lowers: of the
blocks taken for one, the share that are one (wrong ones as a share of those found)."""


def worst_family(results: dict[str, dict]) -> str:
    """The test set's family that keeps the fewest paragraphs intact, named with its share."""
    shares = []
    for label, test_set, renderer in READER_COLUMNS:
        if test_set and renderer:
            kept, of = totals(results, PDF, True, renderer)["paragraphs"]
            shares.append((kept / of if of else 1.0, label))
    share, label = min(shares)
    return f"The test set's weakest family for paragraphs: {label.removeprefix('test: ')} ({share:.0%})."


READER_TARGETS = {"paragraphs": 0.97, "pull quotes": 0.95, "sidebar items": 0.95, "headings": 0.95}
READER_TARGETS |= {"captions": 0.95, "notes": 0.95}


def reader_table(results: dict[str, dict]) -> str:
    """The PDFs the build reads, per renderer family and per set: what was found of each kind (its
    recall), of the blocks taken for each kind the share that are one (its precision), words lost
    and furniture left, and the weakest family of the test set."""
    header = "| PDF read by the build | " + " | ".join(c[0] for c in READER_COLUMNS) + " | target |"
    lines = [header, "|" + " --- |" * (len(READER_COLUMNS) + 2)]
    columns = [totals(results, PDF, test_set, renderer) for _, test_set, renderer in READER_COLUMNS]
    return "\n".join([*lines, *measure_rows(columns, READER_TARGETS, wrong=True), "", worst_family(results)])


def report(results: dict[str, dict]) -> str:
    """The whole report: the extractions and PDFs, the PDF reader per renderer and set, its speed."""
    return f"{report_table(results)}\n\n{reader_table(results)}\n\n{reading_speed()}"


def reading_speed(runs: int = 3) -> str:
    """How long reading a PDF's page takes (`read_pdf`: PDFium's glyphs and drawings, and the
    reading order), in milliseconds a page: the median over every corpus PDF of each one's best of
    `runs` readings, and the slowest PDF's, on this machine."""
    per_page = []
    for path in sorted(CORPUS.glob("*/*.pdf")):
        data = path.read_bytes()
        best = math.inf
        for _ in range(runs):
            started = time.perf_counter()
            text, _ = read_pdf(data, path.name)
            best = min(best, time.perf_counter() - started)
        per_page.append(1000 * best / (text.count("\f") + 1))
    return (
        f"Reading a PDF: {statistics.median(per_page):.1f} ms a page (median of {len(per_page)} PDFs, "
        f"the best of {runs} readings each), {max(per_page):.1f} ms at most; target 50 ms."
    )


PAGE = ROOT / "docs" / "performance.md"
START, END = "<!-- quality:start -->", "<!-- quality:end -->"


def update_performance_page(table: str) -> None:
    """Put the report between its markers on the Performance page (written by hand around them)."""
    text = PAGE.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    PAGE.write_text(f"{before}{START}\n{table}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")


def main() -> int:
    results = run(CORPUS)
    if "--json" in sys.argv:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    elif "--page" in sys.argv:
        update_performance_page(report(results))
        print(f"{PAGE.relative_to(ROOT)}: repair quality on {len(results)} extractions and PDFs")
    else:
        texts = len(list((CORPUS / "texts").glob("*.yml")))
        print(f"Repair quality on {len(results)} extractions and PDFs of {texts} texts\n")
        print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
