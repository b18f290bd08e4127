"""The glossary: abbreviations the texts expand themselves, `Long Name (ABBR)`, and the few in the
hand-kept `sources/abbreviations.yml` that they never expand (WTO in some texts, IMF, UN …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cancun_reader.core.errors import InputError
from cancun_reader.core.model import Article, Block, Footnote, ListBlock, Paragraph, Sidebar
from cancun_reader.sources.read import display_path, read_text
from cancun_reader.sources.yaml_nodes import compose, line_of, scalar

GLOSSARY_NAME = "abbreviations.yml"

SHORT_FORM = re.compile(r"\((?P<short>[A-Z][A-Z0-9&-]{1,9})\)")
"""An abbreviation in parentheses after the name it stands for: `(RMALC)`, `(AFL-CIO)`."""

NAME_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’-]*|\d+")
"""A word of a proper name: capitalised (`Inter-American`, `Workers'`) or a number (`Group of 21`)."""

JOINING_WORDS = frozenset(
    ["of", "on", "for", "and", "the", "de", "del", "la", "las", "los", "y", "in", "to", "at"]
)
"""Small words that stand inside names: `Free Trade Area of the Americas`."""


@dataclass(frozen=True)
class Abbreviation:
    short: str
    long: str
    origin: str  # the file it comes from (a source text, or the hand-kept list)


def name_before(text: str) -> list[str]:
    """The words of the proper name that ends `text`: capitalised words and the small words
    between them, back to the first word that is neither (or to punctuation).

    >>> name_before("According to the Mexican Action Network on Free Trade")
    ['According', 'to', 'the', 'Mexican', 'Action', 'Network', 'on', 'Free', 'Trade']
    >>> name_before("new rules for the World Trade Organization")
    ['World', 'Trade', 'Organization']
    """
    words: list[str] = []
    for word in reversed(text.replace("*", "").split(" ")):
        bare = word.strip('“"')
        if NAME_WORD.fullmatch(bare) or (bare in JOINING_WORDS and words):
            words.insert(0, bare)
        else:
            break
    while words and words[0] in JOINING_WORDS:
        words.pop(0)
    return words


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in JOINING_WORDS).upper()


def expansion(words: list[str], short: str) -> str | None:
    """The long form of `short` among the name's last words: the shortest ending whose initials
    spell it; or, for an abbreviation of another language (`RMALC` for a Mexican network named in
    English), the name from its last `the` on.

    >>> expansion("Eighth Ministerial Meeting of the Free Trade Area of the Americas".split(), "FTAA")
    'Free Trade Area of the Americas'
    >>> expansion("According to the Mexican Action Network on Free Trade".split(), "RMALC")
    'Mexican Action Network on Free Trade'
    """
    letters = short.replace("-", "").replace("&", "")
    for start in range(len(words) - 1, -1, -1):
        if words[start] not in JOINING_WORDS and initials(words[start:]) == letters:
            return " ".join(words[start:])
    if "the" in words:
        words = words[len(words) - words[::-1].index("the") :]
    if len(words) < 2:
        return None
    return " ".join(words)


def texts_of(blocks: tuple[Block, ...]) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph | Footnote):
            out.append(block.text)
        elif isinstance(block, ListBlock):
            out.extend(block.items)
        elif isinstance(block, Sidebar):
            out.extend(texts_of(block.blocks))
    return out


def abbreviations_in(article: Article) -> list[Abbreviation]:
    """Every `Long Name (ABBR)` in an article, first expansion first."""
    found = []
    for text in texts_of(article.blocks):
        for match in SHORT_FORM.finditer(text):
            long = expansion(name_before(text[: match.start()].rstrip()), match["short"])
            if long:
                found.append(Abbreviation(match["short"], long, article.source.path))
    return found


def load_glossary(path: Path) -> list[Abbreviation]:
    """The hand-kept abbreviations: a mapping of short form to long form."""
    if not path.exists():
        return []
    shown = display_path(path)
    root = compose(read_text(path), shown)
    if root is None:
        return []
    if not hasattr(root, "value") or not isinstance(root.value, list) or root.tag != "tag:yaml.org,2002:map":
        raise InputError(
            shown,
            "must map each abbreviation to what it stands for, e.g. 'IMF: International Monetary Fund'",
            1,
        )
    found = []
    for key, value in root.value:
        short, long = scalar(key, "abbreviation", shown), scalar(value, str(key.value), shown)
        if not SHORT_FORM.fullmatch(f"({short})") or not long:
            raise InputError(
                shown, f"'{short}' is not an abbreviation in capitals with its long form", line_of(key)
            )
        found.append(Abbreviation(short, long, shown))
    return found


def build_glossary(found: list[list[Abbreviation]], kept: list[Abbreviation]) -> dict[str, Abbreviation]:
    """One long form per abbreviation: the texts' own first (in the order of the texts), then the
    hand-kept list."""
    glossary: dict[str, Abbreviation] = {}
    for abbreviations in found:
        for abbreviation in abbreviations:
            glossary.setdefault(abbreviation.short, abbreviation)
    for abbreviation in kept:
        glossary.setdefault(abbreviation.short, abbreviation)
    return dict(sorted(glossary.items()))


CAPITALS_WORD = re.compile(
    r"(?<![\w.])(?P<word>[A-Z][A-Z0-9&]*[A-Z0-9](?:-[A-Z][A-Z0-9&]*[A-Z0-9])*)(?:s|’s|'s)?(?![\w])"
)
"""A word in capitals as the texts use abbreviations: `WTO`, `G21`, `AFL-CIO`, also inside a
compound (`U.S.-EU-led`, `anti-NGO`) and in the plural or possessive (`NGOs`, `WTO's`)."""


def capitals_in(article: Article) -> frozenset[str]:
    """The words an article writes in capitals, among them every abbreviation it uses, each part of
    a compound in capitals as well as the whole (`AFL-CIO`, `AFL`, `CIO`).

    >>> sorted(capitals_in_text("a counter-draft to the U.S.-EU-led proposals, anti-NGO NGOs, the AFL-CIO"))
    ['AFL', 'AFL-CIO', 'CIO', 'EU', 'NGO']
    >>> capitals_in_text("Some Words, and a single A")
    set()
    """
    return frozenset(word for text in texts_of(article.blocks) for word in capitals_in_text(text))


def capitals_in_text(text: str) -> set[str]:
    found = set()
    for match in CAPITALS_WORD.finditer(text):
        found.add(match["word"])
        found.update(match["word"].split("-"))
    return {word for word in found if len(word) > 1}
