"""The printed page beside the text: each page of a PDF as a picture (`pdf/images.py`), its body
type legible at 100%, small enough to load page by page; and where each block stands on its pages
(`text/regions.py`), a region for each part of a block continued in another column or page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from iiif_prezi3 import Manifest
from PIL import Image
from project import ROOT

from cancun_reader.build.texts import make_article
from cancun_reader.core.model import Article, Entry, Notice, Paragraph, Source
from cancun_reader.offline.worker import files_to_keep
from cancun_reader.pdf.columns import body_style
from cancun_reader.pdf.glyphs import read_pages
from cancun_reader.pdf.images import LEGIBLE_PX, PageImage, page_images
from cancun_reader.site.iiif import render_manifest
from cancun_reader.site.pages import render_article
from cancun_reader.site.proofreading_page import render_proofreading
from cancun_reader.sources.read import source_of
from cancun_reader.text.regions import block_regions

PDFS = (
    sorted((ROOT / "tests" / "corpus" / "latex").glob("*.pdf"))[:2]
    + sorted((ROOT / "tests" / "corpus" / "html").glob("*weasyprint*.pdf"))[:2]
)


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_every_page_is_a_picture_where_the_body_type_is_legible(path: Path) -> None:
    data = path.read_bytes()
    pages = read_pages(data)
    body = body_style(pages).size
    images = page_images(data, body)
    assert [i.number for i in images] == [p.number for p in pages]
    for image, page in zip(images, pages, strict=True):
        decoded = Image.open(io.BytesIO(image.webp))
        assert decoded.format == "WEBP" and decoded.size == (image.width, image.height)
        assert body * image.height / page.height >= LEGIBLE_PX - 0.5  # the body's type, in pixels
        assert len(image.webp) < 400_000  # the most a page may weigh


WALKOUT = ROOT / "tests" / "corpus" / "latex" / "02-walkout.latex-s250101.pdf"
"""Two pages in two columns, a pull quote, a box, a paragraph continued on the next column and page."""


def walkout(**facts: str) -> tuple[Source, list[PageImage], Article]:
    """The walk-out's PDF read as the build reads it, with its pages drawn: its source, its pages'
    pictures and its article; `facts` of its catalog entry besides its file, slug and title."""
    data = WALKOUT.read_bytes()
    entry = Entry(file=WALKOUT.name, slug="walkout", title=facts.pop("title", "X"), **facts)
    source, _ = source_of(data, str(WALKOUT), entry)
    return source, page_images(data, source.printed.body_size), make_article(source, [])[0]


def article_of(path: Path):
    source, _ = source_of(path.read_bytes(), str(path), Entry(file=path.name, slug="x", title="X"))
    return make_article(source, [])[0]


def test_every_paragraph_read_from_a_pdf_has_its_region_and_one_continued_has_one_in_each_column() -> None:
    article = article_of(WALKOUT)
    regions = block_regions(article)
    paragraphs = [b for b in article.blocks if isinstance(b, Paragraph)]
    assert all(regions.get(p.line) for p in paragraphs)
    continued = next(p for p in paragraphs if p.text.startswith("When the meeting broke up"))
    assert [region[0] for region in regions[continued.line]] == [1, 2]  # its page's foot, the next's top
    across = next(p for p in paragraphs if p.text.startswith("The four subjects"))
    (_, left, *_), (_, right, *_) = regions[across.line]
    assert right > left + 100  # from the foot of the first column to the top of the second


def test_a_text_that_came_as_plain_text_has_no_regions() -> None:
    source, _ = source_of(b"It began.\n\nIt ended.\n", "a.txt", Entry(file="a.txt", slug="a", title="A"))
    assert block_regions(make_article(source, [])[0]) == {}


def test_the_article_page_of_a_pdf_has_its_pages_its_regions_and_its_original_to_download() -> None:
    _, images, article = walkout()
    page = render_article(article, [], images=images)
    paragraphs = [b for b in article.blocks if isinstance(b, Paragraph) and not b.front]
    assert page.count('<figure class="printed-page"') == len(images) == 2
    for paragraph in paragraphs:  # each paragraph's regions lead to it
        assert f'class="printed-region" href="#{paragraph.anchor}"' in page
        assert f'{{ #{paragraph.anchor} data-line="{paragraph.line}" }}' in page
    assert f"](../received/{WALKOUT.name}){{ download }}" in page  # the PDF itself


def test_a_plain_text_has_no_printed_pages_and_its_blocks_no_lines() -> None:
    source, _ = source_of(b"It began.\n\nIt ended.\n", "a.txt", Entry(file="a.txt", slug="a", title="A"))
    page = render_article(make_article(source, [])[0], [])
    assert "printed-page" not in page and "data-line" not in page


def test_the_pictures_of_printed_pages_are_kept_offline_as_they_are_looked_at(tmp_path: Path) -> None:
    for name in ("index.html", "printed/a/page-1.webp", "articles/a.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert files_to_keep(tmp_path) == ["./", "articles/a.html", "index.html"]


def test_the_editors_view_draws_each_block_in_its_role_numbered_in_reading_order_and_flags_doubts() -> None:
    source, images, article = walkout()
    doubted = article.paragraphs[4]
    doubt = Notice("paragraph ends mid-sentence; add a join", source.path, doubted.line, "doubt")
    page = render_proofreading(article, images, [doubt])
    assert page.count('class="page-model"') == 2
    assert (
        page.count("model-region role-paragraph") >= len(article.paragraphs) - 3
    )  # the title, deck, byline: front
    assert page.count("model-region role-front") == 3 and "model-region role-pull-quote" in page
    assert page.count("role-furniture") - 1 >= 2  # a running head on each page (and the key's)
    number = article.blocks.index(doubted) + 1
    assert page.count(f'<span class="model-badge" aria-hidden="true">{number}?</span>') == len(
        block_regions(article)[doubted.line]
    )
    assert f"- **{number}. Paragraph {doubted.number}** (`@{doubted.line}`): paragraph ends" in page
    assert page.count("No doubt on this page.") == 1
    # every block is listed under the page it begins on, with the line that names it in a directive
    assert f"| {number} | paragraph | `@{doubted.line}` | Paragraph {doubted.number} |" in page
    body = [b for b in article.blocks if isinstance(b, Paragraph) and not b.front]
    assert page.count("| paragraph | `@") == len(body)


def test_a_published_pdf_has_a_iiif_manifest_a_iiif_parser_reads_and_an_unpublished_one_says_why() -> None:
    _, images, article = walkout(title="The afternoon", author="Daniel Hartmann")
    text = render_manifest(article, images, "https://example.org/reader/")
    manifest = Manifest(**json.loads(text))  # iiif-prezi3 checks it against Presentation 3
    assert str(manifest.id) == "https://example.org/reader/iiif/walkout.json"
    assert len(manifest.items) == 2
    canvas = manifest.items[0]
    picture = canvas.items[0].items[0]
    assert picture.motivation == "painting" and str(picture.body.id).endswith("printed/walkout/page-1.webp")
    words = json.loads(text)["items"][0]["annotations"][0]["items"]
    paragraph = article.paragraphs[3]
    found = [w for w in words if w["body"]["value"] == paragraph.text]
    assert found and found[0]["label"] == {"en": [f"Paragraph {paragraph.number}"]}
    x, y, w, h = map(int, found[0]["target"].split("#xywh=")[1].split(","))
    assert 0 <= x < x + w <= canvas.width and 0 <= y < y + h <= canvas.height
    assert [m["label"]["en"][0] for m in json.loads(text)["metadata"]] == ["Author"]  # unknowns left out
    unpublished = render_article(article, [], images=images, published=False)
    assert "none in this copy: a IIIF manifest gives the address of each page" in unpublished
    assert "](../iiif/walkout.json)" in render_article(article, [], images=images, published=True)


def test_each_printed_page_says_how_far_it_is_proofread() -> None:
    _, images, article = walkout(proofread_pages="1")
    page = render_article(article, [], images=images)
    assert 'Page 1 · <span class="proofreading-word status-proofread">proofread</span>' in page
    assert 'Page 2 · <span class="proofreading-word status-not-proofread">not proofread</span>' in page
    assert "1 of its 2 pages proofread." in page
