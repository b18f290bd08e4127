"""The held-out texts of the PDF reader's test set, drawn twenty at a time and set by a producer the
development set does not use (`scripts/reportlab_layouts.py`, `scripts/groff_layouts.py`): which
texts a draw takes, and the draw that replaces a producer's earlier one. Light on purpose: the
producers' scripts run it in the corpus's own virtual environment, which has none of the build's
dependencies."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

HELD_OUT_TEXTS = "heldout-texts"
"""Texts no development run has seen (`tests/corpus/heldout-texts/`), set for the test set only, by
producers the development set does not use; those not yet drawn are the reserve for the next draw."""


DRAW = 20
"""How many held-out texts a draw sets."""


def text_number(path: Path) -> int:
    """A held-out text's number, which orders the texts for drawing (`h100-…` after `h99-…`).

    >>> text_number(Path("h100-statement.yml")) > text_number(Path("h99-news.yml"))
    True
    """
    return int(path.name[1:].split("-")[0])


def set_draw(
    corpus: Path,
    producer: str,
    seeds: list[int],
    draw: int,
    set_text: Callable[[Path, int], tuple[str, dict]],
) -> None:
    """Set a draw of the held-out texts (the `draw`th twenty, in the folder's order) with a
    producer's script (`set_text`: a text's file and a seed, to the PDF's name and its layout), in
    place of that producer's earlier draw, which was looked at and is not reported again; the
    layouts recorded in the test set's `layouts.json`."""
    folder = corpus / "heldout"
    folder.mkdir(parents=True, exist_ok=True)
    recorded = folder / "layouts.json"
    layouts = json.loads(recorded.read_text("utf-8")) if recorded.exists() else {}
    for earlier in folder.glob(f"*.{producer}-s*.pdf"):
        earlier.unlink()
        layouts.pop(earlier.stem, None)
    drawn = sorted((corpus / HELD_OUT_TEXTS).glob("*.yml"), key=text_number)[(draw - 1) * DRAW : draw * DRAW]
    for seed in seeds:
        for index, path in enumerate(drawn):
            name, layout = set_text(path, seed * 100 + index)
            layouts[name] = layout
            print(name, layout)
    recorded.write_text(json.dumps(layouts, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def draw_from_command_line(
    producer: str, description: str, set_text: Callable[[Path, int], tuple[str, dict]]
) -> None:
    """A producer's script run from `make corpus-heldout`: `--seeds` and `--draw`, then `set_draw`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seeds", type=int, nargs="+", required=True)
    parser.add_argument(
        "--draw", type=int, required=True, help="which twenty texts to set, in the folder's order"
    )
    options = parser.parse_args()
    set_draw(
        Path(__file__).resolve().parents[2] / "tests" / "corpus",
        producer,
        options.seeds,
        options.draw,
        set_text,
    )
