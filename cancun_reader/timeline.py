"""The timeline: dated events taken from the texts, each with the sentence that tells it.

Only dates a sentence gives with their year count (`September 10 to 14, 2003`, `December 1996`,
`in 2001`); a day with no year (`on September 13`) is left out rather than given a guessed year."""

from __future__ import annotations

import re

from .model import Article, Event, Paragraph, Place
from .sentences import split_sentences

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan."),
            ("February", "Feb."),
            ("March", "Mar."),
            ("April", "Apr."),
            ("May",),
            ("June", "Jun."),
            ("July", "Jul."),
            ("August", "Aug."),
            ("September", "Sept.", "Sep."),
            ("October", "Oct."),
            ("November", "Nov."),
            ("December", "Dec."),
        ],
        start=1,
    )
    for name in names
}
MONTH = "(?:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
YEAR = r"(?:19|20)\d{2}"

DAY_RANGE = re.compile(
    rf"(?P<m1>{MONTH}) (?P<d1>\d{{1,2}})"
    rf"(?:\s*(?:-|–|to|through)\s*(?:(?P<m2>{MONTH}) )?(?P<d2>\d{{1,2}}))?,? (?P<y>{YEAR})\b"
)
"""A day or a span of days with its year: `November 9-13, 2001`, `November 30 to December 3, 1999`."""

MONTH_YEAR = re.compile(rf"(?P<m1>{MONTH}) (?P<y>{YEAR})\b")
"""A month with its year: `December 1996`."""

YEAR_ONLY = re.compile(rf"(?<![\w$.,/-])(?P<y>{YEAR})(?![\w%-]|\.\d)")
"""A year on its own: `drafted in 2001`, `the 1999 Seattle WTO meeting`."""


def dates_in(sentence: str) -> list[tuple[tuple[int, int, int], tuple[int, int, int], str]]:
    """The dates a sentence gives, most precise first, each as (start, end, as written).

    >>> [d[:2] for d in dates_in("from November 30 to December 3, 1999. The 2001 round.")]
    [((1999, 11, 30), (1999, 12, 3)), ((2001, 0, 0), (2001, 0, 0))]
    """
    found = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in taken)

    for match in DAY_RANGE.finditer(sentence):
        year, month = int(match["y"]), MONTHS[match["m1"]]
        end_month = MONTHS[match["m2"]] if match["m2"] else month
        end_day = int(match["d2"] or match["d1"])
        found.append(((year, month, int(match["d1"])), (year, end_month, end_day), match[0]))
        taken.append(match.span())
    for pattern in (MONTH_YEAR, YEAR_ONLY):
        for match in pattern.finditer(sentence):
            if free(match):
                month = MONTHS[match["m1"]] if "m1" in match.groupdict() else 0
                date = (int(match["y"]), month, 0)
                found.append((date, date, match[0]))
                taken.append(match.span())
    return found


def events_in(article: Article) -> list[Event]:
    """Every dated sentence of one article."""
    events = []
    for paragraph in article.blocks:
        if not isinstance(paragraph, Paragraph):
            continue
        for sentence in split_sentences(paragraph.text):
            for start, end, label in dates_in(sentence):
                events.append(Event(start, end, label, sentence, Place.of(article, paragraph)))
    return events


def in_date_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.start, e.end))


def date_label(event: Event) -> str:
    """`2003-09-10 – 14`, `1996-12`, `2001`: the date as precisely as the text gives it.

    >>> from cancun_reader.model import Place
    >>> date_label(Event((1999, 11, 30), (1999, 12, 3), "", "", Place("a", "A", "p")))
    '1999-11-30 – 12-03'
    """
    (year, month, day), (_, end_month, end_day) = event.start, event.end
    if not month:
        return f"{year}"
    if not day:
        return f"{year}-{month:02d}"
    start = f"{year}-{month:02d}-{day:02d}"
    if (end_month, end_day) == (month, day):
        return start
    return f"{start} – {end_day:02d}" if end_month == month else f"{start} – {end_month:02d}-{end_day:02d}"
