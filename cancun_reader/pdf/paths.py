"""What a PDF's page draws, read with PDFium (pypdfium2): its paths as the rectangles and rules
they paint (a ring of borders as its sides), and its pictures' bounds, in points from the page's
top-left corner."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cancun_reader.pdf.page import Box, Drawing


def drawings_of(page: pdfium.PdfPage, height: float) -> tuple[list[Drawing], list[Box]]:
    """The rectangles and rules a page draws (paths: their bounds, whether filled or stroked) and
    its pictures (images' bounds)."""
    drawings: list[Drawing] = []
    pictures: list[Box] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    for item in page.get_objects(
        filter=(pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE), max_depth=4
    ):
        left, bottom, right, top = item.get_bounds()
        box = Box(left, height - top, right, height - bottom)
        if item.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            pictures.append(box)
            continue
        pdfium_c.FPDFPath_GetDrawMode(item.raw, fill, stroke)
        filled = fill.value != 0
        if filled and pdfium_c.FPDFPageObj_GetFillColor(item.raw, red, green, blue, alpha):
            filled = alpha.value > 0 and (red.value, green.value, blue.value) != (255, 255, 255)
        if filled or stroke.value:
            drawings.extend(
                Drawing(part, filled, bool(stroke.value)) for part in painted_parts(item, box, height)
            )
    return drawings, pictures


def subpaths(item: pdfium.PdfObject, height: float) -> list[Box] | None:
    """A path's subpaths as the rectangles they are, on the page; None when one is not a
    rectangle set square (a curve, a slanted line)."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(item.raw, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    found: list[list[tuple[float, float]]] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(item.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(item.raw, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return None
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            height - (matrix.b * x.value + matrix.d * y.value + matrix.f),
        )
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not found:
            found.append([])
        found[-1].append(point)
    boxes = []
    for points in found:
        xs, ys = sorted({round(p[0], 1) for p in points}), sorted({round(p[1], 1) for p in points})
        if len(xs) > 2 or len(ys) > 2:
            return None
        boxes.append(Box(xs[0], ys[0], xs[-1], ys[-1]))
    return boxes


def painted_parts(item: pdfium.PdfObject, bounds: Box, height: float) -> list[Box]:
    """What a filled or stroked path paints, as rectangles: a ring (one rectangle inside another,
    as an HTML renderer draws a box's borders) is its sides, those that have a thickness (a border
    above and below is two rules, not a frame); a path of rectangles, each; anything else, its
    bounds.

    The sides of a ring are the bands between its two rectangles."""
    parts = subpaths(item, height)
    if not parts:
        return [bounds]
    if len(parts) == 2:
        outer, inner = sorted(parts, key=lambda b: -(b.width * b.height))
        if outer.holds(inner, slack=0.01):
            sides = [
                Box(outer.x0, outer.top, outer.x1, inner.top),
                Box(outer.x0, inner.bottom, outer.x1, outer.bottom),
                Box(outer.x0, outer.top, inner.x0, outer.bottom),
                Box(inner.x1, outer.top, outer.x1, outer.bottom),
            ]
            return [side for side in sides if min(side.width, side.height) > THINNEST]
    return parts


THINNEST = 0.1
"""A side of a ring thinner than this (in points) is not painted: the box has no border there."""
