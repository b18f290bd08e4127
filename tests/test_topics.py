"""Topics: every mention in the texts is found, none is invented, and each links to its paragraph."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from project import ROOT

from cancun_reader.build.pipeline import convert, read_collection
from cancun_reader.collection.mentions import find_mentions, mention_pattern
from cancun_reader.core.errors import InputError
from cancun_reader.core.prose.sentences import comparable
from cancun_reader.site.collection_pages import members_maps
from cancun_reader.site.worldmap import SHAPES
from cancun_reader.sources.topics import load_topic


@pytest.fixture(scope="module")
def collection():
    return read_collection(ROOT / "sources", ROOT / "topics")


@pytest.fixture(scope="module")
def mentions(collection):
    return find_mentions(collection.articles, collection.topics)


def paragraph_at(collection, place):
    article = next(a for a in collection.articles if a.slug == place.slug)
    return next(p for p in article.paragraphs if p.anchor == place.anchor)


def test_required_topics_exist(collection) -> None:
    assert {"g21", "singapore-issues", "ftaa"} <= {t.slug for t in collection.topics}


def test_every_paragraph_naming_a_topic_is_found(collection, mentions) -> None:
    for topic in collection.topics:
        found = {(m.place.slug, m.place.anchor) for m in mentions[topic.slug]}
        for article in collection.articles:
            for paragraph in article.paragraphs:
                names = any(
                    re.search(rf"(?<!\w){re.escape(comparable(alias))}(?!\w)", comparable(paragraph.text))
                    for alias in topic.aliases
                )
                assert names == ((article.slug, paragraph.anchor) in found), (topic.slug, paragraph.text[:60])


def test_quoted_sentences_are_the_texts_own_words(collection, mentions) -> None:
    for topic in collection.topics:
        pattern = mention_pattern([topic])
        for mention in mentions[topic.slug]:
            paragraph = paragraph_at(collection, mention.place)
            for sentence in mention.sentences:
                assert sentence in paragraph.text
                assert pattern.search(sentence)


def test_the_g21_is_found_in_all_its_names(mentions) -> None:
    quoted = " ".join(s for m in mentions["g21"] for s in m.sentences)
    for name in ("G15", "Group of 15", "G21", "Group of 21"):
        assert name in quoted


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Talks on the Central America Free Trade Area were set", None),  # not the FTAA
        ("the FTAAs of the future", None),  # no mention inside a longer word
        ("the Free Trade Area of the Americas (FTAA)", "ftaa"),
        ("the Singapore issues", "singapore-issues"),  # whatever the case
    ],
)
def test_mention_pattern_negatives_and_positives(collection, text: str, topic: str | None) -> None:
    match = mention_pattern(collection.topics).search(text)
    found = collection.topics[int(match.lastgroup[1:])].slug if match else None
    assert found == topic


def test_topic_pages_link_each_passage_to_its_paragraph(collection, mentions) -> None:
    pages = convert(ROOT / "sources", ROOT / "topics").pages
    for topic in collection.topics:
        page = pages[f"topics/{topic.slug}.md"]
        for mention in mentions[topic.slug]:
            assert f"../articles/{mention.place.slug}.md#{mention.place.anchor}" in page
        article_pages = {m.place.slug for m in mentions[topic.slug]}
        count = len(mentions[topic.slug])
        assert f"{count} passage{'s' if count > 1 else ''} in {len(article_pages)} article" in page


def test_every_citation_names_its_article_and_paragraph(built_site: Path) -> None:
    """No bare "source" links: a reader can tell which article and paragraph a statement rests on."""
    for page in sorted((built_site / "topics").glob("*.html")):
        article = page.read_text(encoding="utf-8").partition("<article")[2]
        links = re.findall(r'<a href="\.\./articles/([a-z0-9-]+)\.html#(p-[a-z0-9-]+)">(.*?)</a>', article)
        assert links or page.name == "index.html", page.name
        for _, _, label in links:
            assert re.fullmatch(r"[^<>]+, ¶\d+", re.sub(r"</?abbr[^>]*>", "", label)), f"{page.name}: {label}"
        assert ">source<" not in article and "Read it in context" not in article


@pytest.mark.parametrize("slug", ["singapore-issues", "g21", "seattle-1999"])
def test_each_passage_is_quoted_once_per_page(built_site: Path, slug: str) -> None:
    page = (built_site / "topics" / f"{slug}.html").read_text(encoding="utf-8")
    quoted = [re.sub(r"<[^>]+>", "", q) for q in re.findall(r"“(.*?)”", page, re.DOTALL)]
    sentences = [s for q in quoted for s in q.split(" … ") if len(s) > 40]
    assert len(sentences) == len(set(sentences)), [s for s in sentences if sentences.count(s) > 1][:1]
    zoellick = "However, the mandate of the U.S. trade representative, Robert Zoellick"
    assert page.count(zoellick) <= 1


def test_the_g21_members_say_how_many_of_the_21_the_texts_name(built_site: Path) -> None:
    page = (built_site / "topics" / "g21.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert "The texts name 20 of the group's 21 members" in text
    assert re.search(r"Named in all\s*\s*20 of 21", text)
    assert "All\n\n20" not in text


def test_the_g21_members_are_on_a_world_map_with_a_text_alternative(built_site: Path) -> None:
    page = (built_site / "topics" / "g21.html").read_text(encoding="utf-8")
    start = page.index('<svg class="world-map"')
    svg = page[start : page.index("</svg>", start)]
    assert 'role="img"' in svg and 'aria-labelledby="g21-map-title g21-map-desc"' in svg
    named = re.findall(r'<path class="named"[^>]*><title>([^<]+)</title>', svg)
    members = ["Egypt", "South Africa", "Nigeria", "China", "India", "Indonesia", "Pakistan", "Philippines"]
    members += ["Argentina", "Brazil", "Chile", "Paraguay", "Bolivia", "Colombia", "Ecuador", "Peru"]
    members += ["Venezuela", "Costa Rica", "Guatemala", "Mexico"]
    assert sorted(named) == sorted(members)
    assert len(re.findall(r'<g class="marker">', svg)) == 20
    description = re.search(r'<desc id="g21-map-desc">(.*?)</desc>', svg)[1]
    assert all(f"{n}. {name}" in description for n, name in enumerate(members, 1))
    assert len(re.findall(r'<path class="country"', svg)) > 150, "the other countries are drawn too"
    caption = page[page.index("<figcaption>", start) : page.index("</figcaption>", start)]
    assert "1 Egypt" in caption and "20 Mexico" in caption


def test_a_member_with_no_shape_is_said(tmp_path: Path) -> None:
    topic = next(t for t in read_collection(ROOT / "sources", ROOT / "topics").topics if t.slug == "g21")
    group = topic.members[0]
    atlantis = replace(topic, members=(replace(group, members=(*group.members, "Atlantis")),))
    maps, notices = members_maps([atlantis], ROOT / SHAPES)
    assert "g21" in maps and [str(n) for n in notices] == [
        "topics/g21.md: no shape on the world map for Atlantis"
    ]
    maps, notices = members_maps([atlantis], tmp_path / "missing.json")
    assert maps == {} and "the country shapes are missing; run `npm ci`" in str(notices[-1])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("No front matter\n", "must start with YAML front matter"),
        ("---\ntitle: X\n---\nIntro\n", "front matter needs 'aliases'"),
        ("---\ntitle: X\naliases: [X]\nsee_also: [y]\n---\n", "unknown key 'see_also'"),
        ("---\ntitle: X\naliases: X\n---\n", "'aliases' must be a list"),
        ("---\ntitle: [X\n---\n", "is not valid YAML"),
        (
            "---\ntitle: X\naliases: [X]\nmembers:\n  total:\n    count: many\n---\n",
            "'members.total.count' must be a whole number, not 'many'",
        ),
    ],
)
def test_bad_topic_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.md"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_topic(path)
    assert message in caught.value.message and caught.value.line >= 1
