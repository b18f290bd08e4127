"""The command line: `python scripts/build.py [--sources DIR] [--topics DIR] [--docs DIR] [--check]`.

Bad input ends in one line naming the file (and line) and exit status 1; tracebacks are for bugs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cancun_reader.build.pipeline import Report, build
from cancun_reader.build.settings import CACHE_DIR, DOCS, SOURCES, TOPICS, Settings
from cancun_reader.build.turns import turn
from cancun_reader.core.errors import InputError
from cancun_reader.site.references import UNPUBLISHED


def parse_arguments(argv: list[str] | None, root: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Convert the source texts into Markdown pages for the site.",
    )
    parser.add_argument("--sources", type=Path, default=root / SOURCES, help="source texts and catalog.yml")
    parser.add_argument("--topics", type=Path, default=root / TOPICS, help="topic definitions")
    parser.add_argument("--docs", type=Path, default=root / DOCS, help="where pages are written")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if the pages are out of date"
    )
    parser.add_argument(
        "--explain", action="store_true", help="list every repair and correction made to each text"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1, docs/ untouched) if there is any warning or doubt left",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=root / CACHE_DIR,
        help="where converted texts are kept between builds (safe to delete)",
    )
    parser.add_argument("--no-cache", action="store_true", help="convert every text, keep nothing")
    parser.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL") or UNPUBLISHED,
        help="where the site is published, for citations (default: $SITE_URL; with none, the "
        "citations give no address and say the copy is unpublished)",
    )
    return parser.parse_args(argv)


def summary(report: Report, docs: Path, check: bool) -> str:
    plan = report.plan
    verb = "would write" if check else "written"
    lines = [
        f"Cancún Reader: {len(report.pages)} generated pages in {docs}",
        f"  {verb}: {len(plan.write)}   unchanged: {len(plan.unchanged)}   "
        f"{'would remove' if check else 'removed'}: {len(plan.remove)}   "
        f"warnings: {sum(n.is_warning for n in report.notices)}   "
        f"doubts: {sum(n.is_doubt for n in report.notices)}",
    ]
    if check:
        lines += [f"  out of date: {name}" for name in plan.write]
        lines += [f"  stale: {name}" for name in plan.remove]
    lines += [f"  {notice.severity}: {notice}" for notice in report.notices]
    return "\n".join(lines)


def explain(report: Report) -> str:
    """Every change the build made to each text, with the line of the source it concerns."""
    lines = []
    for article in report.load_articles():
        lines.append(f"{article.source.path}: {len(article.repairs)} changes")
        for repair in sorted(article.repairs, key=lambda r: r.line):
            change = f"{repair.before} → {repair.after}" if repair.after else f"removed “{repair.before}”"
            lines.append(f"  {article.source.path}:{repair.line}: {repair.kind}: {change}")
    return "\n".join(lines)


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or Path.cwd()
    arguments = parse_arguments(argv, root)
    settings = Settings.of(
        root,
        sources=arguments.sources,
        topics=arguments.topics,
        docs=arguments.docs,
        cache=None if arguments.no_cache else arguments.cache,
        site_url=arguments.site_url,
    )
    try:
        with turn(settings.docs):
            report = build(settings, check=arguments.check, strict=arguments.strict)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if arguments.explain:
        print(explain(report))
    print(summary(report, arguments.docs, arguments.check))
    return 1 if arguments.check and report.plan.changes else 0
