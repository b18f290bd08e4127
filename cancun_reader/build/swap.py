"""`make site`: the site built into a folder of its own and swapped in whole.

MkDocs builds into a new folder beside `site/` (each build its own, so two never share one); a
strict build that fails (a warning about a text, a broken quotation) leaves `site/` as it was. The
swap is done in turn with every other build of the project (`turns`): the old site set aside, the
new one renamed into its place, the old one removed; if the rename fails, the old site is put
back and the command fails saying why.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cancun_reader.build.turns import turn


def swap_in(new: Path, site: Path, docs: Path) -> None:
    """Put the built folder `new` in the place of `site`, in turn with the project's other builds."""
    with turn(docs):
        old = site.with_name(f".{site.name}.old-{os.getpid()}")
        if site.exists():
            site.rename(old)
        try:
            new.rename(site)
        except OSError:
            if old.exists():
                old.rename(site)
            raise
        shutil.rmtree(old, ignore_errors=True)


def build_site(root: Path, site: Path, docs: Path, mkdocs_options: list[str]) -> int:
    """`mkdocs build --strict` into a new folder beside `site`, then swapped in; MkDocs' status."""
    with tempfile.TemporaryDirectory(prefix=f".{site.name}-build-", dir=site.parent) as folder:
        new = Path(folder) / site.name
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            *mkdocs_options,
            "--site-dir",
            str(new),
        ]
        status = subprocess.run(command, cwd=root, check=False).returncode
        if status == 0:
            try:
                swap_in(new, site, docs)
            except OSError as error:
                print(f"error: the new site could not take the place of {site}: {error}", file=sys.stderr)
                return 1
        return status


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or Path.cwd()
    parser = argparse.ArgumentParser(prog="site.py", description="Build the site and swap it in whole.")
    parser.add_argument("--site", type=Path, default=root / "site", help="where the site goes")
    parser.add_argument("--docs", type=Path, default=root / "docs", help="the pages MkDocs builds from")
    arguments, mkdocs_options = parser.parse_known_args(argv)
    return build_site(root, arguments.site.resolve(), arguments.docs.resolve(), mkdocs_options)
