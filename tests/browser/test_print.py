"""Printing and carrying the site: an article printed from the browser (headless Chromium's print
to PDF, with the site's print styles) keeps its text from the first sentence to the last; an
article, a topic and the timeline print with no page left half empty and no download link, in text
dark enough to read on paper in either palette; the zipped site (as `make bundle` makes it) works
unzipped anywhere, search included. The PDFs of `make pdf` are tested in `tests/test_books.py`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pypdfium2
import pytest
from browsing import Site, search
from project import ROOT

from cancun_reader.build.pipeline import read_collection
from cancun_reader.core.prose.sentences import split_sentences
from cancun_reader.devtools.chromium import CHROMIUM, FLAGS


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


def filled(pdf: Path) -> list[float]:
    """How far down each page of a PDF its text reaches, as a share of the page's height."""
    shares = []
    for page in pypdfium2.PdfDocument(pdf):
        text, height = page.get_textpage(), page.get_height()
        lowest = min(
            (text.get_charbox(i)[1] for i in range(text.count_chars()) if text.get_text_range(i, 1).strip()),
            default=height,
        )
        shares.append((height - lowest) / height)
    return shares


PRINTED = ["articles/citizens-diplomacy-cancun-miami.html", "topics/g21.html", "timeline.html"]


@pytest.mark.parametrize("path", PRINTED)
def test_a_printed_page_leaves_no_page_half_empty_and_no_download_link(
    http_site, tmp_path: Path, path
) -> None:
    """A box, a table or a long quotation that will not fit breaks across pages rather than leave
    the page before it half empty (G21's members' table stays with its heading), and no heading is
    left alone at a page's foot; files to download are for the screen; a topic's page and the
    timeline end with the works they cite, in full, and where they come from."""
    page = http_site.open(path)
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    shares = filled(pdf)
    assert len(shares) >= 2 and all(share >= 0.7 for share in shares[:-1]), [round(s, 2) for s in shares]
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "BibTeX" not in text and "CSL-JSON" not in text
    assert "127.0.0.1" not in text, "a link inside the site is printed with no address"
    headings = {h.strip() for h in page.locator("article h2, article h3").all_inner_texts()}
    for printed in text.split("\f")[:-2]:  # the last page ends the text
        lines = [line.strip() for line in printed.splitlines() if line.strip()]
        assert lines and lines[-1] not in headings, f"{lines[-1]!r} is left alone at a page's foot"
    if path != PRINTED[0]:  # a topic's page, the timeline: who "Delos" is, and where the page is from
        assert "Works cited" in text and "Delos, Shelly" in text and "People’s Weekly World" in text
        assert "This page is part of Cancún 2003 Reader" in text
    assert not page.watch.problems(), page.watch.problems()[0]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_printed_text_is_dark_enough_to_read_on_paper(context, http_site, palette: str) -> None:
    """axe-core's contrast check under the print media, in both palettes: grey quotations, captions
    and notes are at WCAG AA contrast or better on white paper."""
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    page = http_site.open("index.html")
    if palette == "dark":
        page.locator('label[title="Switch to dark mode"]').click()
    page.emulate_media(media="print")
    found = []
    for path in PRINTED:
        page.goto(http_site.base + path)
        page.add_script_tag(content=axe)
        found += page.evaluate(
            """async () => (await axe.run(document, {runOnly: ['color-contrast']})).violations
                .flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary))"""
        )
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    assert not found, "\n".join(found[:5])


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
    search(page, "Seattle").first.click()
    page.wait_for_load_state()
    assert "unzipped%20on%20a%20train" in page.url
    assert not page.watch.problems(), page.watch.problems()[0]
