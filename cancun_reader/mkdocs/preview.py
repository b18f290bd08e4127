"""The preview of `mkdocs serve --dirty` (`make serve`): after an edit, MkDocs renders again only the
pages the edit touched, so a collection of 1,000 texts shows an edit in seconds, not minutes.

MkDocs's dirty build renders a page only when its file is newer than its copy in the site. Left at
that, the preview would go stale where a page shows what another page holds; this module, kept by
the hook between rebuilds, puts each case right:

- the navigation's titles: a page MkDocs does not read has no title, so the nav's pages are read
  for theirs (a few: a large collection's nav lists index pages, not articles);
- what every page shows (the navigation, the abbreviations appended to every page, mkdocs.yml, the
  theme's overrides) and the tag listings (built from every page's tags): when one of them changed,
  or a page was taken out, every page is rendered again, as a clean build would;
- a page that includes a fragment (`--8<--`) which changed is rendered again;
- the search index: Material's keeps, under a dirty build, the entries of the pages it did not
  render again, and drops the old entries of one page; the old entries of every page rendered again
  are dropped here;
- a build that failed part way (a page MkDocs could not render): the next renders every page.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

INCLUDE = re.compile(r"""^-{1,}8<-{1,}\s+["']([^"'\n]+)["']""", re.MULTILINE)
TAG_LISTING = "<!-- material/tags"


def included_fragments(markdown: str) -> frozenset[str]:
    """The fragments a page includes with pymdownx.snippets' block form.

    >>> sorted(included_fragments('# Home\\n\\n--8<-- "home-cards.md"\\n\\ntext\\n--8<-- "timeline.md"\\n'))
    ['home-cards.md', 'timeline.md']
    >>> included_fragments('A line that quotes --8<-- "x.md" is not an inclusion.\\n')
    frozenset()
    """
    return frozenset(INCLUDE.findall(markdown))


def nav_outline(items) -> tuple:
    """What the navigation shows: each section's title and each page's file and title, in order.

    >>> from types import SimpleNamespace as Item
    >>> nav_outline([Item(title="Home", file=Item(src_uri="index.md"), children=None)])
    (('index.md', 'Home'),)
    >>> nav_outline([Item(title="About", children=[Item(title="Report", url="r.html", children=None)])])
    (('About', (('r.html', 'Report'),)),)
    """
    outline = []
    for item in items:
        if item.children is not None:
            outline.append((item.title, nav_outline(item.children)))
        else:
            outline.append((item.file.src_uri if hasattr(item, "file") else item.url, item.title))
    return tuple(outline)


def digest_of_files(paths) -> str:
    """One digest of the names and bytes of some files (those missing count as empty)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def shared_digest(config, appended: list[Path]) -> str:
    """The digest of what every page is made with: mkdocs.yml, the theme's overrides, the fragments
    appended to every page."""
    theme = (
        [p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file()]
        if config.theme.custom_dir
        else []
    )
    return digest_of_files([Path(config.config_file_path), *theme, *appended])


def render_again(file) -> None:
    """Have MkDocs render a page again in a dirty build, by its own rule (a page whose built copy
    is older than its source): the copy keeps being served, with its time set back."""
    built = Path(file.abs_dest_path)
    if built.is_file():
        os.utime(built, ns=(0, 0))


@dataclass
class Preview:
    """What the last builds read of each page, to tell which pages an edit touched."""

    shared: str = ""
    """The digest of what every page shows: the nav, mkdocs.yml, the theme, the appended fragments."""
    fragments: dict[str, str] = field(default_factory=dict)
    """Each fragment's digest, by its name."""
    includes: dict[str, frozenset[str]] = field(default_factory=dict)
    """The fragments each page includes, by the page's path in docs/."""
    tags: dict[str, tuple] = field(default_factory=dict)
    listings: set[str] = field(default_factory=set)
    """The pages that list the pages by tag."""
    rendering: bool = False
    """Whether a build is between `prepare` and its end."""

    def page_read(self, page, markdown: str) -> None:
        """Remember what a page includes, its tags and whether it lists pages by tag."""
        uri = page.file.src_uri
        self.includes[uri] = included_fragments(markdown)
        self.tags[uri] = tuple(page.meta.get("tags") or ())
        if TAG_LISTING in markdown:
            self.listings.add(uri)
        else:
            self.listings.discard(uri)

    def prepare(self, nav, config, files) -> list:
        """Before MkDocs renders the pages of a dirty build: give the nav's pages their titles, mark
        the pages to render again that MkDocs would skip, and return the pages it will render."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        for page in nav.pages:
            if page.markdown is None:
                page.read_source(config)
        snippets = config.mdx_configs.get("pymdownx.snippets", {})
        root = Path(config.config_file_path).parent
        folders = [root / folder for folder in snippets.get("base_path", [])]
        appended = [folder / name for folder in folders for name in snippets.get("auto_append", [])]
        shared = shared_digest(config, appended) + repr(nav_outline(nav.items))
        fragments = fragment_digests(folders)
        renewed = {name for name, digest in fragments.items() if self.fragments.get(name) != digest}
        changed = [page for page in pages if page.file.is_modified()]
        gone = self.tags.keys() - {page.file.src_uri for page in pages}  # a text taken out
        everything = shared != self.shared or bool(gone) or self.changes_listings(changed, config)
        for uri in gone:
            del self.tags[uri], self.includes[uri]
            self.listings.discard(uri)
        touched = [
            page
            for page in pages
            if everything or page in changed or self.includes.get(page.file.src_uri, frozenset()) & renewed
        ]
        for page in touched:
            render_again(page.file)
        self.shared, self.fragments, self.rendering = shared, fragments, True
        return touched

    def built(self) -> None:
        """The build that `prepare` began has written every page."""
        self.rendering = False

    def failed(self) -> None:
        """A build failed. If it failed while rendering (a page MkDocs could not render), what it
        rendered and remembered may never have reached the site: the next renders every page. If
        it failed before (bad input, which the conversion reports), nothing changed."""
        if self.rendering:
            self.shared, self.rendering = "", False

    def changes_listings(self, changed: list, config) -> bool:
        """Whether the tag listings change: a page that lists them changed, or a page's tags did."""
        for page in changed:
            if page.markdown is None:
                page.read_source(config)  # for its tags; MkDocs reads it again to render it
        return any(
            page.file.src_uri in self.listings
            or tuple(page.meta.get("tags") or ()) != self.tags.get(page.file.src_uri)
            for page in changed
        )


def fragment_digests(folders: list[Path]) -> dict[str, str]:
    """The digest of each fragment pages can include, by its name."""
    return {
        path.name: digest_of_files([path])
        for folder in folders
        if folder.is_dir()
        for path in folder.iterdir()
        if path.is_file()
    }
