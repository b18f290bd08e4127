"""Editorial corrections: directives anchored by quoted text, from tests/cases/corrections/*.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import describe, load_cases, matches

from cancun_reader.core.errors import InputError
from cancun_reader.text.blocks import parse_blocks
from cancun_reader.text.corrections import apply_corrections
from cancun_reader.text.corrections_file import load_corrections


def correct(case: dict, folder: Path):
    path = folder / "x.corrections.yml"
    path.write_text(case["directives"], encoding="utf-8")
    directives = load_corrections(path)
    shaped, done = apply_corrections(parse_blocks(case["text"]), directives, "sources/x.txt")
    settled, confirmed = apply_corrections(shaped, directives, "sources/x.txt", after_repairs=True)
    return settled, done + confirmed  # the repairs, which run in between, left out


@pytest.mark.parametrize("case", load_cases("corrections"))
def test_correction(case: dict, tmp_path: Path) -> None:
    if "error" in case:
        with pytest.raises(InputError) as caught:
            correct(case, tmp_path)
        assert case["error"] in caught.value.message
        assert caught.value.line == case["line"]
        assert caught.value.path.endswith("x.corrections.yml")
        return
    blocks, repairs = correct(case, tmp_path)
    got = [describe(b) for b in blocks]
    assert len(got) == len(case["blocks"]), got
    for actual, expected in zip(got, case["blocks"], strict=True):
        assert matches(actual, expected), f"{actual} does not match {expected}"
    assert len(repairs) == case["directives"].count("\n- ") + 1  # each directive is recorded
    if "confirmed_line" in case:  # a confirmation changes nothing but is recorded on its paragraph
        assert repairs[-1].line == case["confirmed_line"]
