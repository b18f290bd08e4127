"""Untrusted text stays text: a source made of payloads (tests/fixtures/payloads/untrusted.yml)
builds into a page where none of them acts, nothing outside the site is read in, and each one's
words are there to read."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from project import build_site, copy_project

PAYLOADS = yaml.safe_load((Path(__file__).parent / "fixtures" / "payloads" / "untrusted.yml").read_text())
# what files outside the site hold, which must never be read into it
SECRETS = ("root:x:0:0", "site_name: Cancún 2003 Reader", "markdown_extensions:")


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.elements


def letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("untrusted") / "project")
    text = "\n\n".join(f"Payload {n}: {payload} (end of payload {n})." for n, payload in enumerate(PAYLOADS))
    (project / "sources" / "payloads.txt").write_text(text + "\n", encoding="utf-8")
    with (project / "sources" / "catalog.yml").open("a", encoding="utf-8") as catalog:
        catalog.write(
            "\n- file: payloads.txt\n  slug: payloads\n  title: <b onmouseover=alert(1)>Payloads & more</b>\n"
        )
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_corpus_is_large_enough() -> None:
    assert len(PAYLOADS) >= 40


def test_no_payload_acts_in_the_built_page(payload_site: Path) -> None:
    page = (payload_site / "articles" / "payloads.html").read_text(encoding="utf-8")
    clean = (payload_site / "about.html").read_text(encoding="utf-8")

    def scripts(html_page: str) -> list[str]:
        return [Path(a.get("src") or "inline").name for tag, a in elements(html_page) if tag == "script"]

    assert scripts(page) == scripts(clean), "a script came from the text"
    risky = ("iframe", "object", "embed", "form", "input", "style", "base", "meta", "textarea", "img")

    def count(html_page: str) -> dict[str, int]:
        return {t: sum(1 for tag, a in elements(html_page) if tag == t and not cites(a)) for t in risky}

    def cites(attributes: dict) -> bool:
        """A meta tag for reference managers, which an article has and the About page has not."""
        return (attributes.get("name") or "").startswith(("citation_", "DC.", "prism.", "og:"))

    assert count(page) == count(clean), "an element came from the text"
    titles = [
        a["content"] for tag, a in elements(page) if tag == "meta" and a.get("name") == "citation_title"
    ]
    assert titles == ["<b onmouseover=alert(1)>Payloads & more</b>"], "the title stays an attribute's text"
    for tag, attributes in elements(page):
        handlers = [name for name in attributes if name.startswith("on")]
        assert not handlers, f"<{tag}> has {handlers}"
        for name in ("href", "src", "action", "data"):
            value = (attributes.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), f"<{tag} {name}={value}>"
            if not (tag == "a" and name == "href"):  # a text may print an address: it is a link
                assert "evil.example" not in value, f"<{tag} {name}={value}>"


def test_nothing_outside_the_site_is_read_into_it(payload_site: Path) -> None:
    for path in payload_site.rglob("*"):
        if path.suffix in (".html", ".json", ".js", ".xml"):
            content = path.read_text(encoding="utf-8", errors="replace")
            for secret in SECRETS:
                assert secret not in content, f"{path.name} holds {secret!r}"


@pytest.mark.parametrize("number", range(len(PAYLOADS)))
def test_each_payload_can_be_read_as_text(payload_site: Path, number: int) -> None:
    page = (payload_site / "articles" / "payloads.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    visible = letters(html.unescape(re.sub(r"<[^>]+>", "", article)))
    expected = letters(f"Payload {number}: {PAYLOADS[number]} (end of payload {number}).")
    assert expected in visible, PAYLOADS[number]


def test_a_title_from_the_catalog_is_shown_as_text_everywhere(payload_site: Path) -> None:
    title = "<b onmouseover=alert(1)>Payloads & more</b>"
    escaped = html.escape(title, quote=False)
    about = (payload_site / "about.html").read_text(encoding="utf-8")
    assert escaped in about and title not in about  # the navigation, on every page
    page = (payload_site / "articles" / "payloads.html").read_text(encoding="utf-8")
    assert f"<title>{escaped} - Cancún 2003 Reader</title>" in page
    assert "Payloads &amp;amp; more" not in page, "escaped twice"
