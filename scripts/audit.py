"""`make audit`: Lighthouse scores of home, an article and a topic page, served from site/ over
http://127.0.0.1 by a server this script starts and stops, written to artifacts/lighthouse.json.
The server compresses text and lets assets be cached, as any static host does.

Targets: 100 for accessibility, best practices and SEO, at least 95 for performance. Not part of
`make test`: a score depends on the machine, and tests must not time anything.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from cancun_reader.devtools.chromium import FLAGS

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "index.html",
    "article": "articles/citizens-diplomacy-cancun-miami.html",
    "topic": "topics/g21.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = " ".join(FLAGS)


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would: text compressed with gzip, assets cacheable."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.COMPRESSED:
            return super().send_head()
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StaticHost, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def scores(url: str) -> dict[str, int]:
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}: {result.stderr.strip().splitlines()[-1:]}")
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("error: site/ is not built; run `make site` first", file=sys.stderr)
        return 1
    if not LIGHTHOUSE.exists():
        print("error: Lighthouse is not installed; run `make audit`, which installs it", file=sys.stderr)
        return 1
    server, base = serve(site)
    try:
        results = {name: scores(base + path) for name, path in PAGES.items()}
    finally:
        server.shutdown()
    (ROOT / "artifacts").mkdir(exist_ok=True)
    output = {"targets": TARGETS, "pages": PAGES, "scores": results}
    (ROOT / "artifacts" / "lighthouse.json").write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    print("| page | " + " | ".join(CATEGORIES) + " |\n|---|" + "---|" * len(CATEGORIES))
    for name, values in results.items():
        print(f"| {name} | " + " | ".join(str(values[c]) for c in CATEGORIES) + " |")
    missed = [
        f"{n} {c} {v} < {TARGETS[c]}" for n, vs in results.items() for c, v in vs.items() if v < TARGETS[c]
    ]
    print("targets met" if not missed else "targets missed: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
