"""Citations: words that a topic file quotes from an article, found again at every build.

A citation whose words are gone after an edit stops the build with the topic file, its line and
the missing words, so no statement on a topic page outlives the text it rests on."""

from __future__ import annotations

import functools

from cancun_reader.core.errors import InputError
from cancun_reader.core.facts import Citation, Place, Topic
from cancun_reader.core.model import Article, Paragraph
from cancun_reader.core.prose.sentences import comparable

Cited = dict[Citation, Place]


@functools.cache
def comparable_paragraphs(article: Article) -> tuple[tuple[str, Paragraph], ...]:
    """Each paragraph of an article with its text as quotations are compared: worked out once."""
    return tuple((comparable(b.text), b) for b in article.blocks if isinstance(b, Paragraph))


def find_cited_paragraph(citation: Citation, articles: dict[str, Article]) -> tuple[Article, Paragraph]:
    article = articles.get(citation.source)
    if article is None:
        raise InputError(
            citation.path, f"cites '{citation.source}', which is not the slug of any article", citation.line
        )
    quote = comparable(citation.quote)
    found = [paragraph for text, paragraph in comparable_paragraphs(article) if quote in text]
    if not found:
        raise InputError(
            citation.path,
            f"cites “{citation.quote}”, but {article.source.path} no longer has these words; "
            "quote the text as it is now, or drop the statement",
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
    for topic in topics:
        check_members(topic)
    return {c: Place.of(*find_cited_paragraph(c, by_slug)) for t in topics for c in t.citations}
