"""axe-core finds no violation on any page, in the light palette or the dark one."""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import nav_pages

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document)).violations.map(v =>
    `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0].target.join(' ')})`)"""


@pytest.fixture(scope="module")
def axe_script() -> str:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `make test`, which runs `npm ci`")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_no_accessibility_violation_on_any_page(
    http_site, built_site: Path, axe_script: str, palette: str
) -> None:
    page = http_site.open("index.html")
    if palette == "dark":
        page.locator('label[title="Switch to dark mode"]').click()
    found = {}
    for path in nav_pages(built_site):
        page.goto(http_site.base + path)
        scheme = page.locator("body").get_attribute("data-md-color-scheme")
        assert scheme == ("slate" if palette == "dark" else "default")
        page.add_script_tag(content=axe_script)
        violations = page.evaluate(RUN_AXE)
        if violations:
            found[path] = violations
    assert not found, "\n".join(f"{path}: {v}" for path, vs in found.items() for v in vs)
