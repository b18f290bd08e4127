"""Part of the test set the PDF reader was not built against: the corpus's texts as a word
processor sets them. Each text becomes a Word document (python-docx) in a layout drawn from a
seed, and LibreOffice (headless) prints it to PDF, as offices and NGOs publish.

    make corpus-heldout      # with the LaTeX layouts of other seeds, into tests/corpus/heldout/

A layout draws: paper (A4 or Letter), margins, one to three columns (a section's columns) and their
gap, type families installed from Debian (Liberation, DejaVu, Carlito, Caladea), sizes, justified
or ragged, indented or spaced paragraphs, headings in bold, capitals or small capitals, boxes as a
framed or shaded table cell (lists, tables, fact files), pull quotes between rules, running heads
in the header or the footer, page numbers in several forms, notes at the end, pictures with
captions. `layouts.json` records each seed's layout.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "corpus" / "texts"
SEEDS = (2801,)
MARKER = re.compile(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
FAMILIES = ("Liberation Serif", "Liberation Sans", "DejaVu Serif", "Carlito", "Caladea")


def draw(seed: int) -> dict:
    pick = random.Random(seed)
    return {
        "paper": pick.choice(["A4", "Letter"]),
        "margin": pick.choice([1.8, 2.2, 2.5]),
        "family": pick.choice(FAMILIES),
        "size": pick.choice([10, 10.5, 11, 12]),
        "columns": pick.choice([1, 2, 2, 3]),
        "gap": pick.choice([0.5, 0.8, 1.2]),
        "justified": pick.random() < 0.6,
        "spaced": pick.random() < 0.4,
        "headings": pick.choice(["bold", "caps", "smallcaps"]),
        "box": pick.choice(["framed", "shaded"]),
        "head": pick.choice(["header", "footer"]),
        "folio": pick.choice(["{n}", "Page {n}", "– {n} –", "{n} | {head}"]),
    }


def chunk(kind: bytes, data: bytes) -> bytes:
    """A chunk of a PNG file: its length, kind, data and checksum."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def grey_png(width: int = 60, height: int = 30) -> bytes:
    """A grey picture, the stand-in of a photograph."""
    raw = b"".join(b"\x00" + b"\xbb" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def border(element, sides: tuple[str, ...], tag: str = "w:pBdr") -> None:
    borders = OxmlElement(tag)
    for side in sides:
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "4"), ("w:color", "000000")):
            edge.set(qn(key), value)
        borders.append(edge)
    element.append(borders)


def add_text(paragraph, text: str, **style) -> None:
    """A paragraph's text, its note markers as superscript numbers."""
    for part in MARKER.split(text):
        if not part:
            continue
        run = paragraph.add_run(part.translate(SUPERSCRIPT) if MARKER.fullmatch(part) else part)
        run.font.superscript = bool(MARKER.fullmatch(part))
        for key, value in style.items():
            setattr(run.font, key, value)


def field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == code else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def folio(paragraph, template: str, head: str) -> None:
    for part in re.split(r"(\{n\}|\{head\})", template):
        if part == "{n}":
            field(paragraph, "PAGE")
        elif part == "{head}":
            paragraph.add_run(head)
        elif part:
            paragraph.add_run(part)


def heading(document, text: str, layout: dict) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(layout["size"])
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(text)
    run.font.bold = layout["headings"] != "smallcaps"
    run.font.size = Pt(layout["size"] * 1.2)
    run.font.all_caps = layout["headings"] == "caps"
    run.font.small_caps = layout["headings"] == "smallcaps"


def column_width(layout: dict) -> float:
    """The width of a column, in centimetres."""
    page = 21.59 if layout["paper"] == "Letter" else 21.0
    text = page - 2 * layout["margin"]
    return (text - (layout["columns"] - 1) * layout["gap"]) / layout["columns"]


def box(document, sidebar: dict, layout: dict) -> None:
    table = document.add_table(rows=1, cols=1)
    table.autofit = False
    cell = table.cell(0, 0)
    cell.width = Cm(column_width(layout) - 0.4)
    properties = cell._tc.get_or_add_tcPr()
    if layout["box"] == "framed":
        border(properties, ("top", "left", "bottom", "right"), "w:tcBorders")
    else:
        shade = OxmlElement("w:shd")
        for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "E4E4E4")):
            shade.set(qn(key), value)
        properties.append(shade)
    title = cell.paragraphs[0]
    add_text(title, sidebar["title"], bold=True, size=Pt(layout["size"] * 0.9))
    small = Pt(layout["size"] * 0.85)
    if "items" in sidebar:
        for item in sidebar["items"]:
            add_text(cell.add_paragraph(), ("• " if sidebar.get("bullets", True) else "") + item, size=small)
    else:
        rows = sidebar.get("table") or sidebar.get("facts") or []
        inner = cell.add_table(rows=len(rows), cols=2)
        for row, values in zip(inner.rows, rows, strict=True):
            for target, value in zip(row.cells, values, strict=True):
                add_text(target.paragraphs[0], str(value), size=small)
    document.add_paragraph()


def document_of(text: dict, layout: dict, picture: Path) -> Document:
    document = Document()
    section = document.sections[0]
    if layout["paper"] == "Letter":
        section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(layout["margin"]))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = layout["family"], Pt(layout["size"])
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), layout["family"])
    head = text["layout"]["head"]
    where = section.header if layout["head"] == "header" else section.footer
    add_text(where.paragraphs[0], head, italic=True, size=Pt(8))
    where.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = section.footer.paragraphs[0] if layout["head"] == "header" else section.footer.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    folio(number, layout["folio"], head)
    add_text(document.add_paragraph(), text["title"], bold=True, size=Pt(layout["size"] * 2))
    add_text(document.add_paragraph(), text["deck"], italic=True, size=Pt(layout["size"] * 1.2))
    add_text(document.add_paragraph(), text["byline"], bold=True)
    body = document.add_section(0)  # continuous: the title above, the columns below
    columns = body._sectPr.xpath("./w:cols")
    cols = columns[0] if columns else OxmlElement("w:cols")
    cols.set(qn("w:num"), str(layout["columns"]))
    cols.set(qn("w:space"), str(int(layout["gap"] * 567)))
    if not columns:
        body._sectPr.append(cols)
    first = True
    for block in text["blocks"]:
        if isinstance(block, str):
            paragraph = document.add_paragraph()
            paragraph.alignment = (
                WD_ALIGN_PARAGRAPH.JUSTIFY if layout["justified"] else WD_ALIGN_PARAGRAPH.LEFT
            )
            if layout["spaced"]:
                paragraph.paragraph_format.space_after = Pt(layout["size"] * 0.6)
            elif not first:
                paragraph.paragraph_format.first_line_indent = Pt(layout["size"] * 1.5)
            paragraph.paragraph_format.space_after = paragraph.paragraph_format.space_after or Pt(0)
            add_text(paragraph, block)
            first = False
        elif "heading" in block:
            heading(document, block["heading"], layout)
            first = True
        elif "quote" in block:
            paragraph = document.add_paragraph()
            border(paragraph._p.get_or_add_pPr(), ("top", "bottom"))
            paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(8)
            add_text(paragraph, block["quote"], italic=True, size=Pt(layout["size"] * 1.3))
        elif "sidebar" in block:
            box(document, block["sidebar"], layout)
        elif "caption" in block:
            document.add_picture(str(picture), width=Cm(min(6.0, column_width(layout) - 0.4)))
            add_text(document.add_paragraph(), block["caption"], italic=True, size=Pt(layout["size"] * 0.8))
    if text.get("notes"):
        heading(document, "Notes", layout)
        for number, note in enumerate(text["notes"], 1):
            add_text(document.add_paragraph(), f"{number}. {note}", size=Pt(layout["size"] * 0.85))
    return document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--into", type=Path, default=ROOT / "tests" / "corpus" / "heldout")
    arguments = parser.parse_args()
    out: Path = arguments.into
    out.mkdir(parents=True, exist_ok=True)
    recorded = out / "layouts.json"
    layouts = json.loads(recorded.read_text("utf-8")) if recorded.exists() else {}
    with tempfile.TemporaryDirectory() as folder:
        picture = Path(folder) / "picture.png"
        picture.write_bytes(grey_png())
        for index, path in enumerate(sorted(TEXTS.glob("*.yml"))):
            text = yaml.safe_load(path.read_text(encoding="utf-8"))
            for seed in arguments.seeds:
                drawn = seed * 100 + index
                layout = draw(drawn)
                name = f"{path.stem}.office-s{drawn}"
                document_of(text, layout, picture).save(Path(folder) / f"{name}.docx")
                subprocess.run(
                    ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), f"{name}.docx"],
                    cwd=folder,
                    check=True,
                    capture_output=True,
                )
                layouts[name] = layout | {"notes": "end"}
                print(name, layout["columns"], "columns,", layout["family"], layout["size"])
    recorded.write_text(json.dumps(layouts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
