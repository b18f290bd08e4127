"""Which pages `make serve` (`mkdocs serve --dirty`) renders again after an edit
(`cancun_reader/mkdocs/preview.py`), rule by rule, on MkDocs's own files (pages stand in for its
pages) judged by its own rule of a dirty build: the serve
test (test_serve.py) checks the same in a real `mkdocs serve`, for the rules an edit of the three
texts reaches."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File

from cancun_reader.mkdocs.preview import Preview
from cancun_reader.mkdocs.workarounds import Failure, showing_failures

HOME = "index.md"
TOPICS = "topics/index.md"
ARTICLE, OTHER = "articles/a.md", "articles/b.md"


class FakePage:
    """What preview.py reads of a MkDocs page: its file (MkDocs's own `File`, its source in `docs/`
    and its built copy in `site/`), its source (front matter and Markdown), its title, its address."""

    def __init__(self, file: File, markdown: str, tags=(), title: str | None = None) -> None:
        self.source, self.source_tags, self.source_title = markdown, list(tags), title or file.src_uri
        self.markdown, self.meta, self.title = None, {}, None
        self.url, self.children = file.url, None
        self.file = file
        file.page = self  # a stand-in for MkDocs's Page

    def read_source(self, config) -> None:
        self.markdown, self.meta, self.title = self.source, {"tags": self.source_tags}, self.source_title


def page_file(root: Path, uri: str, markdown: str, modified: bool) -> File:
    """MkDocs's `File` of a page whose source is in `root/docs` and whose built copy, in `root/site`,
    is newer than the source, or, if `modified`, older (as a dirty build tells an edited page)."""
    file = File(uri, str(root / "docs"), str(root / "site"), use_directory_urls=False)
    source, built = Path(file.abs_src_path), Path(file.abs_dest_path)
    for path in (source, built):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    os.utime(source, (1_000_000, 1_000_000))
    os.utime(built, (900_000, 900_000) if modified else (1_100_000, 1_100_000))
    return file


def site(tmp_path: Path, *, modified=(), tags=None, gone=(), fragment="cards", titles=None) -> tuple:
    """A site of four pages (the home page includes `home.md`; the topics' index lists the tags),
    as a dirty build sees it: `modified` pages newer than their copy in the site."""
    includes = tmp_path / "includes"
    includes.mkdir(exist_ok=True)
    (includes / "home.md").write_text(fragment, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    tags, titles = tags or {ARTICLE: ["G21"], OTHER: ["FTAA"]}, titles or {}
    sources = {
        HOME: '# Home\n\n--8<-- "home.md"\n',
        TOPICS: "# Topics\n\n<!-- material/tags -->\n",
        ARTICLE: "# A\n",
        OTHER: "# B\n",
    }
    pages = [
        FakePage(
            page_file(tmp_path, uri, text, uri in modified), text, tags.get(uri, ()), titles.get(uri, "")
        )
        for uri, text in sources.items()
        if uri not in gone
    ]
    nav = SimpleNamespace(pages=pages[:2], items=pages[:2])
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"),
        theme=SimpleNamespace(custom_dir=None),
        mdx_configs={"pymdownx.snippets": {"base_path": ["includes"], "auto_append": []}},
    )
    return nav, config, SimpleNamespace(documentation_pages=lambda: [p.file for p in pages])


def rendered_again(preview: Preview, nav, config, files) -> set[str]:
    """The pages a dirty build renders again after `prepare`: by MkDocs's own rule, those whose
    built copy is older than their source, which are the pages `prepare` says it touched."""
    touched = preview.prepare(nav, config, files)
    assert {f.src_uri for f in files.documentation_pages() if f.is_modified()} == {
        page.file.src_uri for page in touched
    }
    for page in touched:  # what MkDocs then does with each page it renders: the copy is new
        os.utime(page.file.abs_dest_path, (1_200_000, 1_200_000))
        page.read_source(config)
        preview.page_read(page, page.markdown)
    preview.built()
    return {page.file.src_uri for page in touched}


@pytest.fixture
def preview(tmp_path: Path) -> Preview:
    """A preview after its first build, which rendered every page."""
    preview = Preview()
    assert rendered_again(preview, *site(tmp_path, modified=[HOME, TOPICS, ARTICLE, OTHER])) == {
        HOME,
        TOPICS,
        ARTICLE,
        OTHER,
    }
    return preview


CASES = [
    ("nothing changed", {}, set()),
    ("an article changed, its tags did not", {"modified": [ARTICLE]}, {ARTICLE}),
    ("a fragment changed: the page that includes it", {"fragment": "new cards"}, {HOME}),
    ("an article's tags changed: the listings", {"modified": [ARTICLE], "tags": {ARTICLE: ["NAFTA"]}}, "all"),
    ("the page that lists the tags changed", {"modified": [TOPICS]}, "all"),
    ("an article was taken out", {"gone": [OTHER]}, "all"),
    ("a title in the nav changed", {"titles": {TOPICS: "Topics, renamed"}}, "all"),
]


@pytest.mark.parametrize(("change", "edit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_an_edit_renders_again_the_pages_it_touched(
    preview: Preview, tmp_path: Path, change: str, edit: dict, expected
) -> None:
    nav, config, files = site(tmp_path, **edit)
    every = {page.src_uri for page in files.documentation_pages()}
    assert rendered_again(preview, nav, config, files) == (every if expected == "all" else expected)


def test_the_nav_keeps_the_titles_of_pages_not_rendered_again(preview: Preview, tmp_path: Path) -> None:
    nav, config, files = site(tmp_path)
    assert rendered_again(preview, nav, config, files) == set()
    assert [page.title for page in nav.pages] == [HOME, TOPICS]


def test_after_a_build_that_failed_while_rendering_every_page_is_rendered_again(
    preview: Preview, tmp_path: Path
) -> None:
    preview.prepare(*site(tmp_path, modified=[ARTICLE]))
    preview.failed()  # MkDocs could not render the article: the hook's on_build_error
    assert rendered_again(preview, *site(tmp_path)) == {HOME, TOPICS, ARTICLE, OTHER}


def test_after_bad_input_the_next_build_renders_only_what_changed(preview: Preview, tmp_path: Path) -> None:
    preview.failed()  # the conversion stopped on bad input, before MkDocs rendered anything
    assert rendered_again(preview, *site(tmp_path, modified=[ARTICLE])) == {ARTICLE}


def test_a_failed_build_stays_shown_until_a_build_succeeds() -> None:
    """Under `serve`, the failure page stands while the next build runs (the site served is still
    the stale one): it goes only when a build succeeds. Once it flickered away at each new build."""
    failure, seen = Failure(), []

    def failing(*_) -> None:
        seen.append(failure.message)  # what the browser gets while this build runs
        failure.reported = "topics/g21.md:14: cites “x”"  # the plugin's on_build_error
        raise RuntimeError("Aborted with a BuildError!")

    def succeeding(*_) -> None:
        seen.append(failure.message)

    showing_failures(failing, failure)()
    assert failure.message == "topics/g21.md:14: cites “x”"
    showing_failures(failing, failure)()
    showing_failures(succeeding, failure)()
    assert seen == [None, "topics/g21.md:14: cites “x”", "topics/g21.md:14: cites “x”"]
    assert failure.message is None
