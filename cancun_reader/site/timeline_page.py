"""The timeline as readers see it: its page, its entries on the topic pages and Home, and its chart,
an SVG drawn at build time (no script, no network) whose text alternative is the list itself."""

from __future__ import annotations

from cancun_reader.collection.entries import span
from cancun_reader.collection.timeline import MONTH_NAMES, date_label
from cancun_reader.core.escape import escape_html, escape_text, front_matter
from cancun_reader.core.facts import Event, Place, TimelineEntry
from cancun_reader.site.paths import article_page

SUPPLIED_LOG = "dates-supplied-by-the-editors"


LISTED = 12
"""At most this many links in a list of the articles or passages that say the same thing (a
thousand texts tell the Miami summit); the rest are counted."""


def first_of(links: list[str], noun: str, separator: str = " · ") -> str:
    """The first `LISTED` links, then how many more there are.

    >>> first_of(["a", "b"], "passages")
    'a · b'
    >>> first_of([str(n) for n in range(14)], "passages", ", ")
    '0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more passages'
    """
    shown = separator.join(links[:LISTED])
    return shown if len(links) <= LISTED else f"{shown} and {len(links) - LISTED} more {noun}"


def entry_id(entry: TimelineEntry) -> str:
    """`event-2003-09-10`: the entry's anchor, from its date, so a link to it survives new texts."""
    year, month, day = entry.start
    return "event-" + "-".join(f"{part:02d}" for part in (year, month, day) if part)


def entry_ids(entries: list[TimelineEntry]) -> list[str]:
    """Each entry's anchor; a second entry on the same date gets `-2`."""
    ids: list[str] = []
    for entry in entries:
        base = ident = entry_id(entry)
        count = 1
        while ident in ids:
            count += 1
            ident = f"{base}-{count}"
        ids.append(ident)
    return ids


def place_link(place: Place, prefix: str) -> str:
    return f"[{escape_text(place.label)}]({article_page(place.slug, prefix)}#{place.anchor})"


def render_entry(
    entry: TimelineEntry,
    prefix: str = "../",
    ident: str = "",
    log: str = "",
    others: bool = True,
    quote: bool = True,
) -> str:
    """One event: its date, the sentence of the passage that dates it most precisely, the passage
    as a citation (`Delos, ¶12`), the other passages that tell it (if `others`), and a note when
    the editors supplied part of the date (`log` is the address of the list that says why). Where
    the page quotes the passage elsewhere, not `quote`: the date and the citation only."""
    head = entry.head
    date = escape_text(date_label(head.start, head.end, head.supplied))
    told = f"“{escape_text(head.sentence)}” ({place_link(head.place, prefix)})"
    item = f"- **{date}** — " + (told if quote else f"told in {place_link(head.place, prefix)}")
    more = []
    if others and len(entry.events) > 1:
        passages = [place_link(e.place, prefix) for e in entry.events[1:]]
        more.append("    Also told in " + first_of(passages, "passages"))
    if head.supplied:
        what = " and ".join(head.supplied)
        verb = "are" if len(head.supplied) > 1 else "is"
        note = f"The {what} in brackets {verb} supplied by the editors ([why]({log}#{SUPPLIED_LOG}))."
        more.append(f"    {note}\n    {{ .date-supplied }}")
    if ident:
        item += f"\n    {{ #{ident} }}"
    return "\n\n".join([item, *more])


def render_timeline(entries: list[TimelineEntry], undated: list[Event]) -> str:
    """The timeline page: the chart, every event by year, what the editors supplied and why, and
    the dates left out."""
    told = sum(len(e.events) for e in entries)
    parts = [
        front_matter({"title": "Timeline"}).rstrip(),
        "# Timeline",
        f"Every event the texts date, oldest first: {len(entries)} events, told in {told} passages. "
        "A date is as precise as its text: a year, a month, a day or a span of days. Where a text gives "
        "a day without its year and makes the year certain, the editors supply it in brackets, and "
        f"[say why](#{SUPPLIED_LOG}). A year mentioned in passing (“since 2001”) is not an event.",
        timeline_chart(entries, "", entry_ids(entries)),
    ]
    year = None
    for entry, ident in zip(entries, entry_ids(entries), strict=True):
        if entry.start[0] != year:
            year = entry.start[0]
            parts.append(f"## {year}")
        parts.append(render_entry(entry, prefix="", ident=ident))
    parts.append(render_supplied(entries))
    if undated:
        rows = "\n".join(
            f"- “{escape_text(e.label)}”: “{escape_text(e.sentence)}” ({place_link(e.place, '')})"
            for e in undated
        )
        parts.append(
            "## Dates left out\n\nThese passages give a day without its year, and nothing in their "
            f"text makes the year certain, so they are not placed on the timeline:\n\n{rows}"
        )
    return "\n\n".join(parts) + "\n"


def render_supplied(entries: list[TimelineEntry]) -> str:
    """The editors' log of the dates they completed: what the text wrote, what they supplied, why."""
    rows = [
        f"| {escape_text(date_label(e.start, e.end, e.supplied))} | {escape_text(e.label)} "
        f"| {place_link(e.place, '')} | {escape_text(e.reason)} |"
        for entry in entries
        for e in entry.events
        if e.supplied
    ]
    heading = f"## Dates supplied by the editors {{ #{SUPPLIED_LOG} }}"
    if not rows:
        return f"{heading}\n\nNone: every date on the timeline is given whole by its text."
    return (
        f"{heading}\n\nThe texts give these dates without their year (or month); each time, the text "
        "itself makes it certain, as said here.\n\n"
        "| Date | As written | Passage | Why it is certain |\n| --- | --- | --- | --- |\n" + "\n".join(rows)
    )


def render_home_timeline(entries: list[TimelineEntry]) -> str:
    """The home page's main events: the chart, and the events the texts date to the month or the
    day, each linked to its passage."""
    ids = entry_ids(entries)
    main = [entry for entry in entries if entry.start[1]]
    lines = [render_entry(entry, prefix="", log="timeline.md", others=False) for entry in main]
    return timeline_chart(entries, "timeline.html", ids) + "\n\n" + "\n\n".join(lines) + "\n"


WIDTH, AXIS_LEFT, AXIS_RIGHT, ROW, DOT = 720, 40, 690, 16, 5


def position(day: tuple[int, int, int], first: tuple[int, int, int], last: tuple[int, int, int]) -> float:
    """Where a day falls on an axis from `first` to `last`, in pixels."""

    def days(d: tuple[int, int, int]) -> float:
        return d[0] * 372 + (d[1] - 1) * 31 + d[2]

    whole = max(days(last) - days(first), 1)
    return AXIS_LEFT + (AXIS_RIGHT - AXIS_LEFT) * (days(day) - days(first)) / whole


def timeline_chart(entries: list[TimelineEntry], page: str, ids: list[str]) -> str:
    """Two axes: every event over the years, then the busiest year month by month, each event a dot
    (a bar for a span of days) that links to its entry and names its date."""
    if not entries:
        return ""
    first, last = entries[0].start[0], max(e.end[0] for e in entries)
    years = (first, 1, 1), (last + 1, 1, 1)
    busiest = max({e.start[0] for e in entries}, key=lambda y: sum(1 for e in entries if e.start[0] == y))
    zoomed = [(e, i) for e, i in zip(entries, ids, strict=True) if e.start[0] == busiest and e.start[1]]
    months = sorted({e.start[1] for e, _ in zoomed} | {e.end[1] for e, _ in zoomed})
    panels = [("years", years, list(zip(entries, ids, strict=True)))]
    if len(zoomed) >= 3 and len(months) > 1:
        panels.append(("months", ((busiest, months[0], 1), (busiest, months[-1] + 1, 1)), zoomed))
    body, height = [], 0
    for kind, (start, end), shown in panels:
        drawn, height = draw_panel(kind, start, end, shown, page, height)
        body.append(drawn)
    description = f"{len(entries)} events from {first} to {last}"
    if len(panels) > 1:
        description += (
            f"; {len(zoomed)} of them from {MONTH_NAMES[months[0] - 1]} to {MONTH_NAMES[months[-1] - 1]} "
            f"{busiest}, shown month by month below"
        )
    return (
        '<figure class="timeline-figure" data-search-exclude>'  # its words are the list's'
        f'<svg class="timeline-chart" role="group" viewBox="0 0 {WIDTH} {height}" '
        'aria-labelledby="timeline-chart-title timeline-chart-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="timeline-chart-title">The events the texts date</title>'
        f'<desc id="timeline-chart-desc">{escape_html(description)}. The list gives each one.</desc>'
        + "".join(body)
        + f"</svg><figcaption>{escape_html(description)}. Each dot links to its event.</figcaption></figure>"
    )


def draw_panel(
    kind: str,
    first: tuple[int, int, int],
    last: tuple[int, int, int],
    shown: list[tuple[TimelineEntry, str]],
    page: str,
    top: int,
) -> tuple[str, int]:
    """One axis with its ticks and its events, stacked where they would overlap; returns the SVG and
    the height used so far."""
    levels: list[float] = []  # the right end of the last mark on each level
    marks = []
    for entry, ident in shown:
        x1 = position(span(entry.start), first, last)
        x2 = max(position(span(entry.end, True), first, last), x1) if entry.start[2] else x1
        level = next((n for n, right in enumerate(levels) if right + 2 * DOT < x1), len(levels))
        if level == len(levels):
            levels.append(x2)
        levels[level] = x2
        marks.append((entry, ident, x1, x2, level))
    axis_y = top + 24 + ROW * max(len(levels), 1)
    parts = [f'<line class="axis" x1="{AXIS_LEFT}" y1="{axis_y}" x2="{AXIS_RIGHT}" y2="{axis_y}"/>']
    if kind == "years":
        spans = [((y, 1, 1), (y, 7, 1), str(y)) for y in range(first[0], last[0])]
        label = ""
    else:
        months = range(first[1], last[1])
        spans = [((first[0], m, 1), (first[0], m, 16), MONTH_NAMES[m - 1]) for m in months]
        label = f"{MONTH_NAMES[first[1] - 1]} to {MONTH_NAMES[last[1] - 2]} {first[0]}"
    if label:
        parts.append(f'<text class="panel-label" x="{AXIS_LEFT}" y="{top + 14}">{escape_html(label)}</text>')
    for boundary in [*(start for start, _, _ in spans), last]:
        x = position(boundary, first, last)
        parts.append(f'<line class="tick" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 6}"/>')
    for _, middle, text in spans:
        x = position(middle, first, last)
        parts.append(f'<text class="tick-label" x="{x:.1f}" y="{axis_y + 20}">{text}</text>')
    for entry, ident, x1, x2, level in marks:
        y = axis_y - ROW * (level + 1)
        name = escape_html(date_label(entry.head.start, entry.head.end, entry.head.supplied))
        shape = (
            f'<rect x="{x1 - DOT:.1f}" y="{y - DOT}" width="{x2 - x1 + 2 * DOT:.1f}" '
            f'height="{2 * DOT}" rx="{DOT}"/>'
            if x2 - x1 > 1
            else f'<circle cx="{x1:.1f}" cy="{y}" r="{DOT}"/>'
        )
        parts.append(f'<a href="{page}#{ident}"><title>{name}</title>{shape}</a>')
    return "".join(parts), axis_y + 30
