"""A IIIF Presentation 3 manifest for each text read from a PDF, so that an archive's IIIF viewer
(Mirador, Universal Viewer) opens the text with its printed pages: one canvas per page, painted
with the page's picture, and on it an annotation per block giving the block's words (and what
kind of block it is) on its region.

IIIF identifies everything by its web address, so a manifest is written only for a copy that has
one (`site_url`); an unpublished copy says on the article's page why it has none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from cancun_reader.core.model import UNKNOWN, Article, text_of
from cancun_reader.pdf.images import PageImage
from cancun_reader.site.paths import article_page
from cancun_reader.site.printed_view import block_name, page_image
from cancun_reader.text.regions import block_regions

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
FOLDER = "iiif"


def manifest_name(slug: str) -> str:
    """Where a text's manifest is, inside `docs/`.

    >>> manifest_name("a-text")
    'iiif/a-text.json'
    """
    return f"{FOLDER}/{slug}.json"


def english(*values: str) -> dict[str, list[str]]:
    return {"en": list(values)}


def block_annotations(article: Article, image: PageImage, canvas: str) -> list[dict[str, object]]:
    """Each block's words on the regions it has on a page, as annotations of its canvas (whose
    pixels are the picture's)."""
    width, height = next((w, h) for n, w, h in article.source.printed.pages if n == image.number)
    scale_x, scale_y = image.width / width, image.height / height
    blocks = {block.line: block for block in article.blocks}
    notes: list[dict[str, object]] = []
    for line, found in sorted(block_regions(article).items()):
        block = blocks.get(line)
        for index, (page, x0, top, x1, bottom) in enumerate(found, start=1):
            if page != image.number or block is None:
                continue
            box = (x0 * scale_x, top * scale_y, (x1 - x0) * scale_x, (bottom - top) * scale_y)
            body = {"type": "TextualBody", "value": text_of(block), "format": "text/plain", "language": "en"}
            notes.append(
                {
                    "id": f"{canvas}/block/{line}-{index}",
                    "type": "Annotation",
                    "motivation": "supplementing",
                    "label": english(block_name(block)),
                    "body": body,
                    "target": f"{canvas}#xywh={','.join(str(round(v)) for v in box)}",
                }
            )
    return notes


def render_canvas(article: Article, image: PageImage, own: str, base: str) -> dict[str, object]:
    """A page as a canvas: painted with its picture, annotated with its blocks' words."""
    canvas = f"{own}/canvas/{image.number}"
    picture = {
        "id": f"{base}{page_image(article.slug, image.number)}",
        "type": "Image",
        "format": "image/webp",
        "width": image.width,
        "height": image.height,
    }
    painting = {"id": f"{canvas}/picture", "type": "Annotation", "motivation": "painting", "body": picture}
    painted = {"id": f"{canvas}/page", "type": "AnnotationPage", "items": [painting | {"target": canvas}]}
    words = block_annotations(article, image, canvas)
    return {
        "id": canvas,
        "type": "Canvas",
        "label": english(f"Page {image.number}"),
        "width": image.width,
        "height": image.height,
        "items": [painted],
        "annotations": [{"id": f"{canvas}/text", "type": "AnnotationPage", "items": words}],
    }


def render_manifest(article: Article, images: Sequence[PageImage], site_url: str) -> str:
    """The manifest of a text read from a PDF, its pictures and pages at `site_url`, as JSON; what
    is unknown of the text is left out."""
    entry = article.source.entry
    base = site_url.rstrip("/") + "/"
    own = f"{base}{manifest_name(entry.slug)}"
    known = [("Author", entry.author), ("Publication", entry.publication), ("Date", entry.date)]
    page = {"id": f"{base}{article_page(entry.slug, suffix='.html')}", "type": "Text", "format": "text/html"}
    pdf = {"id": f"{base}received/{entry.file}", "type": "Text", "format": "application/pdf"}
    manifest = {
        "@context": CONTEXT,
        "id": own,
        "type": "Manifest",
        "label": english(entry.title),
        "metadata": [{"label": english(k), "value": english(v)} for k, v in known if v != UNKNOWN],
        "homepage": [page | {"label": english(entry.title)}],
        "rendering": [pdf | {"label": english("The PDF")}],
        "items": [render_canvas(article, image, own, base) for image in images],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
