"""The editor's path, walked to the end in Chromium: a new article with its own title, a byline, an
ordinary heading line (`Thursday, 20 November`) and a heading no rule can be sure of; the build's
suggestions pasted as they are printed (the catalog entry, the role of a heading it offers); the strict
build; and the page a reader then sees. (The teacher's path is walked in `test_reading.py`, the
preview's failures in `test_editing.py`.)"""

from __future__ import annotations

import re
from pathlib import Path

from browsing import Site
from project import COMMAND, build_site, run_build

TITLE = "Miami, November 2003: the streets and the summit"
LONG_HEADING = "Thousands of marchers and a city closed to them for a week"
TEXT = f"""{TITLE}
By Rosa Martínez

Thousands of people marched through the centre of the city on the first day of the talks.

Thursday, 20 November

The ministers met in a hotel ringed by police. The marchers came back and the police were waiting.

{LONG_HEADING}

On the last day the talks ended early, and the ministers flew home.
"""


OFFERED_HEADING = r'add to (sources/miami\.corrections\.yml): (- \{role: "[^"]*", as: heading\})'
"""The directive a doubt about a line shaped like a heading offers first, as it prints it."""


def test_a_new_text_goes_from_its_file_to_a_page_with_only_what_the_build_offers(
    project: Path, context
) -> None:
    (project / "sources" / "miami.txt").write_text(TEXT, encoding="utf-8")
    said = run_build(project)  # as `make serve` builds: every note and warning, nothing stopped
    told = said.stdout + said.stderr
    # the catalog entry the build offers, pasted as printed
    offered = re.search(r"its catalog entry may say (title: .*) and (author: .*)", told)
    assert offered, told
    catalog = project / "sources" / "catalog.yml"
    entry = f"\n- file: miami.txt\n  slug: miami\n  {offered[1]}\n  {offered[2]}\n  date: 2003-11\n"
    catalog.write_text(catalog.read_text(encoding="utf-8") + entry, encoding="utf-8")
    # the correction the warning offers for the heading no rule can be sure of, written where it says
    correction = re.search(OFFERED_HEADING, told)
    assert correction, told
    assert run_build(project, "--strict").returncode == 1, "unsettled, it stops a strict build"
    (project / correction[1]).write_text(correction[2] + "\n", encoding="utf-8")
    built = build_site(project, project / "site")
    assert built.returncode == 0, built.stderr

    page = Site((project / "site").as_uri() + "/", context).open("articles/miami.html?changes=show")
    article = page.locator("article")
    titles = [h.rstrip("¶") for h in article.locator("h1").all_inner_texts()]  # and its permalink
    assert titles == [TITLE], "the title once"
    byline = article.locator("p.byline:not(.as-printed)").inner_text()
    assert byline == "By Rosa Martínez · publication unknown · November 2003", byline
    assert article.locator("p.as-printed.byline").count() == 1, "the text's own, kept once and said so"
    headings = [re.sub(r"\s*✎\d+", "", h).strip("¶ \n") for h in article.locator("h2").all_inner_texts()]
    assert "Thursday, 20 November" in headings and LONG_HEADING in headings and TITLE not in headings
    numbered = article.locator("p:has(> a.paragraph-number)")
    assert numbered.count() == 3 and numbered.first.inner_text().startswith("Thousands of people marched")
    assert article.locator("a.paragraph-number").all_inner_texts() == ["¶1", "¶2", "¶3"]
    # the marks: a legend, and numbers in reading order
    assert article.locator(".changes-legend").is_visible()
    marks = [int(m.removeprefix("✎").split()[0]) for m in article.locator("a.change-mark").all_inner_texts()]
    assert marks == sorted(marks) and len(marks) >= 3
    shown = article.inner_text().split("Changes made to this text")[0]
    assert not COMMAND.search(shown), COMMAND.search(shown)
    assert not page.watch.problems(), page.watch.problems()[0]
