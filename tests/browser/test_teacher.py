"""A teacher preparing a class on why Cancún collapsed (issue 37), walked in Chromium from the home
page to a printed handout that stands alone: search finds the topic by a passage that holds the
words, the topic's timeline has the meeting where the group took shape, a quotation leads to its
paragraph, and the page printed from the browser ends with the works it cites, in full."""

from __future__ import annotations

import subprocess
from pathlib import Path

from browsing import search


def test_a_teacher_goes_from_the_home_page_to_a_printed_handout_with_its_works_cited(
    http_site, tmp_path: Path
) -> None:
    page = http_site.open("index.html")
    assert "2003" in page.locator("article").inner_text()  # the home page says what the site is
    results = search(page, "Group of 21")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    topic = next(i for i, href in enumerate(hrefs) if "topics/g21.html" in href)
    results.nth(topic).click()
    page.wait_for_url("**/topics/g21.html*")
    timeline = page.locator("h2#timeline + ul").inner_text()
    assert "10–14 September 2003" in timeline, "the meeting where the G21 took shape"
    quotation = page.locator("article li a[href*='/articles/']", has_text="¶").first
    target = quotation.get_attribute("href").split("#")[1]
    quotation.click()
    page.wait_for_url(f"**#{target}")
    assert page.locator(f"#{target}").is_visible()
    page.go_back()
    page.wait_for_url("**/topics/g21.html*")
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "(Delos, ¶" in text, "the handout cites the texts by author and paragraph"
    works = text[text.index("Works cited") :]
    for said in ("Delos, Shelly", "People’s Weekly World", "Citizens’ Diplomacy from Cancún to Miami"):
        assert said in " ".join(works.split()), f"the works cited leave out {said!r}"
    assert "This page is part of Cancún 2003 Reader" in " ".join(works.split())
    assert not page.watch.problems(), page.watch.problems()[0]
