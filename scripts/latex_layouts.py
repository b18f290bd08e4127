"""The corpus's texts set by LaTeX (Debian's TeX Live: pdflatex, multicol, fancyhdr, lettrine),
each in a layout drawn from a seed: part of the PDF reader's development set (seeds 2501 and 2502,
`tests/corpus/latex/`), and, with other seeds, of its test set (`tests/corpus/heldout/`).

    make corpus-latex        # tests/corpus/latex/<text>.latex-s<seed>.pdf and layouts.json
    make corpus-heldout      # the test set, with LibreOffice's PDFs (scripts/office_layouts.py)

Beside the HTML template's PDFs (`tests/corpus/pdf/`, WeasyPrint and Chromium), these pages come
from another renderer family and other layouts: paper, margins, one to
three columns and their gap, type families (Latin Modern, Times, Palatino, Bookman), sizes, justified
or ragged, indented or spaced paragraphs, headings in bold or capitals or small capitals, boxes
framed or filled, pull quotes between rules, running heads at the top or the foot, page numbers in
several forms, notes at the foot of the page or at the end, drop caps. `layouts.json` records each
seed's layout. The seeds are fixed here so that the PDFs can be made again; a test failure that
leads to a change of the reader calls for new seeds (`--seeds`) before the figures are reported.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "corpus" / "texts"
CORPUS = ROOT / "tests" / "corpus"
SEEDS = (2501, 2502)
"""The development set's seeds (`tests/corpus/latex/`); the test set's are given with `--seeds`
and `--into tests/corpus/heldout` (`make corpus-heldout`)."""
SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
MARKER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
SPECIAL = {c: "\\" + c for c in "&%$#_{}"} | {
    "~": r"\textasciitilde{}",
    "^": r"\^{}",
    "\\": r"\textbackslash{}",
}

FAMILIES = {"Latin Modern": "lmodern", "Times": "mathptmx", "Palatino": "mathpazo", "Bookman": "bookman"}


def draw(seed: int) -> dict:
    """A layout drawn from its seed."""
    pick = random.Random(seed)
    return {
        "paper": pick.choice(["a4paper", "letterpaper", "a5paper"]),
        "margin": pick.choice(["18mm", "22mm", "25mm"]),
        "size": pick.choice(["10pt", "11pt", "12pt"]),
        "family": pick.choice(sorted(FAMILIES)),
        "columns": pick.choice([1, 2, 2, 3]),
        "gap": pick.choice(["1em", "5mm", "8mm"]),
        "ragged": pick.random() < 0.3,
        "spaced": pick.random() < 0.3,
        "headings": pick.choice(["bold", "caps", "smallcaps"]),
        "box": pick.choice(["framed", "filled"]),
        "head": pick.choice(["top", "foot", "both"]),
        "folio": pick.choice(["{n}", "– {n} –", "Page {n}", "{n} / {total}"]),
        "notes": pick.choice(["foot", "end"]),
        "dropcap": pick.random() < 0.5,
    }


def tex(text: str) -> str:
    return "".join(SPECIAL.get(c, c) for c in text).replace("’", "'")


def folio(template: str) -> str:
    return tex(template).replace(r"\{n\}", r"\thepage{}").replace(r"\{total\}", r"\pageref{LastPage}")


def with_notes(text: str, notes: list[str], layout: dict) -> str:
    """A paragraph with its note markers: LaTeX's own footnotes, or superscript numbers."""

    def marker(found: re.Match) -> str:
        number = int(found[0].translate(SUPERSCRIPT))
        if layout["notes"] == "foot" and number <= len(notes):
            return r"\footnote{" + tex(notes[number - 1]) + "}"
        return r"\textsuperscript{" + str(number) + "}"

    parts = MARKER.split(text)
    markers = MARKER.findall(text)
    out = tex(parts[0])
    for found, part in zip(markers, parts[1:], strict=True):
        out += marker(re.match(".+", found)) + tex(part)  # type: ignore[arg-type]
    return out


def heading(text: str, layout: dict) -> str:
    shape = {"bold": r"\textbf{%s}", "caps": r"\textbf{\MakeUppercase{%s}}", "smallcaps": r"\textsc{%s}"}
    return (
        r"\par\medskip\noindent{\large "
        + shape[layout["headings"]] % tex(text)
        + r"}\par\nopagebreak\smallskip"
        + "\n"
    )


def sidebar(box: dict, layout: dict) -> str:
    if "items" in box:
        content = r"\begin{itemize}" + "".join(r"\item " + tex(i) for i in box["items"]) + r"\end{itemize}"
    else:
        rows = box.get("table") or box.get("facts") or []
        content = (
            r"\begin{tabular}{@{}p{0.22\linewidth}p{0.66\linewidth}@{}}"
            + r"\\".join(" & ".join(tex(str(c)) for c in row) for row in rows)
            + r"\end{tabular}"
        )
    inner = (
        r"\begin{minipage}{0.92\linewidth}\small\raggedright\textbf{"
        + tex(box["title"])
        + r"}\par "
        + content
        + r"\end{minipage}"
    )
    frame = r"\fcolorbox{black}{white}{%s}" if layout["box"] == "framed" else r"\colorbox{black!12}{%s}"
    return "\n\\par\\medskip\\noindent " + frame % inner + "\\par\\medskip\n"


def document(text: dict, layout: dict) -> str:
    """The LaTeX source of one text in one layout."""
    notes = list(text.get("notes", []))
    body, first = [], True
    for block in text["blocks"]:
        if isinstance(block, str):
            paragraph = with_notes(block, notes, layout)
            if first and layout["dropcap"]:
                paragraph = r"\lettrine{" + tex(block[0]) + "}{}" + with_notes(block[1:], notes, layout)
            body.append(("\\noindent " if first else "") + paragraph + "\n")
            first = False
        elif "heading" in block:
            body.append(heading(block["heading"], layout))
        elif "quote" in block:
            body.append(
                "\n\\par\\medskip\\noindent\\rule{\\linewidth}{0.8pt}\\par{\\large\\itshape\\raggedright "
                + tex(block["quote"])
                + "\\par}\\noindent\\rule{\\linewidth}{0.8pt}\\par\\medskip\n"
            )
        elif "sidebar" in block:
            body.append(sidebar(block["sidebar"], layout))
        elif "caption" in block:
            body.append(
                "\n\\par\\medskip\\noindent\\framebox[\\linewidth]{\\rule{0pt}{3cm}}"
                + "\\par{\\footnotesize\\itshape "
                + tex(block["caption"])
                + "\\par}\\medskip\n"
            )
    if notes and layout["notes"] == "end":
        body.append(
            heading("Notes", layout)
            + r"{\small\begin{enumerate}"
            + "".join(r"\item " + tex(n) for n in notes)
            + r"\end{enumerate}}"
        )
    head = tex(text["layout"]["head"])
    top = head if layout["head"] in ("top", "both") else ""
    foot_head = head if layout["head"] in ("foot",) else ""
    columns = layout["columns"]
    flow = "\n\n".join(body)
    if columns > 1:
        flow = r"\begin{multicols}{%d}" % columns + "\n" + flow + "\n" + r"\end{multicols}"
    return "\n".join(
        [
            r"\documentclass[%s,%s]{article}" % (layout["size"], layout["paper"]),
            r"\usepackage[T1]{fontenc}\usepackage[utf8]{inputenc}\usepackage{%s}"
            % FAMILIES[layout["family"]],
            r"\usepackage[margin=%s]{geometry}\usepackage{multicol}\usepackage{fancyhdr}\usepackage{lettrine}"
            % layout["margin"],
            r"\usepackage[table]{xcolor}\usepackage{lastpage}\usepackage{microtype}",
            r"\setlength{\columnsep}{%s}" % layout["gap"],
            r"\setlength{\parskip}{0.6em}\setlength{\parindent}{0pt}" if layout["spaced"] else "",
            r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}",
            r"\fancyhead[C]{\footnotesize\itshape %s}" % top,
            r"\fancyfoot[C]{\footnotesize %s%s}"
            % (foot_head + (r"\quad " if foot_head else ""), folio(layout["folio"])),
            r"\begin{document}",
            r"\RaggedRight" if layout["ragged"] else "",
            r"{\noindent\LARGE\bfseries %s\par}\medskip" % tex(text["title"]),
            r"{\noindent\large\itshape %s\par}\medskip" % tex(text["deck"]),
            r"{\noindent\bfseries %s\par}\bigskip" % tex(text["byline"]),
            flow,
            r"\end{document}",
        ]
    ).replace(r"\RaggedRight", r"\raggedright")


def set_with_latex(source: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "text.tex").write_text(source, encoding="utf-8")
        for _ in range(2):  # twice, for the last page's number
            done = subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "text.tex"],
                cwd=folder,
                capture_output=True,
                text=True,
                errors="replace",  # TeX's log is in the bytes of the fonts' encodings
            )
        if done.returncode:
            raise SystemExit(f"pdflatex failed on {pdf.name}:\n{done.stdout[-2000:]}")
        pdf.write_bytes((Path(folder) / "text.pdf").read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--into", type=Path, default=CORPUS / "latex", help="the folder of the PDFs")
    arguments = parser.parse_args()
    seeds, out = arguments.seeds, arguments.into
    out.mkdir(parents=True, exist_ok=True)
    recorded = out / "layouts.json"
    layouts = json.loads(recorded.read_text("utf-8")) if recorded.exists() else {}
    for index, path in enumerate(sorted(TEXTS.glob("*.yml"))):
        text = yaml.safe_load(path.read_text(encoding="utf-8"))
        for seed in seeds:
            drawn = seed * 100 + index
            layout = draw(drawn)
            name = f"{path.stem}.latex-s{drawn}"
            set_with_latex(document(text, layout), out / f"{name}.pdf")
            layouts[name] = layout
            print(name, layout["columns"], "columns,", layout["family"], layout["size"])
    recorded.write_text(json.dumps(layouts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
