"""Where the plugin goes past MkDocs's public face (its events and configuration), because neither
MkDocs nor Material offers a way; nothing else of the package does (a test holds this). A MkDocs,
ProperDocs or Material release may change what these rely on: `tests/test_serve.py` runs
`serve` under MkDocs and ProperDocs, and the build tests read the search index.

- **The error page under serve** (`showing_failures`, `failure_page`): a build that fails (a topic
  quoting words its article no longer has) shows its message in the browser at once, in place of
  every page, and the page comes back by itself once the edit is fixed. MkDocs alone keeps the
  browser waiting for the next good build, and offers no event for a failed serve build: the
  serve loop's builder (`server.builder`) and the server's WSGI app (`set_app`) are wrapped.
- **Material's search index** (`search_entries`, `drop_search_entries`): the plugin tidies the
  entries of each page as Material indexes it, and, under a dirty build, drops from the index
  Material keeps between builds (`search_index_prev`) the entries of the pages rendered again
  (Material drops those of one page only). Material exposes its index only as these attributes.
- **MkDocs's warning at every dirty build** (`DirtyBuildNotice`), that the navigation may be
  wrong: the preview keeps it right (`preview.py`), and MkDocs has no setting to silence it; the
  one message is filtered from its log."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

log = logging.getLogger("mkdocs.plugins.cancun_reader")


def search_entries(search) -> list[dict] | None:
    """The entries Material's search plugin has indexed so far in this build (None: no search)."""
    return search.search_index.entries if search is not None else None


def drop_search_entries(search, urls: set[str]) -> None:
    """Drop from the search index a dirty build keeps (Material's search plugin keeps it as
    `search_index_prev`) the entries of the pages about to be rendered again."""
    previous = getattr(search, "search_index_prev", None)
    if previous is None:
        return
    previous.entries = [entry for entry in previous.entries if entry["location"].split("#")[0] not in urls]


class DirtyBuildNotice(logging.Filter):
    """MkDocs warns at every dirty build that its navigation may be wrong; `preview` keeps it right."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


BUILD_LOGS = ("mkdocs.commands.build", "properdocs.commands.build")
"""Where MkDocs, and ProperDocs (its continuation, under its own name), say it."""


def quiet_dirty_build_notice() -> None:
    for name in BUILD_LOGS:
        logging.getLogger(name).addFilter(DirtyBuildNotice())


def show_failures_in_browser(server, failure: Failure) -> None:
    """The serve loop's builder and the served app, wrapped so that a failed build shows (below)."""
    server.builder = showing_failures(server.builder, failure)
    server.set_app(failure_page(server.get_app(), failure))


class Failure:
    """Why the last build failed, while it has: shown in the browser until a build succeeds (a
    build under way after a failed one leaves it shown: the site served is still the stale one)."""

    def __init__(self) -> None:
        self.message: str | None = None
        self.reported: str | None = None
        """What stopped the build under way, as the plugin's `on_build_error` says it."""


def showing_failures(builder: Callable, failure: Failure) -> Callable:
    """The serve loop's build, which records why a build failed and lets the browsers reload to see
    it, rather than leaving them waiting for a build that succeeds."""

    def build(*args) -> None:
        failure.reported = None
        try:
            builder(*args)
        except Exception as error:  # whatever stopped the build, the editor sees it
            # the plugin's on_build_error has said what stopped it; MkDocs only "Aborted"
            failure.message = failure.reported or str(error) or type(error).__name__
            log.error("The preview shows this message in the browser until the edit is fixed.")
        else:
            failure.message = None

    return build


def failure_page(app: Callable, failure: Failure) -> Callable:
    """The served site, whose pages give way to the last build's failure while there is one."""

    def serve(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if failure.message is None or not path.endswith(("/", ".html")):
            return app(environ, start_response)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8")])
        return [render_failure(failure.message).encode("utf-8")]

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
