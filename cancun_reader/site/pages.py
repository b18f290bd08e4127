"""Whole pages, as Markdown with front matter: an article, a topic, the index of each section, the
glossary, the timeline, and the fragments the hand-written home page includes."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from cancun_reader.collection.glossary import Abbreviation
from cancun_reader.core.escape import TopicLinks, escape_text, front_matter
from cancun_reader.core.facts import Mention, Place, Topic
from cancun_reader.core.model import UNKNOWN, Article, Entry, Paragraph
from cancun_reader.pdf.images import PageImage
from cancun_reader.site.edition import (
    count_phrase,
    received_original,
    received_page,
    render_changes,
    render_transcribers_note,
)
from cancun_reader.site.iiif import manifest_name
from cancun_reader.site.indexes import INDEXES
from cancun_reader.site.marks import marks_by_block
from cancun_reader.site.paths import ARTICLES_DIR, article_page
from cancun_reader.site.printed_view import render_printed_pages
from cancun_reader.site.render import render_body
from cancun_reader.site.status import page_status, render_status, status_word
from cancun_reader.site.timeline_page import first_of
from cancun_reader.text.regions import doubts_by_page

PRINTED_TOGGLE = (
    '<button type="button" class="printed-toggle md-button" aria-pressed="false" hidden '
    "data-search-exclude>Show the printed page</button>"
)
"""Shows the printed pages beside the text (`reader.js`, which also unhides it: with no script there
is nothing to show)."""

ARTICLE_SEARCH_BOOST = 4
OUT_OF_SEARCH = 'data-search-exclude=""'
"""On what surrounds a text (notes of the editors, the byline): a search result's snippet is the
text's own words."""
"""How much more an article weighs in search than a page made from the articles (topic pages, the
timeline), which quote it: the article, where a passage is read whole, comes first."""


def byline(entry: Entry) -> str:
    author = f"By {escaped(entry.author)}" if entry.author != UNKNOWN else "Author unknown"
    publication = f"*{escaped(entry.publication)}*" if entry.publication != UNKNOWN else "publication unknown"
    date = escaped(entry.date_as_read) if entry.date != UNKNOWN else "date unknown"
    return f"{author} · {publication} · {date}"


def plain_byline(entry: Entry) -> str:
    """What the byline says that is known, as plain words: `Shelly Delos · People's Weekly World`."""
    known = (entry.author, entry.publication, entry.date_as_read if entry.date != UNKNOWN else UNKNOWN)
    return " · ".join(part for part in known if part != UNKNOWN)


def place_address(place: Place, prefix: str = "../") -> str:
    return f"{article_page(place.slug, prefix)}#{place.anchor}"


def spelled_names(topics: list[Topic]) -> list[dict[str, list[str]]]:
    """The topics' names and the other spellings of them, for search (`mkdocs/pages.also_spelt`)."""
    return [{"names": [t.title, *t.aliases], "spellings": list(t.spellings)} for t in topics if t.spellings]


def article_meta(
    entry: Entry, topics: list[Topic], citation_meta: list[tuple[str, str]] | None
) -> dict[str, object]:
    """An article page's front matter: its title, summary, citation tags, topics and search weight."""
    meta: dict[str, object] = {"title": entry.title, "description": entry.summary}
    if citation_meta:
        meta["citation_meta"] = [list(pair) for pair in citation_meta]
    if topics:
        # the topics are listed once, as links to their pages (below); the tags, hidden here,
        # still list the article under its topics on the topics' index
        meta["tags"] = [t.title for t in topics]
        meta["hide"] = ["tags"]
    # the byline is found by search on the page's own entry, the text's passages on theirs
    search: dict[str, object] = {"boost": ARTICLE_SEARCH_BOOST}
    if said := plain_byline(entry):
        search["byline"] = said
    if spelled := spelled_names(topics):
        search["spellings"] = spelled  # a name searched as other sources spell it finds its passages
    meta["search"] = search
    return meta


def render_article(
    article: Article,
    topics: list[Topic],
    links: TopicLinks | None = None,
    citation_meta: list[tuple[str, str]] | None = None,
    cite_box: str = "",
    images: Sequence[PageImage] = (),
    published: bool = False,
) -> str:
    """The page of one article: title, byline, topics, notes on the text, the text, how to cite it
    (`cite_box`, its forms rendered for all the texts a build converts at once), its origin.
    `citation_meta` goes into the page's head (`overrides/main.html`), for reference managers.
    A text read from a PDF has its printed pages (`images`) to show beside it; where the build is
    unsure of its reading, its proofreading status says how often, and the text where."""
    entry = article.source.entry
    meta = article_meta(entry, topics, citation_meta)
    parts = [front_matter(meta).rstrip(), f"# {escape_text(entry.title)}"]
    if not entry.catalogued:
        parts.append(
            f"*Title taken {'as its first page prints it' if entry.title_printed else 'from the file name'}: "
            "this text has no entry in the catalog yet.*\n"
            f"{{ .editorial-note {OUT_OF_SEARCH} }}"
        )
    elif entry.title_is_editorial:
        parts.append(
            "*Editorial title: the source text gives none, so the editors composed this one.*\n"
            f"{{ .editorial-note {OUT_OF_SEARCH} }}"
        )
    parts.append(f"{byline(entry)}\n{{ .byline {OUT_OF_SEARCH} }}")
    doubts = len(article.doubts)
    parts.append(render_status(entry, entry.status_shown(doubts), doubts, pages_proofread(article, images)))
    if topics:
        pages = " · ".join(f"[{escape_text(t.title)}](../topics/{t.slug}.md)" for t in topics)
        parts.append(f'Topics: {pages}\n{{ .article-topics data-search-exclude="" }}')
    printed = render_printed_pages(article, images)
    if printed:
        parts += [PRINTED_TOGGLE, printed]
    parts.append(render_transcribers_note(article))
    if any(isinstance(b, Paragraph) and b.opens_mid_sentence for b in article.blocks):
        parts.append(
            "*The source text begins in the middle of a sentence: its opening is lost.*\n"
            f"{{ .editorial-note {OUT_OF_SEARCH} }}"
        )
    received = f"../{received_page(article)}"
    unsure = dict(article.doubts)
    parts.append(render_body(article.blocks, links, marks_by_block(article), received, bool(printed), unsure))
    parts += [p for p in (render_changes(article),) if p]
    if cite_box:
        parts.append(cite_box)
    parts.append(render_provenance(article, published))
    return "\n\n".join(parts) + "\n"


def render_provenance(article: Article, published: bool = False) -> str:
    """Where the text comes from: the text as received, the PDF and its IIIF manifest (which a copy
    with no address cannot have), its original address, the editors' description and notes."""
    entry = article.source.entry
    rows = [
        ("The text as received", f"[{escape_text(entry.file)}](../{received_page(article)})"),
        *([("The printed original", original_link(article))] if entry.is_pdf else []),
        *([("Its pages for a IIIF viewer", manifest_link(article, published))] if entry.is_pdf else []),
        ("Original address", escape_text(entry.url)),
        (
            "Described by the editors",
            "yes: its author, publication and date as far as they are known"
            if entry.catalogued
            else "not yet: its title is taken "
            + ("as its first page prints it" if entry.title_printed else "from its file's name"),
        ),
    ]
    if entry.notes:
        rows.append(("Notes", escape_text(entry.notes)))
    table = "\n".join(f"| {label} | {value} |" for label, value in rows)
    heading = f"## Where this text comes from {{ {OUT_OF_SEARCH} }}"
    return f"{heading}\n\n| About the text | What is known |\n| --- | --- |\n{table}"


def manifest_link(article: Article, published: bool) -> str:
    """The IIIF manifest of a text read from a PDF, or why this copy has none."""
    if not published:
        return "none in this copy: a IIIF manifest gives the address of each page, and this copy has none"
    return f"[IIIF manifest](../{manifest_name(article.slug)}){{ download }}"


def pages_proofread(article: Article, images: Sequence[PageImage]) -> tuple[int, int]:
    """How many of a PDF's pages are proofread, and how many it has."""
    on_pages = doubts_by_page(article)
    entry = article.source.entry
    proofread = [page_status(entry, i.number, on_pages.get(i.number, 0)) == "proofread" for i in images]
    return sum(proofread), len(images)


def original_link(article: Article) -> str:
    """A link that downloads the PDF a text was read from."""
    return f"[{escape_text(article.source.entry.file)}](../{received_original(article)}){{ download }}"


def render_article_index(entries: list[Entry], statuses: dict[str, str] | None = None) -> str:
    """Every article: its title, byline, how far it is proofread (`statuses`, by slug) and summary."""
    parts = [front_matter({"title": "Articles"}).rstrip(), "# Articles"]
    for entry in entries:
        summary = escape_text(entry.summary) if entry.summary != UNKNOWN else ""
        heading = f"## [{escaped(entry.title)}]({entry.slug}.md)"
        status = (statuses or {}).get(entry.slug, entry.status)
        parts.append(f"{heading}\n\n{byline(entry)} · {status_word(status)}\n\n{summary}".rstrip())
    return "\n\n".join(parts) + "\n"


@functools.lru_cache(maxsize=65_536)
def escaped(text: str) -> str:
    """A title or a sentence shown on many pages (indexes, topics, timeline, glossary), escaped
    once per process: a long-lived one, such as `mkdocs serve`, escapes it once for all rebuilds."""
    return escape_text(text)


def render_glossary(
    glossary: dict[str, Abbreviation], users_of: dict[str, list[Entry]], topics: Sequence[Topic] = ()
) -> str:
    """The glossary page: each abbreviation, what it stands for, where that is spelled out, the
    articles that use it and its topic's page, as a definition list, which a phone shows whole."""
    entries = []
    for short, abbreviation in glossary.items():
        users = users_of.get(short, [])
        # each title in quotation marks, one from the next by a semicolon: a title may hold commas
        links = [f"“[{escaped(e.title)}]({article_page(e.slug)})”" for e in users]
        used = first_of(links, "articles", "; ") or "none of the texts"
        origin = "the texts" if abbreviation.origin.endswith(".txt") else "the editors' list"
        details = [f"Spelled out in {origin}.", f"Used in {used}."]
        topic = topic_for(short, abbreviation.long, topics)
        if topic:
            details.append(f"Topic page: [{escape_text(topic.title)}](topics/{topic.slug}.md).")
        entries.append(
            f"{escape_text(short)}\n:   {escape_text(abbreviation.long)}\n\n    {' '.join(details)}"
        )
    return (
        front_matter({"title": "Glossary"})
        + "\n# Glossary\n\nThe abbreviations of the texts. Most are spelled out by the texts themselves; "
        "the editors' own list adds the few they never spell out. "
        "On every page, an abbreviation shows what it stands for when pointed at, tapped or reached "
        "with the keyboard.\n\n" + "\n\n".join(entries) + "\n"
    )


def topic_for(short: str, long: str, topics: Sequence[Topic]) -> Topic | None:
    """The topic whose names include the abbreviation or what it stands for, if there is one."""
    names = {short.casefold(), " ".join(long.split()).casefold()}
    return next((t for t in topics if names & {a.casefold() for a in t.aliases}), None)


def render_abbreviations(glossary: dict[str, Abbreviation]) -> str:
    """Abbreviation definitions for every page; the long form only ever becomes a tooltip."""
    return "\n".join(f"*[{short}]: {' '.join(a.long.split())}" for short, a in glossary.items()) + "\n"


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(count: int) -> str:
    """A small count as a reader writes it, a large one in figures: `three`, `1,000`."""
    return NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else f"{count:,}"


def render_collection_size(entries: list[Entry]) -> str:
    """The opening words of About, from the collection itself, so that a fourth text never makes
    them false.

    >>> render_collection_size([Entry("a.txt", "a", "A")] * 3)
    'The Cancún 2003 Reader publishes three texts about the fifth WTO ministerial meeting in Cancún\\n'
    """
    texts = "text" if len(entries) == 1 else "texts"
    size = f"{in_words(len(entries))} {texts}"
    return f"The Cancún 2003 Reader publishes {size} about the fifth WTO ministerial meeting in Cancún\n"


def render_titles_note(entries: list[Entry]) -> str:
    """Home's word on the titles the editors composed, from the catalog: for all the articles, some,
    or none (then nothing is said).

    >>> render_titles_note([Entry("a.txt", "a", "A", title_is_editorial=True)] * 3)
    'The titles of the three articles were composed by the editors, as the source texts give none.\\n'
    >>> two = [Entry("a.txt", "a", "A", title_is_editorial=True), Entry("b.txt", "b", "B")]
    >>> print(render_titles_note(two), end="")
    The title of one of the two articles was composed by the editors, as its source text gives none; it \
is in square brackets where the article is cited.
    >>> render_titles_note([Entry("b.txt", "b", "B")])
    ''
    """
    composed = sum(e.title_is_editorial or not e.catalogued for e in entries)
    if not composed:
        return ""
    if composed == len(entries):
        return (
            f"The titles of the {in_words(len(entries))} articles were composed by the editors, as the "
            "source texts give none.\n"
            if len(entries) > 1
            else "The article's title was composed by the editors, as its source text gives none.\n"
        )
    of = f"of the {in_words(len(entries))} articles"
    if composed == 1:
        return (
            f"The title of one {of} was composed by the editors, as its source text gives none; it is in "
            "square brackets where the article is cited.\n"
        )
    return (
        f"The titles of {in_words(composed)} {of} were composed by the editors, as their source texts "
        "give none; they are in square brackets where the articles are cited.\n"
    )


def render_home_cards(
    entries: list[Entry], topics: list[Topic], mentions: dict[str, list[Mention]], large: bool = False
) -> str:
    """Cards for the home page: one per article (in a `large` collection, one per index of the
    articles), one per topic."""
    if large:
        indexes = [("index.md", "By title"), *((f"{name}.md", title) for name, (title, _) in INDEXES.items())]
        article_cards = [
            f"-   **[Articles {title.lower()}]({ARTICLES_DIR}/{page})**\n\n    ---\n\n    "
            f"{count_phrase(len(entries), 'article', 'articles')}, {title.lower()}."
            for page, title in indexes
        ]
    else:
        article_cards = [
            f"-   **[{escaped(e.title)}]({article_page(e.slug)})**\n\n    ---\n\n    {byline(e)}. "
            + (escaped(e.summary) if e.summary != UNKNOWN else "")
            for e in entries
        ]
    topic_cards = [
        f"-   **[{escape_text(t.title)}](topics/{t.slug}.md)**\n\n    ---\n\n    "
        f"{count_phrase(len(mentions[t.slug]), 'passage', 'passages')} in the texts."
        for t in topics
    ]
    grid = '<div class="grid cards" markdown>\n\n{}\n\n</div>'
    return (
        "## Articles\n\n"
        + grid.format("\n\n".join(article_cards))
        + "\n\n## Topics\n\n"
        + grid.format("\n\n".join(topic_cards))
        + "\n"
    )
