"""How a text's reading compares with what a clean reading gives: the measures of the repair on a
corpus of real extractions and PDFs (`quality.corpus` reads the corpus; `scripts/repair_quality.py`
reports on it).

For each text, per extraction or PDF:

- paragraphs intact *standing alone*: a paragraph of the text is one paragraph of the page, word
  for word (note calls, raised or in brackets, and spacing aside);
- words lost: words of the text missing from the page; stray words: words on the page that are not
  the text's (running heads, page numbers, broken words left);
- furniture left: blocks of the page that are a running head or a page number;
- pull quotes, sidebar items, headings, notes and captions found as such; and captions standing
  as a block of their own at least (not run into a paragraph), which is all an extracted text can
  give: only a PDF shows the caption's smaller type.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from cancun_reader.build.texts import make_article
from cancun_reader.core.model import (
    Article,
    Block,
    Caption,
    Entry,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    Printed,
    PullQuote,
    Sidebar,
    Source,
    Table,
)
from cancun_reader.core.prose.words import HYPHENS, SUPERSCRIPT_DIGITS
from cancun_reader.text.doubts import READ_OUT_OF_ORDER

NOTE_MARKERS = re.compile(f"[{SUPERSCRIPT_DIGITS}]|\\[\\d{{1,3}}\\]")
"""A note's call as a text writes it (`[1]`) or a page prints it (`¹`): either is the same call."""
WORD = re.compile(r"[^\W_]+")


def normal(text: str) -> str:
    """Text as compared: NFKC, note markers and soft hyphens out, one kind of hyphen, single spaces."""
    text = unicodedata.normalize("NFKC", NOTE_MARKERS.sub("", text)).replace("\u00ad", "")
    text = text.replace("\u2010", "-").replace("\u2011", "-").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    return WORD.findall(normal(text).lower())


@dataclass
class Expected:
    """What a clean reading of one corpus text gives."""

    front: list[str]
    paragraphs: list[str]
    headings: list[str]
    quotes: list[str]
    items: list[str]
    captions: list[str]
    notes: list[str]
    furniture: list[str]

    @property
    def all_words(self) -> Counter[str]:
        texts = [*self.front, *self.paragraphs, *self.headings, *self.quotes, *self.items, *self.captions]
        texts += [*self.notes, *self.sidebar_titles]
        return Counter(w for t in texts for w in words(t))

    sidebar_titles: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    """The cells of the boxes' tables and fact files: a figure among them is no page number."""


def expected_of(text: dict, footnotes: bool = False, numbered: bool = False) -> Expected:
    """What a clean reading of a text gives; set with notes at the pages' feet (`footnotes`), it
    has no heading over its notes; set with numbered headings, its headings carry their numbers
    (`2. The road to Mexico`), as printed. A held-out text may have no deck or byline, and titles its
    notes as it says (`notes_title`: `References`, or none)."""
    front = [text[key] for key in ("title", "deck", "byline") if text.get(key)]
    found = Expected(front, [], [], [], [], [], [], [])
    found.furniture = [text["layout"]["head"]]
    for block in text["blocks"]:
        if isinstance(block, str):
            found.paragraphs.append(block)
        elif "heading" in block:
            number = f"{len(found.headings) + 1}. " if numbered else ""
            found.headings.append(number + block["heading"])
        elif "quote" in block:
            found.quotes.append(block["quote"])
        elif "caption" in block:
            found.captions.append(block["caption"])
        elif "sidebar" in block:
            box = block["sidebar"]
            found.sidebar_titles.append(box["title"])
            rows = box.get("table") or box.get("facts") or []
            found.items += [*box.get("items", []), *(" ".join(str(c) for c in row) for row in rows)]
            found.cells += [str(c) for row in rows for c in row]
    found.notes = list(text.get("notes", []))
    if found.notes and not footnotes and text.get("notes_title", "Notes"):
        found.headings.append(text.get("notes_title", "Notes"))
    return found


def page_texts(blocks: tuple[Block, ...]) -> list[str]:
    """Every text the page shows, block by block."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Sidebar):
            texts.append(block.title)
            texts += page_texts(block.blocks)
        elif isinstance(block, ListBlock):
            texts += block.items
        elif isinstance(block, Table):
            texts += [" ".join(row) for row in block.rows]
        else:
            texts.append(block.text)
    return texts


def sidebar_items(blocks: tuple[Block, ...]) -> list[str]:
    items: list[str] = []
    for box in (b for b in blocks if isinstance(b, Sidebar)):
        for inner in box.blocks:
            if isinstance(inner, ListBlock):
                items += inner.items
            elif isinstance(inner, Table):
                items += [" ".join(c for c in row if c) for row in inner.rows]
    return items


def found_share(wanted: list[str], got: list[str], fold: bool = False) -> tuple[int, int]:
    pool = Counter((normal(g).lower() if fold else normal(g)) for g in got)
    hits = 0
    for text in wanted:
        key = normal(text).lower() if fold else normal(text)
        if pool[key] > 0:
            pool[key] -= 1
            hits += 1
    return hits, len(wanted)


def is_furniture(text: str, heads: list[str]) -> bool:
    """A running head or a page number left on the page as a block of its own."""
    plain = normal(text)
    return any(plain.lower() == normal(h).lower() for h in heads) or bool(
        re.fullmatch(r"(?:page )?[-–— ]*\d{1,4}[-–— ]*(?:(?:of|/) \d+)?(?: \| .*)?", plain.lower())
    )


LINE_END_HYPHEN = re.compile(f"[{HYPHENS}]\n\\s*")


def in_extraction_order(paragraph: list[str], stream: list[str], starts: dict[str, list[int]]) -> bool:
    """Whether the extraction gives a paragraph's words in their order, other words allowed between
    them (a pull quote, a page's furniture), within three times the paragraph's length. A paragraph
    whose words the extractor itself shuffled cannot be restored from its text."""
    for start in starts.get(paragraph[0], [])[:200]:
        position, limit = start, start + 3 * len(paragraph) + 20
        for word in paragraph:
            while position < min(limit, len(stream)) and stream[position] != word:
                position += 1
            if position >= min(limit, len(stream)):
                break
            position += 1
        else:
            return True
    return False


def kept_in_order(expected: Expected, extracted: str) -> list[bool]:
    """For each paragraph of the text, whether the extraction gives its words in their order."""
    stream = words(LINE_END_HYPHEN.sub("", extracted))
    starts: dict[str, list[int]] = {}
    for index, word in enumerate(stream):
        starts.setdefault(word, []).append(index)
    return [
        bool(p) and in_extraction_order(p, stream, starts) for p in (words(t) for t in expected.paragraphs)
    ]


def paragraphs_in_order(expected: Expected, extracted: str) -> tuple[int, int]:
    kept = kept_in_order(expected, extracted)
    return sum(kept), len(kept)


def intact_of_in_order(expected: Expected, extracted: str, paragraphs: list[str]) -> tuple[int, int]:
    """Of the paragraphs the extraction itself gives in order, those the page shows intact: the
    measure of issue 11's target restated (95%), which no repair of the text can pass for the rest."""
    shown = Counter(normal(p) for p in paragraphs)
    kept = [p for p, ok in zip(expected.paragraphs, kept_in_order(expected, extracted), strict=True) if ok]
    intact = 0
    for paragraph in kept:
        if shown[normal(paragraph)] > 0:
            shown[normal(paragraph)] -= 1
            intact += 1
    return intact, len(kept)


def read_right(block: Block, expected: Expected) -> bool:
    """Whether a block was read as the clean text has it: its words whole, and of its kind (a
    paragraph a paragraph of the text or its title, deck or byline; a heading a heading; a box's
    title and items the box's)."""

    def among(text: str, wanted: list[str]) -> bool:
        return normal(text) in {normal(w) for w in wanted}

    if isinstance(block, Paragraph):
        return among(block.text, [*expected.paragraphs, *expected.front])
    if isinstance(block, Heading):
        return among(block.text.casefold(), [h.casefold() for h in [*expected.headings, *expected.front]])
    if isinstance(block, PullQuote):
        return among(block.text, expected.quotes)
    if isinstance(block, Caption):
        return among(block.text, expected.captions)
    if isinstance(block, Footnote):
        return among(block.text, expected.notes)
    if isinstance(block, Sidebar):  # its title may be set in title case
        items = sidebar_items((block,))
        titles = [t.casefold() for t in expected.sidebar_titles]
        return among(block.title.casefold(), titles) and all(among(i, expected.items) for i in items)
    return True  # a table or list of the body, an author's note: not measured


def doubt_measures(expected: Expected, article: Article) -> dict[str, tuple[int, int]]:
    """How well the doubts point at what was read wrong: of the blocks read wrong, those that carry
    a doubt of their own (a doubt about the whole text aside: it names no block); of the doubts,
    those on a block read wrong."""
    doubted = {line for line, said in article.doubts if "out of order" not in said}
    wrong = {block.line for block in article.blocks if not read_right(block, expected)}
    return {
        "wrong blocks doubted": (len(wrong & doubted), len(wrong)),
        "doubts on wrong blocks": (len(doubted & wrong), len(doubted)),
    }


def measure(expected: Expected, extracted: str, name: str, printed: Printed | None = None) -> dict:
    """One extraction converted and compared with its text; a PDF's text with what its page shows
    of the lines (`printed`), as the build reads a PDF in `sources/`."""
    file = f"{name}.pdf" if printed else f"{name}.txt"
    entry = Entry(file=file, slug=re.sub(r"[^a-z0-9]+", "-", name.lower()), title=name, catalogued=False)
    article, notices = make_article(Source(f"sources/{file}", extracted, entry, printed or Printed()), [])
    blocks = article.blocks
    shown = Counter(w for t in page_texts(blocks) for w in words(t))
    wanted = expected.all_words
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    headings = [b.text for b in blocks if isinstance(b, Heading)] + [
        inner.text
        for b in blocks
        if isinstance(b, Sidebar)
        for inner in b.blocks
        if isinstance(inner, Heading)
    ]
    quotes = [b.text for b in blocks if isinstance(b, PullQuote)]
    notes = [b.text for b in blocks if isinstance(b, Footnote)]
    items = sidebar_items(blocks)
    return {
        "blocks": len(page_texts(blocks)),
        "wrong pull quotes": len(quotes) - found_share(expected.quotes, quotes)[0],
        "wrong sidebar items": len(items) - found_share(expected.items, items)[0],
        "wrong headings": len(headings)
        - found_share([*expected.headings, *expected.front], headings, fold=True)[0],
        "wrong notes": len(notes) - found_share(expected.notes, notes)[0],
        "paragraphs": found_share(expected.paragraphs, paragraphs),
        "in order": paragraphs_in_order(expected, extracted),
        "intact of in order": intact_of_in_order(expected, extracted, paragraphs),
        "words lost": (wanted - shown).total(),
        "stray words": (shown - wanted).total(),
        "furniture left": sum(
            is_furniture(t, expected.furniture) and t not in expected.cells for t in page_texts(blocks)
        ),
        "pull quotes": found_share(expected.quotes, [b.text for b in blocks if isinstance(b, PullQuote)]),
        "sidebar items": found_share(expected.items, sidebar_items(blocks)),
        "headings": found_share(expected.headings, headings, fold=True),
        "captions": found_share(expected.captions, [b.text for b in blocks if isinstance(b, Caption)]),
        "captions apart": found_share(expected.captions, page_texts(blocks)),
        "not captions": sum(
            normal(b.text) not in map(normal, expected.captions) for b in blocks if isinstance(b, Caption)
        ),
        "notes": found_share(expected.notes, [b.text for b in blocks if isinstance(b, Footnote)]),
        "warnings": len(notices),
        "read out of order": any(READ_OUT_OF_ORDER in n.message for n in notices),
        **doubt_measures(expected, article),
        "lost": sorted((wanted - shown).elements())[:20],
        "stray": sorted((shown - wanted).elements())[:20],
    }
