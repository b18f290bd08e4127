"""The timeline's entries, from the events the texts date (`timeline.events_in`): passages that
tell one event merged into one entry (the most precise first), and the meetings a topic's passages
name without dating them, found where another passage dates them."""

from __future__ import annotations

import functools
import re

from cancun_reader.collection.timeline import MONTH_NAMES
from cancun_reader.core.facts import Event, Mention, TimelineEntry


def span(date: tuple[int, int, int], end: bool = False) -> tuple[int, int, int]:
    """A date as a day, for comparing dates of different precision: a year runs from its 1 January
    to its 31 December, a month from its 1st to its 31st."""
    year, month, day = date
    if not month:
        return (year, 12, 31) if end else (year, 1, 1)
    return (year, month, day or (31 if end else 1))


def precision(event: Event) -> int:
    """3 for a day, 2 for a month, 1 for a year."""
    return 3 if event.start[2] else 2 if event.start[1] else 1


NAME = re.compile(r"(?<=[\s“\"‘(])[A-Z][\w’'-]+")
NOT_NAMES = frozenset({*MONTH_NAMES, "The", "A", "An", "In", "On", "Of", "And", "At", "For", "This", "That"})


@functools.lru_cache(maxsize=65_536)
def names_in(sentence: str) -> frozenset[str]:
    """The names a sentence gives after its first word: what tells two passages are about one event.

    >>> sorted(names_in("They met in Miami for the “FTAA” in November."))
    ['FTAA', 'Miami']
    """
    return frozenset(name for name in NAME.findall(sentence) if name not in NOT_NAMES)


def merge_events(events: list[Event]) -> list[TimelineEntry]:
    """One entry per event, oldest first. Passages that give the same dates and share a name tell one
    event; a passage dated only to the year or the month joins an event of that year or month known
    to the day when they share a name (`the 1999 Seattle WTO meeting` joins `Seattle … from November
    30 to December 3, 1999`). The most precise passage, first in reading order, heads the entry.
    Entries are looked up by their dates, year and month, so a large collection merges in time
    that grows with its events, not with their square."""
    entries: list[list[Event]] = []
    told: list[set[str]] = []  # the sentences of each entry
    heads: list[frozenset[str]] = []  # the names of each entry's head
    by_span: dict[tuple[int, ...], list[int]] = {}  # entries by their dates, their year, their month
    for event in sorted((e for e in events if e.start[0]), key=lambda e: -precision(e)):
        names = names_in(event.sentence)
        best, shared = None, 0
        for index in candidates(event, by_span):
            head = entries[index][0]
            same = (head.start, head.end) == (event.start, event.end)
            inside = precision(event) < precision(head) and (
                span(event.start) <= span(head.start) and span(head.end, True) <= span(event.end, True)
            )
            common = len(names & heads[index])
            if (same or inside) and common > shared:
                best, shared = index, common
        if best is None:
            entries.append([event])
            told.append({event.sentence})
            heads.append(names)
            for key in span_keys(event):
                by_span.setdefault(key, []).append(len(entries) - 1)
        elif event.sentence not in told[best]:
            entries[best].append(event)
            told[best].add(event.sentence)
    merged = [TimelineEntry(own[0].start, own[0].end, tuple(own)) for own in entries]
    return sorted(merged, key=lambda t: (span(t.start), span(t.end, True)))


def span_keys(event: Event) -> list[tuple[int, ...]]:
    """Where an entry headed by `event` is found: by its dates, and, known to the day or the month,
    by its year and its month (which a passage dated less precisely looks up)."""
    year, month, _ = event.start
    keys: list[tuple[int, ...]] = [(*event.start, *event.end)]
    if precision(event) > 1:
        keys.append((year,))
    if precision(event) > 2:
        keys.append((year, month))
    return keys


def candidates(event: Event, by_span: dict[tuple[int, ...], list[int]]) -> list[int]:
    """The entries `event` may join: those with its dates, and those inside its year or month."""
    found = list(by_span.get((*event.start, *event.end), []))
    if precision(event) < 3:
        year, month, _ = event.start
        found += by_span.get((year, month) if month else (year,), [])
    return found


def undated(events: list[Event]) -> list[Event]:
    """The events whose year the texts do not make certain: listed apart, never placed."""
    return [e for e in events if not e.start[0]]


MEETING = r"(?:meeting|ministerial|summit|conference|forum|talks)"
PLACE = r"([A-Z][\w’'-]+)"
MEETING_AT = re.compile(rf"\b{PLACE} (?:WTO |FTAA )?{MEETING}\b|\b{MEETING} (?:in|at|of) {PLACE}")
"""A meeting named by its place, undated: `the Cancún meeting`, `the ministerial in Miami`."""


def meetings_named(mentions: list[Mention], timeline: list[TimelineEntry]) -> list[TimelineEntry]:
    """The entries of the timeline that passages name as a meeting by its place without dating it
    (`the formation of the G21 at the Cancún meeting`): for each place, the longest event the
    timeline dates there to the day (in the sentence that dates it), the meeting itself rather than
    a day of it.

    >>> from cancun_reader.core.facts import Place
    >>> here = Place("a", "p-1", 1)
    >>> day = Event((2003, 9, 13), (2003, 9, 13), "September 13", "On September 13 in Cancún, a march.", here)
    >>> met = Event((2003, 9, 10), (2003, 9, 14), "September 10 to 14", "They met then in Cancún.", here)
    >>> timeline = [TimelineEntry(e.start, e.end, (e,)) for e in (met, day)]
    >>> formed = Mention(here, ("The G21 took shape at the Cancún meeting.",))
    >>> [e.head.label for e in meetings_named([formed], timeline)]
    ['September 10 to 14']

    Negative: a passage that names the place, no meeting there; and a meeting named after another.
    >>> both = Mention(here, ("The 1999 Seattle meeting and the Cancún meeting failed.",))
    >>> meetings_named([both], timeline)
    []
    >>> meetings_named([Mention(here, ("Farmers marched in Cancún.",))], timeline)
    []
    """
    places = {
        place
        for mention in mentions
        for sentence in mention.sentences
        if (match := MEETING_AT.search(sentence))  # the first meeting a sentence names, as with dates
        for place in match.groups()
        if place and place not in NOT_NAMES
    }
    found: list[TimelineEntry] = []
    for place in sorted(places):
        there = [e for e in timeline if precision(e.head) > 2 and place in e.head.sentence]
        if there:
            found.append(max(there, key=lambda e: (days(e), [-part for part in e.start])))
    return list(dict.fromkeys(found))


def days(entry: TimelineEntry) -> int:
    """How many days an entry known to the day lasts, less one (`10–14 September`: 4)."""
    (y1, m1, d1), (y2, m2, d2) = entry.start, entry.end
    return (y2 - y1) * 372 + (m2 - m1) * 31 + (d2 - d1)
