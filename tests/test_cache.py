"""The cache of converted texts: a rebuild converts only what changed, gives the same pages as a
build without it, and survives being damaged or deleted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import cancun_reader.build.inputs
import cancun_reader.core.cache
from cancun_reader.build.pipeline import convert
from cancun_reader.core.cache import Cache
from cancun_reader.site.references import STYLES


def build_with(project: Path, cache: Cache) -> dict[str, str]:
    return convert(project / "sources", project / "topics", cache=cache).pages


def test_a_rebuild_converts_nothing_and_gives_the_same_pages(project: Path, tmp_path: Path) -> None:
    plain = build_with(project, Cache(None))
    assert build_with(project, Cache(tmp_path / "cache")) == plain
    again = Cache(tmp_path / "cache")
    assert build_with(project, again) == plain
    assert again.misses == 0 and again.hits >= 3


def test_editing_one_text_converts_that_text_only(project: Path, tmp_path: Path) -> None:
    build_with(project, Cache(tmp_path / "cache"))
    text = project / "sources" / "mexico-discovers-the-wto.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("smallholder", "small"), encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    pages = build_with(project, cache)
    assert cache.misses == 1
    assert "small farmers" in pages["articles/mexico-discovers-the-wto.md"]
    assert pages == build_with(project, Cache(None))


@pytest.mark.parametrize("change", ["topics", "corrections", "code"])
def test_what_a_text_depends_on_is_part_of_its_key(
    project: Path, tmp_path: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_with(project, Cache(tmp_path / "cache"))
    if change == "topics":
        path = project / "topics" / "nafta.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("aliases: [NAFTA,", "aliases: [NAFTA, Mexico,")
        )
    elif change == "corrections":
        path = project / "sources" / "citizens-diplomacy-cancun-miami.corrections.yml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    else:
        monkeypatch.setattr(
            cancun_reader.core.cache, "code_version", lambda: "a new version of the converter"
        )
    cache = Cache(tmp_path / "cache")
    pages = build_with(project, cache)
    # the texts that depend on the change are converted again; new code reads the catalog again
    # too, and renders the citations again (each article in each style, and in BibTeX)
    citations = 3 * (len(STYLES) + 1)
    assert cache.misses == {"corrections": 1, "topics": 3, "code": 4 + citations}[change]
    assert pages == build_with(project, Cache(None))


def test_a_pdf_is_read_again_by_another_pdftotext(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF's text is pdftotext's reading of it: another pdftotext, another key; a text's key does
    not depend on it."""
    pdf = Path(__file__).resolve().parent / "corpus" / "pdf" / "09-medicines.weasyprint.pdf"
    shutil.copy(pdf, project / "sources" / "medicines.pdf")
    build_with(project, Cache(tmp_path / "cache"))
    monkeypatch.setattr(cancun_reader.build.inputs, "reader_version", lambda: "pdftotext version 99")
    cache = Cache(tmp_path / "cache")
    build_with(project, cache)
    # the PDF read again, and the title its first page prints; its citations depend on its entry
    assert cache.misses == 2


def test_a_damaged_or_deleted_cache_is_only_slower(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    plain = build_with(project, Cache(folder))
    for entry in folder.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert build_with(project, Cache(folder)) == plain
    shutil.rmtree(folder)
    assert build_with(project, Cache(folder)) == plain
