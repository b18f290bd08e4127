"""The collection taken away: EPUB 3 or PDF of the whole collection and of each article, made from
the built site (`make site` first; `make epub` and `make pdf` do both).

    python scripts/book.py epub|pdf [--site DIR] [--out DIR] [--paper A4|Letter]

The work is done by `cancun_reader.book`; this file only calls it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cancun_reader.book.editions import make_books
from cancun_reader.book.pdf import PAPERS
from cancun_reader.core.errors import InputError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["epub", "pdf"])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="where the books go (default: dist)")
    parser.add_argument("--paper", choices=sorted(PAPERS), default="A4", help="for PDFs (default: A4)")
    args = parser.parse_args()
    try:
        for path in make_books(args.site, args.out, args.kind, args.paper):
            print(path)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
