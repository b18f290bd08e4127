"""Bar charts, drawn as SVG at build time from a table of numbers in a text: no script, no network."""

from __future__ import annotations

import re

from cancun_reader.core.escape import escape_html
from cancun_reader.core.model import Table
from cancun_reader.core.prose.shapes import is_all_caps

NUMBER = re.compile(r"\d[\d,]*")
TOTAL = re.compile(r"totals?", re.IGNORECASE)

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_SPACE, VALUE_WIDTH = 26, 10, 150, 380, 50


def chart_rows(table: Table) -> list[tuple[str, int]]:
    """The rows worth a bar: a label and one number, the total left out; where some labels are in
    capitals (`AFRICA`, `AMERICAS`) and others not (`Canada`), only the capitals, which are the top
    level, so that no bar counts another twice.

    >>> chart_rows(Table((("AMERICAS", "407"), ("Canada", "84"), ("ASIA", "41"), ("TOTAL", "448")), 1))
    [('AMERICAS', 407), ('ASIA', 41)]
    """
    rows = [
        (row[0], int(row[1].replace(",", "")))
        for row in table.rows
        if len(row) >= 2 and NUMBER.fullmatch(row[1]) and not TOTAL.fullmatch(row[0])
    ]
    capitals = [row for row in rows if is_all_caps(row[0])]
    return capitals if capitals and len(capitals) < len(rows) else rows


def is_chartable(table: Table) -> bool:
    return len(chart_rows(table)) >= 3


def display_label(label: str) -> str:
    """`CENTRAL AMERICA` → `Central America`; a label in mixed case stays as it is."""
    return label.title() if is_all_caps(label) else label


def bar_chart(title: str, table: Table, chart_id: str) -> str:
    """An SVG bar chart with its own title and a text alternative that gives every number."""
    rows = chart_rows(table)
    top = max(value for _, value in rows)
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_SPACE + VALUE_WIDTH
    summary = "; ".join(f"{display_label(label)}: {value}" for label, value in rows)
    parts = [
        f'<svg class="bar-chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape_html(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape_html(summary)}.</desc>',
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        bar = max(1, round(BAR_SPACE * value / top))
        middle = y + BAR_HEIGHT / 2
        parts += [
            f'<text class="bar-label" x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="middle">{escape_html(display_label(label))}</text>',
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" rx="2"/>',
            f'<text class="bar-value" x="{LABEL_WIDTH + bar + 6}" y="{middle}" '
            f'dominant-baseline="middle">{value}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
