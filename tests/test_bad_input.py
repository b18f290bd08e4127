"""Whatever an editor puts into sources/, the build either makes a faithful page (with a warning
where something had to be done) or stops with one line naming the file and line, exit status 1,
no traceback, and docs/ exactly as it was.

Decisions, also in the README: UTF-8 is expected; a byte-order mark and CRLF or CR line ends are
accepted; UTF-16 with its byte-order mark is decoded, with a warning; Latin-1 / Windows-1252 bytes are
refused (a guess would silently change words), naming the line and offset of the first bad byte;
control characters are removed with a warning; mojibake is repaired with ftfy and listed by
`--explain`; an empty text is refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from project import finished, make_site, run_build, tree_snapshot

WALKOUT = "sources/cancun-walkout-pww.txt"


@dataclass
class Case:
    change: Callable[[Path], None]
    error: str = ""  # the error line the build must stop with
    warning: str = ""  # or the warning that comes with the page
    page: str = ""  # and the page that must be there
    shows: str = ""  # with these words in it


def write(relative: str, content: bytes) -> Callable[[Path], None]:
    return lambda project: (project / relative).write_bytes(content)


def in_catalog(old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        catalog = project / "sources" / "catalog.yml"
        catalog.write_text(catalog.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    return change


def in_corrections(old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / "sources" / "citizens-diplomacy-cancun-miami.corrections.yml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    return change


def link_outside(project: Path) -> None:
    (project / "sources" / "passwords.txt").symlink_to("/etc/passwd")


def big_text(project: Path) -> None:
    paragraph = (project / WALKOUT).read_text(encoding="utf-8").split("\n\n")[1]
    (project / "sources" / "big.txt").write_text((paragraph + "\n\n") * (1_000_000 // len(paragraph)))


def outside_the_plane(project: Path) -> None:
    """A PDF whose text holds characters outside the Basic Multilingual Plane (mathematics, an
    emoji), which PDFium gives as two halves each, set by WeasyPrint in DejaVu Sans."""
    html = (
        "<html lang=en><body style='font-family: DejaVu Sans'><p>Let 𝑥 be a number, and 😀 a face."
        "</p><p>It ended.</p></body></html>"
    )
    import weasyprint

    (project / "sources" / "maths.pdf").write_bytes(weasyprint.HTML(string=html).write_pdf())


def lonely_topic(project: Path) -> None:
    (project / "topics" / "kyoto.md").write_text("---\ntitle: Kyoto\naliases: [Kyoto Protocol]\n---\nNone.\n")


WALKOUT_TEXT = (Path(__file__).resolve().parents[1] / WALKOUT).read_bytes()
CORPUS_PDF = Path(__file__).resolve().parent / "corpus" / "pdf" / "09-medicines.chromium.pdf"


def blank_pdf() -> bytes:
    """A whole PDF of one page with nothing on it: no text to read, as in a scan."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    size = len(objects) + 1
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, len(out))
    return out + b"xref\n0 %d\n0000000000 65535 f \n" % size + table + trailer


CASES = {
    "empty file": Case(write(WALKOUT, b""), error=f"{WALKOUT}: is empty: there is no text to publish"),
    "whitespace only": Case(write(WALKOUT, b" \n\t\n  \n"), error=f"{WALKOUT}: is empty"),
    "binary file": Case(
        write(WALKOUT, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        error=f"{WALKOUT}:3: contains a NUL byte at offset 8: this is not a text file",
    ),
    "Latin-1 bytes": Case(
        write(WALKOUT, "Fine.\n\nCancún in Latin-1.\n".encode("latin-1")),
        error=f"{WALKOUT}:3: is not UTF-8 (byte 0xfa at offset 11); save it as UTF-8 and build again",
    ),
    "Windows-1252 quotes": Case(
        write(WALKOUT, b"He said \x93no\x94.\n"),
        error=f"{WALKOUT}:1: is not UTF-8 (byte 0x93 at offset 8)",
    ),
    "UTF-16 with byte-order mark": Case(
        write(WALKOUT, WALKOUT_TEXT.decode("utf-8").encode("utf-16")),
        warning=f"warning: {WALKOUT}: is UTF-16; decoded it, but save it as UTF-8",
        page="articles/cancun-walkout-pww.md",
        shows="When India was asked to send troops",
    ),
    "UTF-8 with byte-order mark": Case(
        write(WALKOUT, b"\xef\xbb\xbf" + WALKOUT_TEXT),
        page="articles/cancun-walkout-pww.md",
        shows="\nWhen India was asked to send troops",
    ),
    "CRLF line ends": Case(
        write(WALKOUT, WALKOUT_TEXT.replace(b"\n", b"\r\n")),
        page="articles/cancun-walkout-pww.md",
        shows="it declined. The message was clear",
    ),
    "lone CR line ends": Case(
        write(WALKOUT, WALKOUT_TEXT.replace(b"\n", b"\r")),
        page="articles/cancun-walkout-pww.md",
        shows="it declined. The message was clear",
    ),
    "mojibake": Case(
        write("sources/mojibake.txt", "The â€œflexible agreementâ€\x9d of CancÃºn.\n".encode()),
        page="articles/mojibake.md",
        shows="The “[flexible agreement](../topics/ftaa.md)” of Cancún.",
    ),
    "a 1 MB text": Case(big_text, page="articles/big.md", shows="Before the mess in Iraq"),
    "a line of 200,000 characters": Case(
        write("sources/long-line.txt", b"word " * 40_000 + b"end.\n"),
        page="articles/long-line.md",
        shows="word word word",
    ),
    "control characters": Case(
        write("sources/controls.txt", b"A bell\x07 and an escape\x1b here.\n"),
        warning="warning: sources/controls.txt:1: had 2 control characters, removed",
        page="articles/controls.md",
        shows="A bell and an escape here.",
    ),
    "file name with spaces and accents": Case(
        write("sources/Declaración de Cancún.txt", b"The declaration.\n"),
        warning="note: sources/Declaración de Cancún.txt: has no entry in sources/catalog.yml",
        page="articles/declaracion-de-cancun.md",
        shows="# Declaración de Cancún",
    ),
    "a PDF": Case(
        write("sources/medicines.pdf", CORPUS_PDF.read_bytes()),
        warning="note: sources/medicines.pdf: has no entry in sources/catalog.yml; titled as its first page "
        "prints its title, or 'Medicines' from its file name where it prints none",
        page="received/medicines.md",
        shows="[Download the PDF](medicines.pdf) · [the text read from it](medicines.txt)",
    ),
    "a PDF titled as its first page prints it": Case(
        write("sources/medicines.pdf", CORPUS_PDF.read_bytes()),
        page="articles/medicines.md",
        shows="# Medicines before the ministerial\n\n*Title taken as its first page prints it: this "
        "text has no entry in the catalog yet.*",
    ),
    "a PDF with characters outside the Basic Multilingual Plane": Case(
        outside_the_plane, page="articles/maths.md", shows="Let 𝑥 be a number, and 😀 a face."
    ),
    "a PDF that is not whole": Case(
        write("sources/broken.pdf", CORPUS_PDF.read_bytes()[:2000]),
        error="sources/broken.pdf: cannot be read as a PDF (data format error); save the PDF again",
    ),
    "a PDF with no text": Case(
        write("sources/scan.pdf", blank_pdf()),
        error="sources/scan.pdf: holds no text to read (a scanned page is a picture of its "
        "letters); save its text, read by OCR, as scan.txt",
    ),
    "link to a file outside sources": Case(
        link_outside, error="sources/passwords.txt: is a link to a file outside the sources folder"
    ),
    "catalog not YAML": Case(
        in_catalog("slug: cancun-walkout-pww", 'slug: "cancun-walkout-pww'),
        error="sources/catalog.yml:10: is not valid YAML",
    ),
    "unknown catalog key": Case(
        in_catalog("  author: Shelly Delos", "  autor: Shelly Delos"),
        error="sources/catalog.yml:12: unknown key 'autor' (did you mean 'author'?)",
    ),
    "wrong type in the catalog": Case(
        in_catalog(
            "  title_is_editorial: true",
            "  title_is_editorial: [yes]",
        ),
        error="sources/catalog.yml:11: 'title_is_editorial' must be a single value, not a list or mapping",
    ),
    "duplicate slug": Case(
        in_catalog("slug: mexico-discovers-the-wto", "slug: cancun-walkout-pww"),
        error="sources/catalog.yml:41: slug 'cancun-walkout-pww' is used twice (first on line 8)",
    ),
    "entry without file": Case(
        in_catalog("- file: mexico-discovers-the-wto.txt\n", "- \n"),
        error="sources/catalog.yml:42: entry has no 'file'",
    ),
    "entry for a missing file": Case(
        in_catalog("file: cancun-walkout-pww.txt", "file: gone.txt"),
        error="sources/catalog.yml:8: entry for 'gone.txt': no such file in sources",
    ),
    "file without entry": Case(
        write("sources/notes.txt", b"A note on Miami.\n"),
        warning="note: sources/notes.txt: has no entry in sources/catalog.yml; titled 'Notes'",
        page="articles/notes.md",
        shows="A note on Miami.",
    ),
    "corrections directive not found": Case(
        in_corrections('after: "The emergence of the G21 was a sur-"', 'after: "was a wonder"'),
        error="sources/citizens-diplomacy-cancun-miami.corrections.yml:8: directive move: ",
    ),
    "corrections directive found twice": Case(
        in_corrections(
            '- delete: "prise. "\n  followed_by: "Central America (Costa Rica and Guatemala)"',
            '- delete: "prise. "',
        ),
        error='sources/citizens-diplomacy-cancun-miami.corrections.yml:20: directive delete: "prise. ": '
        'the text "prise. " is found 2 times',
    ),
    "topic with no mention anywhere": Case(
        lonely_topic,
        warning="warning: topics/kyoto.md: no source text mentions this topic",
        page="topics/kyoto.md",
        shows="No source text mentions this topic yet.",
    ),
}


LARGE = {"a 1 MB text"}
"""Cases that take long (a 1 MB text, forty times the longest here, is read, repaired and rendered):
left out of `make check`."""


@pytest.mark.parametrize(
    "label", [pytest.param(label, marks=[pytest.mark.large] if label in LARGE else []) for label in CASES]
)
def test_bad_input(project: Path, label: str) -> None:
    case = CASES[label]
    assert run_build(project).returncode == 0
    case.change(project)
    before = tree_snapshot(project / "docs")
    result = run_build(project)
    assert "Traceback" not in result.stderr
    if case.error:
        assert result.returncode == 1
        assert result.stderr.startswith("error: " + case.error), result.stderr
        assert result.stderr.count("\n") == 1, "one line"
        assert tree_snapshot(project / "docs") == before, "docs/ changed"
        return
    assert result.returncode == 0, result.stderr
    if case.warning:
        assert case.warning in result.stdout, result.stdout
    page = (project / "docs" / case.page).read_text(encoding="utf-8")
    assert case.shows in page


def test_a_hand_written_page_is_never_overwritten(project: Path) -> None:
    assert run_build(project).returncode == 0
    manifest = project / "docs" / ".generated.json"
    listed = json.loads(manifest.read_text())["generated"]
    manifest.write_text(json.dumps({"generated": [n for n in listed if n != "glossary.md"]}))
    mine = project / "docs" / "glossary.md"
    mine.write_text("# My own glossary\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr == (
        "error: docs/glossary.md: is a hand-written page with the name of a generated one; "
        "rename it or change the slug in the catalog or topics\n"
    )
    assert mine.read_text(encoding="utf-8") == "# My own glossary\n"


def test_two_builds_of_the_same_inputs_are_byte_identical(project: Path, tmp_path: Path) -> None:
    from project import copy_project

    other = copy_project(tmp_path / "other")
    assert run_build(project).returncode == 0 and run_build(other).returncode == 0
    pages, others = tree_snapshot(project / "docs"), tree_snapshot(other / "docs")
    manifest = json.loads(pages.pop(".generated.json"))  # it records the files' times, too
    assert manifest["generated"] == json.loads(others.pop(".generated.json"))["generated"]
    assert pages == others


@pytest.mark.large  # a build killed at each of many moments: a long run
def test_a_build_killed_at_any_moment_leaves_each_page_old_or_new(project: Path, tmp_path: Path) -> None:
    """SIGKILL at moments spread over a build that rewrites every page: each generated page is then
    either as it was or as it should be, never cut short; the next build finishes the job."""
    from project import copy_project

    assert run_build(project).returncode == 0
    old = tree_snapshot(project / "docs")
    change = in_catalog("People's Weekly World", "People’s Weekly World")
    retitle = in_catalog("Citizens' diplomacy from Cancún to Miami", "Citizens' diplomacy, Cancún to Miami")
    reference = copy_project(tmp_path / "reference")
    for edit in (change, retitle):
        edit(reference)
    assert run_build(reference).returncode == 0
    new = tree_snapshot(reference / "docs")
    for edit in (change, retitle):
        edit(project)
    for attempt in range(12):
        process = subprocess.Popen(  # what a killed build leaves in the temporary folder stays here
            [sys.executable, "scripts/build.py"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "TMPDIR": str(tmp_path)},
        )
        try:
            process.wait(timeout=0.25 + attempt * 0.05)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, 9)
            process.wait()
        now = tree_snapshot(project / "docs")
        for name, content in now.items():
            if name.endswith(".tmp") or name == ".generated.json":
                continue  # left by the kill (hidden from MkDocs, removed by the next build); bookkeeping
            assert content in (old.get(name), new.get(name)), f"{name} is neither old nor new"
    assert run_build(project).returncode == 0
    finished = tree_snapshot(project / "docs")
    assert finished.pop(".generated.json") and new.pop(".generated.json")  # the manifest has file times
    assert finished == new


def test_a_strict_site_build_that_fails_leaves_the_site_as_it_was(project: Path) -> None:
    """`make site` builds aside and swaps the new site in whole: an edit that breaks the site's
    integrity (a topic quoting words its article no longer has) fails the build and leaves `site/`
    byte for byte as the last good build left it."""
    good = finished(make_site(project))
    assert good.returncode == 0, good.stderr[-2000:]
    before = tree_snapshot(project / "site")
    text = project / "sources" / "citizens-diplomacy-cancun-miami.txt"
    text.write_text(
        text.read_text(encoding="utf-8").replace("led by Brazil, China and India", "led by Brazil")
    )
    failed = finished(make_site(project))
    assert failed.returncode != 0 and "topics/g21.md" in failed.stderr, failed.stderr[-2000:]
    assert tree_snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []  # nothing left aside


def test_a_doubt_never_stops_make_site(project: Path) -> None:
    """A paragraph cut mid-sentence with nothing found to continue it is a doubt: `make site` says
    so, naming the correction that settles it, and builds the text's page all the same."""
    (project / "sources" / "cut.txt").write_text("The ministers went on talking and\n", encoding="utf-8")
    built = finished(make_site(project))
    assert built.returncode == 0, built.stderr[-2000:]
    assert "doubt: sources/cut.txt:1: paragraph ends mid-sentence" in built.stderr
    assert 'add to sources/cut.corrections.yml: - {confirm: "talking and"}' in built.stderr
    assert "went on talking and" in (project / "site" / "articles" / "cut.html").read_text(encoding="utf-8")
