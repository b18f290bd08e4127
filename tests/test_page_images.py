"""The printed page as a picture (`cancun_reader/pdf/images.py`): every page of a PDF, its body
type legible at 100%, small enough to load page by page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from project import ROOT

from cancun_reader.pdf.columns import body_style
from cancun_reader.pdf.glyphs import read_pages
from cancun_reader.pdf.images import LEGIBLE_PX, page_images

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
