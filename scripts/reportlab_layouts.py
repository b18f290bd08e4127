"""The PDF reader's held-out texts (`tests/corpus/heldout-texts/`), set by ReportLab's frames in
layouts drawn from seeds: a producer of a lineage the development set does not use (no browser,
no TeX, no office suite: ReportLab's own layout engine, platypus), for texts no development run
has seen.

    make corpus-heldout                                               # with the rest of the test set
    .corpus-venv/bin/python scripts/reportlab_layouts.py --seeds 2902 --draw 2

Each layout draws the paper, the margins, one to three columns and their gap, a type family
(PostScript's Times or Helvetica, or Debian's DejaVu or Liberation embedded), its size and leading,
ragged or justified lines, paragraphs marked by an indent, by space, by both or by an indent that
a heading's first paragraph goes without, headings in bold, in capitals or numbered, a running head
sharing its line with the page number at the top or the foot, boxes framed or shaded, pull quotes
between rules, a picture's grey stand-in with its caption below, and the notes' title the text
gives (or none). The texts are drawn twenty at a time in the folder's order (`--draw 2` sets the
21st to the 40th): a draw that was looked at and led to a change of the reader is replaced by the
next, on texts no one has looked at, and its own texts are not drawn again. The layouts are
recorded in the folder's `layouts.json`, where the PDFs of earlier draws are removed.
"""

from __future__ import annotations

import random
import re
from html import escape
from pathlib import Path

import yaml
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from cancun_reader.devtools.draws import draw_from_command_line

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus" / "heldout"
PAPERS = {"A4": A4, "Letter": LETTER, "A5": A5}
FONTS = "/usr/share/fonts/truetype"
FAMILIES = {
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "DejaVu Serif": (
        "dejavu/DejaVuSerif.ttf",
        "dejavu/DejaVuSerif-Bold.ttf",
        "dejavu/DejaVuSerif-Italic.ttf",
    ),
    "Liberation Sans": (
        "liberation/LiberationSans-Regular.ttf",
        "liberation/LiberationSans-Bold.ttf",
        "liberation/LiberationSans-Italic.ttf",
    ),
}
SUPERSCRIPT = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5"}


def draw_layout(rng: random.Random) -> dict:
    """One layout, drawn from the seeded generator."""
    paper = rng.choice(list(PAPERS))
    return {
        "paper": paper,
        "margin": rng.choice([36, 48, 60]),
        "columns": rng.choice([1, 2, 2, 3]) if paper != "A5" else rng.choice([1, 2]),
        "gap": rng.choice([10, 14, 20]),
        "family": rng.choice(list(FAMILIES)),
        "size": rng.choice([9, 9.5, 10, 10.5, 11]),
        "leading": rng.choice([1.2, 1.3, 1.4]),
        "align": rng.choice(["justify", "left"]),
        "paragraphs": rng.choice(["indented", "spaced", "both", "indented-not-after-heading"]),
        "headings": rng.choice(["bold", "caps", "numbered", "larger"]),
        "head": rng.choice(["top-number-first", "top-number-last", "foot-number-first", "foot-head-top"]),
        "box": rng.choice(["framed", "shaded"]),
    }


def fonts_of(family: str) -> tuple[str, str, str]:
    """The family's regular, bold and italic faces, registered with ReportLab if they are Debian's."""
    faces = FAMILIES[family]
    if not faces[0].endswith(".ttf"):
        return faces
    names = tuple(f"{family.replace(' ', '')}-{kind}" for kind in ("Regular", "Bold", "Italic"))
    for name, path in zip(names, faces, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, f"{FONTS}/{path}"))
    return names


def marked_up(text: str) -> str:
    """A paragraph's text as ReportLab's markup: escaped, a note's call raised."""
    text = escape(text, quote=False)
    return re.sub("[¹²³⁴⁵]", lambda m: f"<super>{SUPERSCRIPT[m[0]]}</super>", text)


def styles(layout: dict) -> dict[str, ParagraphStyle]:
    regular, bold, italic = fonts_of(layout["family"])
    size, leading = layout["size"], layout["size"] * layout["leading"]
    indent = size * 1.5 if layout["paragraphs"] in ("indented", "both", "indented-not-after-heading") else 0
    space = size * 0.7 if layout["paragraphs"] in ("spaced", "both") else 0
    align = TA_JUSTIFY if layout["align"] == "justify" else TA_LEFT
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=leading, alignment=align)
    heading_size = size * (1.3 if layout["headings"] == "larger" else 1.0)
    return {
        "body": ParagraphStyle("indented", body, firstLineIndent=indent, spaceBefore=space),
        "first": ParagraphStyle("first", body, firstLineIndent=0, spaceBefore=space),
        "title": ParagraphStyle("title", body, fontName=bold, fontSize=size * 2, leading=size * 2.3),
        "deck": ParagraphStyle("deck", body, fontName=italic, fontSize=size * 1.25, leading=size * 1.6),
        "byline": ParagraphStyle("byline", body, fontName=italic, spaceBefore=size * 0.5, spaceAfter=size),
        "heading": ParagraphStyle(
            "heading",
            body,
            fontName=bold,
            fontSize=heading_size,
            leading=heading_size * 1.3,
            spaceBefore=size,
            spaceAfter=size * 0.3,
            alignment=TA_LEFT,
        ),
        "quote": ParagraphStyle("quote", body, fontName=italic, fontSize=size * 1.4, leading=size * 1.8),
        "small": ParagraphStyle("small", body, fontSize=size * 0.85, leading=size * 1.1),
        "caption": ParagraphStyle("caption", body, fontName=italic, fontSize=size * 0.85, leading=size * 1.1),
    }


def box(block: dict, layout: dict, style: dict[str, ParagraphStyle]) -> Table:
    """A box: its title, then its items (or its table's rows), framed or shaded."""
    rows = [[Paragraph(f"<b>{marked_up(block['title'])}</b>", style["small"])]]
    if "items" in block:
        rows += [[Paragraph(marked_up(item), style["small"])] for item in block["items"]]
        width = 1
    else:
        table = block.get("table") or block.get("facts")
        width = max(len(row) for row in table)
        rows = [rows[0] + [""] * (width - 1)]
        rows += [[Paragraph(marked_up(str(cell)), style["small"]) for cell in row] for row in table]
    look = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (0, 0), (-1, 0))] if width > 1 else []
    if layout["box"] == "framed":
        look.append(("BOX", (0, 0), (-1, -1), 0.8, colors.black))
    else:
        look.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e4e4e4")))
    made = Table(rows, style=TableStyle(look))
    made.spaceBefore = made.spaceAfter = layout["size"]
    return made


def story(text: dict, layout: dict) -> list:
    """The text's blocks as ReportLab's flowables, in the order they are read."""
    style = styles(layout)
    made: list = [Paragraph(marked_up(text["title"]), style["title"])]
    if text.get("deck"):
        made.append(Paragraph(marked_up(text["deck"]), style["deck"]))
    if text.get("byline"):
        made.append(Paragraph(marked_up(text["byline"]), style["byline"]))
    made += [NextPageTemplate("later"), FrameBreak()]
    headings, after_heading = 0, True
    for block in text["blocks"]:
        if isinstance(block, str):
            first = after_heading and layout["paragraphs"] == "indented-not-after-heading"
            made.append(Paragraph(marked_up(block), style["first" if first else "body"]))
            after_heading = False
            continue
        after_heading = "heading" in block
        if "heading" in block:
            headings += 1
            words = block["heading"].upper() if layout["headings"] == "caps" else block["heading"]
            number = f"{headings}. " if layout["headings"] == "numbered" else ""
            made.append(Paragraph(marked_up(number + words), style["heading"]))
        elif "quote" in block:
            rule = {"width": "100%", "thickness": 1, "color": colors.black}
            quote = [HRFlowable(**rule, spaceAfter=4), Paragraph(marked_up(block["quote"]), style["quote"])]
            made.append(KeepTogether([*quote, HRFlowable(**rule, spaceBefore=4)]))
        elif "caption" in block:
            picture = Drawing(120, 70)
            picture.add(Rect(0, 0, 120, 70, fillColor=colors.HexColor("#bbbbbb"), strokeColor=None))
            made.append(KeepTogether([picture, Paragraph(marked_up(block["caption"]), style["caption"])]))
        elif "sidebar" in block:
            made.append(box(block["sidebar"], layout, style))
    notes = text.get("notes", [])
    if notes and text.get("notes_title", "Notes"):
        made.append(Paragraph(marked_up(text.get("notes_title", "Notes")), style["heading"]))
    made += [Paragraph(f"{n}. {marked_up(note)}", style["small"]) for n, note in enumerate(notes, 1)]
    return made


def running_head(head: str, layout: dict, size: float):
    """What each page prints at its edge: the running head and the page number, on one line or apart."""
    regular = fonts_of(layout["family"])[0]

    def draw(canvas, doc) -> None:
        width, height = PAPERS[layout["paper"]]
        margin, number = layout["margin"], canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont(regular, size * 0.8)
        top, foot = height - margin * 0.6, margin * 0.5
        kind = layout["head"]
        if kind == "top-number-first":
            canvas.drawString(margin, top, f"{number} · {head}")
        elif kind == "top-number-last":
            canvas.drawRightString(width - margin, top, f"{head} · {number}")
        elif kind == "foot-number-first":
            canvas.drawString(margin, foot, f"{number} | {head}")
        else:
            canvas.drawCentredString(width / 2, top, head)
            canvas.drawCentredString(width / 2, foot, str(number))
        canvas.restoreState()

    return draw


def frames(layout: dict, first: bool) -> list[Frame]:
    """The page's frames: on the first page, the title's across the top, then the columns."""
    width, height = PAPERS[layout["paper"]]
    margin, columns, gap = layout["margin"], layout["columns"], layout["gap"]
    column = (width - 2 * margin - (columns - 1) * gap) / columns
    top = height - margin - (height * 0.22 if first else 0)
    made = [Frame(margin, top, width - 2 * margin, height - margin - top, id="title")] if first else []
    made += [
        Frame(margin + i * (column + gap), margin, column, top - margin, id=f"column{i}")
        for i in range(columns)
    ]
    return made


def set_text(path: Path, seed: int) -> tuple[str, dict]:
    text = yaml.safe_load(path.read_text(encoding="utf-8"))
    layout = draw_layout(random.Random(seed))
    name = f"{path.stem}.reportlab-s{seed}"
    document = BaseDocTemplate(
        str(OUT / f"{name}.pdf"), pagesize=PAPERS[layout["paper"]], title=text["title"], invariant=True
    )
    edge = running_head(text["layout"]["head"], layout, layout["size"])
    document.addPageTemplates(
        [
            PageTemplate("first", frames(layout, True), onPage=edge),
            PageTemplate("later", frames(layout, False), onPage=edge),
        ]
    )
    document.build(story(text, layout))
    return name, layout


def main() -> None:
    draw_from_command_line("reportlab", __doc__.split("\n\n")[0], set_text)


if __name__ == "__main__":
    main()
