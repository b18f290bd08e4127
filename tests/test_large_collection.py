"""A collection past the navigation's limit (`NAV_LIMIT` texts): the navigation holds the index
pages, not an entry per article; every article is reachable from each index page; an article's
page weighs about what it weighs in the three-text site; a topic page links each article's
passages instead of quoting them all. The three-text site keeps its navigation (test_site.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from project import ROOT, build_site, copy_project, made_once

import cancun_reader.build.parallel as parallel
from cancun_reader.build.parallel import POOL_FROM, workers
from cancun_reader.build.pipeline import convert
from cancun_reader.core.errors import InputError
from cancun_reader.devtools.synthetic import make_collection
from cancun_reader.site.indexes import INDEXES, NAV_LIMIT
from cancun_reader.site.timeline_page import LISTED

SIZE = NAV_LIMIT + 10
INDEX_PAGES = ["index.html", *(f"{name}.html" for name in INDEXES)]

pytestmark = pytest.mark.large


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    """A large collection's site, built once per test run."""

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        collection = make_collection(SIZE, folder / "inputs", ROOT)
        for name in ("sources", "topics"):
            shutil.rmtree(project / name)
            shutil.copytree(collection / name, project / name)
        result = build_site(project, project / "site")
        assert result.returncode == 0, result.stderr
        (project / "build.log").write_text(result.stderr, encoding="utf-8")

    return made_once(tmp_path_factory, "large", build) / "project" / "site"


def test_the_build_does_not_list_the_articles_left_to_the_index_pages(large_site: Path) -> None:
    log = (large_site.parent / "build.log").read_text(encoding="utf-8")
    assert "Documentation built" in log
    assert 'not included in the "nav"' not in log, log[:2000]


def slugs(site: Path) -> set[str]:
    return {p.stem for p in (site / "articles").glob("*.html") if p.name not in INDEX_PAGES}


def links_to_articles(page: Path, selector: str) -> set[str]:
    tree = lxml.html.fromstring(page.read_bytes())
    hrefs = [a.get("href") for a in tree.cssselect(f"{selector} a[href]")]
    return {m[1] for h in hrefs if (m := re.fullmatch(r"(?:\.\./articles/|\./|)([\w-]+)\.html", h or ""))}


def test_the_navigation_holds_the_index_pages_not_the_articles(large_site: Path) -> None:
    assert len(slugs(large_site)) == SIZE
    for page in ("index.html", "articles/cancun-walkout-pww-0042.html", "topics/g21.html"):
        tree = lxml.html.fromstring((large_site / page).read_bytes())
        nav = [a.get("href") for a in tree.cssselect("nav.md-nav--primary a[href]")]
        into_articles = {
            Path(h.split("#")[0]).name for h in nav if "articles/" in h or page.startswith("articles")
        }
        assert not into_articles & {f"{s}.html" for s in slugs(large_site)}, page
    tree = lxml.html.fromstring((large_site / "index.html").read_bytes())
    nav = [a.get("href") for a in tree.cssselect("nav.md-nav--primary a[href]")]
    assert {Path(h).name for h in nav if "articles/" in h} == set(INDEX_PAGES)


@pytest.mark.parametrize("index", INDEX_PAGES)
def test_every_article_is_reachable_from_each_index_page(large_site: Path, index: str) -> None:
    linked = links_to_articles(large_site / "articles" / index, "article")
    assert linked - {Path(i).stem for i in INDEX_PAGES} == slugs(large_site)


def test_an_article_page_weighs_what_it_weighs_in_the_three_text_site(
    large_site: Path, built_site: Path
) -> None:
    page = "articles/citizens-diplomacy-cancun-miami.html"
    assert (large_site / page).stat().st_size < 1.2 * (built_site / page).stat().st_size


def test_a_topic_page_links_each_articles_passages_without_quoting_them(large_site: Path) -> None:
    text = lxml.html.fromstring((large_site / "topics" / "g21.html").read_bytes()).cssselect("article")[0]
    said = text.text_content()
    assert re.search(r"\d+ passages in \d+ articles, each linked to its paragraph", said)
    items = [li for li in text.cssselect("li") if re.search(r"— \d+ passages?: ¶\d+", li.text_content())]
    assert len(items) > SIZE // 2
    for item in items:  # the article, then each of its passages: links into that article
        article, *passages = [a.get("href") for a in item.cssselect("a")]
        count = int(re.search(r"— (\d+) passages?:", item.text_content())[1])
        assert len(passages) == count and all(p.startswith(article + "#") for p in passages), article
    assert "“" not in text.cssselect("h2#what-the-sources-say")[0].getnext().text_content()


@pytest.fixture(scope="module")
def pooled_inputs(tmp_path_factory) -> Path:
    if workers() < 2:
        pytest.skip("one core: the pool is not used")
    return make_collection(POOL_FROM + 5, tmp_path_factory.mktemp("pooled") / "inputs", ROOT)


def test_texts_converted_in_a_pool_give_the_same_pages_byte_for_byte(
    pooled_inputs: Path, monkeypatch
) -> None:
    pools = []

    class Counted(parallel.ProcessPoolExecutor):  # the pool, counted as it starts
        def __init__(self, *arguments, **options) -> None:
            pools.append(arguments)
            super().__init__(*arguments, **options)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counted)
    pooled = convert(pooled_inputs / "sources", pooled_inputs / "topics").pages
    assert pools == [(workers(),)], "the texts were not converted in a pool"
    monkeypatch.setattr(parallel, "POOL_FROM", 10**6)
    alone = convert(pooled_inputs / "sources", pooled_inputs / "topics").pages
    assert list(pooled) == list(alone) and pooled == alone


def test_bad_input_found_in_a_pool_is_named_with_its_file_and_line(
    pooled_inputs: Path, tmp_path: Path
) -> None:
    sources = shutil.copytree(pooled_inputs / "sources", tmp_path / "sources")
    victim = sources / "mexico-discovers-the-wto-0041.txt"
    victim.write_bytes(victim.read_bytes() + "Cancún, saved in Latin-1.\n".encode("latin-1"))
    with pytest.raises(InputError) as raised:
        convert(sources, pooled_inputs / "topics")
    assert raised.value.path.endswith("mexico-discovers-the-wto-0041.txt")
    assert raised.value.line == victim.read_bytes().count(b"\n") and "UTF-8" in raised.value.message


def test_home_the_glossary_and_the_timeline_stay_short(large_site: Path) -> None:
    home = lxml.html.fromstring((large_site / "index.html").read_bytes()).cssselect("article")[0]
    cards = {Path(a.get("href")).name for a in home.cssselect(".grid.cards a[href*='articles/']")}
    assert cards == set(INDEX_PAGES)
    for page in ("glossary.html", "timeline.html"):
        article = lxml.html.fromstring((large_site / page).read_bytes()).cssselect("article")[0]
        for item in article.cssselect("dd, li"):
            assert len(item.cssselect("a[href*='articles/']")) <= LISTED + 1, (page, item.text_content()[:80])
    glossary = lxml.html.fromstring((large_site / "glossary.html").read_bytes()).cssselect("article")[0]
    assert re.search(r"and \d+ more articles", glossary.text_content())
