"""The corpus's texts as web pages in layouts drawn from a seed, printed by WeasyPrint and by
Debian's Chromium: part of the PDF reader's development set (seed 2511, `tests/corpus/html/`) and,
with other seeds, of its test set (`tests/corpus/heldout/`).

    make corpus-html         # tests/corpus/html/<text>.<renderer>-s<seed>.pdf and layouts.json
    make corpus-heldout      # the test set, with LaTeX's and LibreOffice's PDFs

Where the HTML template of `scripts/corpus.py` gives twelve texts one stylesheet, each page here
draws its own from ranges: paper (A4, Letter, A5, A4 across), margins, one to three columns with
their gap and sometimes a rule between them, the type families of Debian's fonts (DejaVu,
Liberation, Caladea and Carlito, URW's), sizes and leading, justified or ragged, indented or spaced
paragraphs, headings in bold, capitals, small capitals or numbered, boxes framed, filled, with a
title bar or a rule above (in the flow, floated or across the columns), pull quotes between rules,
in a box, beside a bar or in large type alone, running heads at the top, the foot or both (centred
or on the outer side), page numbers in several forms, notes at the page's foot (WeasyPrint's CSS
footnotes) or at the end, figures with captions below or above, and drop caps. WeasyPrint (70)
does not paginate columns (text that overflows them is dropped), so its pages have one column;
Chromium does not set CSS footnotes, so its notes come at the end.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

import yaml
from corpus import folio, inline

from cancun_reader.devtools.chromium import CHROMIUM, FLAGS

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "corpus" / "texts"
CORPUS = ROOT / "tests" / "corpus"
SEEDS = (2511,)
"""The development set's seed (`tests/corpus/html/`); the test set's are given with `--seeds` and
`--into tests/corpus/heldout` (`make corpus-heldout`)."""
RENDERERS = ("weasyprint", "chromium")
SERIF = ("DejaVu Serif", "Liberation Serif", "Caladea", "P052", "C059", "URW Bookman", "Nimbus Roman")
SANS = ("DejaVu Sans", "Liberation Sans", "Carlito", "Nimbus Sans", "URW Gothic")
NOTE_CALL = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def draw(seed: int, renderer: str) -> dict:
    """A layout drawn from its seed, for what the renderer can set."""
    pick = random.Random(seed)
    paper = pick.choice(["A4", "Letter", "A5", "A4 landscape"])
    columns = 1 if renderer == "weasyprint" or paper == "A5" else pick.choice([1, 2, 2, 3])
    if paper == "A4 landscape" and renderer == "chromium":
        columns = 3
    body = pick.choice(SERIF + SANS[:2])
    return {
        "paper": paper,
        "margin": f"{pick.choice([14, 18, 22, 26])}mm {pick.choice([14, 18, 22])}mm",
        "columns": columns,
        "gap": pick.choice(["4mm", "6mm", "1.5em", "10mm"]),
        "column_rule": columns > 1 and pick.random() < 0.3,
        "body": body,
        "display": pick.choice([*SANS, body]),
        "size": pick.choice(["9pt", "9.5pt", "10pt", "10.5pt", "11pt", "12pt"]),
        "leading": pick.choice([1.2, 1.3, 1.4, 1.5]),
        "align": pick.choice(["justify", "justify", "left"]),
        "paragraphs": pick.choice(["indented", "indented", "spaced"]),
        "headings": pick.choice(["bold", "caps", "smallcaps", "numbered"]),
        "heading_rule": pick.random() < 0.25,
        "box": pick.choice(["framed", "filled", "titlebar", "rule"]),
        "box_place": pick.choice(["flow", "float", "span"] if columns > 1 else ["flow", "float"]),
        "quote": pick.choice(["rules", "box", "bar", "large"]),
        "quote_span": columns > 1 and pick.random() < 0.5,
        "head": pick.choice(["top", "foot", "both"]),
        "head_side": pick.choice(["centre", "outer"]),
        "head_on_first": pick.random() < 0.5,
        "folio": pick.choice(
            ["{n}", "– {n} –", "Page {n}", "{n} / {total}", "p. {n}", "Page {n} of {total}"]
        ),
        "first_page": pick.choice([1, 1, 3, 17, 45]),
        "notes": pick.choice(["foot", "end"]) if renderer == "weasyprint" else "end",
        "note_rule": pick.choice(["short", "full", "none"]),
        "figure": pick.choice(["filled", "frame"]),
        "caption_above": pick.random() < 0.2,
        "dropcap": pick.choice([0, 0, 2, 3]),
    }


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def margin_boxes(layout: dict, head: str) -> str:
    """The running head and the page number in the page's margin boxes, on every page or (outer)
    on the left and right pages' outer sides."""
    number = folio(layout["folio"])
    head_at = {"top": ["top"], "foot": ["bottom"], "both": ["top", "bottom"]}[layout["head"]]
    rules = []
    for page, side in (("left", "left"), ("right", "right")):
        where = side if layout["head_side"] == "outer" else "center"
        boxes = []
        for edge in head_at:
            boxes.append(f"@{edge}-{where} {{ content: {quoted(head)}; }}")
        number_edge = "top" if layout["head"] == "foot" else "bottom"
        number_at = f"{number_edge}-{side}" if layout["head_side"] == "outer" else f"{number_edge}-center"
        if number_at in (f"{e}-{where}" for e in head_at):
            number_at = f"bottom-{'right' if side == 'left' else 'left'}"
        boxes.append(f"@{number_at} {{ content: {number}; }}")
        rules.append(f"@page :{page} {{ {' '.join(boxes)} }}")
    if not layout["head_on_first"]:
        empty = " ".join(
            f"@{e}-{s} {{ content: none; }}" for e in head_at for s in ("left", "center", "right")
        )
        rules.append(f"@page :first {{ {empty} }}")
    return "\n".join(rules)


BOXES = {
    "framed": "border: 0.8pt solid #222; padding: 2mm 3mm;",
    "filled": "background: #e4e4e4; padding: 2mm 3mm;",
    "titlebar": "border: 0.8pt solid #222; padding: 0 3mm 2mm;",
    "rule": "border-top: 3pt solid #222; padding: 1.5mm 0 0;",
}
QUOTES = {
    "rules": "border-top: 1.5pt solid; border-bottom: 1.5pt solid; padding: 2mm 0; font-style: italic;",
    "box": "border: 1pt solid; padding: 2mm 3mm; font-weight: bold;",
    "bar": "border-left: 4pt solid #444; padding: 0 0 0 3mm; font-style: italic;",
    "large": "font-size: 1.6em; line-height: 1.15; margin: 4mm 0; font-style: italic;",
}
HEADINGS = {
    "bold": "font-weight: bold;",
    "caps": "font-weight: bold; text-transform: uppercase; letter-spacing: .04em;",
    "smallcaps": "font-weight: normal; font-variant: small-caps; font-size: 1.25em;",
    "numbered": "font-weight: bold;",
}


def stylesheet(layout: dict, head: str) -> str:
    rule = "column-rule: 0.5pt solid #888;" if layout["column_rule"] else ""
    paragraph = (
        "margin: 0 0 .7em; text-indent: 0"
        if layout["paragraphs"] == "spaced"
        else "margin: 0; text-indent: 1.3em"
    )
    note_rule = {"short": "border-top: .5pt solid; width: 35%", "full": "border-top: .5pt solid", "none": ""}
    lines = layout["dropcap"] or 2
    return f"""
@page {{ size: {layout["paper"]}; margin: {layout["margin"]};
  font: italic 8pt {quoted(layout["display"])};
  @footnote {{ padding-top: 1mm; {note_rule[layout["note_rule"]]}; }} }}
{margin_boxes(layout, head)}
@page :first {{ counter-reset: page {layout["first_page"]}; }}
html {{ font: {layout["size"]}/{layout["leading"]} {quoted(layout["body"])}; }}
body {{ margin: 0; counter-reset: heading; }}
header {{ margin-bottom: 5mm; }}
h1 {{ font: bold 2em/1.1 {quoted(layout["display"])}; margin: 0 0 2mm; }}
.deck {{ font-size: 1.2em; font-style: italic; margin: 0 0 2mm; }}
.byline {{ font: bold .9em {quoted(layout["display"])}; margin: 0; }}
article {{ columns: {layout["columns"]}; column-gap: {layout["gap"]}; {rule} text-align: {layout["align"]};
  hyphens: auto; }}
p {{ {paragraph}; orphans: 2; widows: 2; }}
h2 + p, .first {{ text-indent: 0; }}
h2 {{ font-family: {quoted(layout["display"])}; font-size: 1.1em; margin: 1em 0 .4em; break-after: avoid;
  {HEADINGS[layout["headings"]]} {
        "border-top: .8pt solid; padding-top: 1mm;" if layout["heading_rule"] else ""
    } }}
article > h2:not(.notes-title) {{ counter-increment: heading; }}
{
        "article > h2:not(.notes-title)::before { content: counter(heading) '. '; }"
        if layout["headings"] == "numbered"
        else ""
    }
.dropcap {{ float: left; font-size: {
        lines * layout["leading"] * 0.93:.2f}em; line-height: 1; font-weight: bold;
  margin: .05em .08em 0 0; }}
.pull {{ {QUOTES[layout["quote"]]} font-size: {"1.6em" if layout["quote"] == "large" else "1.25em"};
  text-align: left; margin: 3mm 0; break-inside: avoid; }}
.pull.span {{ column-span: all; }}
.goes-on {{ text-indent: 0; }}
.box {{ {BOXES[layout["box"]]} margin: 3mm 0; font: .9em/1.3 {quoted(layout["display"])}; text-align: left;
  break-inside: avoid; }}
.box.float {{ float: right; width: 48%; margin: 1mm 0 2mm 3mm; }}
.box.span {{ column-span: all; }}
.box h3 {{ font-size: 1em; margin: 0 0 1mm; {
        "background: #222; color: white; margin: 0 -3mm 1.5mm; padding: 1mm 3mm;"
        if layout["box"] == "titlebar"
        else ""
    } }}
.box ul {{ margin: 0; padding-left: 4mm; }}
.box ul.plain {{ list-style: none; padding-left: 0; }}
.box table {{ border-collapse: collapse; }}
.box td {{ padding: .4mm 2mm .4mm 0; vertical-align: top; }}
.box dl {{ margin: 0; }} .box dd {{ margin: 0 0 1mm 12mm; }}
.box dt {{ font-weight: bold; float: left; width: 11mm; }}
figure {{ margin: 3mm 0; break-inside: avoid; }}
figure .picture {{ height: 4cm; {
        "background: #aaa" if layout["figure"] == "filled" else "border: .8pt solid"
    }; }}
figcaption {{ font: italic .8em {quoted(layout["display"])}; margin: 1mm 0; }}
.notes {{ column-span: all; font-size: .85em; margin-top: 4mm; }}
.notes ol {{ margin: 0; padding-left: 5mm; }}
.footnote {{ float: footnote; font-size: .8em; text-indent: 0; text-align: left; }}
.footnote::footnote-call {{ content: counter(footnote); vertical-align: super; font-size: .65em; }}
.footnote::footnote-marker {{ content: counter(footnote) ". "; }}
"""


def with_notes(text: str, notes: list[str], layout: dict) -> str:
    """A paragraph's HTML with its note calls: CSS footnotes at the page's foot, or superscripts."""
    if layout["notes"] != "foot":
        return inline(text)

    def note(found: re.Match) -> str:
        number = int(found[0].translate(SUPERSCRIPTS))
        if number > len(notes):
            return f"<sup>{number}</sup>"
        return f'<span class="footnote">{html.escape(notes[number - 1])}</span>'

    parts = NOTE_CALL.split(text)
    calls = NOTE_CALL.finditer(text)
    return html.escape(parts[0]) + "".join(
        note(c) + html.escape(p) for c, p in zip(calls, parts[1:], strict=True)
    )


def sidebar(box: dict, layout: dict, number: int) -> str:
    title = f"<h3>{html.escape(box['title'])}</h3>"
    if "items" in box:
        plain = ' class="plain"' if box.get("bullets") is False else ""
        content = f"<ul{plain}>" + "".join(f"<li>{html.escape(i)}</li>" for i in box["items"]) + "</ul>"
    elif "table" in box:
        rows = (
            "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in box["table"]
        )
        content = "<table>" + "".join(rows) + "</table>"
    else:
        content = (
            "<dl>" + "".join(f"<dt>{y}</dt><dd>{html.escape(e)}</dd>" for y, e in box["facts"]) + "</dl>"
        )
    place = layout["box_place"] if number == 1 else "flow"
    return f'<aside class="box {place}">{title}{content}</aside>'


def page_html(text: dict, layout: dict) -> str:
    """One text's page in one drawn layout."""
    notes = list(text.get("notes", []))
    body: list[str] = []
    first, boxes = True, 0
    for block in text["blocks"]:
        if isinstance(block, str):
            attribute = ' class="first"' if first else ""
            if first and layout["dropcap"]:
                body.append(f'<p class="first"><span class="dropcap">{html.escape(block[0])}</span>')
                body[-1] += with_notes(block[1:], notes, layout) + "</p>"
            else:
                body.append(f"<p{attribute}>{with_notes(block, notes, layout)}</p>")
            first = False
        elif "heading" in block:
            body.append(f"<h2>{html.escape(block['heading'])}</h2>")
        elif "quote" in block:
            span = " span" if layout["quote_span"] else ""
            body.append(f'<blockquote class="pull{span}">{inline(block["quote"])}</blockquote>')
        elif "sidebar" in block:
            boxes += 1
            body.append(sidebar(block["sidebar"], layout, boxes))
        elif "caption" in block:
            caption = f"<figcaption>{html.escape(block['caption'])}</figcaption>"
            picture = '<div class="picture"></div>'
            inside = caption + picture if layout["caption_above"] else picture + caption
            body.append(f"<figure>{inside}</figure>")
    if notes and layout["notes"] == "end":
        items = "".join(f"<li>{inline(n)}</li>" for n in notes)
        body.append(f'<section class="notes"><h2 class="notes-title">Notes</h2><ol>{items}</ol></section>')
    title = html.escape(text["title"])
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{stylesheet(layout, text['layout']['head'])}</style></head><body><header>"
        f"<h1>{title}</h1><p class=deck>{html.escape(text['deck'])}</p>"
        f"<p class=byline>{html.escape(text['byline'])}</p></header>"
        f"<article>{''.join(body)}</article></body></html>"
    )


ATTEMPTS = 6
"""How many layouts are drawn for a page before giving up: a renderer may fail or drop words itself
(WeasyPrint 70 drops a floated box's lines at a page's end, or a note's, and fails on some pages),
and a page that lost them in print is no test of reading it; the layout is drawn again (its seed
plus 1000 each time, recorded)."""


def texts_in(value: object) -> list[str]:
    """Every string a text's YAML holds, its keys aside (a sidebar's title and items, a table's cells)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts_in(v)]
    return [str(value)] if isinstance(value, str | int) and not isinstance(value, bool) else []


def words_lost(text: dict, pdf: Path) -> set[str]:
    """The words of a text that its PDF does not print (as pdftotext reads it, hyphens joined)."""
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    printed = re.sub(r"[-\u2010\u00ad]\n\s*", "", printed)
    written = [text["title"], text["deck"], text["byline"], *texts_in(text["blocks"]), *text.get("notes", [])]
    words = set(re.findall(r"[^\W\d_]{3,}", " ".join(written).lower()))
    shown = set(re.findall(r"[^\W\d_]{2,}", printed.lower()))
    return {w for w in words - shown if w[1:] not in shown}  # a drop cap stands apart from its word


def print_page(renderer: str, page: Path, pdf: Path) -> None:
    if renderer == "weasyprint":
        import weasyprint

        weasyprint.HTML(filename=str(page)).write_pdf(str(pdf))
        return
    with tempfile.TemporaryDirectory() as profile:
        command = [str(CHROMIUM), *FLAGS, "--no-pdf-header-footer", f"--user-data-dir={profile}"]
        subprocess.run([*command, f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--into", type=Path, default=CORPUS / "html", help="the folder of the PDFs")
    arguments = parser.parse_args()
    out = arguments.into
    out.mkdir(parents=True, exist_ok=True)
    recorded = out / "layouts.json"
    layouts = json.loads(recorded.read_text("utf-8")) if recorded.exists() else {}
    with tempfile.TemporaryDirectory() as work:
        for index, path in enumerate(sorted(TEXTS.glob("*.yml"))):
            text = yaml.safe_load(path.read_text(encoding="utf-8"))
            for seed in arguments.seeds:
                drawn = seed * 100 + index
                for renderer in RENDERERS:
                    name = f"{path.stem}.{renderer}-s{drawn}"
                    page, pdf = Path(work) / f"{name}.html", out / f"{name}.pdf"
                    for attempt in range(ATTEMPTS):
                        layout = draw(drawn * 2 + RENDERERS.index(renderer) + 1000 * attempt, renderer)
                        page.write_text(page_html(text, layout), encoding="utf-8")
                        try:
                            print_page(renderer, page, pdf)
                        except Exception as failed:  # a renderer's own failure
                            print(f"{name}: {renderer} failed ({type(failed).__name__}): drawn again")
                            continue
                        lost = words_lost(text, pdf)
                        if not lost:
                            break
                        print(f"{name}: {renderer} lost {' '.join(sorted(lost)[:8])}…: drawn again")
                    else:
                        raise SystemExit(f"{name}: every layout drawn loses words")
                    layouts[name] = layout | {"attempt": attempt}
                    print(
                        name, layout["paper"], layout["columns"], "columns,", layout["body"], layout["size"]
                    )
    recorded.write_text(json.dumps(layouts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
