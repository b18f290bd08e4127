"""Repair: each repair on small texts, from tests/cases/repair/*.yml.

A case names a repair; the repairs run in their real order up to and including it, so each case
shows that repair's effect without the ones that come after it."""

from __future__ import annotations

import pytest
from project import describe, load_cases, matches

from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Entry, Printed
from cancun_reader.core.prose.words import words_of
from cancun_reader.core.steps import run_steps
from cancun_reader.text.blocks import parse_blocks
from cancun_reader.text.repair import repair_blocks, repairs_for


def run_until(case: dict):
    entry = Entry(file="x.txt", slug="x", title="X", author=case.get("author", "unknown"))
    blocks = parse_blocks(case["text"])
    known = words_of(" ".join(getattr(b, "text", "") for b in blocks))
    printed = Printed(
        boxes=tuple(tuple(box) for box in case.get("boxes", [])),
        headings=frozenset(case.get("headings", [])),
        quotes=frozenset(case.get("quotes", [])),
    )
    steps = repairs_for(entry, known, frozenset(case.get("captions", [])), printed)
    return run_steps(steps, blocks, until=case["repair"])[0]


@pytest.mark.parametrize("case", load_cases("repair"))
def test_repair(case: dict) -> None:
    got = [describe(b) for b in run_until(case)]
    assert len(got) == len(case["blocks"]), got
    for actual, expected in zip(got, case["blocks"], strict=True):
        assert matches(actual, expected), f"{actual} does not match {expected}"


def test_every_repair_has_a_case() -> None:
    named = {case.values[0]["repair"] for case in load_cases("repair") if not case.marks}
    entry = Entry(file="x.txt", slug="x", title="X")
    assert {each.name for each in repairs_for(entry, frozenset())} <= named


def test_repairs_are_recorded_with_their_lines() -> None:
    text = "The first big mobiliza-\n\ntion was called.\n\nNOTES\n\n¹ A note."
    _, repairs = repair_blocks(parse_blocks(text), Entry(file="x.txt", slug="x", title="X"))
    kinds = [(r.kind, r.line) for r in repairs]
    assert (Kind.PARAGRAPH_REJOINED, 1) in kinds and (Kind.WORD_REJOINED, 1) in kinds
    assert (Kind.FOOTNOTE_LINKED, 7) in kinds and (Kind.HEADING_IN_TITLE_CASE, 5) in kinds
