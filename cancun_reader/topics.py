"""Topics: definitions read from `topics/<slug>.md`, and the paragraphs of the articles that mention them.

A topic file is YAML front matter (title, aliases, related) followed by a hand-written introduction:

    ---
    title: G21
    aliases: [G21, G-21, Group of 21]
    related: [ftaa]
    ---
    The introduction, in Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import InputError
from .model import Article, Mention, Topic
from .read import display_path, read_text
from .sentences import split_sentences

FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n(?P<body>.*)\Z", re.DOTALL)
"""YAML between two `---` lines at the top of a topic file, then the introduction."""

TOPIC_KEYS = ("title", "aliases", "related")


def load_topic(path: Path) -> Topic:
    shown = display_path(path)
    match = FRONT_MATTER.match(read_text(path))
    if not match:
        raise InputError(shown, "must start with YAML front matter between two '---' lines", 1)
    try:
        meta = yaml.safe_load(match["yaml"]) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(
            shown, f"front matter is not valid YAML: {error}", mark.line + 2 if mark else 1
        ) from None
    if not isinstance(meta, dict):
        raise InputError(shown, "front matter must be a mapping of keys to values", 2)
    for key in meta:
        if key not in TOPIC_KEYS:
            raise InputError(shown, f"unknown key '{key}'; known keys: {', '.join(TOPIC_KEYS)}", 2)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InputError(shown, "front matter needs a 'title'", 2)
    aliases = _string_list(meta.get("aliases"), "aliases", shown)
    if not aliases:
        raise InputError(shown, "front matter needs 'aliases': the names that mark a mention", 2)
    return Topic(
        slug=path.stem,
        title=title.strip(),
        aliases=aliases,
        introduction=match["body"].strip(),
        path=shown,
        related=_string_list(meta.get("related"), "related", shown),
    )


def _string_list(value: object, key: str, shown: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(shown, f"'{key}' must be a list of words or names", 2)
    return tuple(v.strip() for v in value)


def load_topics(folder: Path) -> list[Topic]:
    topics = [load_topic(path) for path in sorted(folder.glob("*.md"))]
    slugs = {t.slug for t in topics}
    for topic in topics:
        for other in topic.related:
            if other not in slugs:
                raise InputError(topic.path, f"related topic '{other}' has no file topics/{other}.md", 2)
    return topics


def mention_pattern(topics: list[Topic]) -> re.Pattern[str]:
    """One pattern for all topics, a named group per topic, so each paragraph is scanned once.

    Longer aliases come first so that `Group of 21` wins over a shorter alias at the same place.
    """
    groups = []
    for index, topic in enumerate(topics):
        names = sorted(topic.aliases, key=len, reverse=True)
        groups.append(f"(?P<t{index}>{'|'.join(re.escape(n) for n in names)})")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE)


def find_mentions(articles: list[Article], topics: list[Topic]) -> dict[str, list[Mention]]:
    """Every paragraph that names each topic, with the sentences that name it, in article order."""
    found: dict[str, list[Mention]] = {topic.slug: [] for topic in topics}
    if not topics:
        return found
    pattern = mention_pattern(topics)
    for article in articles:
        for paragraph in article.paragraphs:
            named: dict[int, list[str]] = {}
            for sentence in split_sentences(paragraph.text):
                for match in pattern.finditer(sentence):
                    index = int(match.lastgroup[1:])  # type: ignore[index]
                    sentences = named.setdefault(index, [])
                    if sentence not in sentences:
                        sentences.append(sentence)
            for index, sentences in sorted(named.items()):
                found[topics[index].slug].append(Mention(article, paragraph, tuple(sentences)))
    return found
