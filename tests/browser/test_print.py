"""Printing and carrying the site: an article printed from the browser (headless Chromium's print
to PDF, with the site's print styles) keeps its text from the first sentence to the last; the
zipped site (as `make bundle` makes it) works unzipped anywhere, search included. The PDFs of
`make pdf` are tested in `tests/test_books.py`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from browsing import Site
from chromium import CHROMIUM, FLAGS
from project import ROOT

from cancun_reader.pipeline import read_collection
from cancun_reader.sentences import split_sentences


def letters(text: str) -> str:
    """Letters and digits only: PDF text breaks lines and hyphenates where the page did."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


@pytest.fixture(scope="module")
def articles():
    return {a.slug: a for a in read_collection(ROOT / "sources", ROOT / "topics").articles}


@pytest.mark.parametrize(
    "slug", ["cancun-walkout-pww", "citizens-diplomacy-cancun-miami", "mexico-discovers-the-wto"]
)
def test_a_printed_article_has_its_first_and_last_sentences(
    built_site: Path, tmp_path: Path, articles, slug: str
) -> None:
    if not CHROMIUM.exists() or not shutil.which("pdftotext"):
        pytest.skip("needs Debian's chromium and poppler-utils: run `make test` as root")
    pdf = tmp_path / f"{slug}.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            (built_site / "articles" / f"{slug}.html").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    paragraphs = articles[slug].paragraphs
    first, last = split_sentences(paragraphs[0].text)[0], split_sentences(paragraphs[-1].text)[-1]
    printed = letters(text)
    assert letters(re.sub(r"\*", "", first)) in printed, first
    assert letters(re.sub(r"\*", "", last)) in printed, last
    assert "Skip to content" not in text and "Search" not in text.split("\n")[0]


def test_the_zipped_site_works_unzipped_anywhere(built_site: Path, tmp_path: Path, context) -> None:
    archive = tmp_path / "cancun-reader-site.zip"
    subprocess.run(
        [sys.executable, "-m", "zipfile", "-c", str(archive), built_site.name],
        cwd=built_site.parent,
        check=True,
    )
    elsewhere = tmp_path / "unzipped on a train"
    zipfile.ZipFile(archive).extractall(elsewhere)
    site = Site((elsewhere / built_site.name).as_uri() + "/", context)
    page = site.open("index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Seattle")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert "unzipped%20on%20a%20train" in page.url
    assert not page.watch.problems(), page.watch.problems()[0]
