"""MkDocs hook: run the conversion before every build, list the generated pages in the nav, drop
the theme's indentation from every page, and put the service worker into the built site. Under
`mkdocs serve --dirty` (`make serve`), it tells MkDocs which pages an edit touched (`preview.py`).

The conversion is the `cancun_reader` package, which knows nothing of MkDocs; this hook only calls
it and turns bad input into a `PluginError` naming the file and line. The conversion also copies
the iframe-worker shim into `docs/`, so search works from `file://` offline under any renderer.
After a build (never under `mkdocs serve`, where a kept copy would hide every edit), the hook
writes `sw.js`, which makes the published site work offline after one visit.

Under `mkdocs serve`, a build that fails (a topic quoting words its article no longer has) shows
its message in the browser at once, in place of every page, and the page comes back by itself once
the edit is fixed: MkDocs alone would keep the browser waiting until the next good build.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from preview import Preview, drop_search_entries

from cancun_reader.cache import Cache
from cancun_reader.compact import drop_indentation
from cancun_reader.errors import InputError
from cancun_reader.offline import SHIM
from cancun_reader.offline.worker import write_worker
from cancun_reader.pipeline import build
from cancun_reader.references import UNPUBLISHED
from cancun_reader.worldmap import SHAPES

log = logging.getLogger("mkdocs.hooks.cancun_reader")

SERVING = False
PREVIEW: Preview | None = None
"""Under `mkdocs serve --dirty`: what the builds before read of each page."""
PAGES: list[str] = []
"""The pages the conversion generated, as `docs/` holds them."""
FAILURE: str | None = None
"""Under `mkdocs serve`: why the last build failed, shown in the browser until a build succeeds."""


class DirtyBuildNotice(logging.Filter):
    """MkDocs warns at every dirty build that its navigation may be wrong; `preview.py` keeps it right."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool) -> None:
    global SERVING, PREVIEW
    SERVING = command == "serve"
    if SERVING and dirty:
        PREVIEW = Preview()
        logging.getLogger("mkdocs.commands.build").addFilter(DirtyBuildNotice())
        log.info("cancun_reader: after an edit, only the pages it touched are rendered again")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["service_worker"] = not SERVING  # overrides/main.html names it for reader.js
    return config


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return drop_indentation(output)  # the theme's indentation: a third of each page's frame


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return drop_indentation(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    if PREVIEW is not None:
        PREVIEW.built()
    if not SERVING:
        write_worker(Path(config.site_dir))


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    try:
        report = build(
            root / "sources",
            root / "topics",
            Path(config.docs_dir),
            cache=Cache(root / ".cache" / "cancun-reader"),
            site_url=config.site_url or UNPUBLISHED,
            shapes=root / SHAPES,
            shim=root / SHIM,
        )
    except InputError as error:
        raise PluginError(f"cancun_reader: {error}") from None
    for notice in report.notices:
        (log.warning if notice.is_warning else log.info)(str(notice))
    PAGES[:] = report.pages
    config.nav = expand_sections(config.nav or [], report.pages)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    listed = listed_by_indexes(PAGES)  # not in the nav by design: MkDocs need not list them
    for file in files.documentation_pages():
        if file.src_uri in listed:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def on_nav(nav, config: MkDocsConfig, files: Files):
    if PREVIEW is not None:
        search = next((p for p in config.plugins.values() if hasattr(p, "search_index_prev")), None)
        touched = PREVIEW.prepare(nav, config, files)
        drop_search_entries(search, touched)
        log.info(f"cancun_reader: {len(touched)} of {len(files.documentation_pages())} pages to render")
    return nav


def on_serve(server, config: MkDocsConfig, builder):
    server.builder = showing_failures(server.builder)
    server.set_app(failure_page(server.get_app()))
    return server


def showing_failures(builder):
    """The serve loop's build, which records why a build failed and lets the browsers reload to see
    it, rather than leaving them waiting for a build that succeeds."""

    def build(*args) -> None:
        global FAILURE
        FAILURE = None
        try:
            builder(*args)
        except Exception as error:  # whatever stopped the build, the editor sees it
            FAILURE = FAILURE or str(error) or type(error).__name__  # on_build_error's, MkDocs's
            log.error("The preview shows this message in the browser until the edit is fixed.")

    return build


def failure_page(app):
    """The served site, whose pages give way to the last build's failure while there is one."""

    def serve(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if FAILURE is None or not path.endswith(("/", ".html")):
            return app(environ, start_response)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8")])
        return [render_failure(FAILURE).encode("utf-8")]

    return serve


def render_failure(message: str) -> str:
    """The page an editor sees while an edit stops the preview: the message, which names the file,
    the line and what to do, and a script that loads the page again once a build succeeds.

    >>> page = render_failure("cancun_reader: topics/g21.md:13: cites “x<y”, quote the text")
    >>> "topics/g21.md:13: cites “x&lt;y”" in page and "location.reload" in page
    True
    """
    message = html.escape(message.removeprefix("cancun_reader: "))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The preview stopped</title>
<style>body{{font:1.1rem/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem}}
pre{{white-space:pre-wrap;font-size:1rem;padding:1rem;border-left:.3rem solid #b00020}}</style>
</head><body><main>
<h1>The preview stopped at an edit</h1>
<pre role="alert">{message}</pre>
<p>Fix it and save: this page comes back by itself.</p>
</main><script>
setInterval(function () {{
  fetch(location.href, {{cache: "no-store"}}).then(function (r) {{ if (r.ok) location.reload(); }});
}}, 1000);
</script></body></html>
"""


def on_build_error(error: Exception) -> None:
    global FAILURE
    FAILURE = str(error)  # MkDocs stops with "Aborted with a BuildError!": the editor needs this
    if PREVIEW is not None:
        PREVIEW.failed()


def on_page_context(context, page, config: MkDocsConfig, nav):
    search = config.plugins.get("material/search")
    if search is not None:  # it has just indexed the page
        tidy_search_entries(search.search_index.entries, page.url, page.meta)
    return context


def tidy_search_entries(entries: list[dict], url: str, meta: dict) -> None:
    """The page's entries in the search index (the last ones), as a reader wants its results: the
    page's tags on its own entry, not repeated under each of its sections; the byline, which the
    page leaves out of the index so that a result's snippet is the text, found after the text.

    >>> entries = [{"location": "a.html", "text": "<p>Text.</p>", "tags": ["G21"]},
    ...            {"location": "a.html#s", "text": "More.", "tags": ["G21"]}]
    >>> tidy_search_entries(entries, "a.html", {"search": {"byline": "Shelly Delos · 2003"}})
    >>> [(entry["text"], entry.get("tags")) for entry in entries]
    [('<p>Text.</p> <p>Shelly Delos · 2003</p>', ['G21']), ('More.', None)]
    """
    byline = (meta.get("search") or {}).get("byline")
    for entry in reversed(entries):
        page, _, section = entry["location"].partition("#")
        if page != url:
            break
        if section:
            entry.pop("tags", None)
        elif byline:
            entry["text"] += f" <p>{html.escape(byline)}</p>"


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    if PREVIEW is not None:
        PREVIEW.page_read(page, markdown)
    return markdown


def expand_sections(nav: list, pages: list[str]) -> list:
    """Turn a nav entry `Articles: articles/index.md` into that index followed by every
    generated page of its folder, so `mkdocs.yml` never lists generated pages by hand; where the
    folder has index pages of its own (`by-year.md`: a large collection), into those only."""
    expanded = []
    for item in nav:
        (title, target), *_ = item.items() if isinstance(item, dict) else [(None, item)]
        if isinstance(target, str) and target in pages and target.endswith("/index.md"):
            children = section_pages(target, pages)
            indexes = [p for p in children if is_index_page(p)]
            expanded.append({title: [target, *(indexes or children)]})
        else:
            expanded.append(item)
    return expanded


def section_pages(index: str, pages: list[str]) -> list[str]:
    folder = index.removesuffix("index.md")
    return [p for p in pages if p.startswith(folder) and p != index]


def is_index_page(page: str) -> bool:
    """An index page of a large collection (`articles/by-year.md`)."""
    return Path(page).stem.startswith("by-")


def listed_by_indexes(pages: list[str]) -> set[str]:
    """The generated pages the nav leaves to index pages (`by-year.md`: a large collection)."""
    listed = set()
    for index in (p for p in pages if p.endswith("/index.md")):
        children = section_pages(index, pages)
        if any(is_index_page(p) for p in children):
            listed.update(p for p in children if not is_index_page(p))
    return listed
