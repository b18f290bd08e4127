"""Render: untrusted text → Markdown that shows exactly that text."""

import html
import re
import tempfile

import markdown
import pytest
import yaml
from project import ROOT, load_cases

from cancun_reader.site.render import escape_text

TAG = re.compile(r"<[^>]+>")
EMPTY = tempfile.mkdtemp(prefix="no-snippets-")


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions the site uses, read from mkdocs.yml. Snippets look in an
    empty folder and append nothing, so a source that tries to include a file would show an error."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        options[name] = {k: v == "true" if v in ("true", "false") else v for k, v in settings.items()}
    options["pymdownx.snippets"] = {**options["pymdownx.snippets"], "base_path": [EMPTY], "auto_append": []}
    return markdown.Markdown(extensions=names, extension_configs=options)


def visible_text(rendered: str) -> str:
    return html.unescape(TAG.sub("", rendered)).strip()


@pytest.mark.parametrize("case", load_cases("escape"))
def test_escape_text(case: dict) -> None:
    escaped = escape_text(case["text"])
    assert escaped == case["markdown"]
    rendered = site_markdown().convert(escaped)
    assert visible_text(rendered) == case.get("visible", case["text"])
    tags = set(re.findall(r"<(\w+)", rendered))
    assert tags <= {"p", "em"}, f"markup leaked from the text: {tags}"
