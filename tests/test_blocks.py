"""Blocks: text → typed blocks."""

from dataclasses import asdict

import pytest
from project import load_cases

from cancun_reader.text.blocks import parse_blocks


def describe(block) -> dict:
    """A block as the case files write it: its kind and its fields, tuples as lists."""
    fields = {
        k: v
        for k, v in asdict(block).items()
        if k not in ("anchor", "number", "quotation", "opens_mid_sentence", "continues", "level", "front")
    }
    if "rows" in fields:
        fields["rows"] = [list(row) for row in fields["rows"]]
    if "items" in fields:
        fields["items"] = list(fields["items"])
    return {"kind": type(block).__name__, **fields}


@pytest.mark.parametrize("case", load_cases("blocks"))
def test_parse_blocks(case: dict) -> None:
    assert [describe(b) for b in parse_blocks(case["text"])] == case["blocks"]
