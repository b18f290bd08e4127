"""An editor's task, kept: four PDFs set by a renderer family the development set does not use
(LibreOffice, from an earlier draw of the test set, kept with their layouts beside the directives
an editor wrote for them in `tests/cases/proofreading/`), proofread against their pages, reach a
faithful page: every block of the clean text, whole and of its
kind, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from project import ROOT

from cancun_reader.build.texts import make_article
from cancun_reader.core.model import Entry, Source
from cancun_reader.devtools.quality.corpus import layout_of, reading
from cancun_reader.devtools.quality.measures import expected_of, read_right
from cancun_reader.text.corrections_file import load_corrections

TASKS = sorted((ROOT / "tests" / "cases" / "proofreading").glob("*.corrections.yml"))


@pytest.mark.parametrize("corrections", TASKS, ids=[p.name.split(".")[0] for p in TASKS])
def test_the_directives_an_editor_wrote_give_a_faithful_page(corrections: Path) -> None:
    pdf = corrections.with_name(corrections.name.replace(".corrections.yml", ".pdf"))  # kept beside them
    text = yaml.safe_load((ROOT / "tests" / "corpus" / "texts" / f"{pdf.name.split('.')[0]}.yml").read_text())
    layout = layout_of(pdf)
    expected = expected_of(text, layout.get("notes") == "foot", layout.get("headings") == "numbered")
    extracted, printed = reading("pdf", pdf)
    entry = Entry(file=pdf.name, slug="x", title="X", catalogued=False)
    article, _ = make_article(
        Source(f"sources/{pdf.name}", extracted, entry, printed), load_corrections(corrections)
    )
    assert [b for b in article.blocks if not read_right(b, expected)] == []
    wanted = len(expected.paragraphs) + len(expected.headings) + len(expected.quotes) + len(expected.notes)
    assert len(article.blocks) >= wanted  # nothing lost: each of the clean text's blocks is there
