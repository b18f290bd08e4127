"""ProperDocs, the continuation of MkDocs 1.6 that keeps plugins (MkDocs 2.0, as announced, drops
them), builds the same site with the same plugin: every page the MkDocs build makes, the same but
for the name of the generator."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from project import ROOT, copy_project

PROPERDOCS = ROOT / ".venv" / "bin" / "properdocs"
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_pages_with_the_same_plugin(built_site: Path, tmp_path: Path) -> None:
    if not PROPERDOCS.exists():
        pytest.skip("ProperDocs is not installed: `make setup` installs it (requirements.lock)")
    project = copy_project(tmp_path / "project")
    built = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "site"
    pages = sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*.html"))
    assert pages == sorted(str(p.relative_to(site)) for p in site.rglob("*.html")) and len(pages) > 25
    for page in pages:
        mkdocs, properdocs = ((folder / page).read_text(encoding="utf-8") for folder in (built_site, site))
        assert GENERATOR.sub("", mkdocs) == GENERATOR.sub("", properdocs), page
    assert (site / "sw.js").is_file() and (site / "articles" / "cancun-walkout-pww.html").is_file()
