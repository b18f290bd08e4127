"""The directives that retouch the text without reshaping its flow: words put right (`replace`),
a block given its role (`role`), a reading confirmed (`confirm`), list items split or merged
(`split`, `merge`). `corrections.py` holds the directive itself and those that reshape the flow."""

from __future__ import annotations

import re
from dataclasses import replace

from cancun_reader.core.model import (
    Block,
    Blocks,
    Caption,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Sidebar,
    TextBlock,
)
from cancun_reader.core.prose.words import excerpt
from cancun_reader.text.corrections import ROLES, Change, Directive, find_block
from cancun_reader.text.quoting import normalize_quote


def apply_replace(blocks: Blocks, d: Directive, source: str) -> Change:
    """The quoted words, printed wrong or broken by the layout (`marketplac e`), are put right
    (`with:`), in a paragraph, heading, list item, pull quote, caption, note or author's note; the
    quotation may run across the line ends of the text as received."""
    index = find_block(blocks, d.quote, d, source)
    block = blocks[index]
    pattern = re.compile(r"\s+".join(re.escape(word) for word in d.quote.split()))
    right = d.options["with"]
    if isinstance(block, ListBlock):
        items = tuple(pattern.sub(lambda _: right, item, count=1) for item in block.items)
        changed: Block = replace(block, items=items)
    elif isinstance(block, TextBlock):
        changed = replace(block, text=pattern.sub(lambda _: right, block.text, count=1))
    else:
        raise d.fail("only words of a paragraph, heading, list, pull quote, caption or note can be replaced")
    return (*blocks[:index], changed, *blocks[index + 1 :]), block.line, d.quote, right


def apply_role(blocks: Blocks, d: Directive, source: str) -> Change:
    """The block holding the quoted words is what the page shows it to be (`as:`): a paragraph of the
    body, a heading, a picture's caption, a pull quote, a note (its number at its start), or page
    furniture, which is removed and recorded as such. A block of another kind becomes a paragraph
    with `as: body`."""
    index = find_block(blocks, d.quote, d, source)
    block = blocks[index]
    role = d.options["as"]
    if role not in ROLES:
        raise d.fail(f"'as' must be one of: {', '.join(ROLES)}")
    if not isinstance(block, TextBlock):
        raise d.fail("the quotation must be words of a paragraph, heading, pull quote, caption or note")
    text, line = block.text, block.line
    made: tuple[Block, ...]
    if role == "furniture":
        made = ()
    elif role == "body":
        made = (Paragraph(text, line),)
    elif role == "heading":
        made = (Heading(" ".join(text.split()), line),)
    elif role == "caption":
        made = (Caption(text, line),)
    elif role == "pull quote":
        made = (PullQuote(text, line),)
    else:
        number = re.match(r"\s*(\d+)[.)]?\s+", text)
        if number is None:
            raise d.fail("a note begins with its number; quote a block that does")
        made = (Footnote(number[1], text[number.end() :], line),)
    return (*blocks[:index], *made, *blocks[index + 1 :]), line, excerpt(text), role


def apply_confirm(blocks: Blocks, d: Directive, source: str) -> Change:
    """The block holding the quoted words was checked against the original and is right as it is (a
    sentence the source itself leaves unfinished, a heading set in the text's type): nothing in it
    changes, and the change recorded on its line settles the build's doubt about it."""
    index = find_block(blocks, d.quote, d, source)
    block = blocks[index]
    if not isinstance(block, (TextBlock, Sidebar)):
        raise d.fail(
            "only a paragraph's, heading's, note's, caption's, pull quote's or box's reading can be confirmed"
        )
    return blocks, block.line, excerpt(d.quote), "confirmed"


def item_holding(blocks: Blocks, d: Directive, source: str) -> tuple[int, ListBlock, int]:
    """The list that holds the quoted words, and the index of the item they are in."""
    index = find_block(blocks, d.quote, d, source)
    block = blocks[index]
    if not isinstance(block, ListBlock):
        raise d.fail("the quotation must be words of a list item")
    item = next(i for i, text in enumerate(block.items) if d.quote in normalize_quote(text))
    return index, block, item


def apply_split(blocks: Blocks, d: Directive, source: str) -> Change:
    """A list item that holds two is split where the quoted words begin."""
    index, block, item = item_holding(blocks, d, source)
    text = normalize_quote(block.items[item])
    at = text.index(d.quote)
    if at == 0:
        raise d.fail("an item already begins there; quote words inside one")
    items = (*block.items[:item], text[:at].rstrip(), text[at:], *block.items[item + 1 :])
    return (
        (*blocks[:index], replace(block, items=items), *blocks[index + 1 :]),
        block.line,
        excerpt(text),
        "two items",
    )


def apply_merge(blocks: Blocks, d: Directive, source: str) -> Change:
    """The list item holding the quoted words and the item after it are one (a line of an item the
    layout set apart)."""
    index, block, item = item_holding(blocks, d, source)
    if item + 1 >= len(block.items):
        raise d.fail("it is the list's last item: there is no item after it to merge")
    merged = f"{block.items[item]} {block.items[item + 1]}"
    items = (*block.items[:item], merged, *block.items[item + 2 :])
    return (
        (*blocks[:index], replace(block, items=items), *blocks[index + 1 :]),
        block.line,
        excerpt(merged),
        "one item",
    )
