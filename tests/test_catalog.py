"""The catalog: validated at the edge, every problem named by file and line."""

from pathlib import Path

import pytest
from project import ROOT, load_cases

from cancun_reader.core.errors import InputError
from cancun_reader.core.model import UNKNOWN
from cancun_reader.sources.catalog import load_catalog, match_files

SHOWN = "sources/catalog.yml"


@pytest.mark.parametrize("case", load_cases("catalog"))
def test_bad_catalog_is_refused_with_its_line(case: dict) -> None:
    with pytest.raises(InputError) as caught:
        entries = load_catalog(Path(SHOWN), SHOWN, case["catalog"])
        match_files(entries, case["files"], SHOWN)
    assert case["error"] in caught.value.message
    assert caught.value.line == case["line"]
    assert caught.value.path == SHOWN


def test_values_are_kept_as_typed() -> None:
    text = "- file: a.txt\n  slug: a\n  title: 'Yes'\n  date: 2003-10\n  title_is_editorial: true\n"
    (entry, line), *_ = load_catalog(Path(SHOWN), SHOWN, text)
    assert (entry.title, entry.date, entry.title_is_editorial, line) == ("Yes", "2003-10", True, 1)
    assert entry.author == UNKNOWN


def test_a_file_without_entry_gets_a_title_from_its_name_and_a_note() -> None:
    entries = load_catalog(Path(SHOWN), SHOWN, "- file: a.txt\n  slug: a\n  title: A\n")
    matched, notices = match_files(entries, ["a.txt", "Declaración_de-Cancún.txt"], SHOWN)
    new = matched[1]
    assert (new.slug, new.title, new.catalogued) == ("declaracion-de-cancun", "Declaración de Cancún", False)
    assert [str(n) for n in notices] == [
        "sources/Declaración_de-Cancún.txt: has no entry in sources/catalog.yml; "
        "titled 'Declaración de Cancún' from its file name. To describe it, add an entry with "
        "'file: Declaración_de-Cancún.txt', a slug, a title and 'unknown' for what the text does not say"
    ]
    assert [n.severity for n in notices] == ["note"]


def test_the_real_catalog_describes_every_source_and_invents_nothing() -> None:
    path = ROOT / "sources" / "catalog.yml"
    files = sorted(p.name for p in (ROOT / "sources").glob("*.txt"))
    matched, notices = match_files(load_catalog(path, SHOWN, path.read_text(encoding="utf-8")), files, SHOWN)
    assert notices == []
    by_file = {e.file: e for e in matched}
    walkout = by_file["cancun-walkout-pww.txt"]
    assert (walkout.author, walkout.publication) == ("Shelly Delos", "People's Weekly World")
    for entry in matched:
        text = (ROOT / "sources" / entry.file).read_text(encoding="utf-8")
        # An author we name must be named by the text itself.
        assert entry.author == UNKNOWN or entry.author in text
        # None of the texts carries a title line, so every title is marked as composed.
        assert entry.title_is_editorial


def test_a_status_is_read_with_who_proofread_and_validated() -> None:
    text = "- file: a.txt\n  slug: a\n  title: A\n  status: validated\n  proofread_by: Ana\n  validated_by: R"
    (entry, _), *_ = load_catalog(Path(SHOWN), SHOWN, text)
    assert (entry.status, entry.proofread_by, entry.validated_by) == ("validated", "Ana", "R")
    (plain, _), *_ = load_catalog(Path(SHOWN), SHOWN, "- file: a.txt\n  slug: a\n  title: A\n")
    assert plain.status == "not proofread"
