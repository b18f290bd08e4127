"""Citations: words that a topic file quotes from an article, found again at every build.

A citation whose words are gone after an edit stops the build with the topic file, its line and
the missing words, so no statement on a topic page outlives the text it rests on."""

from __future__ import annotations

from cancun_reader.core.errors import InputError
from cancun_reader.core.facts import Citation, Place, Topic
from cancun_reader.core.model import Article, Paragraph
from cancun_reader.core.prose.sentences import comparable

Cited = dict[Citation, Place]


Compared = tuple[tuple[str, Paragraph], ...]
"""Each paragraph of an article with its text as quotations are compared."""


def comparable_paragraphs(article: Article) -> Compared:
    return tuple((comparable(b.text), b) for b in article.blocks if isinstance(b, Paragraph))


def find_cited_paragraph(
    citation: Citation, articles: dict[str, Article], compared: dict[str, Compared]
) -> tuple[Article, Paragraph]:
    """The one paragraph of the cited article that holds the quoted words; `compared` keeps each
    article's paragraphs as compared, worked out for the first citation of it."""
    article = articles.get(citation.source)
    if article is None:
        raise InputError(
            citation.path, f"cites '{citation.source}', which is not the slug of any article", citation.line
        )
    quote = comparable(citation.quote)
    if citation.source not in compared:
        compared[citation.source] = comparable_paragraphs(article)
    found = [paragraph for text, paragraph in compared[citation.source] if quote in text]
    if not found:
        raise InputError(
            citation.path,
            f"cites “{citation.quote}”, which {article.source.path} does not have (this quotation, or "
            "that text, was edited since): quote the text as it reads now, or drop the statement",
            citation.line,
        )
    if len(found) > 1:
        raise InputError(
            citation.path,
            f"cites “{citation.quote}”, which is in {len(found)} paragraphs of {article.source.path}; "
            "quote more",
            citation.line,
        )
    return article, found[0]


def check_members(topic: Topic) -> None:
    """Each member a topic lists must be named by the words its group quotes: no invented member."""
    for group in topic.members:
        for member in group.members:
            if comparable(member) not in comparable(group.citation.quote):
                raise InputError(
                    topic.path,
                    f"group '{group.label}' lists '{member}', which its quotation does not name",
                    group.citation.line,
                )


def resolve_citations(topics: list[Topic], articles: list[Article]) -> Cited:
    by_slug = {a.slug: a for a in articles}
    compared: dict[str, Compared] = {}
    for topic in topics:
        check_members(topic)
    return {c: Place.of(*find_cited_paragraph(c, by_slug, compared)) for t in topics for c in t.citations}
