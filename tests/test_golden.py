"""Golden Markdown: the generated page of each source, compared with the reviewed copy in
tests/golden/. After a deliberate change, `make golden` rewrites them; read the diff before committing."""

from __future__ import annotations

import os

import pytest
from project import ROOT

from cancun_reader.build.pipeline import convert
from cancun_reader.sources.catalog import load_catalog

GOLDEN = ROOT / "tests" / "golden"
CATALOG = ROOT / "sources" / "catalog.yml"
SLUGS = [e.slug for e, _ in load_catalog(CATALOG, "catalog.yml", CATALOG.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return convert(ROOT / "sources", ROOT / "topics").pages


@pytest.mark.parametrize("slug", SLUGS)
def test_article_page_matches_its_golden_copy(pages: dict[str, str], slug: str) -> None:
    golden = GOLDEN / f"{slug}.md"
    page = pages[f"articles/{slug}.md"]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert golden.exists(), f"no golden copy yet: run `make golden` and review {golden.name}"
    assert page == golden.read_text(encoding="utf-8"), f"{slug}: page changed; review it, then `make golden`"
