"""The editors' view of a text read from a PDF, as pdfplumber's visual debugging draws a page's
model over its picture: each page with every block the build read on it outlined in its role's
colour and numbered in reading order, the page furniture it removed struck through, and each
doubt flagged where it stands, with what settles it; and the index of every text's proofreading:
its status, its doubts, and where to proofread it."""

from __future__ import annotations

from collections.abc import Sequence

from cancun_reader.core.escape import escape_inert, escape_text, front_matter
from cancun_reader.core.model import (
    STATUSES,
    Article,
    AuthorBio,
    Block,
    Caption,
    Entry,
    Footnote,
    Heading,
    ListBlock,
    Notice,
    Paragraph,
    PullQuote,
    Sidebar,
    Table,
)
from cancun_reader.pdf.images import PageImage
from cancun_reader.site.edition import RECEIVED_DIR, count_phrase, received_page
from cancun_reader.site.paths import article_page
from cancun_reader.site.printed_view import block_name, page_caption, page_image, percent
from cancun_reader.site.status import status_word
from cancun_reader.text.regions import Region, block_regions, doubts_by_page

FOLDER = "proofreading"
INDEX = f"{FOLDER}/index.md"

ROLES = {
    Paragraph: "paragraph",
    Heading: "heading",
    ListBlock: "list",
    Table: "table",
    PullQuote: "pull-quote",
    Caption: "caption",
    Sidebar: "box",
    Footnote: "note",
    AuthorBio: "author",
}
"""Each kind of block by the role its colour shows (the key under each page names them)."""


def proofreading_page(slug: str) -> str:
    """The editors' view of a text, inside `docs/`.

    >>> proofreading_page("a-text")
    'proofreading/a-text.md'
    """
    return f"{FOLDER}/{slug}.md"


def role_of(block: Block) -> str:
    """A block's role, as its colour says it: a paragraph of the text's opening is its `front`.

    >>> role_of(Paragraph("By Ana Lima", 4, front="byline")), role_of(Footnote("1", "See.", 9))
    ('front', 'note')
    """
    if isinstance(block, Paragraph) and block.front:
        return "front"
    return ROLES[type(block)]


def outline(region: Region, size: tuple[float, float], css: str, label: str, badge: str) -> str:
    """A region drawn over its page, with its badge (a number, a question mark) at its corner."""
    _, x0, top, x1, bottom = region
    width, height = size
    style = (
        f"left:{percent(x0 - 1, width)};top:{percent(top - 1, height)};"
        f"width:{percent(x1 - x0 + 2, width)};height:{percent(bottom - top + 2, height)}"
    )
    return (
        f'<span class="model-region {css}" style="{style}" title="{escape_inert(label)}">'
        f'<span class="model-badge" aria-hidden="true">{badge}</span></span>'
    )


def page_model(
    article: Article, doubts: Sequence[Notice]
) -> tuple[dict[int, list[str]], dict[int, list[str]], dict[int, list[str]]]:
    """What the editors' view draws over each page (the blocks' regions, numbered in reading order,
    the doubted ones flagged, the furniture removed) and lists under it (its doubts, and the blocks
    that begin on it with the line as received that names each in a directive, `@52`), by page."""
    printed = article.source.printed
    sizes = {number: (width, height) for number, width, height in printed.pages}
    order = {block.line: index for index, block in enumerate(article.blocks, start=1)}
    blocks = {block.line: block for block in article.blocks}
    doubted: dict[int, list[Notice]] = {}
    for said in doubts:
        doubted.setdefault(said.line, []).append(said)
    drawn: dict[int, list[str]] = {}
    listed: dict[int, list[str]] = {}
    read: dict[int, list[str]] = {}  # the blocks that begin on each page, as rows of a table
    for line, found in sorted(block_regions(article).items(), key=lambda item: order.get(item[0], 0)):
        block = blocks.get(line)
        if block is None:
            continue
        number = order[line]
        flag = " doubted" if line in doubted else ""
        label = f"{number}. {block_name(block)}, @{line}"
        for region in found:
            badge = f"{number}?" if flag else str(number)
            shown = outline(region, sizes[region[0]], f"role-{role_of(block)}{flag}", label, badge)
            drawn.setdefault(region[0], []).append(shown)
        for doubt in doubted.get(line, []):
            listed.setdefault(found[0][0], []).append(
                f"- **{number}. {escape_text(block_name(block))}** (`@{line}`): {escape_text(doubt.message)}"
            )
        read.setdefault(found[0][0], []).append(
            f"| {number} | {role_of(block)} | `@{line}` | {escape_text(block_name(block))} |"
        )
    for line in sorted(printed.furniture):
        place = printed.place_of(line)
        if place:
            label = f"Line {line}: removed as furniture"
            drawn.setdefault(place[0], []).append(
                outline(place, sizes[place[0]], "role-furniture", label, "×")
            )
    return drawn, listed, read


def render_proofreading(article: Article, images: Sequence[PageImage], doubts: Sequence[Notice]) -> str:
    """The editors' view of a PDF's pages: the page model over each page, then what is doubted on it."""
    entry = article.source.entry
    drawn, listed, read = page_model(article, doubts)
    regions = block_regions(article)
    parts = [
        front_matter({"title": f"Proofreading: {entry.title}", "search": {"exclude": True}}).rstrip(),
        f"# Proofreading: {escape_text(entry.title)}",
        f"Each page of {escape_text(entry.file)} with what the build read on it: every block outlined "
        "in its role's colour and numbered in reading order, a doubted block marked **?**, the page "
        "furniture removed marked **×**. Compare each block with its place on the page; where they "
        "differ, a directive in the text's corrections file puts it right, and where this edition is "
        "unsure of its reading, the doubt under the page says which. "
        f"[The text]({article_page(entry.slug, '../')}) · "
        f"[the text as received](../{received_page(article)}) · "
        f"{status_word(entry.status_shown(len(doubts)))}, {count_phrase(len(doubts), 'doubt', 'doubts')}",
        KEY,
    ]
    unplaced = [d for d in doubts if d.line not in regions]
    if unplaced:
        parts.append(
            "**Doubts about the whole text**\n\n" + "\n".join(f"- {escape_text(d.message)}" for d in unplaced)
        )
    on_pages = doubts_by_page(article)
    for image in images:
        src = f"../{page_image(entry.slug, image.number)}"
        figure = (
            f'<figure class="page-model"><div class="printed-sheet">'
            f'<img src="{src}" width="{image.width}" height="{image.height}" loading="lazy" '
            f'alt="Page {image.number} as printed, with the blocks read on it outlined">'
            + "".join(drawn.get(image.number, []))
            + f"</div><figcaption>{page_caption(article, image.number, on_pages)}</figcaption></figure>"
        )
        doubts_here = listed.get(image.number)
        below = "\n".join(doubts_here) if doubts_here else "No doubt on this page."
        blocks = "\n".join(read.get(image.number, []))
        table = f"\n\n{BLOCKS_HEADER}\n{blocks}" if blocks else ""
        parts.append(f"## Page {image.number}\n\n{figure}\n\n{below}{table}")
    return "\n\n".join(parts) + "\n"


BLOCKS_HEADER = (
    "The blocks that begin on this page, in reading order; a directive may name one by its line as "
    'received, in place of words quoted from it (`- {move: "@52", after: "@40"}`):\n\n'
    "| No. | Role | Line | Block |\n| ---: | --- | --- | --- |"
)


KEY = (
    '<p class="model-key">'
    + " ".join(
        f'<span class="model-region role-{role}">{name}</span>'
        for role, name in (
            ("paragraph", "paragraph"),
            ("front", "title, deck, byline"),
            ("heading", "heading"),
            ("list", "list"),
            ("table", "table"),
            ("box", "box"),
            ("pull-quote", "pull quote"),
            ("caption", "caption"),
            ("note", "note"),
            ("author", "about the author"),
            ("furniture", "furniture removed"),
        )
    )
    + "</p>"
)
"""The colours' key, shown above the pages."""


def render_proofreading_index(texts: Sequence[tuple[Entry, str, int]]) -> str:
    """Every text's proofreading, in the catalog's order: its status and doubts (`texts`: each
    text's entry, status shown and number of doubts), and where to proofread it: the printed pages
    of a PDF's, the text as received of any other."""
    rows = []
    for entry, status, doubts in texts:
        against = (
            f"[its printed pages]({entry.slug}.md)"
            if entry.is_pdf
            else f"[the text as received](../{RECEIVED_DIR}/{entry.slug}.md)"
        )
        title = f"[{escape_text(entry.title)}](../{article_page(entry.slug)})"
        rows.append(f"| {title} | {status_word(status)} | {doubts} | {against} |")
    counts = {status: sum(s == status for _, s, _ in texts) for status in STATUSES}
    summary = ", ".join(f"{count} {status}" for status, count in counts.items() if count)
    return (
        front_matter({"title": "Proofreading", "search": {"exclude": True}}) + "# Proofreading\n\n"
        "How far each text is proofread against its original, as its page tells readers (see *Proofreading "
        "a text* in the Editors' guide), with the places where its reading is unsure: each doubt is "
        "listed with the correction that settles it, under its page for a PDF. "
        f"{len(texts)} texts: {summary}.\n\n"
        "| Text | Status | Doubts | Proofread against |\n| --- | --- | ---: | --- |\n"
        + "\n".join(rows)
        + "\n"
    )
