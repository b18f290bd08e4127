"""The timeline: dated events from the texts, from tests/cases/timeline/*.yml, and the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project import ROOT, load_cases

from cancun_reader.build.inputs import read_inputs
from cancun_reader.collection.mentions import mention_pattern, topics_named
from cancun_reader.collection.timeline import dates_in
from cancun_reader.core.cache import Cache


@pytest.mark.parametrize("case", load_cases("timeline"))
def test_dates_in(case: dict) -> None:
    found = [[list(d.start), list(d.end), d.label, d.event] for d in dates_in(case["sentence"])]
    assert found == case["dates"]


def entries_of(page: str) -> list[tuple[str, str]]:
    """Each entry of a timeline page: its date as shown and the rest of its item."""
    items = re.findall(r"<li[^>]*>\s*(?:<p[^>]*>)?<strong>(.*?)</strong>(.*?)</li>", page, re.DOTALL)
    return [(date, rest) for date, rest in items]


KEY_EVENTS = [
    ("December 1996", "Singapore meeting"),
    ("30 November – 3 December 1999", "the failed Seattle"),
    ("9–13 November 2001", "Doha Meeting"),
    ("10–14 September 2003", "in Cancún"),
    ("13 September [2003]", "a large demonstration"),
    ("14 [September 2003]", "the summit collapsed"),
    ("22–26 September [2003]", "Managua"),
    ("20–24 October [2003]", "Houston"),
    ("19–21 November [2003]", "in Miami"),
    ("20 November [2003]", "a huge march and rally"),
]


def test_the_timeline_lists_the_key_events_in_date_order(built_site: Path) -> None:
    entries = entries_of((built_site / "timeline.html").read_text(encoding="utf-8"))
    dates = [date for date, _ in entries]
    positions = []
    for date, words in KEY_EVENTS:
        assert date in dates, f"{date} is not on the timeline: {dates}"
        positions.append(dates.index(date))
        assert words in entries[dates.index(date)][1]
    assert positions == sorted(positions)


def test_one_entry_per_event(built_site: Path) -> None:
    """The Miami meeting is told by both long texts and dated to its month by a third passage: one
    entry, which cites the others; no passage is quoted under two dates of one event."""
    entries = entries_of((built_site / "timeline.html").read_text(encoding="utf-8"))
    dates = [date for date, _ in entries]
    assert len(dates) == len(set(dates)), dates
    miami = entries[dates.index("19–21 November [2003]")][1]
    assert miami.count("Also told in") == 1 and miami.count("¶") == 3
    assert "November 2003" not in dates and "1999" not in dates


def test_passing_years_are_not_events(built_site: Path) -> None:
    entries = entries_of((built_site / "timeline.html").read_text(encoding="utf-8"))
    told = " ".join(rest for _, rest in entries)
    for words in ("since 2001", "re-election in 2004", "2005 time limit", "third quarter of 2003"):
        assert words not in told, words
    assert not {"2004", "2005", "2003"} & {date for date, _ in entries}


def test_every_entry_cites_its_article_and_paragraph(built_site: Path) -> None:
    for date, rest in entries_of((built_site / "timeline.html").read_text(encoding="utf-8")):
        assert re.search(r'href="articles/[a-z0-9-]+\.html#p-[a-z0-9-]+">[^<]+, ¶\d+</a>', rest), date


def test_every_supplied_year_says_why(built_site: Path) -> None:
    page = (built_site / "timeline.html").read_text(encoding="utf-8")
    log = page[page.index('id="dates-supplied-by-the-editors"') :]
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", log, re.DOTALL)]
    rows = [(row[0], row[1], row[3]) for row in cells if row]
    assert ("20–24 October [2003]", "Oct. 20-24", "the text's own date, 2003") in rows
    assert any(r[0] == "14 [September 2003]" and "“September 13”" in r[2] for r in rows)
    supplied = [date for date, _ in entries_of(page) if "[" in date]
    assert {r[0] for r in rows} >= set(supplied) and len(supplied) >= 6


def test_the_chart_links_every_dot_to_its_entry(built_site: Path) -> None:
    page = (built_site / "timeline.html").read_text(encoding="utf-8")
    start = page.index('<svg class="timeline-chart"')
    chart = page[start : page.index("</svg>", start)]
    assert '<desc id="timeline-chart-desc">' in chart and 'role="group"' in chart
    targets = re.findall(r'<a href="#(event-[0-9-]+)">', chart)
    assert len(targets) >= len(entries_of(page)) and all(f'id="{t}"' in page for t in set(targets))


def test_home_links_its_main_events(built_site: Path) -> None:
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<svg class="timeline-chart"' in page
    main = page[page.index('id="main-events"') :]
    for date, _ in KEY_EVENTS[3:]:
        assert f"<strong>{date}</strong>" in main
    assert re.search(r'<a href="timeline.html#event-2003-09-13">', page)
    items = re.findall(r"<li>\s*(?:<p>)?<strong>.*?</li>", main, re.DOTALL)
    assert items and all('href="articles/' in item for item in items)


def test_topic_pages_show_their_own_events(built_site: Path) -> None:
    page = (built_site / "topics" / "seattle-1999.html").read_text(encoding="utf-8")
    timeline = page[page.index('id="timeline"') : page.index('id="what-the-sources-say"')]
    assert "30 November – 3 December 1999" in timeline and "September 2003" not in timeline


def timeline_section(page: str) -> str:
    """A topic page's timeline: from its heading to the next."""
    found = re.search(r'<h2 id="timeline">.*?(?=<h2|\Z)', page, re.DOTALL)
    return found[0] if found else ""


def test_each_topic_s_timeline_is_the_site_s_events_its_passages_tie_to_it(built_site: Path) -> None:
    """A topic's timeline holds only events of the site's timeline, with their dates as the site
    gives them; every event the site's timeline quotes a passage for that names the topic; and the
    meetings its passages name undated, dated elsewhere: the G21's, the Cancún meeting of 10–14
    September 2003 where the group took shape."""
    topics = read_inputs(ROOT / "sources", ROOT / "topics", Cache(None), None).topics
    pattern = mention_pattern(topics)
    site = entries_of((built_site / "timeline.html").read_text(encoding="utf-8"))
    site_dates = {date for date, _ in site}
    for index, topic in enumerate(topics):
        page = (built_site / "topics" / f"{topic.slug}.html").read_text(encoding="utf-8")
        own = {date for date, _ in entries_of(timeline_section(page))}
        assert own <= site_dates, f"{topic.slug}: {own - site_dates} are not on the site's timeline"
        for date, rest in site:
            quoted = re.search(r"“(.*?)”", re.sub(r"<[^>]+>", "", rest))
            if quoted and index in topics_named(pattern, quoted[1]):
                assert date in own, f"{topic.slug}'s timeline leaves out {date}, whose passage names it"
    g21 = entries_of(timeline_section((built_site / "topics" / "g21.html").read_text(encoding="utf-8")))
    assert "10–14 September 2003" in {date for date, _ in g21}, "the meeting where the G21 took shape"
