"""`make bench`: how fast the build is, and how it grows with the collection.

For synthetic collections of N = 3, 30, 300 and 1,000 texts (scripts/collection.py) it measures the
conversion per stage (median of several runs, no cache), its peak memory, the size of the pages and of
the built site and its search index, and `mkdocs build`; then, on their own: the overhead of our
conversion in `make site` against a plain `mkdocs build` of the same pages, an incremental rebuild
after one text of 1,000 changes, the time from saving a text to `mkdocs serve` serving the edit,
and Zensical building the same pages. Results go to artifacts/bench.{json,md}, and the table to the
site's Performance page (docs/performance.md). Timing belongs here, never in the tests.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import repair_quality

from cancun_reader.build.pipeline import Stopwatch, build
from cancun_reader.build.settings import Settings
from cancun_reader.devtools.synthetic import make_collection
from cancun_reader.offline import SHIM_PAGE
from cancun_reader.pdf.columns import body_style
from cancun_reader.pdf.glyphs import read_pages
from cancun_reader.pdf.images import page_images
from cancun_reader.site.pages import escaped

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
SIZES = (3, 30, 300, 1000)
RUNS = {3: 7, 30: 5, 300: 3, 1000: 3}
STAGES = ("read", "convert", "topics", "render", "write")
ZENSICAL = ROOT / ".venv" / "bin" / "zensical"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def project_with(size: int, folder: Path) -> Path:
    """A project whose sources are a synthetic collection: the site's own files around it."""
    make_collection(size, folder, ROOT)
    shutil.copy(ROOT / "mkdocs.yml", folder)
    for name in ("scripts", "overrides"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "docs").mkdir()
    generated = shutil.ignore_patterns(Path(SHIM_PAGE).name)  # the conversion puts it among the assets
    for name in ("index.md", "about.md", "performance.md"):
        shutil.copy(ROOT / "docs" / name, folder / "docs" / name)
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets", ignore=generated)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


def convert_once(project: Path, docs: Path) -> dict[str, float]:
    """One build from scratch (no cache, empty docs/), timed per stage."""
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir()
    escaped.cache_clear()
    watch = Stopwatch()
    build(Settings.of(project, docs=docs, cache=None), watch=watch)
    return watch.seconds


def peak_memory(project: Path) -> int:
    """Peak resident memory, in MiB, of a process that converts the collection once."""
    code = (
        "import resource, tempfile; from pathlib import Path;"
        "from cancun_reader.build.pipeline import build; from cancun_reader.build.settings import Settings;"
        f"build(Settings.of(Path('{project}'), docs=Path(tempfile.mkdtemp()), cache=None));"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return round(int(result.stdout.strip()) / 1024)


ARTICLE_PAGE = "articles/citizens-diplomacy-cancun-miami.html"
"""The article page whose size is followed from 3 texts to 1,000 (the long article)."""


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def mkdocs_build(project: Path, config: str = "mkdocs.yml") -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config],
        cwd=project,
        check=True,
        env=ENV,
        capture_output=True,
    )
    return time.perf_counter() - start


def mkdocs_build_measured(project: Path) -> tuple[float, int]:
    """`mkdocs build`'s time, and its peak resident memory in MiB (read by a parent of its own,
    whose only child it is)."""
    code = (
        "import resource, subprocess, sys;"
        "done = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q'],"
        " capture_output=True, text=True);"
        "sys.exit(done.stderr) if done.returncode else"
        " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=project, check=True, env=ENV, capture_output=True, text=True
    )
    return time.perf_counter() - start, round(int(result.stdout.strip()) / 1024)


def largest_page(site: Path) -> tuple[str, int]:
    page = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    return str(page.relative_to(site)), page.stat().st_size


def measure_size(size: int, work: Path) -> dict:
    project = project_with(size, work / f"n{size}")
    runs = [convert_once(project, project / "docs-bench") for _ in range(RUNS[size])]
    stages = {stage: statistics.median(r.get(stage, 0.0) for r in runs) for stage in STAGES}
    conversion = statistics.median(sum(r.values()) for r in runs)
    shutil.rmtree(project / "docs-bench")
    build(Settings.of(project, cache=None))  # the pages mkdocs will build
    site_seconds, site_memory = mkdocs_build_measured(project)
    largest, largest_bytes = largest_page(project / "site")
    generated = project / "docs" / "articles"
    return {
        "texts": size,
        "stages_s": {k: round(v, 4) for k, v in stages.items()},
        "conversion_s": round(conversion, 4),
        "per_text_ms": round(conversion / size * 1000, 2),
        "peak_memory_mib": peak_memory(project),
        "pages_kib": round((folder_size(generated) + folder_size(project / "docs" / "topics")) / 1024),
        "mkdocs_build_s": round(site_seconds, 2),
        "site_mib": round(folder_size(project / "site") / 2**20, 1),
        "search_index_kib": round((project / "site" / "search" / "search_index.json").stat().st_size / 1024),
        "mkdocs_peak_memory_mib": site_memory,
        "article_page_kib": round((project / "site" / ARTICLE_PAGE).stat().st_size / 1024, 1),
        "largest_page": largest,
        "largest_page_kib": round(largest_bytes / 1024),
    }


def overhead(work: Path) -> dict:
    """`make site` (the plugin converts, then MkDocs builds) against a plain `mkdocs build` of the
    same pages, alternately, several times, in one run; the cache is warm, as in everyday use."""
    project = project_with(3, work / "overhead")
    plain = project / "plain.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain.write_text(
        re.sub(r"\n  # the conversion before[^\n]*\n  - cancun_reader\n", "\n", text), encoding="utf-8"
    )
    mkdocs_build(project)  # generates the pages and fills the cache
    with_plugin, without = [], []
    for _ in range(9):
        with_plugin.append(mkdocs_build(project))
        without.append(mkdocs_build(project, "plain.yml"))
    ratio = statistics.median(with_plugin) / statistics.median(without)
    return {
        "make_site_s": round(statistics.median(with_plugin), 3),
        "plain_mkdocs_s": round(statistics.median(without), 3),
        "ratio": round(ratio, 3),
        "target": 1.15,
    }


def rebuild_times(project: Path, text: Path) -> dict:
    """The rebuilds of a long-lived process that builds one collection, as `mkdocs serve` is: it
    builds once, then again after each of nine edits of one text. Run in a process of its own
    (`bench.py --rebuilds PROJECT TEXT`)."""
    settings = Settings.of(project)  # one, as the plugin keeps its memory from build to build
    build(settings)
    times, written = [], []
    for number in range(9):
        content = text.read_text(encoding="utf-8")
        text.write_text(content.replace("smallholder", f"smallholder{number}", 1), encoding="utf-8")
        start = time.perf_counter()
        report = build(settings)
        times.append(time.perf_counter() - start)
        written = sorted(report.plan.write)
    return {"times": times, "written": written}


def incremental(work: Path) -> dict:
    """After one text of 1,000 changes, a rebuild with the cache: its time and what it rewrote, in
    a long-lived process of its own (as under `mkdocs serve`, where the plugin runs in one process for
    every rebuild) and in a fresh one (`python scripts/build.py`, interpreter start and imports
    included)."""
    project = project_with(1000, work / "incremental")
    build(Settings.of(project))
    text = project / "sources" / "mexico-discovers-the-wto-0500.txt"
    done = subprocess.run(
        [sys.executable, __file__, "--rebuilds", str(project), str(text)],
        check=True,
        capture_output=True,
        text=True,
    )
    rebuilds = json.loads(done.stdout)
    fresh = []
    for number in range(5):
        content = text.read_text(encoding="utf-8")
        text.write_text(content.replace("smallholder", f"smallholder-{number}", 1), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "scripts/build.py"], cwd=project, check=True, capture_output=True)
        fresh.append(time.perf_counter() - start)
    return {
        "texts": 1000,
        "rebuild_s": round(statistics.median(rebuilds["times"]), 3),
        "rebuilds": len(rebuilds["times"]),
        "fresh_process_s": round(statistics.median(fresh), 3),
        "pages_rewritten": rebuilds["written"],
        "target_s": 0.3,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_has(url: str, text: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return text in response.read().decode("utf-8")
    except OSError:
        return False


RELOAD_EDITS = {3: 10, 1000: 5}
"""Edits timed under `mkdocs serve --dirty`, by collection size (its first build: 2 s at three texts,
about 100 s at 1,000)."""


def edit_to_reload(work: Path, size: int) -> dict:
    """With `mkdocs serve --dirty`, as `make serve` runs it: from saving a text to the served page
    having the edit."""
    project = project_with(size, work / f"serve-{size}")
    slug = "mexico-discovers-the-wto" if size == 3 else "mexico-discovers-the-wto-0500"
    port = free_port()
    url = f"http://127.0.0.1:{port}/articles/{slug}.html"
    make_serve = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty"]
    server = subprocess.Popen(
        [*make_serve, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 600
        while not page_has(url, "smallholder") and time.monotonic() < deadline:
            time.sleep(0.1)
        text = project / "sources" / f"{slug}.txt"
        original = text.read_text(encoding="utf-8")
        times = []
        for edit in range(RELOAD_EDITS[size]):
            marker = f"edited{edit}smallholder"
            text.write_text(original.replace("smallholder", marker, 1), encoding="utf-8")
            start = time.perf_counter()
            while not page_has(url, marker) and time.perf_counter() - start < 60:
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
            time.sleep(2.0)  # let the rebuilds the edit caused settle before the next edit
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {
        "texts": size,
        "edits": len(times),
        "median_s": round(statistics.median(times), 3),
        "max_s": round(max(times), 3),
        "target_s": 1.5 if size == 3 else None,
    }


ZENSICAL_RUNS = {3: 3, 300: 1}
"""Zensical beside MkDocs on the same pages: the three texts, and a collection large enough to
show how each grows (one run each at 300 texts: about 25 s apiece)."""


def zensical(work: Path) -> dict:
    """The same generated pages built by Zensical, which reads mkdocs.yml, beside MkDocs."""
    if not ZENSICAL.exists():
        return {"available": False, "note": "not installed; `make setup` installs it (requirements.lock)"}
    version = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "available": True,
        "version": version,
        "sizes": [zensical_at(size, runs, work) for size, runs in ZENSICAL_RUNS.items()],
        "could_not": [
            "run the MkDocs plugin: it builds the pages `make pages` generated beforehand",
            "write the service worker the plugin writes: no offline after one visit",
        ],
    }


def zensical_at(size: int, runs: int, work: Path) -> dict:
    """Zensical's and MkDocs' build times on a collection of `size` texts, and the pages each made."""
    project = project_with(size, work / f"zensical-{size}")
    build(Settings.of(project, cache=None))
    mkdocs_times, zensical_times = [], []
    for _ in range(runs):
        mkdocs_times.append(mkdocs_build(project, "mkdocs.yml"))
        mkdocs_pages = len(list((project / "site").rglob("*.html")))
        shutil.rmtree(project / "site", ignore_errors=True)
        start = time.perf_counter()
        result = subprocess.run(
            [str(ZENSICAL), "build"], cwd=project, capture_output=True, text=True, env=ENV
        )
        zensical_times.append(time.perf_counter() - start)
    built = len(list((project / "site").rglob("*.html")))
    return {
        "texts": size,
        "ok": result.returncode == 0,
        "zensical_s": round(statistics.median(zensical_times), 3),
        "mkdocs_s": round(statistics.median(mkdocs_times), 3),
        "ratio_zensical_to_mkdocs": round(
            statistics.median(zensical_times) / statistics.median(mkdocs_times), 3
        ),
        "html_pages": built,
        "mkdocs_html_pages": mkdocs_pages,
        "log": result.stdout.strip().splitlines()[-3:],
    }


def printed_pages() -> dict:
    """The printed pages' pictures over every corpus PDF: each page drawn and encoded from a cold
    start (the PDF opened afresh), its weight, against the targets (median ≤ 100 ms and ≤ 150 KB,
    none over 400 KB)."""
    times, sizes = [], []
    for path in sorted((ROOT / "tests" / "corpus").rglob("*.pdf")):
        data = path.read_bytes()
        body = body_style(read_pages(data)).size
        started = time.perf_counter()
        images = page_images(data, body)
        elapsed = time.perf_counter() - started
        times += [elapsed / len(images)] * len(images)
        sizes += [len(image.webp) for image in images]
    return {
        "pages": len(sizes),
        "median_ms": round(statistics.median(times) * 1000, 1),
        "median_kb": round(statistics.median(sizes) / 1000, 1),
        "max_kb": round(max(sizes) / 1000, 1),
    }


OUTLINE = """() => new Promise((done) => {
    const started = performance.now();
    document.querySelector('.show-printed').click();
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
})"""
"""From a click on "Show on the printed page" to the frame after the one that shows the outline."""


def region_latency(work: Path) -> dict:
    """How soon a paragraph's regions are outlined on its printed page after the reader asks, in
    Debian's Chromium, on a site of 3 texts and one PDF (median of 21 clicks)."""
    from playwright.sync_api import sync_playwright

    project = project_with(3, work / "printed")
    shutil.copy(
        ROOT / "tests" / "corpus" / "latex" / "02-walkout.latex-s250101.pdf",
        project / "sources" / "walkout.pdf",
    )
    mkdocs_build(project)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto((project / "site" / "articles" / "walkout.html").as_uri())
        page.click(".printed-toggle")
        page.evaluate("document.querySelectorAll('article p a.paragraph-number')[2].click()")
        times = [page.evaluate(OUTLINE) for _ in range(21)]
        browser.close()
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def machine() -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            int(line.split()[1]) // 2**20
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "date": time.strftime("%Y-%m-%d"),
    }


def table(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"Measured on {m['date']}: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, "
        f"Python {m['python']}, {m['system']}. Medians of several runs.",
        "",
        "| Texts | Read | Convert | Topics | Render | Write | Conversion | Per text | Peak memory | "
        "Pages | `mkdocs build` | Site | Search index |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    site_lines = [
        "",
        "The site: `mkdocs build` (the conversion done beforehand), its peak memory, the site's size, the "
        "long article's page and the largest page.",
        "",
        "| Texts | `mkdocs build` | Its peak memory | Site | Article page | Largest page |",
        "|---:|---:|---:|---:|---:|---|",
    ]
    for row in results["sizes"]:
        s = row["stages_s"]
        lines.append(
            f"| {row['texts']} | "
            + " | ".join(f"{s[k]:.3f} s" for k in STAGES)
            + f" | {row['conversion_s']:.3f} s | {row['per_text_ms']} ms | {row['peak_memory_mib']} MiB"
            f" | {row['pages_kib']} KiB | {row['mkdocs_build_s']} s | {row['site_mib']} MiB"
            f" | {row['search_index_kib']} KiB |"
        )
        site_lines.append(
            f"| {row['texts']} | {row['mkdocs_build_s']} s | {row['mkdocs_peak_memory_mib']} MiB | "
            f"{row['site_mib']} MiB | {row['article_page_kib']} KiB | `{row['largest_page']}`, "
            f"{row['largest_page_kib']} KiB |"
        )
    lines += site_lines
    by_size = {row["texts"]: row for row in results["sizes"]}
    big, thirty = by_size[1000], by_size[30]
    article_ratio = round(big["article_page_kib"] / thirty["article_page_kib"], 2)
    g, o, i = results["growth"], results["overhead"], results["incremental"]
    e, large = results["edit_to_reload"]
    z = results["zensical"]
    verdict = lambda ok: "target met" if ok else "target missed"  # noqa: E731
    lines += [
        "",
        f"- **At 1,000 texts**: the site weighs {big['site_mib']} MiB (target ≤ 100 MiB: "
        f"{verdict(big['site_mib'] <= 100)}); the long article's page {big['article_page_kib']} KiB, "
        f"{article_ratio} times its size at 30 texts (target ≤ 1.5: {verdict(article_ratio <= 1.5)}); "
        f"`mkdocs build` takes {big['mkdocs_build_s']} s (target ≤ 25 s: "
        f"{verdict(big['mkdocs_build_s'] <= 25)}); the conversion from a cold cache "
        f"{big['conversion_s']:.1f} s (target ≤ 5 s: {verdict(big['conversion_s'] <= 5)}).",
        f"- **Growth**: {g['per_text_ms_1000']} ms per text at 1,000 texts against "
        f"{g['per_text_ms_30']} ms at 30, a ratio of {g['ratio']} "
        f"(target ≤ 1.3: {verdict(g['ratio'] <= 1.3)}).",
        f"- **Three texts** convert in {g['three_texts_ms']} ms in-process (target < 50 ms: "
        f"{verdict(g['three_texts_ms'] < 50)}).",
        f"- **Overhead of the conversion**: `make site` {o['make_site_s']} s against a plain `mkdocs build` "
        f"{o['plain_mkdocs_s']} s of the same pages, a ratio of {o['ratio']} (target ≤ 1.15: "
        f"{verdict(o['ratio'] <= 1.15)}).",
        f"- **Incremental rebuild** after one of 1,000 texts changes: {i['rebuild_s']} s in a long-lived "
        f"process of its own, as under `mkdocs serve` (target < 0.3 s: {verdict(i['rebuild_s'] < 0.3)}); "
        f"{i['fresh_process_s']} s as a new `python scripts/build.py`, interpreter start included. It "
        f"rewrote {len(i['pages_rewritten'])} page(s): {', '.join(i['pages_rewritten'])}.",
        f"- **Edit to reload** with `mkdocs serve --dirty` (`make serve`): {e['median_s']} s median of "
        f"{e['edits']} edits, {e['max_s']} s at worst (target < 1.5 s: {verdict(e['median_s'] < 1.5)}); at "
        f"{large['texts']:,} texts, {large['median_s']} s median of {large['edits']} edits, "
        f"{large['max_s']} s at worst, where `mkdocs serve` without `--dirty` builds the whole site again "
        "(`mkdocs build` above).",
    ]
    pp = results.get("printed_pages")
    if pp:
        lines.append(
            f"- **Printed pages**: {pp['pages']} pages of the corpus's PDFs drawn as pictures (body type "
            f"12 pixels high) in {pp['median_ms']} ms a page (median, cold; target ≤ 100 ms: "
            f"{verdict(pp['median_ms'] <= 100)}), {pp['median_kb']} KB a page (median; target ≤ 150 KB: "
            f"{verdict(pp['median_kb'] <= 150)}), {pp['max_kb']} KB at most (target ≤ 400 KB: "
            f"{verdict(pp['max_kb'] <= 400)})."
        )
    if rl := results.get("region_latency"):
        lines.append(
            f"- **A paragraph on its printed page**: outlined {rl['median_ms']} ms after the click "
            f"(median of 21, to the frame that shows them; {rl['max_ms']} ms at most; target ≤ 100 ms: "
            f"{verdict(rl['median_ms'] <= 100)})."
        )
    if z.get("available"):
        sizes = "; ".join(
            f"at {r['texts']} texts ({r['html_pages']} HTML pages, MkDocs {r['mkdocs_html_pages']}) in "
            f"{r['zensical_s']} s against MkDocs {r['mkdocs_s']} s, "
            f"a ratio of {r['ratio_zensical_to_mkdocs']}"
            for r in z["sizes"]
        )
        lines.append(
            f"- **Zensical** {z['version']} built the same pages {sizes}. It could not: "
            f"{'; '.join(z['could_not'])}."
        )
    return "\n".join(lines) + "\n"


def update_performance_page(markdown: str) -> None:
    page = ROOT / "docs" / "performance.md"
    text = page.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    page.write_text(f"{before}{start}\n{markdown}{end}{after}", encoding="utf-8")


def main() -> int:
    if sys.argv[1:2] == ["--rebuilds"]:  # incremental()'s process of its own
        print(json.dumps(rebuild_times(Path(sys.argv[2]), Path(sys.argv[3]))))
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cancun-bench-") as folder:
        work = Path(folder)
        sizes = []
        for size in SIZES:
            print(f"bench: {size} texts …", flush=True)
            sizes.append(measure_size(size, work))
        per_text = {row["texts"]: row["per_text_ms"] for row in sizes}
        growth = {
            "per_text_ms_30": per_text[30],
            "per_text_ms_1000": per_text[1000],
            "ratio": round(per_text[1000] / per_text[30], 3),
            "three_texts_ms": round(sizes[0]["conversion_s"] * 1000, 1),
        }
        print("bench: overhead, incremental, edit to reload, Zensical …", flush=True)
        results = {
            "machine": machine(),
            "sizes": sizes,
            "growth": growth,
            "overhead": overhead(work),
            "incremental": incremental(work),
            "edit_to_reload": [edit_to_reload(work, size) for size in RELOAD_EDITS],
            "zensical": zensical(work),
            "printed_pages": printed_pages(),
            "region_latency": region_latency(work),
        }
    results["bench_seconds"] = round(time.perf_counter() - started)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    markdown = table(results)
    (ARTIFACTS / "bench.md").write_text(markdown, encoding="utf-8")
    update_performance_page(markdown)
    print(markdown)
    print("bench: repair quality on the corpus …", flush=True)
    quality = repair_quality.run(repair_quality.CORPUS)
    (ARTIFACTS / "repair-quality.json").write_text(json.dumps(quality, indent=1, ensure_ascii=False) + "\n")
    repair_quality.update_performance_page(repair_quality.report(quality))
    print(repair_quality.report(quality))
    print(
        f"bench: {results['bench_seconds']} s; artifacts/bench.json, artifacts/bench.md, docs/performance.md"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
