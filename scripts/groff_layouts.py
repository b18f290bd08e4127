"""The PDF reader's held-out texts (`tests/corpus/heldout-texts/`) set by groff's `ms` macros and
gropdf, in layouts drawn from seeds: a second producer of a lineage the development set does not
use (the Unix typesetter, older than any other here), for the same draw of texts as ReportLab's.

    make corpus-heldout                                        # with the rest of the test set
    .corpus-venv/bin/python scripts/groff_layouts.py --seeds 2903 --draw 2

Each layout draws the paper, one or two columns, a type family (Times, Helvetica, Palatino or
Bookman, as gropdf embeds them), its size and leading, justified or ragged lines, paragraphs
indented (`.PP`) or flush and spaced (`.LP`), headings numbered (`.NH`) or not (`.SH`), a running
head and page number at the top or the foot, boxes drawn round their lines (`.B1`/`.B2`), pull
quotes set in and in italic (`.QP`), a picture's stand-in drawn as a frame with its caption below,
and notes at the end under the title the text gives, or as footnotes at the foot of the page where
the text calls them (`.FS`/`.FE`). A draw replaces the groff PDFs of the one before, as
`reportlab_layouts.py` does; the layouts are recorded in the folder's `layouts.json`.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
from pathlib import Path

import yaml

from cancun_reader.devtools.draws import draw_from_command_line

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus" / "heldout"
FAMILIES = {"Times": "T", "Helvetica": "H", "Palatino": "P", "Bookman": "A"}
PAPERS = {"A4": "a4", "Letter": "letter"}
CALL = re.compile(r"[¹²³⁴⁵]|\[\d\]")


def draw_layout(rng: random.Random) -> dict:
    return {
        "paper": rng.choice(list(PAPERS)),
        "columns": rng.choice([1, 2, 2]),
        "family": rng.choice(list(FAMILIES)),
        "size": rng.choice([9, 10, 11]),
        "leading": rng.choice([1.2, 1.3]),
        "align": rng.choice(["justify", "left"]),
        "paragraphs": rng.choice(["indented", "spaced"]),
        "headings": rng.choice(["numbered", "bold"]),
        "head": rng.choice(["top", "foot"]),
        "notes": rng.choice(["end", "foot"]),
    }


def escaped(text: str) -> str:
    """A line of text as troff reads it: a backslash doubled, a line starting with a dot or an
    apostrophe guarded, dashes and quotes as the characters they are."""
    text = text.replace("\\", "\\e")
    return ("\\&" + text) if text[:1] in ".'" else text


def with_calls(text: str, notes: list[str], layout: dict, used: list[int]) -> list[str]:
    """A paragraph's lines, each note it calls set at the foot of the page (`.FS`/`.FE`) when the
    layout asks for footnotes; its calls kept as printed otherwise."""
    if layout["notes"] != "foot" or not notes:
        return [escaped(text)]
    lines: list[str] = []
    rest = text
    for call in CALL.finditer(text):
        number = len(used) + 1
        if number > len(notes):
            break
        before, rest = rest.split(call[0], 1)
        lines += [escaped(before) + "\\**", ".FS", escaped(notes[number - 1]), ".FE"]
        used.append(number)
    lines.append(escaped(rest.lstrip()) if rest.strip() else "")
    return [line for line in lines if line]


def document(text: dict, layout: dict) -> str:
    """The text as a troff document for the `ms` macros."""
    size, family = layout["size"], FAMILIES[layout["family"]]
    head = escaped(text["layout"]["head"])
    edge = f".ds LH {head}\n.ds RH %\n" if layout["head"] == "top" else f".ds LF {head}\n.ds RF %\n.ds CH\n"
    lines = [
        f".nr PS {size}",
        f".nr VS {round(size * layout['leading'], 1)}",
        f".fam {family}",
        ".nr PI 1.5n" if layout["paragraphs"] == "indented" else ".nr PD 0.6v",
        edge.rstrip("\n"),
        ".ad b" if layout["align"] == "justify" else ".ad l",
        ".TL",
        escaped(text["title"]),
    ]
    if text.get("byline"):
        lines += [".AU", escaped(text["byline"])]
    if text.get("deck"):
        lines += [".AB no", escaped(text["deck"]), ".AE"]
    if layout["columns"] == 2:
        lines.append(".2C")
    notes, used = text.get("notes", []), []
    paragraph = ".PP" if layout["paragraphs"] == "indented" else ".LP"
    for block in text["blocks"]:
        if isinstance(block, str):
            lines += [paragraph, *with_calls(block, notes, layout, used)]
        elif "heading" in block:
            lines += [".NH" if layout["headings"] == "numbered" else ".SH", escaped(block["heading"])]
        elif "quote" in block:
            lines += [".QP", f"\\fI{escaped(block['quote'])}\\fP"]
        elif "caption" in block:
            lines += [
                ".LP",
                "\\D'l 1i 0'\\D'l 0 0.6i'\\D'l -1i 0'\\D'l 0 -0.6i'",
                ".sp 0.7i",
                ".LP",
                f"\\s-1\\fI{escaped(block['caption'])}\\fP\\s+1",
            ]
        elif "sidebar" in block:
            box = block["sidebar"]
            rows = box.get("items") or [" ".join(str(c) for c in row) for row in box.get("table", [])]
            lines += [".B1", ".LP", f"\\fB{escaped(box['title'])}\\fP"]
            for row in rows:
                lines += [".br", escaped(row)]
            lines += [".B2"]
    if notes and not used:
        title = text.get("notes_title", "Notes")
        if title:
            lines += [".SH", escaped(title)]
        for number, note in enumerate(notes, 1):
            lines += [".LP", f"\\s-1{number}. {escaped(note)}\\s+1"]
    return "\n".join(lines) + "\n"


def set_text(path: Path, seed: int) -> tuple[str, dict]:
    text = yaml.safe_load(path.read_text(encoding="utf-8"))
    layout = draw_layout(random.Random(seed))
    calls = any(isinstance(b, str) and CALL.search(b) for b in text["blocks"])
    if not (text.get("notes") and calls):
        layout["notes"] = "end"  # footnotes need the text's calls to stand at
    name = f"{path.stem}.groff-s{seed}"
    paper = PAPERS[layout["paper"]]
    result = subprocess.run(
        ["groff", "-ms", "-Tpdf", f"-dpaper={paper}", f"-P-p{paper}", "-Kutf8"],
        input=document(text, layout).encode("utf-8"),
        capture_output=True,
        check=True,
        env={
            **os.environ,
            "SOURCE_DATE_EPOCH": "1070150400",
        },  # a fixed date (December 2003): the same bytes each time
    )
    (OUT / f"{name}.pdf").write_bytes(result.stdout)
    return name, layout


def main() -> None:
    draw_from_command_line("groff", __doc__.split("\n\n")[0], set_text)


if __name__ == "__main__":
    main()
