"""A corpus of real extractions and PDFs, measured: each text of `texts/*.yml` says what a clean
reading gives; each file of `extracted/` is that text printed by a real renderer and extracted by a
real extractor, and each PDF of `pdf/`, `latex/`, `html/` and `heldout/` is read as the build reads
a PDF. Every one is converted as a new text dropped into `sources/` would be (no catalog entry, no
corrections) and compared with its text (`quality.measures`), then summed per extractor, set and
renderer family.
"""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

import yaml

from cancun_reader.core.model import Printed
from cancun_reader.devtools.draws import HELD_OUT_TEXTS
from cancun_reader.devtools.quality.measures import expected_of, measure
from cancun_reader.pdf.document import read_pdf

TARGETS = {
    "paragraphs": 0.95,
    "pull quotes": 0.90,
    "sidebar items": 0.90,
    "headings": 0.90,
    "wrong blocks doubted": 0.90,
    "doubts on wrong blocks": 0.50,
}
TARGETS["intact of in order"] = 0.95
"""The repair's targets over the extracted texts (issue 11)."""


PDF = "pdf"
"""The extractor named for a PDF that the build reads itself, with its lines' places (`pdf/document.py`)."""
EXTRACTORS = ("pdfminer", "pdftotext", "pypdf")
"""The extractors whose texts an editor drops into `sources/`."""


def extractions(corpus: Path) -> list[tuple[str, str, str, Path]]:
    """(text, renderer, extractor, path) for every extraction of a corpus, and every PDF as the
    build reads it."""
    found = []
    for path in sorted((corpus / "extracted").glob("*.txt")):
        text, renderer, extractor = path.name.removesuffix(".txt").split(".")
        found.append((text, renderer, extractor, path))
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        text, renderer = path.stem.split(".")
        found.append((text, renderer, PDF, path))
    for folder in (*DEVELOPMENT_PDFS, TEST_PDFS):
        for path in sorted((corpus / folder).glob("*.pdf")):
            text, renderer = path.stem.split(".")
            found.append((text, f"{folder}-{renderer}" if folder == TEST_PDFS else renderer, PDF, path))
            if folder == TEST_PDFS:  # and as an editor would extract it, with pdftotext
                found.append((text, f"{folder}-{renderer}", TEST_EXTRACTOR, path))
    return found


TEST_EXTRACTOR = "pdftotext"
"""The extractor the test set's PDFs are also read with, when they are measured (`reading`): the
one of the three that keeps the most paragraphs of the development set."""


DEVELOPMENT_PDFS = ("latex", "html")
"""The development set's PDFs in layouts drawn from seeds, set by LaTeX (`scripts/latex_layouts.py`)
and by WeasyPrint and Chromium (`scripts/html_layouts.py`), beside the HTML template's (`pdf/`):
the page reader is built against them."""

TEST_PDFS = "heldout"
"""The test set (`make corpus-heldout`): web pages and LaTeX in layouts of other seeds, and a
renderer family the development set does not use (LibreOffice, from documents made with
python-docx). Measured only to report; a failure that leads to a change of the reader calls for
new seeds before the figures are reported."""


def text_file(corpus: Path, text: str) -> Path:
    """The file of a corpus text: one of the forty, or a held-out one."""
    found = corpus / "texts" / f"{text}.yml"
    return found if found.exists() else corpus / HELD_OUT_TEXTS / f"{text}.yml"


def in_test_set(key: str) -> bool:
    return key.split(".")[1].startswith(TEST_PDFS + "-")


def run(corpus: Path, test_set: bool = True) -> dict[str, dict]:
    """Every extraction of a corpus measured: {"<text>.<renderer>.<extractor>": measures}; the test set's PDFs
    too, unless `test_set` is false (the tests measure only the development set)."""
    texts = {
        p.stem: expected_of(yaml.safe_load(p.read_text(encoding="utf-8")))
        for folder in ("texts", HELD_OUT_TEXTS)
        for p in sorted((corpus / folder).glob("*.yml"))
    }
    results = {}
    for text, renderer, extractor, path in extractions(corpus):
        if not test_set and renderer.startswith(TEST_PDFS + "-"):
            continue
        extracted, printed = reading(extractor, path)
        expected = texts[text]
        layout = layout_of(path)
        if layout.get("notes") == "foot" or layout.get("headings") == "numbered":
            written = yaml.safe_load(text_file(corpus, text).read_text("utf-8"))
            expected = expected_of(
                written, layout.get("notes") == "foot", layout.get("headings") == "numbered"
            )
        results[f"{text}.{renderer}.{extractor}"] = measure(expected, extracted, text, printed)
    return results


def layout_of(path: Path) -> dict:
    """A PDF's layout, as recorded beside it by the script that set it (none for the rest)."""
    return layouts_in(path.parent).get(path.stem, {}) if path.suffix == ".pdf" else {}


@functools.lru_cache(maxsize=128)
def layouts_in(folder: Path) -> dict[str, dict]:
    """The layouts a folder's `layouts.json` records, read once."""
    recorded = folder / "layouts.json"
    return json.loads(recorded.read_text("utf-8")) if recorded.exists() else {}


def reading(extractor: str, path: Path) -> tuple[str, Printed]:
    """An extraction's text (of a test set's PDF, pdftotext's now); or a PDF's, as the build reads
    it, with what its page shows of its lines."""
    if extractor == PDF:
        return read_pdf(path.read_bytes(), path.name)
    if path.suffix == ".pdf":  # a test set's PDF, extracted as an editor would (poppler-utils)
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        return done.stdout.decode("utf-8"), Printed()
    return path.read_text(encoding="utf-8"), Printed()


SHARES = (
    "paragraphs",
    "in order",
    "intact of in order",
    "pull quotes",
    "sidebar items",
    "headings",
    "captions",
    "captions apart",
    "notes",
    "wrong blocks doubted",
    "doubts on wrong blocks",
)
COUNTS = ("words lost", "stray words", "furniture left", "warnings")
WRONG = (
    "wrong pull quotes",
    "wrong sidebar items",
    "wrong headings",
    "wrong notes",
    "not captions",
    "blocks",
)
"""Blocks wrongly taken for one of a kind (false positives), and all the blocks of the page: the
issue's limit is 1% of the blocks for each kind."""


def family(key: str) -> str:
    """The renderer family of a result's PDF or extraction: `weasyprint`, `chromium`, `latex`,
    `office`."""
    return key.split(".")[1].removeprefix(TEST_PDFS + "-").split("-s")[0]


def totals(
    results: dict[str, dict], extractor: str | None = None, test_set: bool = False, renderer: str = ""
) -> dict:
    """The measures summed over one extractor's results, or (with none named) over the texts of
    all three extractors; of the development set, or of the test set; of one renderer family, or
    all."""
    named = (extractor,) if extractor else EXTRACTORS
    chosen = [
        r
        for key, r in results.items()
        if key.rsplit(".", 1)[1] in named
        and in_test_set(key) == test_set
        and (not renderer or family(key) == renderer)
    ]
    out: dict = {}
    for name in SHARES:
        hits, of = sum(r[name][0] for r in chosen), sum(r[name][1] for r in chosen)
        out[name] = (hits, of)
    for name in (*COUNTS, *WRONG):
        out[name] = sum(r[name] for r in chosen)
    return out
