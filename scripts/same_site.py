"""Whether a change of the code changed what readers get: two built sites compared file by file,
byte for byte, and (if given) two repair-quality reports of the corpus, which the site's own plain
texts would not show.

    make site && cp -a site /tmp/site-before
    .venv/bin/python scripts/repair_quality.py --json > /tmp/quality-before.json
    # … the change …
    make site && .venv/bin/python scripts/repair_quality.py --json > /tmp/quality-after.json
    .venv/bin/python scripts/same_site.py /tmp/site-before site \\
        --quality /tmp/quality-before.json /tmp/quality-after.json

Prints each page added, removed or changed (with its first changed line) and ends with status 1 if
there is any; a redesign that readers must not notice ends with "identical".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def files_of(site: Path) -> dict[str, Path]:
    return {str(p.relative_to(site)): p for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(before: bytes, after: bytes) -> str:
    """The first line that differs, both ways, shortened; or the sizes, for a file that is not text."""
    try:
        old, new = before.decode().splitlines(), after.decode().splitlines()
    except UnicodeDecodeError:
        return f"{len(before)} bytes → {len(after)} bytes"
    for number, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        if a != b:
            return f"line {number}: {a[:100]!r} → {b[:100]!r}"
    return f"{len(old)} lines → {len(new)} lines"


def differences(before: Path, after: Path) -> list[str]:
    """What differs between two folders, one line for each file added, removed or changed."""
    old, new = files_of(before), files_of(after)
    found = [f"removed: {name}" for name in old if name not in new]
    found += [f"added: {name}" for name in new if name not in old]
    for name in sorted(old.keys() & new.keys()):
        a, b = old[name].read_bytes(), new[name].read_bytes()
        if a != b:
            found.append(f"changed: {name}: {first_difference(a, b)}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="a built site, before the change")
    parser.add_argument("after", type=Path, help="the site built after it")
    parser.add_argument("--quality", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="two reports of `scripts/repair_quality.py --json`")  # fmt: skip
    options = parser.parse_args()
    found = differences(options.before, options.after)
    if options.quality:
        old, new = (path.read_bytes() for path in options.quality)
        if old != new:
            found.append(f"changed: the repair-quality report: {first_difference(old, new)}")
    print("\n".join(found) or f"identical: {len(files_of(options.after))} files of the site"
          + (" and the repair-quality report" if options.quality else ""))  # fmt: skip
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
