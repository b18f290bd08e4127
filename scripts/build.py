"""Build entry: convert `sources/` and `topics/` into Markdown pages under `docs/`.

    python scripts/build.py [--sources DIR] [--topics DIR] [--docs DIR] [--check]

The work is done by the `cancun_reader` package; this file only calls it.
"""

import sys
from pathlib import Path

from cancun_reader.build.cli import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parent.parent))
