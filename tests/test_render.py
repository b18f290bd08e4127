"""Render: untrusted text → Markdown that shows exactly that text."""

import html
import re

import pytest
from project import load_cases, site_markdown

from cancun_reader.site.render import escape_text

TAG = re.compile(r"<[^>]+>")


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
