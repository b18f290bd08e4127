"""Mentions: the sentences of the articles that name each topic, found with one combined pattern,
so each paragraph is scanned once however many topics there are."""

from __future__ import annotations

import re

from cancun_reader.core.facts import Mention, Place, Topic
from cancun_reader.core.model import Article, Paragraph
from cancun_reader.core.prose.sentences import split_sentences

APOSTROPHES = r"['’]"


def alias_pattern(alias: str) -> str:
    """An alias as a pattern: literal, except that straight and curly apostrophes are one.

    >>> bool(re.fullmatch(alias_pattern("citizens' diplomacy"), "citizens’ diplomacy"))
    True
    """
    return re.sub(r"\\?['’]", lambda _: APOSTROPHES, re.escape(alias))


def mention_pattern(topics: list[Topic]) -> re.Pattern[str]:
    """One pattern for all topics, a named group per topic. Longer aliases come first so that
    `Group of 21` wins over a shorter alias at the same place."""
    groups = []
    for index, topic in enumerate(topics):
        names = [alias_pattern(a) for a in sorted((*topic.aliases, *topic.spellings), key=len, reverse=True)]
        groups.append(f"(?P<t{index}>{'|'.join([*names, *topic.patterns])})")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE)


def topics_named(pattern: re.Pattern[str], text: str) -> set[int]:
    """The indexes of the topics a text names."""
    return {int(m.lastgroup[1:]) for m in pattern.finditer(text) if m.lastgroup}


def mentions_in(article: Article, topics: list[Topic], pattern: re.Pattern[str]) -> dict[str, list[Mention]]:
    """The paragraphs of one article that name each topic, with the sentences that name it."""
    found: dict[str, list[Mention]] = {}
    for paragraph in article.blocks:
        if not isinstance(paragraph, Paragraph):
            continue
        named: dict[int, list[str]] = {}
        for sentence in split_sentences(paragraph.text):
            for index in topics_named(pattern, sentence):
                named.setdefault(index, []).append(sentence)
        place = Place.of(article, paragraph)
        for index, sentences in sorted(named.items()):
            found.setdefault(topics[index].slug, []).append(Mention(place, tuple(sentences)))
    return found


def find_mentions(articles: list[Article], topics: list[Topic]) -> dict[str, list[Mention]]:
    """Every paragraph that names each topic, with the sentences that name it, in article order."""
    found: dict[str, list[Mention]] = {topic.slug: [] for topic in topics}
    if not topics:
        return found
    pattern = mention_pattern(topics)
    for article in articles:
        for slug, mentions in mentions_in(article, topics, pattern).items():
            found[slug].extend(mentions)
    return found
