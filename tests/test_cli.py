"""The build command: a summary on success; on bad input one line naming file and line, exit 1,
no traceback, and `docs/` exactly as it was."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from project import ROOT, build_site, run_build, tree_snapshot

from cancun_reader.build.pipeline import convert

SITE_FILES = 2  # beside the converted pages, build() writes the downloads page and the search shim


OFFERED_HEADING = r'add to (sources/miami\.corrections\.yml): (- \{role: "[^"]*", as: heading\})'
"""The directive a doubt about a line shaped like a heading offers first, as it prints it."""


def test_first_build_writes_every_page_and_the_second_writes_none(project: Path) -> None:
    first = run_build(project)
    assert first.returncode == 0, first.stderr
    total = len(convert(ROOT / "sources", ROOT / "topics").pages) + SITE_FILES
    assert f"written: {total}   unchanged: 0   removed: 0   warnings: 0" in first.stdout
    pages = tree_snapshot(project / "docs")
    second = run_build(project)
    assert f"written: 0   unchanged: {total}" in second.stdout
    assert tree_snapshot(project / "docs") == pages


def test_check_fails_only_when_pages_are_out_of_date(project: Path) -> None:
    stale = run_build(project, "--check")
    assert stale.returncode == 1
    assert "out of date: articles/cancun-walkout-pww.md" in stale.stdout
    assert not (project / "docs" / "articles").exists(), "--check must not write"
    run_build(project)
    assert run_build(project, "--check").returncode == 0


def test_editing_one_text_rewrites_only_the_pages_that_change(project: Path) -> None:
    run_build(project)
    text = project / "sources" / "mexico-discovers-the-wto.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("smallholder", "small"), encoding="utf-8")
    result = run_build(project)
    total = len(convert(ROOT / "sources", ROOT / "topics").pages) + SITE_FILES
    # the article, its page as received and the file as received; no other page
    assert f"written: 3   unchanged: {total - 3}" in result.stdout
    assert "small farmers" in (project / "docs/articles/mexico-discovers-the-wto.md").read_text()
    assert "small farmers" in (project / "docs/received/mexico-discovers-the-wto.txt").read_text()


def test_removing_a_text_removes_its_page_and_nothing_hand_written(project: Path) -> None:
    extra = project / "sources" / "notes-from-miami.txt"
    extra.write_text("The FTAA met in Miami.\n", encoding="utf-8")
    run_build(project)
    assert (project / "docs/articles/notes-from-miami.md").exists()
    extra.unlink()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    # its article, its page as received and its file, its RIS, BibTeX and CSL-JSON
    assert "removed: 6" in result.stdout
    assert not (project / "docs/articles/notes-from-miami.md").exists()
    assert not (project / "docs/cite/notes-from-miami.ris").exists()
    assert not (project / "docs/received/notes-from-miami.md").exists()
    assert (project / "docs/index.md").exists() and (project / "docs/about.md").exists()


def test_removing_a_text_that_topics_cite_names_the_citation(project: Path) -> None:
    run_build(project)
    (project / "sources" / "mexico-discovers-the-wto.txt").unlink()
    catalog = project / "sources" / "catalog.yml"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text[: text.index("- file: mexico-discovers-the-wto.txt")], encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "cites 'mexico-discovers-the-wto', which is not the slug of any article" in result.stderr


def test_a_text_without_catalog_entry_builds_strictly_with_a_note_saying_how_to_add_one(
    project: Path,
) -> None:
    (project / "sources" / "Notes from Miami.txt").write_text("The FTAA met in Miami.\n", encoding="utf-8")
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "note: sources/Notes from Miami.txt: has no entry in sources/catalog.yml" in result.stdout
    assert "add an entry with 'file: Notes from Miami.txt'" in result.stdout
    page = (project / "docs/articles/notes-from-miami.md").read_text(encoding="utf-8")
    assert "# Notes from Miami" in page and "Title taken from the file name" in page
    assert "Editorial title" not in page and "supplied by the editors" not in page


def test_a_text_without_catalog_entry_is_offered_the_title_and_byline_it_opens_with(project: Path) -> None:
    text = "Medicines before the\nministerial\nA decision came days before Cancún.\nBy Grace Mwangi\n\n"
    text += "Two weeks before the ministerial, the members agreed on a decision.\n"
    (project / "sources" / "medicines.txt").write_text(text, encoding="utf-8")
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert (
        "note: sources/medicines.txt:1: opens with the title “Medicines before the ministerial” and the "
        "byline “By Grace Mwangi”: if they are the text's own, its catalog entry may say "
        "title: Medicines before the ministerial and author: Grace Mwangi"
    ) in result.stdout
    # the build takes neither for granted: the page keeps the title from the file name
    page = (project / "docs/articles/medicines.md").read_text(encoding="utf-8")
    assert "Title taken from the file name" in page and "Author unknown" in page


CORPUS_PDF = ROOT / "tests" / "corpus" / "pdf" / "09-medicines.chromium.pdf"


@pytest.mark.parametrize(
    "title", ["Miami, November 2003: the streets and the summit", "“No” to the FTAA: a 'people's' summit"]
)
def test_the_catalog_lines_a_build_offers_are_valid_yaml_as_printed(project: Path, title: str) -> None:
    """An editor pastes what the build offers into the catalog: each line reads back as it was
    offered, a title with a colon or quotes included."""
    text = f"{title}\nBy Rosa Martínez\n\nThousands of people marched through Miami that week.\n"
    (project / "sources" / "miami.txt").write_text(text, encoding="utf-8")
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    offered = re.search(r"its catalog entry may say (title: .*) and (author: .*)$", result.stdout, re.M)
    assert offered, result.stdout
    assert yaml.safe_load(offered[1]) == {"title": title}
    assert yaml.safe_load(offered[2]) == {"author": "Rosa Martínez"}


def test_a_pdf_dropped_into_sources_is_read_by_the_build_and_offered_as_received(
    project: Path, tmp_path: Path
) -> None:
    """A PDF's paragraphs are broken where its page indents a line, each break a change on the
    page, and its caption in smaller type is said to be one; the text read from its pages and the PDF
    itself are one click from the article, in the built site too; a second build writes nothing."""
    (project / "sources" / "medicines.pdf").write_bytes(CORPUS_PDF.read_bytes())
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    docs = project / "docs"
    assert (docs / "received/medicines.pdf").read_bytes() == CORPUS_PDF.read_bytes()
    received = (docs / "received/medicines.txt").read_text(encoding="utf-8")
    assert "Health campaigners did\nnot celebrate for long. They" in received
    article = (docs / "articles/medicines.md").read_text(encoding="utf-8")
    assert "paragraph break put back where the PDF indents the line" in article
    caption = (
        '<aside data-line="\\d+" class="picture-caption" '
        'aria-label="Caption of a picture not reproduced" markdown>'
    )
    said = "A pharmacy in Nairobi, where the price of treatment was debated."  # after its change's mark
    mark = r'<a class="change-mark" [^\n]*✎\d+(<span class="change-kind">[^<]*</span>)?</a>'
    assert re.search(rf"{caption}\n{mark}{said}\n</aside>", article), article
    page = (docs / "received/medicines.md").read_text(encoding="utf-8")
    assert "the text read from the pages of <code>medicines.pdf</code>, in reading order" in page
    again = run_build(project)
    assert "written: 0" in again.stdout, again.stdout
    built = build_site(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/received/medicines.pdf").read_bytes() == CORPUS_PDF.read_bytes()
    assert 'href="medicines.pdf"' in (tmp_path / "site/received/medicines.html").read_text(encoding="utf-8")


def test_a_pdf_is_read_with_no_program_installed_beside_the_build(project: Path) -> None:
    """The page is read in the build's own process (PDFium, from PyPI): no program on the PATH."""
    (project / "sources" / "medicines.pdf").write_bytes(CORPUS_PDF.read_bytes())
    result = subprocess.run(
        [sys.executable, "scripts/build.py"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(project / "no-programs-here")},
    )
    assert result.returncode == 0, result.stderr
    assert "How would a country" in (project / "docs/articles/medicines.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["Notes from Miami.md", "NOTES.TXT"])
def test_a_file_the_build_does_not_read_is_named_in_a_warning(project: Path, name: str) -> None:
    (project / "sources" / name).write_text("The FTAA met in Miami.\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert f"warning: sources/{name}: is not read: only UTF-8 texts named *.txt and PDFs" in result.stdout


def test_missing_sources_folder(project: Path) -> None:
    result = run_build(project, "--sources", "nowhere")
    assert (result.returncode, result.stderr) == (1, "error: nowhere: the sources folder does not exist\n")


def test_explain_lists_every_change_with_its_line(project: Path) -> None:
    result = run_build(project, "--explain")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "sources/citizens-diplomacy-cancun-miami.txt: 57 changes" in lines
    assert "  sources/citizens-diplomacy-cancun-miami.txt:52: word rejoined: sur- prise → surprise" in lines
    assert "  sources/citizens-diplomacy-cancun-miami.txt:54: correction: delete: removed “prise. ”" in lines


def _add_cut_text(project: Path) -> None:
    (project / "sources" / "cut.txt").write_text("A sentence that stops in the\n\nMIDDLE\n", encoding="utf-8")


def test_unresolved_damage_is_a_doubt_with_file_and_line(project: Path) -> None:
    _add_cut_text(project)
    result = run_build(project)
    assert result.returncode == 0
    assert (
        "doubt: sources/cut.txt:1: paragraph ends mid-sentence and no continuation was found" in result.stdout
    )
    assert "warnings: 0   doubts: 1" in result.stdout


def test_strict_turns_warnings_into_failure(project: Path) -> None:
    run_build(project)
    _add_cut_text(project)
    before = tree_snapshot(project / "docs")
    result = run_build(project, "--strict")
    assert result.returncode == 1
    assert result.stderr.startswith("error: sources/cut.txt:1: paragraph ends mid-sentence")
    assert "strict mode stops here" in result.stderr and result.stderr.count("\n") == 1
    assert tree_snapshot(project / "docs") == before


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'after: "The emergence of the G21 was a sur-"',
            'after: "The emergence of the G21 was a wonder"',
            "sources/citizens-diplomacy-cancun-miami.corrections.yml:8: directive move: "
            '"prise. The United States, the European Union and Japan": the text '
            '"The emergence of the G21 was a wonder" is not in sources/citizens-diplomacy-cancun-miami.txt',
        ),
        (
            'blockquote: "On the 14th the summit collapsed"',
            'blockquote: "Cancún"',
            "sources/citizens-diplomacy-cancun-miami.corrections.yml:28: directive blockquote: "
            '"Cancún": the text "Cancún" is found 18 times',
        ),
    ],
)
def test_a_correction_whose_quotation_fails_stops_the_build(
    project: Path, old: str, new: str, expected: str
) -> None:
    run_build(project)
    path = project / "sources" / "citizens-diplomacy-cancun-miami.corrections.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    before = tree_snapshot(project / "docs")
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.startswith("error: " + expected), result.stderr
    assert result.stderr.count("\n") == 1
    assert tree_snapshot(project / "docs") == before


def test_no_generated_page_is_committed() -> None:
    """Generated pages are build output: a fresh clone that tracked one could not build (the page
    would look hand-written and block the build), so none may be in git."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    generated = {f"docs/{name}" for name in convert(ROOT / "sources", ROOT / "topics").pages}
    assert not generated & set(tracked)
    assert "docs/index.md" in tracked and "docs/about.md" in tracked


def test_a_generated_page_edited_by_hand_is_made_again(project: Path) -> None:
    """The manifest lets the build skip reading untouched pages; a touched one is compared again."""
    assert run_build(project).returncode == 0
    page = project / "docs" / "articles" / "mexico-discovers-the-wto.md"
    made = page.read_text(encoding="utf-8")
    page.write_text(made.replace("smallholder", "edited by hand"), encoding="utf-8")
    result = run_build(project)
    assert "written: 1 " in result.stdout
    assert page.read_text(encoding="utf-8") == made


def test_a_warning_names_a_correction_that_settles_it(project: Path) -> None:
    """The editor's loop: a heading no rule can tell (too long to be sure) stops a strict build with
    a doubt that offers to give the line the role of a heading and names the file; written as offered, it
    settles the text, which then builds strictly with the line as a heading."""
    heading = "Thousands of marchers and a city closed to them for a week"
    text = "The ministers met in a hotel ringed by police.\n\n" + heading + "\n\n"
    text += "The marchers came back on Thursday and the police were waiting.\n"
    (project / "sources" / "miami.txt").write_text(text, encoding="utf-8")
    failed = run_build(project, "--strict")
    assert failed.returncode == 1
    offered = re.search(OFFERED_HEADING, failed.stderr)
    assert offered, failed.stderr
    (project / offered[1]).write_text(offered[2] + "\n", encoding="utf-8")
    fixed = run_build(project, "--strict")
    assert fixed.returncode == 0, fixed.stderr
    page = (project / "docs/articles/miami.md").read_text(encoding="utf-8")
    assert f"## {heading}" in page
    assert "editorial correction: block given its role" in page


def test_a_text_s_own_title_and_byline_are_shown_once_and_never_numbered(project: Path) -> None:
    """The editor's path: a new text that opens with its title, a deck and a byline, catalogued with
    that title and author, builds strictly; the page's title is the catalog's, shown once (no second
    heading), the printed ones are kept and said to be the text's own, and ¶1 is the body's first
    paragraph, so a citation by paragraph is not one off."""
    title = "Miami, November 2003: the streets and the summit"
    text = f"{title}\nWhat the marchers wanted.\nBy Rosa Martínez\n\n"
    text += "Thousands of people marched through the centre of the city.\n\n"
    text += "The ministers met in a hotel ringed by police.\n"
    (project / "sources" / "miami.txt").write_text(text, encoding="utf-8")
    catalog = project / "sources" / "catalog.yml"
    entry = (
        f"\n- file: miami.txt\n  slug: miami\n  title: '{title}'\n  author: Rosa Martínez\n  date: 2003-11\n"
    )
    catalog.write_text(catalog.read_text(encoding="utf-8") + entry, encoding="utf-8")
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project / "docs/articles/miami.md").read_text(encoding="utf-8")
    assert page.count(f"# {title}") == 1 and f"## {title}" not in page
    assert "By Rosa Martínez · publication unknown · November 2003" in page
    assert re.search(r"By Rosa Martínez\n\{ #p-by-rosa-martinez \.as-printed \.byline \}", page)
    assert re.search(r"the summit\n\{ #\S+ \.as-printed \.title \}", page)
    numbers = re.findall(r"¶(\d+)</a>", page)
    assert numbers[:2] == ["1", "2"]
    first = page.index("Thousands of people marched")
    assert page.index("¶1</a>") > first and "¶3</a>" not in page


def test_a_fourth_text_makes_no_count_on_the_site_false(project: Path) -> None:
    """Home and About count the collection, and say which titles the editors composed, from the
    catalog: a fourth text (its title its own) changes what they say."""
    (project / "sources" / "miami.txt").write_text("The FTAA met in Miami in November.\n", encoding="utf-8")
    catalog = project / "sources" / "catalog.yml"
    entry = "\n- file: miami.txt\n  slug: miami\n  title: Miami\n"
    catalog.write_text(catalog.read_text(encoding="utf-8") + entry, encoding="utf-8")
    assert run_build(project, "--strict").returncode == 0
    includes = project / "docs" / ".includes"
    assert "publishes four texts" in (includes / "about-size.md").read_text(encoding="utf-8")
    titles = (includes / "home-titles.md").read_text(encoding="utf-8")
    assert titles.startswith("The titles of three of the four articles were composed by the editors")


def test_every_page_the_build_generates_is_left_out_of_git(project: Path) -> None:
    """What the build writes into docs/ (a PDF's printed pages, its editors' view and its IIIF
    manifest too) is never offered to `git add`: only hand-written pages are the project's."""
    shutil.copy(
        ROOT / "tests" / "corpus" / "pdf" / "02-walkout.chromium.pdf", project / "sources" / "walkout.pdf"
    )
    assert run_build(project).returncode == 0
    written = json.loads((project / "docs" / ".generated.json").read_text(encoding="utf-8"))["generated"]
    assert any(name.startswith("proofreading/") for name in written)
    paths = [f"docs/{name}" for name in written]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT,
        input="\n".join(paths),
        capture_output=True,
        text=True,
    ).stdout.split()
    assert sorted(set(paths) - set(ignored)) == []
