"""Layout: each step on the lines of a small text, from tests/cases/layout/*.yml.

A case names a step; the stage runs in its real order up to and including it, and the case gives
the lines it leaves (a blank line where a block ends) and the kinds of change it records; a case
may say which lines a box drawn on the PDF's page holds (`boxes`: first and last line of each)."""

from __future__ import annotations

import pytest
from project import load_cases

from cancun_reader.core.model import Printed
from cancun_reader.core.prose.words import COMMON_WORD, words_of, zipf
from cancun_reader.core.steps import run_steps
from cancun_reader.text.layout import layout_steps
from cancun_reader.text.layout.lines import number_lines


def run_until(case: dict) -> tuple[str, list[str]]:
    known = words_of(case["text"])
    printed = Printed(boxes=tuple(tuple(box) for box in case.get("boxes", ())))
    steps = layout_steps(lambda word: word.lower() in known or zipf(word) >= COMMON_WORD, printed)
    lines, repairs = run_steps(steps, number_lines(case["text"]), until=case["step"])
    return "\n".join(text for _, text in lines), [r.kind for r in repairs]


@pytest.mark.parametrize("case", load_cases("layout"))
def test_layout(case: dict) -> None:
    lines, kinds = run_until(case)
    assert lines == case["lines"].rstrip("\n"), lines
    assert kinds == case.get("kinds", []), kinds


def test_every_layout_step_has_a_case() -> None:
    named = {case.values[0]["step"] for case in load_cases("layout")}
    assert {each.name for each in layout_steps(lambda word: True, Printed())} - named <= {
        "break_where_printed"
    }
