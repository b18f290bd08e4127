"""Editorial corrections: directives anchored by quoted text, from tests/cases/corrections/*.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import describe, load_cases, matches

from cancun_reader.build.texts import make_article
from cancun_reader.core.errors import InputError
from cancun_reader.core.model import Entry
from cancun_reader.sources.read import source_of
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


def test_a_join_the_editor_writes_is_done_even_where_the_first_paragraph_ends_a_sentence(
    tmp_path: Path,
) -> None:
    """Listed as done, it is done: the two paragraphs are one on the page."""
    (tmp_path / "x.corrections.yml").write_text(
        '- {join: "where the ministers met.", with: "Journalists from more"}\n', encoding="utf-8"
    )
    text = "The hall stood where the ministers met.\n\nJournalists from more than a hundred countries came.\n"
    source, _ = source_of(text.encode(), "x.txt", Entry("x.txt", "x", "X"))
    article, _ = make_article(source, load_corrections(tmp_path / "x.corrections.yml"))
    assert [b.text for b in article.blocks] == [
        "The hall stood where the ministers met. Journalists from more than a hundred countries came."
    ]
