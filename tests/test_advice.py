"""Every doubt the build prints offers a directive that works when pasted as printed: for each text
of the corpus (its extractions, and a PDF of each generator), convert it, paste into its corrections
file the first directive each doubt offers, convert it again, and check that each doubt is gone and
that no directive is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from project import ROOT

from cancun_reader.build.texts import make_article
from cancun_reader.core.model import Entry
from cancun_reader.sources.read import source_of
from cancun_reader.text.corrections_file import load_corrections
from cancun_reader.text.doubts import ADVICE, READ_OUT_OF_ORDER

CORPUS = ROOT / "tests" / "corpus"
TEXTS = sorted((CORPUS / "extracted").glob("*.txt")) + [
    sorted((CORPUS / family).glob("*.pdf"))[0] for family in ("latex", "html", "pdf")
]


def doubts_of(path: Path, corrections: Path) -> list[tuple[int, str]]:
    """The doubts a conversion of the text at `path` has, with its corrections file, by line."""
    entry = Entry(file=path.name, slug="x", title="X")
    source, _ = source_of(path.read_bytes(), path.name, entry)
    return [(n.line, n.message) for n in make_article(source, load_corrections(corrections))[1]]


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_every_doubts_advice_works_when_pasted_as_printed(path: Path, tmp_path: Path) -> None:
    text = tmp_path / path.name
    shutil.copy(path, text)
    corrections = tmp_path / f"{text.stem}.corrections.yml"
    before = doubts_of(text, corrections)
    advice = [(line, found[1]) for line, message in before if (found := ADVICE.search(message))]
    whole = [m for _, m in before if not ADVICE.search(m)]
    assert all(READ_OUT_OF_ORDER in m for m in whole), whole[0]  # that alone asks for another extraction
    pasted = list(dict.fromkeys(directive for _, directive in advice))
    corrections.write_text("\n".join(pasted) + "\n", encoding="utf-8")
    after = doubts_of(text, corrections)  # a directive refused stops here, saying which
    left = [message for line, message in after if line in {line for line, _ in advice}]
    assert not left, f"{len(left)} of {len(advice)} doubts left after their advice: {left[0]}"
