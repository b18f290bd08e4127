"""How far each text is proofread, as Wikisource says it: on the article's page and in the index of
articles, never more than the build's doubts allow; and a published copy that asks for proofread
texts refuses the others, naming them, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import edit, tree_snapshot

from cancun_reader.build.pipeline import build
from cancun_reader.build.settings import Settings
from cancun_reader.core.errors import InputError

CUT = "The talks began on a Wednesday.\n\nBy the Sunday the delegates of the\n"
"""A text whose last paragraph is cut, with nothing to continue it: a doubt."""
WALKOUT = "- file: cancun-walkout-pww.txt\n  slug: cancun-walkout-pww\n"


def settings(project: Path, **options) -> Settings:
    return Settings.of(project, cache=None, **options)


def test_each_article_says_how_far_it_is_proofread_and_the_index_too(project: Path) -> None:
    edit(
        project / "sources" / "catalog.yml",
        WALKOUT,
        f"{WALKOUT}  status: validated\n  proofread_by: Ana Lima\n  validated_by: Rui Sá\n",
    )
    build(settings(project))
    docs = project / "docs"
    walkout = (docs / "articles" / "cancun-walkout-pww.md").read_text(encoding="utf-8")
    assert "Proofreading: **validated**, proofread by Ana Lima, then confirmed by Rui Sá." in walkout
    mexico = (docs / "articles" / "mexico-discovers-the-wto.md").read_text(encoding="utf-8")
    assert "Proofreading: **not proofread**" in mexico
    index = (docs / "articles" / "index.md").read_text(encoding="utf-8")
    assert '<span class="proofreading-word status-validated">validated</span>' in index
    assert index.count('<span class="proofreading-word status-not-proofread">') == 2


def test_a_text_said_proofread_while_the_build_doubts_its_reading_is_shown_not_proofread(
    project: Path,
) -> None:
    (project / "sources" / "doubted.txt").write_text(CUT, encoding="utf-8")
    catalog = project / "sources" / "catalog.yml"
    entry = "\n- file: doubted.txt\n  slug: doubted\n  title: D\n  status: proofread\n"
    catalog.write_text(catalog.read_text(encoding="utf-8") + entry, encoding="utf-8")
    report = build(settings(project))
    page = (project / "docs" / "articles" / "doubted.md").read_text(encoding="utf-8")
    assert "Proofreading: **not proofread**" in page and "1 place where its reading is unsure" in page
    said = [
        n for n in report.notices if n.path.endswith("doubted.txt") and "entry says proofread" in n.message
    ]
    assert said and said[0].is_doubt  # said to the editor, never fatal


@pytest.mark.parametrize("least", ["proofread", "validated"])
def test_a_published_copy_refuses_texts_proofread_less_than_it_asks_naming_them(
    project: Path, least: str
) -> None:
    before = tree_snapshot(project / "docs")
    with pytest.raises(InputError) as refused:
        build(settings(project, site_url="https://example.org/reader/", publish_status=least))
    message = str(refused.value)
    assert message.startswith("mkdocs.yml: publish_status asks for texts proofread at least to")
    for name in (
        "cancun-walkout-pww.txt",
        "citizens-diplomacy-cancun-miami.txt",
        "mexico-discovers-the-wto.txt",
    ):
        assert f"sources/{name} (not proofread)" in message
    assert tree_snapshot(project / "docs") == before  # nothing written


def test_an_unpublished_copy_or_the_least_status_publishes_every_text(project: Path) -> None:
    build(settings(project, site_url="", publish_status="validated"))  # no address: a preview
    build(settings(project, site_url="https://example.org/reader/"))  # asks for nothing more


def test_a_reader_is_told_where_the_reading_is_unsure_and_the_editors_index_lists_every_text(
    project: Path,
) -> None:
    (project / "sources" / "doubted.txt").write_text(CUT, encoding="utf-8")
    build(settings(project))
    docs = project / "docs"
    page = (docs / "articles" / "doubted.md").read_text(encoding="utf-8")
    said = "Unsure reading: This paragraph stops in the middle of a sentence"
    assert page.count('class="doubt-mark"') == 1 and said in page
    marked = next(line for line in page.splitlines() if "doubt-mark" in line)
    assert marked.startswith("By the Sunday the delegates of the")  # on the paragraph it is about
    index = (docs / "proofreading" / "index.md").read_text(encoding="utf-8")
    for slug in (
        "cancun-walkout-pww",
        "citizens-diplomacy-cancun-miami",
        "mexico-discovers-the-wto",
        "doubted",
    ):
        assert f"](../articles/{slug}.md)" in index and f"](../received/{slug}.md)" in index
    row = next(line for line in index.splitlines() if "(../articles/doubted.md)" in line)
    assert "not proofread" in row and "| 1 |" in row
