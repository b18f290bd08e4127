"""Where each page is in the site, as the conversion writes it into `docs/` (the `.md` a link in
Markdown names) and as a reader's browser finds it (the `.html` MkDocs makes of it)."""

from __future__ import annotations

ARTICLES_DIR = "articles"
TOPICS_DIR = "topics"
PRINTED_DIR = "printed"
"""The pictures of the printed pages of the texts read from PDFs, one folder per text."""
INCLUDES_DIR = ".includes"
"""The fragments that pages include; hidden, so MkDocs makes no page of them."""


def article_page(slug: str, prefix: str = "", suffix: str = ".md") -> str:
    """An article's page, from a page `prefix` away from the site's root (`../` from a topic).

    >>> article_page("cancun-walkout-pww", "../"), article_page("a", suffix=".html")
    ('../articles/cancun-walkout-pww.md', 'articles/a.html')
    """
    return f"{prefix}{ARTICLES_DIR}/{slug}{suffix}"


def topic_page(slug: str, prefix: str = "") -> str:
    """A topic's page, from a page `prefix` away from the site's root.

    >>> topic_page("g21", "../")
    '../topics/g21.md'
    """
    return f"{prefix}{TOPICS_DIR}/{slug}.md"
