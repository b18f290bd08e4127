"""Site entry: build the site into a folder of its own and swap it into `site/` whole.

    python scripts/site.py [--site DIR] [MkDocs build options]

The work is done by the `cancun_reader` package (`cancun_reader.build.swap`); this file only calls it.
"""

import sys
from pathlib import Path

from cancun_reader.build.swap import main

if __name__ == "__main__":
    sys.exit(main(root=Path(__file__).resolve().parent.parent))
