"""Topic definitions, read from `topics/<slug>.md` and validated at the edge.

A topic file is YAML front matter followed by a hand-written introduction:

    ---
    title: G21
    aliases: [G21, G-21, Group of 21]        # names that mark a mention, whole words, any case
    spellings: [Group of Twenty-One]         # optional: other spellings of its name, which the page
                                             # shows and search finds (and mark a mention too)
    patterns: ['citizens\\W+diplomacy']       # optional regular expressions, for what aliases cannot say
    related: [ftaa]                          # other topics' slugs
    facts:                                   # key facts, each resting on words of an article
      - text: It was led by Brazil, China and India.
        source: citizens-diplomacy-cancun-miami
        quote: led by Brazil, China and India
    members:                                 # optional: members a text names, by group
      caption: Member countries named in the texts
      groups:
        - label: Africa
          members: [Egypt, South Africa, Nigeria]
          source: citizens-diplomacy-cancun-miami
          quote: three African countries (Egypt, South Africa and Nigeria)
      total:                                 # optional: the group's size, as a text gives it
        count: 21
        source: citizens-diplomacy-cancun-miami
        quote: the formation of the Group of 21 (G21)
    ---
    The introduction, in Markdown. A citation [[citizens-diplomacy-cancun-miami: half the world
    population]] becomes a link to the paragraph that has these words.

Every quotation must still be in its article when the site is built; `citations` checks that.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cancun_reader.core.errors import InputError
from cancun_reader.core.facts import Citation, Fact, MemberGroup, MembersTotal, Topic
from cancun_reader.sources.read import display_path, read_text
from cancun_reader.sources.yaml_nodes import compose, line_of, to_data

FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n(?P<body>.*)\Z", re.DOTALL)
"""YAML between two `---` lines at the top of a topic file, then the introduction."""

CITATION = re.compile(r"\[\[(?P<source>[a-z0-9-]+):\s*(?P<quote>[^\]]+?)\s*\]\]")
"""A citation in an introduction: `[[article-slug: the words it rests on]]`."""

TOPIC_KEYS = ("title", "aliases", "spellings", "patterns", "related", "facts", "members")


class TopicFile:
    """A topic file's front matter as data, able to say on which line any value stands."""

    def __init__(self, path: Path) -> None:
        self.shown = display_path(path)
        match = FRONT_MATTER.match(read_text(path))
        if not match:
            raise InputError(self.shown, "must start with YAML front matter between two '---' lines", 1)
        self.body = match["body"]
        self.body_line = match["yaml"].count("\n") + 3
        self.root = compose(match["yaml"], self.shown)
        data = to_data(self.root) or {}
        if not isinstance(data, dict):
            raise InputError(self.shown, "front matter must be a mapping of keys to values", 2)
        self.data: dict[str, object] = data

    def line(self, *path: str | int) -> int:
        """The file line of the value at `path` (keys and list indexes), as near as it exists."""
        node = self.root
        for step in path:
            if isinstance(node, yaml.MappingNode):
                found = [v for k, v in node.value if k.value == step]
                if not found:
                    break
                node = found[0]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                break
        return line_of(node) + 1 if node is not None else 2  # + 1: the opening `---`

    def fail(self, message: str, *path: str | int) -> InputError:
        return InputError(self.shown, message, self.line(*path))

    def text(self, value: object, *path: str | int) -> str:
        if not isinstance(value, str | int | float) or not str(value).strip():
            raise self.fail(f"'{'.'.join(map(str, path))}' must be a word or a sentence", *path)
        return str(value).strip()

    def texts(self, *path: str | int) -> tuple[str, ...]:
        value = self.get(*path)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(f"'{'.'.join(map(str, path))}' must be a list", *path)
        return tuple(self.text(v, *path, i) for i, v in enumerate(value))

    def get(self, *path: str | int) -> object:
        value: object = self.data
        for step in path:
            if isinstance(value, dict):
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int) and step < len(value):
                value = value[step]
            else:
                return None
        return value

    def citation(self, *path: str | int) -> Citation:
        source = self.text(self.get(*path, "source"), *path, "source")
        quote = self.text(self.get(*path, "quote"), *path, "quote")
        return Citation(source, quote, self.shown, self.line(*path, "quote"))


def load_topic(path: Path) -> Topic:
    topic = TopicFile(path)
    for key in topic.data:
        if key not in TOPIC_KEYS:
            raise topic.fail(f"unknown key '{key}'; known keys: {', '.join(TOPIC_KEYS)}", key)
    title = topic.text(topic.get("title"), "title") if "title" in topic.data else ""
    if not title:
        raise InputError(topic.shown, "front matter needs a 'title'", 2)
    aliases, patterns = topic.texts("aliases"), topic.texts("patterns")
    if not aliases and not patterns:
        raise InputError(topic.shown, "front matter needs 'aliases': the names that mark a mention", 2)
    for index, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as error:
            raise topic.fail(
                f"pattern '{pattern}' is not a regular expression: {error}", "patterns", index
            ) from None
    return Topic(
        slug=path.stem,
        title=title,
        aliases=aliases,
        spellings=topic.texts("spellings"),
        patterns=patterns,
        introduction=topic.body.strip(),
        path=topic.shown,
        related=topic.texts("related"),
        facts=_facts(topic),
        members=_members(topic),
        members_caption=str(topic.get("members", "caption") or "Members named in the texts"),
        members_total=_members_total(topic),
        introduction_citations=_introduction_citations(topic),
    )


def _facts(topic: TopicFile) -> tuple[Fact, ...]:
    facts = topic.get("facts") or []
    if not isinstance(facts, list):
        raise topic.fail("'facts' must be a list of text, source and quote", "facts")
    return tuple(
        Fact(topic.text(topic.get("facts", i, "text"), "facts", i, "text"), topic.citation("facts", i))
        for i in range(len(facts))
    )


def _members(topic: TopicFile) -> tuple[MemberGroup, ...]:
    groups = topic.get("members", "groups") or []
    if not isinstance(groups, list):
        raise topic.fail("'members.groups' must be a list of label, members, source and quote", "members")
    return tuple(
        MemberGroup(
            topic.text(topic.get("members", "groups", i, "label"), "members", "groups", i, "label"),
            topic.texts("members", "groups", i, "members"),
            topic.citation("members", "groups", i),
        )
        for i in range(len(groups))
    )


def _members_total(topic: TopicFile) -> MembersTotal | None:
    if topic.get("members", "total") is None:
        return None
    count = str(topic.get("members", "total", "count"))
    if not count.isdigit():
        raise topic.fail(f"'members.total.count' must be a whole number, not '{count}'", "members", "total")
    return MembersTotal(int(count), topic.citation("members", "total"))


def _introduction_citations(topic: TopicFile) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            m["source"],
            re.sub(r"\s+", " ", m["quote"]),
            topic.shown,
            topic.body_line + topic.body.count("\n", 0, m.start()),
        )
        for m in CITATION.finditer(topic.body)
    )


def load_topics(folder: Path) -> list[Topic]:
    topics = [load_topic(path) for path in sorted(folder.glob("*.md"))]
    slugs = {t.slug for t in topics}
    for topic in topics:
        for other in topic.related:
            if other not in slugs:
                raise InputError(topic.path, f"related topic '{other}' has no file topics/{other}.md", 2)
    return topics
