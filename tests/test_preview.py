"""Which pages `make serve` (`mkdocs serve --dirty`) renders again after an edit
(`cancun_reader/mkdocs/preview.py`), rule by rule, on pages that stand in for MkDocs's: the serve
test (test_serve.py) checks the same in a real `mkdocs serve`, for the rules an edit of the three
texts reaches."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from cancun_reader.mkdocs.preview import Preview

HOME = "index.md"
TOPICS = "topics/index.md"
ARTICLE, OTHER = "articles/a.md", "articles/b.md"


class FakePage:
    """What preview.py reads of a MkDocs page: its file, its source (front matter and Markdown),
    its title, its address."""

    def __init__(self, uri: str, markdown: str, tags=(), modified: bool = False, title: str = "") -> None:
        self.source, self.source_tags, self.source_title = markdown, list(tags), title or uri
        self.markdown, self.meta, self.title = None, {}, None
        self.url, self.children = uri.replace(".md", ".html"), None
        self.file = SimpleNamespace(src_uri=uri, page=self, is_modified=lambda: modified)

    def read_source(self, config) -> None:
        self.markdown, self.meta, self.title = self.source, {"tags": self.source_tags}, self.source_title


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
        FakePage(uri, text, tags.get(uri, ()), uri in modified, titles.get(uri, ""))
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
    touched = preview.prepare(nav, config, files)
    for page in touched:  # what MkDocs then does with each page it renders
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
