"""The whole site, built by MkDocs with --strict: every page there, every link and anchor resolving,
nothing loaded from outside the site, search usable offline."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from project import ROOT, build_site, copy_project

from cancun_reader.sources.catalog import load_catalog

# Attributes through which a page makes the browser fetch something or go somewhere.
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "data", "action", "formaction", "content"}
XML_NAMESPACES = ("http://www.w3.org/",)


class PageParser(HTMLParser):
    """Collects a page's ids and the URLs in its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in URL_ATTRIBUTES and value:
                self.urls.append((tag, name, value))


def parse(page: Path) -> PageParser:
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def expected_pages() -> list[str]:
    catalog = ROOT / "sources" / "catalog.yml"
    entries = load_catalog(catalog, "catalog.yml", catalog.read_text(encoding="utf-8"))
    articles = [f"articles/{entry.slug}.html" for entry, _ in entries]
    topics = [f"topics/{path.stem}.html" for path in sorted((ROOT / "topics").glob("*.md"))]
    return ["index.html", "about.html", "articles/index.html", "topics/index.html", *articles, *topics]


@pytest.mark.parametrize("page", expected_pages())
def test_every_article_and_topic_has_a_page(built_site: Path, page: str) -> None:
    assert (built_site / page).is_file()


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    parsed = {page: parse(page) for page in html_pages(built_site)}
    broken = []
    for page, parser in parsed.items():
        for tag, attribute, value in parser.urls:
            url = urlsplit(value)
            if tag != "a" or attribute != "href" or url.scheme or value.startswith("//"):
                continue
            path = url.path
            # 404.html links from the root of the site (an unpublished copy's root is its folder)
            base = built_site if url.path.startswith("/") else page.parent
            target = (base / unquote(path).lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {value} (no such page)")
            elif url.fragment and url.fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(built_site)}: {value} (no such anchor)")
    assert broken == []


def addresses_printed_in_sources() -> set[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "sources").glob("*.txt"))
    return set(re.findall(r"www\.[\w.-]*\w", text))


def references_outside(site: Path) -> tuple[list[str], set[str]]:
    """What the site's pages load from elsewhere, and which addresses printed in the texts they link."""
    printed = addresses_printed_in_sources()
    outside, links_out = [], set()
    for page in html_pages(site):
        for tag, attribute, value in parse(page).urls:
            if value.startswith(XML_NAMESPACES):
                continue  # a namespace (an unpublished copy has no address of its own to link)
            url = urlsplit(value)
            if url.scheme not in ("http", "https") and not value.startswith("//"):
                continue
            if tag == "a" and attribute == "href" and url.netloc in printed:
                links_out.add(url.netloc)  # a reader's link to a site the article recommends
                continue
            outside.append(f"{page.relative_to(site)}: <{tag} {attribute}={value}>")
    return outside, links_out


def test_no_page_references_an_address_outside_the_site(built_site: Path) -> None:
    """Nothing is loaded from elsewhere, and the only links out are the addresses the texts print."""
    outside, links_out = references_outside(built_site)
    assert outside == []
    assert links_out == addresses_printed_in_sources(), "every address the texts print is a link"


def test_a_remote_image_on_a_page_is_caught(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n![A map](https://example.org/map.png)\n")
    assert build_site(project, project / "site").returncode == 0
    outside, _ = references_outside(project / "site")
    assert outside == ["about.html: <img src=https://example.org/map.png>"]


def test_offline_search_works_from_file_urls(built_site: Path) -> None:
    # The offline plugin inlines the index into a script, as file:// cannot fetch JSON ...
    script = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("var __index = "))
    assert any("Lee Kyoung Hae" in doc["text"] for doc in index["docs"])
    # the list of changes and the citation box are the editors' apparatus, not the text: a search
    # finds the article's words in the article, not again in the snippets of its changes
    sections = {doc["location"].split("#")[-1] for doc in index["docs"]}
    assert "changes" not in sections and "cite-this-article" not in sections
    # ... and search runs in an iframe worker whose shim is served by the site itself.
    shim = built_site / "assets" / "javascripts" / "iframe-worker-shim.js"
    assert (
        shim.is_file()
        and shim.read_bytes() == (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    )
    scripts = [value for tag, _, value in parse(built_site / "index.html").urls if tag == "script"]
    assert "assets/javascripts/iframe-worker-shim.js" in scripts
    # Links must point at files, not folders, to work from disk.
    hrefs = [value for tag, _, value in parse(built_site / "index.html").urls if tag == "a"]
    assert "articles/cancun-walkout-pww.html" in hrefs


def test_navigation_tabs_are_in_reading_order(built_site: Path) -> None:
    page = (built_site / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'<a href="[^"]*" class="md-tabs__link[^"]*">\s*([^<]*?)\s*</a>', page)
    assert tabs == [
        "Home",
        "Articles",
        "Topics",
        "Timeline",
        "Glossary",
        "Bibliography",
        "Books and handouts",
        "About",
        "For editors",
    ]


def test_article_section_lists_every_article(built_site: Path) -> None:
    page = (built_site / "articles" / "index.html").read_text(encoding="utf-8")
    for entry_page in expected_pages():
        if entry_page.startswith("articles/") and not entry_page.endswith("index.html"):
            assert f'href="{entry_page.removeprefix("articles/")}"' in page


def test_removing_the_offline_plugin_is_caught(tmp_path: Path) -> None:
    """Without the offline plugin, the check of offline search above fails."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - offline\n", ""), encoding="utf-8")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    with pytest.raises((AssertionError, FileNotFoundError)):
        test_offline_search_works_from_file_urls(project / "site")


def test_pages_carry_no_indentation_but_code_and_preformatted_text_keep_theirs(built_site: Path) -> None:
    """The theme's indentation is dropped from every page (a third of its frame); what a reader sees
    is the same, and a script keeps its own lines."""
    for path in built_site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|textarea|script|style)\b.*?</\1\s*>", "", page, flags=re.DOTALL)
        assert not re.search(r"\n[ \t]", outside), f"{path.relative_to(built_site)} is indented"
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<script>__md_scope=new URL" in home and "</html>" in home


RETIRED = {
    "a paragraph number's tooltip that names no paragraph": r"Paragraph \d+: its link",
    "a count read as a title": r"The \d+ changes?, in the order they are read",
    "a menu no reader would look for": r"Take it away",
    "an access date as an instruction": r"the date you read this",
    "an error that blames the text that did not change": r"no longer has these words",
    "a note read as a link's words": r">(Year|Month|Day)( and \w+)? supplied by the editors</a>",
    "the site cited as a text's author": r"Cancún 2003 Reader\. <span>“",
    "a project file named on a reader's list of changes": r"\(\[line \d+\]\([^)]*\) · its corrections file",
}
"""Phrases of the site's English that were rewritten with an editor's ear (issue 37), and must not
come back: in any built page, or in the messages of the code."""


def test_no_retired_phrase_comes_back(built_site: Path) -> None:
    texts = {str(p.relative_to(built_site)): p.read_text("utf-8") for p in built_site.rglob("*.html")}
    texts |= {str(p.relative_to(ROOT)): p.read_text("utf-8") for p in (ROOT / "cancun_reader").rglob("*.py")}
    found = [
        f"{name}: {why}"
        for name, text in texts.items()
        for why, phrase in RETIRED.items()
        if re.search(phrase, text)
    ]
    assert found == []
