"""Publishing: `make publish` (through `make bundle`) on a copy of the project gives a site with its
books, listed on its "Books and handouts" page and kept by its service worker, and a zip holding the
site, the EPUBs, the PDFs and the citation files; the GitHub Pages workflow is valid YAML and
runs only Make targets that exist; a large site is not downloaded whole at the first visit."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from project import ROOT, copy_project, made_once

from cancun_reader.devtools.chromium import CHROMIUM, FLAGS
from cancun_reader.offline.worker import files_to_keep

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"

pytestmark = pytest.mark.books


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):(?!=)", (ROOT / "Makefile").read_text(), re.MULTILINE))


@pytest.mark.parametrize("target", ["publish", "gh-deploy", "bundle"])
def test_publishing_without_an_address_is_refused_with_one_line_saying_how_to_set_it(target: str) -> None:
    """A published copy gives its address in every citation and book: with none, `make publish`
    (and what runs it) stops before doing anything, and says how to give it one."""
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode != 0 and done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert f"SITE_URL=https://your.host/path/ make {target}" in line, line


def test_the_pages_workflow_is_valid_yaml_and_runs_only_make_targets_that_exist() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    called = [target for run in runs for target in re.findall(r"\bmake ((?:[a-z][\w-]* ?)+)", run)]
    targets = {t for group in called for t in group.split()}
    assert {"test", "bundle"} <= targets, "the workflow tests as CI does, then publishes"
    assert targets <= make_targets(), targets - make_targets()
    assert all(re.fullmatch(r"make [a-z][\w -]*", run.strip()) for run in runs), runs
    uploaded = [
        s for job in workflow["jobs"].values() for s in job["steps"] if "upload-pages" in s.get("uses", "")
    ]
    assert uploaded[0]["with"]["path"] == "site"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A copy of the project after `make bundle` (which runs `make publish`), with the project's
    own virtual environment and npm packages; made once per test run."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs Debian's poppler-utils: run `make test` as root")

    def publish(folder: Path) -> None:
        project = copy_project(folder / "project")
        shutil.copy2(ROOT / "Makefile", project / "Makefile")
        result = subprocess.run(
            ["make", "bundle", f"BIN={ROOT / '.venv' / 'bin'}", "PY_STAMP=", "NODE_STAMP="],
            cwd=project,
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "SITE_URL": "https://reader.example.net/cancun/"},
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]

    return made_once(tmp_path_factory, "published", publish) / "project"


def test_make_publish_puts_the_books_in_the_site_and_lists_them(published: Path) -> None:
    site = published / "site"
    books = sorted(p.name for p in (site / "downloads").iterdir())
    handouts = [b for b in books if b.startswith("handout-")]  # each topic and the timeline
    assert len(books) == 8 + len(handouts) and {Path(b).suffix for b in books} == {".epub", ".pdf"}
    assert "handout-g21.pdf" in handouts and "handout-timeline.pdf" in handouts
    page = (site / "downloads.html").read_text(encoding="utf-8")
    for book in books:
        assert f'href="downloads/{book}"' in page
    assert re.search(r">Handouts<.*<td>(<abbr[^>]*>)?G21(</abbr>)?</td>", page, re.S)
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert all(f'"downloads/{book}"' in worker for book in books)


def test_the_published_address_is_the_one_setting_everywhere(published: Path) -> None:
    site = published / "site"
    article = (site / "articles" / "cancun-walkout-pww.html").read_text(encoding="utf-8")
    assert 'href="https://reader.example.net/cancun/articles/cancun-walkout-pww.html"' in article
    ris = (site / "cite" / "cancun-walkout-pww.ris").read_text(encoding="utf-8")
    assert "https://reader.example.net/cancun/articles/cancun-walkout-pww.html" in ris
    with zipfile.ZipFile(site / "downloads" / "cancun-walkout-pww.epub") as epub:
        opf = next(epub.read(n).decode() for n in epub.namelist() if n.endswith(".opf"))
    assert "https://reader.example.net/cancun/articles/cancun-walkout-pww.html" in opf
    assert "example.org" not in article + ris + opf


def test_a_printed_article_gives_each_address_once(published: Path, tmp_path: Path) -> None:
    """Printed from the browser, a link gives its address after its words; a citation whose words
    are the address already does not give it twice."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium: run `make test` as root")
    page = published / "site" / "articles" / "cancun-walkout-pww.html"
    pdf = tmp_path / "printed.pdf"
    subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    printed = re.sub(
        r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    )
    address = "https://reader.example.net/cancun/articles/cancun-walkout-pww.html"
    assert printed.count(address) == 3, printed.count(address)  # once in each style's citation


def test_the_bundle_holds_the_site_its_books_and_its_citation_files(published: Path) -> None:
    names = zipfile.ZipFile(published / "dist" / "cancun-reader-site.zip").namelist()
    assert "site/index.html" in names and "site/sw.js" in names
    assert (
        "site/downloads/cancun-2003-reader.epub" in names and "site/downloads/cancun-2003-reader.pdf" in names
    )
    assert {"site/cite/collection.ris", "site/cite/collection.bib", "site/cite/collection.json"} <= set(names)


def test_a_small_site_is_kept_whole_and_a_large_one_its_frame_then_what_is_read(tmp_path: Path) -> None:
    for name in (
        "index.html",
        "timeline.html",
        "articles/index.html",
        "articles/by-year.html",
        "articles/a.html",
        "received/a.html",
        "cite/a.ris",
        "assets/x.js",
        "search/search_index.json",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x" * 100)
    everything = files_to_keep(tmp_path)
    assert len(everything) == 10 and "articles/a.html" in everything
    frame = files_to_keep(tmp_path, whole_up_to=500)
    assert frame == [
        "./",
        "articles/by-year.html",
        "articles/index.html",
        "assets/x.js",
        "index.html",
        "search/search_index.json",
        "timeline.html",
    ]
