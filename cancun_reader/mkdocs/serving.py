"""Under `mkdocs serve`, a build that fails (a topic quoting words its article no longer has) shows
its message in the browser at once, in place of every page, and the page comes back by itself once
the edit is fixed: MkDocs alone would keep the browser waiting until the next good build."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

log = logging.getLogger("mkdocs.plugins.cancun_reader")


class Failure:
    """Why the last build failed, while it has: shown in the browser until a build succeeds."""

    def __init__(self) -> None:
        self.message: str | None = None


def showing_failures(builder: Callable, failure: Failure) -> Callable:
    """The serve loop's build, which records why a build failed and lets the browsers reload to see
    it, rather than leaving them waiting for a build that succeeds."""

    def build(*args) -> None:
        failure.message = None
        try:
            builder(*args)
        except Exception as error:  # whatever stopped the build, the editor sees it
            # the plugin's on_build_error has said what stopped it; MkDocs only "Aborted"
            failure.message = failure.message or str(error) or type(error).__name__
            log.error("The preview shows this message in the browser until the edit is fixed.")

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
