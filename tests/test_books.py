"""The collection taken away: the EPUBs are valid (EPUBCheck), the PDFs have a cover, contents
whose page numbers are right, running titles, page numbers, bookmarks and tags, on A4 or Letter;
every paragraph of every article reaches both; each topic and the timeline is a PDF handout; only
known metadata goes in; nothing is left in the temporary folder, and bad input is one line and exit
status 1."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from project import COMMAND, ROOT, made_once
from pypdf import PdfReader

from cancun_reader.book.chapters import read_chapters
from cancun_reader.book.downloads import COLLECTION, handout_name
from cancun_reader.book.editions import article_info, collection_info, make_books
from cancun_reader.book.pdf import write_pdf
from cancun_reader.build.pipeline import read_collection

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
QUICK_JAVA = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
"""A short run of Java: compiled once, lightly (EPUBCheck checks a book in a few seconds, half the
processor time of Java's defaults, which tune for long-running servers)."""
SLUGS = ["cancun-walkout-pww", "citizens-diplomacy-cancun-miami", "mexico-discovers-the-wto"]
PARTS = ["Articles", "Topics", "Timeline", "Glossary"]
HANDOUTS = [handout_name(p.name) for p in sorted((ROOT / "topics").glob("*.md"))] + ["handout-timeline"]

pytestmark = pytest.mark.books


def letters(text: str) -> str:
    """Letters and digits only: a book breaks lines and hyphenates where its page does."""
    text = unicodedata.normalize("NFKC", text).replace("\u2010", "")
    return "".join(c for c in text.lower() if c.isalnum())


@pytest.fixture(scope="module")
def articles():
    return read_collection(ROOT / "sources", ROOT / "topics").articles


@pytest.fixture(scope="module")
def books(built_site: Path, tmp_path_factory) -> Path:
    """Every book, EPUB and PDF (A4), made from the built site, as `make epub pdf` makes them; once
    per test run."""

    def make(folder: Path) -> None:
        out, temporary = folder / "dist", folder / "temporary"
        temporary.mkdir()  # the books' own: other tests make books beside them
        kept, tempfile.tempdir = tempfile.tempdir, str(temporary)
        try:
            make_books(built_site, out, "epub")
            make_books(built_site, out, "pdf")
        finally:
            tempfile.tempdir = kept
        assert list(temporary.iterdir()) == [], "a temporary folder was left behind"

    return made_once(tmp_path_factory, "books", make) / "dist"


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")[:-1]


def body_text(pages: list[str]) -> str:
    """An article's printed text without its page furniture: the running title at the top of every
    page but the first, the page number at the foot of each."""
    kept = []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        kept += lines[1 if number > 1 else 0 : -1]
    return "\n".join(kept)


def needs(tool: str) -> None:
    if not shutil.which(tool) and not Path(tool).exists():
        pytest.skip(f"needs {tool}: run `make test` as root (it installs Debian's packages)")


def test_make_books_writes_the_collection_and_each_article_in_both_formats(books: Path) -> None:
    names = sorted(p.name for p in books.iterdir())
    made = [f"{n}.{kind}" for n in [COLLECTION, *SLUGS] for kind in ("epub", "pdf")]
    assert names == sorted(made + [f"{n}.pdf" for n in HANDOUTS])


def test_a_topic_and_the_timeline_print_alone_as_handouts(books: Path, built_site: Path) -> None:
    """A teacher prints one topic, or the timeline: its own title, every fact and passage of its
    page, no other page, and every page numbered."""
    needs("pdftotext")
    pages = pdf_pages(books / "handout-g21.pdf")
    text = letters(" ".join(pages))
    for fact in ("It grew out of the G15", "It was led by Brazil, China and India", "Related topics"):
        assert letters(fact) in text, fact
    assert letters("What the sources say") in text and "Glossary" not in " ".join(pages)
    for cited in (
        "Works cited",
        "Delos, Shelly",
        "People’s Weekly World",
        "This page is part of Cancún 2003 Reader",
    ):
        assert letters(cited) in text, (
            f"the handout does not say {cited!r}: a student cannot tell who Delos is"
        )
    html = (built_site / "topics" / "g21.html").read_text(encoding="utf-8")
    headings = {re.sub(r"<[^>]+>|¶", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)}
    for page in pages[:-1]:
        lines = [line.strip() for line in page.splitlines() if line.strip() and not line.strip().isdigit()]
        assert lines[-1] not in headings, f"{lines[-1]!r} is left alone at the foot of a page"
    assert 1 < len(pages) <= 4, len(pages)
    info = subprocess.run(["pdfinfo", str(books / "handout-g21.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"Title:\s+G21: Cancún 2003 Reader", info) and re.search(r"Tagged:\s+yes", info)
    timeline = letters(" ".join(pdf_pages(books / "handout-timeline.pdf")))
    page = (built_site / "timeline.html").read_text(encoding="utf-8")
    dates = re.findall(r'id="event-[\d-]+"><strong>(.*?)</strong>', page)
    assert len(dates) >= 10
    for date in dates:  # every event, by its date as the page gives it
        assert letters(re.sub(r"<[^>]+>", "", date)) in timeline, date
    assert letters("Dates supplied by the editors") in timeline


def test_no_book_shows_a_reader_a_command(books: Path) -> None:
    """What the site's reader pages never show, no book shows either: every EPUB's and PDF's text."""
    needs("pdftotext")
    for book in sorted(books.iterdir()):
        if book.suffix == ".epub":
            text = " ".join(re.sub(r"<[^>]+>", " ", page) for page in epub_text(book).values())
        else:
            text = " ".join(pdf_pages(book))
        found = COMMAND.search(text)
        assert not found, f"{book.name} shows a command: {found[0] if found else ''}"
        assert "example.org" not in text and "example.com" not in text, f"{book.name}: a placeholder address"


@pytest.mark.parametrize("name", [COLLECTION, *SLUGS])
def test_every_epub_passes_epubcheck_with_no_error(books: Path, name: str) -> None:
    needs(str(EPUBCHECK))
    result = subprocess.run(
        [*QUICK_JAVA, "-jar", str(EPUBCHECK), str(books / f"{name}.epub")], capture_output=True, text=True
    )
    assert "0 fatals / 0 errors" in result.stdout, result.stdout + result.stderr


def epub_text(epub: Path) -> dict[str, str]:
    with zipfile.ZipFile(epub) as book:
        return {n: book.read(n).decode() for n in book.namelist() if n.endswith((".xhtml", ".opf", ".svg"))}


def test_the_collection_epub_holds_every_paragraph_its_boxes_and_its_charts(books: Path, articles) -> None:
    files = epub_text(books / f"{COLLECTION}.epub")
    chapters = "".join(text for name, text in sorted(files.items()) if name.endswith(".xhtml"))
    read = letters(re.sub(r"<[^>]+>", "", chapters))
    for article in articles:
        for paragraph in article.paragraphs:
            assert letters(re.sub(r"\*", "", paragraph.text)) in read, paragraph.text[:60]
    assert chapters.count('class="sidebar"') == 3 and chapters.count('class="pull-quote"') == 4
    images = re.findall(r'<img src="[^"]+\.svg"[^>]* alt="([^"]*)"', chapters)
    assert len(images) == 3 and all(len(alt) > 40 for alt in images)  # chart, map, timeline, each described
    assert sum(name.endswith(".svg") for name in files) == 3
    assert 'class="paragraph-link paragraph-number">¶9<' in chapters  # citations can be followed


def test_an_epub_says_only_what_is_known(books: Path) -> None:
    opf = next(t for n, t in epub_text(books / "cancun-walkout-pww.epub").items() if n.endswith(".opf"))
    assert "<dc:creator" in opf and "Shelly Delos" in opf
    assert "[After Cancún: the developing countries hold their ground]" in opf  # an editorial title
    unknown = next(
        t for n, t in epub_text(books / "mexico-discovers-the-wto.epub").items() if n.endswith(".opf")
    )
    assert "<dc:creator" not in unknown and "unknown" not in unknown.lower()


@pytest.fixture(scope="module")
def collection_pdf(books: Path) -> Path:
    needs("pdftotext")
    return books / f"{COLLECTION}.pdf"


def test_the_collection_pdf_is_tagged_a4_with_a_cover_and_contents(collection_pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(collection_pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    assert "595.276 x 841.89 pts (A4)" in info
    pages = pdf_pages(collection_pdf)
    assert "Cancún 2003 Reader" in pages[0] and "Contents" in pages[1]


def test_the_contents_give_the_page_each_chapter_starts_on(collection_pdf: Path) -> None:
    pages = pdf_pages(collection_pdf)
    entries = re.findall(r"^\s*(\S.*?)\s?(?:\. )+\.?\s*(\d+)\s*$", pages[1], re.MULTILINE)
    assert len(entries) >= 3 + 8 + 2  # the articles, the topics, the timeline and the glossary
    for title, page in entries:
        if title in PARTS:
            continue
        assert " ".join(title.split()[:3]) in " ".join(pages[int(page) - 1].split()), (title, page)


def test_every_page_but_the_cover_has_its_number_and_a_running_title(collection_pdf: Path) -> None:
    pages = pdf_pages(collection_pdf)
    for number, text in enumerate(pages[1:], start=2):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1] == str(number), f"page {number} ends with {lines[-1]!r}"
    third = [line.strip() for line in pages[3].splitlines() if line.strip()]
    assert third[0] == "After Cancún: the developing countries hold their ground"


def test_the_pdf_bookmarks_hold_the_parts_and_the_chapters(collection_pdf: Path) -> None:
    outline = PdfReader(collection_pdf).outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top[:2] == ["Contents", "Articles"] and "Topics" in top and "Glossary" in top
    articles = outline[
        next(i for i, item in enumerate(outline) if getattr(item, "title", "") == "Articles") + 1
    ]
    assert [item.title for item in articles if not isinstance(item, list)] == [
        "After Cancún: the developing countries hold their ground",
        "Citizens' diplomacy from Cancún to Miami",
        "How Cancún brought the WTO home to Mexico",
    ]


@pytest.mark.parametrize("slug", SLUGS)
def test_an_article_pdf_keeps_every_paragraph_and_has_no_near_blank_page(books: Path, articles, slug) -> None:
    needs("pdftotext")
    pages = pdf_pages(books / f"{slug}.pdf")
    printed = letters(body_text(pages))
    article = next(a for a in articles if a.source.path.endswith(f"{slug}.txt"))
    for paragraph in article.paragraphs:
        assert letters(re.sub(r"\*", "", paragraph.text)) in printed, paragraph.text[:60]
    words = [len(page.split()) for page in pages]
    assert all(count >= 150 for count in words[:-1]) and words[-1] >= 20, words
    info = subprocess.run(["pdfinfo", str(books / f"{slug}.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"Tagged:\s+yes", info)


def test_letter_paper_on_request(built_site: Path, tmp_path: Path) -> None:
    """An article's PDF on Letter paper (`make pdf PAPER=Letter` makes every book so)."""
    needs("pdfinfo")
    (chapter,) = read_chapters(built_site, ["articles/cancun-walkout-pww.html"])
    collection = collection_info(built_site)
    pdf = write_pdf([chapter], article_info(chapter, collection), tmp_path / "letter.pdf", "Letter")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    assert "612 x 792 pts (letter)" in info.stdout


def test_a_missing_site_is_one_line_and_exit_status_1(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "book.py"),
            "epub",
            "--site",
            str(tmp_path / "nowhere"),
            "--out",
            str(tmp_path / "dist"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'nowhere' / 'index.html'}: no such page in the built site: run 'make site' first"
    ]
    assert not (tmp_path / "dist").exists()
