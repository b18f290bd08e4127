"""The PDF reader on real PDFs that other people made, measured by what needs no expected text:
whether the build ends in a traceback (never), says one clear line (a PDF with no text, one locked
with a password) or builds a page; the words of pdftotext's reading that reach the page (or are
recorded as page furniture removed); the
paragraphs that end mid-sentence; the time to read a page.

    make real-pdfs                                   # fetch, measure, print the table
    .venv/bin/python scripts/real_pdfs.py --page     # and write it onto the Performance page

The PDFs are not kept in the repository: they come from the source distributions of two PDF
libraries on PyPI (pinned below, with their licences; their test files, of every producer: Acrobat,
LibreOffice, pdfTeX, ReportLab, Inkscape, ImageMagick, AutoCAD, scanned pages with OCR, forms,
encrypted files) and the documentation Debian installs here (`/usr/share/doc/**/*.pdf`), each
under its package's licence, fetched into `.cache/real-pdfs/` and read where they lie.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

from cancun_reader.build.texts import make_article
from cancun_reader.core.errors import InputError
from cancun_reader.core.kinds import Marking
from cancun_reader.core.model import Entry, Paragraph
from cancun_reader.core.prose.sentences import ends_sentence
from cancun_reader.devtools.quality.measures import page_texts, words
from cancun_reader.sources.read import source_of

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / ".cache" / "real-pdfs"
SDISTS = {
    "pypdf==7.1.1": "BSD-3-Clause (its test resources: files from pypdf's issues and samples)",
    "pikepdf==10.18.0": "MPL-2.0 (its test resources)",
}
DEBIAN_DOCS = Path("/usr/share/doc")
PAGE = ROOT / "docs" / "performance.md"
START, END = "<!-- real-pdfs:start -->", "<!-- real-pdfs:end -->"


def fetched() -> list[Path]:
    """Every PDF to measure: the source distributions' (downloaded once) and Debian's documentation."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for requirement in SDISTS:
        name = re.split(r"[=<>]", requirement)[0].replace(".", "_").replace("-", "_")
        if not any(FOLDER.glob(f"{name}*")):
            command = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                requirement,
            ]
            subprocess.run([*command, "-d", str(FOLDER)], check=True, capture_output=True)
        for archive in FOLDER.glob(f"{name}*.tar.gz"):
            unpacked = FOLDER / archive.name.removesuffix(".tar.gz")
            if not unpacked.exists():
                with tarfile.open(archive) as tar:
                    tar.extractall(FOLDER, filter="data")
    return sorted(FOLDER.rglob("*.pdf")) + sorted(DEBIAN_DOCS.rglob("*.pdf"))


def pdftotext_words(path: Path) -> Counter[str]:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True)
    return Counter(words(result.stdout))


def measure(path: Path) -> dict:
    """One PDF through the build as a PDF dropped into `sources/` goes: what became of it."""
    entry = Entry(file=path.name, slug="real", title="Real", catalogued=False)
    started = time.perf_counter()
    try:
        source, _ = source_of(path.read_bytes(), path.name, entry)
        article, _ = make_article(source, [])
    except InputError as error:
        return {"name": path.name, "outcome": "said", "said": error.message}
    except Exception as error:  # what the build must never do: reported, not raised
        return {"name": path.name, "outcome": "traceback", "said": f"{type(error).__name__}: {error}"}
    pages = max(len(source.printed.pages), 1)
    paragraphs = [b.text for b in article.blocks if isinstance(b, Paragraph) and not b.front]
    wanted = pdftotext_words(path)
    shown = Counter(w for text in page_texts(article.blocks) for w in words(text))
    shown += Counter(
        w for r in article.repairs if r.kind.mark is Marking.STRUCK_WHERE_IT_STOOD for w in words(r.before)
    )
    return {
        "name": path.name,
        "outcome": "page",
        "pages": pages,
        "ms a page": 1000 * (time.perf_counter() - started) / pages,
        "words kept": ((wanted & shown).total(), wanted.total()),
        "cut": (sum(not ends_sentence(p) for p in paragraphs), len(paragraphs)),
    }


def share(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]} ({pair[0] / pair[1]:.0%})" if pair[1] else "–"


def report(results: list[dict]) -> str:
    pages = [r for r in results if r["outcome"] == "page"]
    said = [r for r in results if r["outcome"] == "said"]
    tracebacks = [r for r in results if r["outcome"] == "traceback"]
    kept = tuple(sum(r["words kept"][i] for r in pages) for i in (0, 1))
    cut = tuple(sum(r["cut"][i] for r in pages) for i in (0, 1))
    times = [r["ms a page"] for r in pages]
    slowest = max(pages, key=lambda r: r["ms a page"], default=None)
    rows = [
        "| measure | real PDFs | target |",
        "| --- | --- | --- |",
        f"| PDFs read | {len(results)} | |",
        f"| a page built | {len(pages)} | |",
        f"| one clear line instead (no text, a password) | {len(said)} | |",
        f"| a traceback | {len(tracebacks)} | 0 |",
        f"| words of pdftotext's reading on the page, or recorded as furniture removed | {share(kept)} | |",
        f"| paragraphs ending mid-sentence | {share(cut)} | |",
        f"| reading a page, median | {statistics.median(times):.0f} ms | ≤ 50 ms |" if times else "",
        f"| reading a page, slowest ({slowest['name']}) | {slowest['ms a page']:.0f} ms | ≤ 200 ms |"
        if slowest
        else "",
    ]
    return "\n".join(row for row in rows if row)


def main() -> int:
    results = [measure(path) for path in fetched()]
    table = report(results)
    print(table)
    for result in results:
        if result["outcome"] == "traceback":
            print(f"traceback: {result['name']}: {result['said']}")
    if "--page" in sys.argv:
        text = PAGE.read_text(encoding="utf-8")
        text = re.sub(f"{START}.*?{END}", f"{START}\n{table}\n{END}", text, flags=re.S)
        PAGE.write_text(text, encoding="utf-8")
    return 1 if any(r["outcome"] == "traceback" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
