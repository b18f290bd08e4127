"""The timeline: the dated events the texts tell, each with the sentence that tells it.

A text often gives a day without its year (`Nov. 19-21 in Miami`, `on September 13`, `On the 14th`).
Such a date enters the timeline when the text makes its year certain, and the part the editors
supply is said, with why it is certain (`year_from_context`). A year mentioned in passing (`since
2001`, `re-election in 2004`, `the 2005 time limit`) is not an event (`is_event`). Several passages
that tell the same event make one entry (`merge_events`)."""

from __future__ import annotations

import re
from typing import NamedTuple

from cancun_reader.core.facts import Event, Place
from cancun_reader.core.model import MONTHS as MONTH_NAMES_IN_FULL
from cancun_reader.core.model import UNKNOWN, Article, Paragraph
from cancun_reader.core.prose.sentences import split_sentences

ABBREVIATED = {"September": ("Sept.", "Sep."), "May": ()}
"""How the texts abbreviate a month: its first three letters and a full stop, but for these."""
MONTHS = {
    name: number
    for number, month in enumerate(MONTH_NAMES_IN_FULL, start=1)
    for name in (month, *ABBREVIATED.get(month, (month[:3] + ".",)))
}
MONTH_NAMES = [name for name in MONTHS if not name.endswith(".")]
MONTH = "(?:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
YEAR = r"(?:19|20)\d{2}"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"

DAY_RANGE = re.compile(
    rf"\b(?P<m1>{MONTH}) (?P<d1>{DAY})"
    rf"(?:\s*(?:-|–|to|through)\s*(?:(?P<m2>{MONTH}) )?(?P<d2>{DAY}))?(?:,? (?P<y>{YEAR})\b)?(?![\d%])"
)
"""A day or a span of days, with or without its year: `November 9-13, 2001`, `November 30 to
December 3, 1999`, `Nov. 19-21`."""

MONTH_YEAR = re.compile(rf"\b(?P<m1>{MONTH}) (?P<y>{YEAR})\b")
"""A month with its year: `December 1996`."""

YEAR_ONLY = re.compile(rf"(?<![\w$.,/-])(?P<y>{YEAR})(?![\w%-]|\.\d)")
"""A year on its own: `drafted in 2001`, `the 1999 Seattle WTO meeting`."""

ORDINAL_DAY = re.compile(r"\b[Oo]n the (?P<d1>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b(?! [A-Z])")
"""A day of the month the text gave just before: `On the 14th the summit collapsed`."""

REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:since|until|till|by)|\b(?:end|beginning|middle|quarter|half) of)\s+(?:the\s+)?$", re.IGNORECASE
)
"""Words that make a date a point of reference, not an event: `since 2001`, `the end of 2003`."""

EVENT_NOUN = re.compile(
    r"^(?:\s+(?:[A-Z][\w.’'-]*|of|the))*?\s+(?:meeting|summit|ministerial|conference|round|talks|"
    r"protests?|demonstrations?|march|forum|agreement|accord|elections?)\b",
    re.IGNORECASE,
)
"""What follows a year that names an event: `1999 Seattle WTO meeting`, `2003 Free Trade Area of
the Americas summit`."""

EVENT_VERB_BEFORE = re.compile(r"\b(?:\w+ed|held|began|met|signed|took place|broke down) in\s+$")
"""A year an action is placed in: `drafted in 2001`, `held in 1999`."""

DAY_REACH = 3
"""How many paragraphs back `On the 14th` may look for the month it belongs to."""


class Dated(NamedTuple):
    """A date as a sentence writes it: start and end (year, month, day; 0 where not given), the
    words, where they start in the sentence, and whether the sentence tells an event on it."""

    start: tuple[int, int, int]
    end: tuple[int, int, int]
    label: str
    at: int
    event: bool


def is_event(sentence: str, start: int, end: int, year_only: bool) -> bool:
    """Does the date at `sentence[start:end]` tell when something happened? Not after `since` or
    `the end of`; a year on its own only when it names an event or places an action.

    >>> s = "the 1999 Seattle WTO meeting, drafted in 2001, since 2001, the 2005 time limit"
    >>> [is_event(s, m.start(), m.end(), True) for m in YEAR_ONLY.finditer(s)]
    [True, True, False, False]
    >>> is_event("re-election in 2004", 15, 19, True)
    False
    """
    before, after = sentence[:start], sentence[end:]
    if REFERENCE_BEFORE.search(before):
        return False
    return not year_only or bool(EVENT_NOUN.match(after) or EVENT_VERB_BEFORE.search(before))


def dates_in(sentence: str) -> list[Dated]:
    """The dates a sentence gives, with or without their year, in the order they are written.

    >>> [(d.start, d.end, d.event) for d in dates_in("from November 30 to December 3, 1999. The 2001 round.")]
    [((1999, 11, 30), (1999, 12, 3), True), ((2001, 0, 0), (2001, 0, 0), True)]
    >>> [(d.start, d.label) for d in dates_in("set for Sept. 22-26 in Managua. On the 14th it fell.")]
    [((0, 9, 22), 'Sept. 22-26'), ((0, 0, 14), 'On the 14th')]
    >>> dates_in("Since the 1990s, the 5th Ministerial Conference and 148 countries")
    []
    """
    found: list[Dated] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in taken)

    for match in DAY_RANGE.finditer(sentence):
        year, month = int(match["y"] or 0), MONTHS[match["m1"]]
        end = (year, MONTHS[match["m2"]] if match["m2"] else month, int(match["d2"] or match["d1"]))
        event = is_event(sentence, match.start(), match.end(), False)
        found.append(Dated((year, month, int(match["d1"])), end, match[0], match.start(), event))
        taken.append(match.span())
    for pattern in (MONTH_YEAR, YEAR_ONLY, ORDINAL_DAY):
        for match in pattern.finditer(sentence):
            if free(match):
                groups = match.groupdict()
                date = (int(groups.get("y") or 0), MONTHS[groups["m1"]] if "m1" in groups else 0, 0)
                if pattern is ORDINAL_DAY:
                    date = (0, 0, int(match["d1"]))
                event = is_event(sentence, match.start(), match.end(), pattern is YEAR_ONLY)
                found.append(Dated(date, date, match[0], match.start(), event))
                taken.append(match.span())
    return sorted(found, key=lambda d: d.at)


class Context:
    """What an article has said about dates so far, in reading order: the dates a date given
    without its year (or month) takes them from."""

    def __init__(self, own_date: str) -> None:
        self.own_year = int(own_date[:4]) if own_date[:4].isdigit() else 0
        self.own_date = own_date
        self.by_month: dict[int, tuple[int, str, int]] = {}  # month: (year, label, ¶) given whole
        self.days: list[tuple[tuple[int, int, int], str, int]] = []  # (date, label, ¶) known to the day
        self.paragraph_years: list[tuple[int, str]] = []  # (year, label) earlier in this paragraph

    def new_paragraph(self) -> None:
        self.paragraph_years = []

    def remember(self, start: tuple[int, int, int], label: str, number: int, given: bool) -> None:
        year, month, day = start
        if given and year:
            self.paragraph_years.append((year, label))
            if month:
                self.by_month[month] = (year, label, number)
        if year and month and day:
            self.days.append((start, label, number))


def year_from_context(
    dated: Dated, context: Context, number: int
) -> tuple[tuple[int, int], str, tuple[str, ...]]:
    """The year (and month) a date given without them takes, why it is certain, and what was supplied;
    a year of 0 when the text does not make it certain.

    The year is that of an earlier date of the same paragraph; else that of the nearest earlier date
    of the same month in the text; else the text's own date. `On the 14th` takes the month and year
    of the nearest earlier day, up to `DAY_REACH` paragraphs back, if the 14th comes after it.

    >>> context = Context("unknown")
    >>> context.remember((2003, 9, 10), "September 10 to 14, 2003", 9, True)
    >>> context.new_paragraph()
    >>> year_from_context(Dated((0, 9, 13), (0, 9, 13), "September 13", 0, True), context, 12)
    ((2003, 9), 'the year of “September 10 to 14, 2003”, the same month, ¶9', ('year',))
    >>> year_from_context(Dated((0, 5, 1), (0, 5, 1), "May 1", 0, True), context, 12)
    ((0, 5), '', ('year',))
    """
    _, month, day = dated.start
    if not month:
        for start, label, where in reversed(context.days):
            if number - where <= DAY_REACH and start[2] < day:
                return (start[0], start[1]), f"the month and year of “{label}”, ¶{where}", ("month", "year")
            break
        return (0, 0), "", ("month", "year")
    if context.paragraph_years:
        year, label = context.paragraph_years[-1]
        return (year, month), f"the year of “{label}”, earlier in the paragraph", ("year",)
    if month in context.by_month:
        year, label, where = context.by_month[month]
        return (year, month), f"the year of “{label}”, the same month, ¶{where}", ("year",)
    if context.own_year:
        return (context.own_year, month), f"the text's own date, {context.own_date}", ("year",)
    return (0, month), "", ("year",)


def events_in(article: Article) -> list[Event]:
    """Every event an article dates, in reading order, with its year supplied where the text
    makes it certain (and 0 where it does not: such a date is listed apart, never guessed)."""
    context = Context(article.source.entry.date if article.source.entry.date != UNKNOWN else "")
    events = []
    for paragraph in article.blocks:
        if not isinstance(paragraph, Paragraph):
            continue
        context.new_paragraph()
        place = Place.of(article, paragraph)
        for sentence in split_sentences(paragraph.text):
            for dated in dates_in(sentence):
                start, end, reason = dated.start, dated.end, ""
                supplied: tuple[str, ...] = ()
                if not start[0]:
                    (year, month), reason, supplied = year_from_context(dated, context, paragraph.number)
                    start = (year, month, start[2])
                    end = (year, end[1] or month, end[2])
                context.remember(start, dated.label, paragraph.number, not supplied)
                if dated.event:
                    events.append(Event(start, end, dated.label, sentence, place, supplied, reason))
    return events


def date_label(start: tuple[int, int, int], end: tuple[int, int, int], supplied: tuple[str, ...] = ()) -> str:
    """The date as precisely as the text gives it, the parts the editors supplied in brackets.

    >>> date_label((1999, 11, 30), (1999, 12, 3))
    '30 November – 3 December 1999'
    >>> date_label((2003, 11, 19), (2003, 11, 21), ("year",))
    '19–21 November [2003]'
    >>> date_label((2003, 9, 14), (2003, 9, 14), ("month", "year"))
    '14 [September 2003]'
    >>> date_label((1996, 12, 0), (1996, 12, 0)), date_label((2001, 0, 0), (2001, 0, 0))
    ('December 1996', '2001')
    """
    (year, month, day), (_, end_month, end_day) = start, end
    if not month:
        return f"{year}"
    name = MONTH_NAMES[month - 1]
    if "month" in supplied:
        month_year = f"[{name} {year}]"
    elif "year" in supplied:
        month_year = f"{name} [{year}]"
    else:
        month_year = f"{name} {year}"
    if not day:
        return month_year
    if (end_month, end_day) == (month, day):
        return f"{day} {month_year}"
    if end_month == month:
        return f"{day}–{end_day} {month_year}"
    return f"{day} {name} – {end_day} {month_year.replace(name, MONTH_NAMES[end_month - 1])}"
