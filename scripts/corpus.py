"""Regenerate the repair corpus: texts laid out as magazine pages, printed by real renderers and
extracted again by real extractors.

    make corpus        # (its own virtual environment, .corpus-venv/, with WeasyPrint and the extractors)

Each text of `tests/corpus/texts/*.yml` is written for the tests and says what a clean reading
must give: the title, deck and byline, then the body's paragraphs, headings, pull quotes, sidebars
(lists, tables, fact files) and captions, then the notes. This script turns each into an HTML page
with the layout the text asks for (paper, columns, running heads and page numbers in CSS `@page`
margin boxes, drop caps, floated and spanning pull quotes and boxes, figures with captions, notes),
prints it with WeasyPrint (which hyphenates, `hyphens: auto`) and with Debian's Chromium (which
cannot here), and extracts each PDF with pdftotext, pdfminer.six and pypdf. The extracted texts
are written to `tests/corpus/extracted/<text>.<renderer>.<extractor>.txt` and the PDFs to
`tests/corpus/pdf/<text>.<renderer>.pdf`, all committed: the tests and `make bench` read the
texts, and the PDFs as the build reads a PDF dropped into `sources/` (pdftotext, a few
milliseconds each); no page is printed in `make test`.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from cancun_reader.devtools.chromium import CHROMIUM, FLAGS

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "corpus" / "texts"
EXTRACTED = ROOT / "tests" / "corpus" / "extracted"
PRINTED = ROOT / "tests" / "corpus" / "pdf"
CHROME_FLAGS = [*FLAGS, "--no-pdf-header-footer"]
SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
NOTE_MARKER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def inline(text: str) -> str:
    """A paragraph's text as HTML: note markers as superscript numbers, as a layout sets them."""
    escaped = html.escape(text)
    return NOTE_MARKER.sub(lambda m: f'<sup class="note">{m[0].translate(SUPERSCRIPTS)}</sup>', escaped)


def folio(template: str) -> str:
    """`– {n} –` → the CSS content of a page-number margin box."""
    parts = re.split(r"(\{n\}|\{total\})", template)
    css = []
    for part in parts:
        if part == "{n}":
            css.append("counter(page)")
        elif part == "{total}":
            css.append("counter(pages)")
        elif part:
            css.append('"' + part.replace('"', '\\"') + '"')
    return " ".join(css)


def stylesheet(layout: dict) -> str:
    columns = layout.get("columns", 2)
    head = layout["head"].replace('"', '\\"')
    upper = "text-transform: uppercase;" if layout.get("heading_case") == "upper" else ""
    # paragraphs as magazines set them (indented, no space between), or as reports do (spaced)
    paragraph = (
        "margin: 0 0 0.6em; text-indent: 0"
        if layout.get("paragraphs") == "spaced"
        else ("margin: 0; text-indent: 1.2em")
    )
    align = layout.get("align", "justify")
    return f"""
@page {{
  size: {layout["paper"]};
  margin: 24mm 20mm 26mm;
  @top-center {{ content: "{head}"; font: italic 8pt sans-serif; }}
  @bottom-center {{ content: {folio(layout["folio"])}; font: 8pt sans-serif; }}
}}
@page :first {{ counter-reset: page {layout.get("first_page", 1)}; }}
html {{ font: {layout.get("font_size", "13pt")}/1.4 serif; }}
body {{ margin: 0; }}
header {{ margin-bottom: 6mm; }}
h1 {{ font: bold 2em sans-serif; margin: 0 0 2mm; }}
.deck {{ font: italic 1.2em serif; margin: 0 0 2mm; }}
.byline {{ font: bold .9em sans-serif; margin: 0; }}
article {{ columns: {columns}; column-gap: 6mm; text-align: {align}; hyphens: auto; }}
p {{ {paragraph}; orphans: 2; widows: 2; }}
h2 + p, .first {{ text-indent: 0; }}
h2 {{ font: bold 1.05em sans-serif; margin: 3mm 0 1mm; {upper} }}
b.run-in {{ font-family: sans-serif; }}
.dropcap {{ float: left; font: bold 3.1em/0.85 serif; margin: 1mm 1.5mm 0 0; }}
.pull {{ font: italic 1.35em/1.25 serif; text-align: left; border-top: 2px solid; border-bottom: 2px solid;
  padding: 2mm 0; margin: 2mm 0; break-inside: avoid; }}
.goes-on {{ text-indent: 0; }}
.pull.span {{ column-span: all; text-align: center; }}
.box {{ background: #e8e8e8; padding: 2mm 3mm; margin: 3mm 0; font: .88em/1.3 sans-serif; text-align: left; }}
.box.span {{ column-span: all; break-inside: avoid; }}
.box h3 {{ font: bold 1em sans-serif; text-transform: uppercase; margin: 0 0 1mm; }}
.box ul {{ margin: 0; padding-left: 4mm; }}
.box ul.plain {{ list-style: none; padding-left: 0; }}
.box table {{ border-collapse: collapse; }}
.box td {{ padding: .5mm 2mm; border-bottom: 1px solid #999; }}
.box dl {{ margin: 0; }} .box dd {{ margin: 0 0 1mm 12mm; }}
.box dt {{ font-weight: bold; float: left; width: 11mm; }}
figure {{ margin: 3mm 0; }}
figure .picture {{ height: {layout.get("figure_height", "5cm")}; background: #bbb; }}
figcaption {{ font: italic .85em sans-serif; margin-top: 1mm; }}
.notes {{ column-span: all; font-size: .85em; margin-top: 4mm; }}
.notes h2 {{ font-size: 1em; }}
.notes ol {{ margin: 0; padding-left: 5mm; }}
"""


def sidebar_html(box: dict, number: int) -> str:
    title = f"<h3>{html.escape(box['title'])}</h3>"
    if "items" in box:
        plain = ' class="plain"' if box.get("bullets") is False else ""
        items = "".join(f"<li>{html.escape(i)}</li>" for i in box["items"])
        content = f"<ul{plain}>{items}</ul>"
    elif "table" in box:
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in box["table"]
        )
        content = f"<table>{rows}</table>"
    else:
        facts = "".join(f"<dt>{y}</dt><dd>{html.escape(e)}</dd>" for y, e in box["facts"])
        content = f"<dl>{facts}</dl>"
    placement = "span" if number % 2 else "float"
    return f'<aside class="box {placement}">{title}{content}</aside>'


def paragraph_html(text: str, first: bool, dropcap: bool) -> str:
    if first and dropcap:
        return f'<p class="first"><span class="dropcap">{html.escape(text[0])}</span>{inline(text[1:])}</p>'
    return f"<p{' class=first' if first else ''}>{inline(text)}</p>"


def page_html(text: dict) -> str:
    """The whole page of one text, its blocks laid out as the text's layout asks."""
    layout = text["layout"]
    body: list[str] = []
    pending_heading = ""
    quotes = sidebars = 0
    first = True
    for block in text["blocks"]:
        if isinstance(block, str):
            if pending_heading:  # a run-in heading: bold at the start of its paragraph
                body.append(f'<p class="first"><b class="run-in">{html.escape(pending_heading)}</b> ')
                body[-1] += inline(block) + "</p>"
                pending_heading = ""
            else:
                body.append(paragraph_html(block, first, layout.get("dropcap", False)))
            first = False
        elif "heading" in block:
            if layout.get("run_in_headings"):
                pending_heading = block["heading"]
            else:
                body.append(f"<h2>{html.escape(block['heading'])}</h2>")
        elif "quote" in block:
            quotes += 1
            if quotes % 2 and body and body[-1].endswith("</p>") and "run-in" not in body[-1]:
                # anchored in the middle of a sentence of the paragraph before it, as a layout
                # program anchors a frame: the paragraph goes on after the quote
                words = body[-1].removesuffix("</p>").split(" ")
                middle = len(words) // 2
                quote = f'<blockquote class="pull">{inline(block["quote"])}</blockquote>'
                body[-1] = (
                    " ".join(words[:middle])
                    + f"</p>{quote}<p class=goes-on>"
                    + " ".join(words[middle:])
                    + "</p>"
                )
            else:
                body.append(f'<blockquote class="pull span">{inline(block["quote"])}</blockquote>')
        elif "sidebar" in block:
            sidebars += 1
            body.append(sidebar_html(block["sidebar"], sidebars))
        elif "caption" in block:
            caption = html.escape(block["caption"])
            body.append(f'<figure><div class="picture"></div><figcaption>{caption}</figcaption></figure>')
    notes = ""
    if text.get("notes"):
        items = "".join(f"<li>{inline(n)}</li>" for n in text["notes"])
        notes = f'<section class="notes"><h2>Notes</h2><ol>{items}</ol></section>'
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(text["title"])}'
        f"</title><style>{stylesheet(layout)}</style></head><body><header>"
        f"<h1>{html.escape(text['title'])}</h1><p class=deck>{html.escape(text['deck'])}</p>"
        f"<p class=byline>{html.escape(text['byline'])}</p></header>"
        f"<article>{''.join(body)}{notes}</article></body></html>"
    )


WEASYPRINT_ONE_COLUMN = (
    "article { columns: initial !important; } "
    ".pull.span, .box.span, .notes { column-span: none !important; } "
    ".pull { break-inside: auto !important; } h2 { break-after: auto !important; }"
)
"""WeasyPrint (70) does not paginate multi-column layouts: text that overflows the columns of a
page is dropped without a word, and spanning elements crash it or are painted over the text. It
prints every text in one column, which keeps its hyphenation, margin boxes and drop caps; the
column damage comes from Chromium."""


def print_weasyprint(page: Path, pdf: Path) -> None:
    import weasyprint

    one_column = weasyprint.CSS(string=WEASYPRINT_ONE_COLUMN)
    weasyprint.HTML(filename=str(page)).write_pdf(str(pdf), stylesheets=[one_column])


def print_chromium(page: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                str(CHROMIUM),
                *CHROME_FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


def extract_pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def extract_pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def extract_pypdf(pdf: Path) -> str:
    """As a user script does it: each page's text, pages joined by a line end (no page signal)."""
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)


RENDERERS = {"weasyprint": print_weasyprint, "chromium": print_chromium}
EXTRACTORS = {"pdftotext": extract_pdftotext, "pdfminer": extract_pdfminer, "pypdf": extract_pypdf}


def main() -> int:
    if not CHROMIUM.exists() or not shutil.which("pdftotext"):
        print(
            "corpus: needs Debian's chromium and poppler-utils (make browser installs them)", file=sys.stderr
        )
        return 1
    EXTRACTED.mkdir(parents=True, exist_ok=True)
    PRINTED.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for path in sorted(TEXTS.glob("*.yml")):
            text = yaml.safe_load(path.read_text(encoding="utf-8"))
            page = Path(work) / f"{path.stem}.html"
            page.write_text(page_html(text), encoding="utf-8")
            for renderer, render in RENDERERS.items():
                pdf = PRINTED / f"{path.stem}.{renderer}.pdf"
                render(page, pdf)
                pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                count = re.search(r"Pages:\s+(\d+)", pages)
                for extractor, extract in EXTRACTORS.items():
                    out = EXTRACTED / f"{path.stem}.{renderer}.{extractor}.txt"
                    out.write_text(extract(pdf), encoding="utf-8")
                print(f"{path.stem}: {renderer}, {count[1] if count else '?'} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
