"""The plugin's events: MkDocs calls them in the order of a build; each hands the work to the
conversion (`pipeline.build`), to `pages` (the navigation, the search index), to `preview` (what a
dirty build renders again), and, where MkDocs offers no way, to `workarounds` (the error page
under `mkdocs serve`, Material's search index, MkDocs's dirty-build warning)."""

from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel

from cancun_reader.build.memory import Memory
from cancun_reader.build.pipeline import build
from cancun_reader.build.settings import Settings
from cancun_reader.build.turns import turn
from cancun_reader.core.errors import InputError
from cancun_reader.mkdocs.compact import drop_indentation
from cancun_reader.mkdocs.config import ReaderConfig
from cancun_reader.mkdocs.pages import expand_sections, listed_by_indexes, tidy_search_entries
from cancun_reader.mkdocs.preview import Preview
from cancun_reader.mkdocs.workarounds import (
    Failure,
    drop_search_entries,
    quiet_dirty_build_notice,
    search_entries,
    show_failures_in_browser,
)
from cancun_reader.offline.worker import write_worker
from cancun_reader.site.references import UNPUBLISHED

log = logging.getLogger("mkdocs.plugins.cancun_reader")
SEARCH = "material/search"
"""Material's search plugin, as MkDocs registers the theme's `search`."""


class CancunReaderPlugin(BasePlugin[ReaderConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.preview: Preview | None = None
        """Under `mkdocs serve --dirty`: what the builds before read of each page."""
        self.pages: list[str] = []
        """The pages the conversion generated, as `docs/` holds them."""
        self.failure = Failure()
        self.memory = Memory()
        """What the builds of this process remember for the next (under `mkdocs serve`, every rebuild)."""
        self.turn = ExitStack()
        """Held from the conversion to the end of the build: MkDocs reads the pages it wrote."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving and dirty:
            self.preview = Preview()
            quiet_dirty_build_notice()
            log.info("cancun_reader: after an edit, only the pages it touched are rendered again")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra["service_worker"] = not self.serving  # overrides/main.html names it for reader.js
        config.extra["report_errors_to"] = self.config.report_errors_to  # reader.js offers it
        return config

    def settings(self, config: MkDocsConfig) -> Settings:
        root = Path(config.config_file_path).parent
        return Settings.of(
            root,
            sources=Path(self.config.sources),
            topics=Path(self.config.topics),
            docs=Path(config.docs_dir),
            cache=Path(self.config.cache_dir) if self.config.cache_dir else None,
            # under `mkdocs serve`, MkDocs sets the site's address to the preview's own: no copy
            # anyone can cite, so its citations are an unpublished copy's
            site_url=UNPUBLISHED if self.serving else (config.site_url or UNPUBLISHED),
            memory=self.memory,
            publish_status=self.config.publish_status,
        )

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.turn.enter_context(turn(Path(config.docs_dir)))
        try:
            report = build(self.settings(config))
        except InputError as error:
            raise PluginError(f"cancun_reader: {error}") from None
        for notice in report.notices:
            # a doubt is said, and never fails a strict build (`make site`): only a warning does
            (log.warning if notice.is_warning else log.info)(f"{notice.severity}: {notice}")
        self.pages[:] = report.pages
        config.nav = expand_sections(config.nav or [], report.pages)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        listed = listed_by_indexes(self.pages)  # not in the nav by design: MkDocs need not list them
        for file in files.documentation_pages():
            if file.src_uri in listed:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.preview is not None:
            touched = self.preview.prepare(nav, config, files)
            drop_search_entries(config.plugins.get(SEARCH), {page.url for page in touched})
            log.info(f"cancun_reader: {len(touched)} of {len(files.documentation_pages())} pages to render")
        return nav

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if self.preview is not None:
            self.preview.page_read(page, markdown)
        return markdown

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        entries = search_entries(config.plugins.get(SEARCH))
        if entries is not None:  # search has just indexed the page: the plugin comes after it
            tidy_search_entries(entries, page.url, page.meta, page.content or "")
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return drop_indentation(output)  # the theme's indentation: a third of each page's frame

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return drop_indentation(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.turn.close()
        if self.preview is not None:
            self.preview.built()
        if not self.serving:  # a kept copy would hide every edit under `mkdocs serve`
            write_worker(Path(config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        self.turn.close()
        self.failure.reported = str(error)  # MkDocs stops with "Aborted with a BuildError!"
        if self.preview is not None:
            self.preview.failed()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        show_failures_in_browser(server, self.failure)
        return server
