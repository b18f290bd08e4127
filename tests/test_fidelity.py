"""Fidelity: every word of every source reaches its page, in the author's order, once (the
check is `fidelity.py`'s, which the corpus and damaged-text tests share)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fidelity import check_fidelity
from project import ROOT

from cancun_reader.build.pipeline import read_collection


@pytest.fixture(scope="module")
def articles():
    return read_collection(ROOT / "sources", ROOT / "topics").articles


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "sources").glob("*.txt")))
def test_every_word_of_a_source_reaches_its_page(articles, name: str) -> None:
    article = next(a for a in articles if a.source.entry.file == name)
    check_fidelity(article, ROOT / "sources" / name)


@pytest.mark.parametrize("damage", ["lose a word", "repeat a sentence", "swap two paragraphs"])
def test_the_fidelity_check_can_fail(articles, damage: str) -> None:
    article = next(a for a in articles if a.source.entry.file == "mexico-discovers-the-wto.txt")
    first, second = article.blocks[0], article.blocks[1]
    damaged = {
        "lose a word": (replace(first, text=first.text.replace("Mexico ", "", 1)), second),
        "repeat a sentence": (replace(first, text=first.text + " " + first.text[:40]), second),
        "swap two paragraphs": (second, first),
    }[damage]
    tampered = replace(article, blocks=(*damaged, *article.blocks[2:]))
    with pytest.raises(AssertionError):
        check_fidelity(tampered, ROOT / "sources" / "mexico-discovers-the-wto.txt")
