"""Draw the package's folders, in the order the data flows, into the Editors' guide's map
(`docs/assets/images/repository-layout.svg`); a test fails while the committed drawing is not the
package as it is.

    .venv/bin/python scripts/layout_map.py
"""

from __future__ import annotations

from pathlib import Path

from cancun_reader.devtools.layout import draw_map

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "docs" / "assets" / "images" / "repository-layout.svg"

if __name__ == "__main__":
    MAP.parent.mkdir(parents=True, exist_ok=True)
    MAP.write_text(draw_map(ROOT), encoding="utf-8")
    print(f"wrote {MAP.relative_to(ROOT)}")
