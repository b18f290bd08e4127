"""Topics: every mention in the texts is found, none is invented, and each links to its paragraph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project import ROOT

from cancun_reader.errors import InputError
from cancun_reader.mentions import find_mentions, mention_pattern
from cancun_reader.pipeline import convert, read_collection
from cancun_reader.sentences import comparable
from cancun_reader.topics import load_topic


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


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("No front matter\n", "must start with YAML front matter"),
        ("---\ntitle: X\n---\nIntro\n", "front matter needs 'aliases'"),
        ("---\ntitle: X\naliases: [X]\nsee_also: [y]\n---\n", "unknown key 'see_also'"),
        ("---\ntitle: X\naliases: X\n---\n", "'aliases' must be a list"),
        ("---\ntitle: [X\n---\n", "is not valid YAML"),
    ],
)
def test_bad_topic_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.md"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_topic(path)
    assert message in caught.value.message and caught.value.line >= 1
