"""What the collection knows across its texts, beside the texts themselves: topics and the words
of an article each statement cites, where a passage stands (its article and paragraph), the events
the texts date and the timeline made of them, and each mention of a topic."""

from __future__ import annotations

from dataclasses import dataclass

from cancun_reader.core.model import UNKNOWN, Article, Entry, Paragraph


@dataclass(frozen=True)
class Citation:
    """Words quoted from an article by a topic file, which must still be in that article."""

    source: str  # the article's slug
    quote: str
    path: str  # the topic file that cites
    line: int


@dataclass(frozen=True)
class Fact:
    text: str  # hand-written Markdown
    citation: Citation


@dataclass(frozen=True)
class MemberGroup:
    """Members of a group (e.g. the G21's countries of one continent) as a text names them."""

    label: str
    members: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True)
class MembersTotal:
    """How many members a group has, as a text gives it (`the Group of 21`)."""

    count: int
    citation: Citation


@dataclass(frozen=True)
class Topic:
    """A topic defined in `topics/<slug>.md`: the names that catch its mentions, an introduction,
    and facts, each citing the words of an article it rests on."""

    slug: str
    title: str
    aliases: tuple[str, ...]
    introduction: str
    path: str
    spellings: tuple[str, ...] = ()
    """Other spellings of its name (`Lee Kyung Hae`), which other sources use: on its page, for search."""
    related: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    members: tuple[MemberGroup, ...] = ()
    members_caption: str = ""
    introduction_citations: tuple[Citation, ...] = ()
    members_total: MembersTotal | None = None

    @property
    def citations(self) -> tuple[Citation, ...]:
        return (
            *self.introduction_citations,
            *(f.citation for f in self.facts),
            *(g.citation for g in self.members),
            *((self.members_total.citation,) if self.members_total else ()),
        )


@dataclass(frozen=True)
class Place:
    """A paragraph of an article, as a link and a citation need it: the article's slug, title and
    short name (its author's surname, or its title), the paragraph's anchor and number."""

    slug: str
    title: str
    anchor: str
    number: int = 0
    short: str = ""

    @classmethod
    def of(cls, article: Article, paragraph: Paragraph) -> Place:
        entry = article.source.entry
        return cls(article.slug, entry.title, paragraph.anchor, paragraph.number, short_name(entry))

    @property
    def label(self) -> str:
        """How a citation names the paragraph: `Delos, ¶9`."""
        return f"{self.short or self.title}, ¶{self.number}"


def short_name(entry: Entry) -> str:
    """An article as a citation names it: its author's surname, or its title when the author is
    unknown.

    >>> short_name(Entry("a.txt", "a", "After Cancún", author="Shelly Delos"))
    'Delos'
    >>> short_name(Entry("b.txt", "b", "Citizens' diplomacy"))
    "Citizens' diplomacy"
    """
    return entry.author.split()[-1] if entry.author != UNKNOWN else entry.title


@dataclass(frozen=True)
class Event:
    """Something that happened on a date a text gives, in the sentence that tells it."""

    start: tuple[int, int, int]  # (year, month, day); 0 where the text gives none
    end: tuple[int, int, int]
    label: str  # the date as written, e.g. "September 10 to 14, 2003"
    sentence: str
    place: Place
    supplied: tuple[str, ...] = ()  # the parts of the date the editors supplied: "year", "month"
    reason: str = ""  # why they are certain, e.g. "the year of “September 10 to 14, 2003”, ¶9"


@dataclass(frozen=True)
class TimelineEntry:
    """One event of the timeline and every passage that tells it, the most precise first."""

    start: tuple[int, int, int]
    end: tuple[int, int, int]
    events: tuple[Event, ...]

    @property
    def head(self) -> Event:
        return self.events[0]


@dataclass(frozen=True)
class Mention:
    """A paragraph of an article that names a topic, with the sentences that name it."""

    place: Place
    sentences: tuple[str, ...]
