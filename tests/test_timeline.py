"""The timeline: dated events from the texts, from tests/cases/timeline/*.yml, and the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project import load_cases

from cancun_reader.timeline import dates_in


@pytest.mark.parametrize("case", load_cases("timeline"))
def test_dates_in(case: dict) -> None:
    found = [[list(start), list(end), label] for start, end, label in dates_in(case["sentence"])]
    assert found == case["dates"]


def test_the_timeline_runs_from_singapore_to_miami(built_site: Path) -> None:
    page = (built_site / "timeline.html").read_text(encoding="utf-8")
    order = [
        "1996-12",  # the Singapore meeting
        "1999-11-30 – 12-03",  # Seattle
        "2001-11-09 – 13",  # Doha
        "2003-09-10 – 14",  # Cancún
        "2003-11",  # Miami
    ]
    positions = [page.find(f"<strong>{label}</strong>") for label in order]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), positions
    assert "December 1996 Singapore meeting" in page
    assert "Free Trade Area of the Americas summit in Miami" in page


def test_every_event_links_to_its_paragraph(built_site: Path) -> None:
    page = (built_site / "timeline.html").read_text(encoding="utf-8")
    events = re.findall(r"<li>(.*?)</li>", page, re.DOTALL)
    assert len(events) >= 10
    for event in events:
        assert re.search(r'href="articles/[a-z0-9-]+\.html#p-[a-z0-9-]+"', event), event


def test_topic_pages_show_their_own_events(built_site: Path) -> None:
    page = (built_site / "topics" / "seattle-1999.html").read_text(encoding="utf-8")
    timeline = page[page.index('id="timeline"') : page.index('id="what-the-sources-say"')]
    assert "1999-11-30 – 12-03" in timeline and "2003-09" not in timeline
