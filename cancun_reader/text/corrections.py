"""Editorial corrections: what no rule can decide, written next to a text as `<name>.corrections.yml`.

Every directive is anchored by text quoted from the source, so it keeps working when other parts
of the text are edited; `move`, `join`, `blockquote`, `role` and `confirm` may instead name a whole
block by a line it holds in the text as received (`@52`, as the editors' view lists each page's
blocks), which is safe for a PDF, whose text as received changes only with the PDF. A quotation
that is missing, or found more than once, stops the build with the directive's line.

    - move: "prise. The United States, the European Union"   # the block holding these words …
      after: "The emergence of the G21 was a sur-"            # … goes right after this one
    - delete: "prise. "                                       # these words are removed …
      followed_by: "Central America (Costa Rica"              # … where this text follows them
    - join: "two from"                                        # this block continues …
      with: "Central America (Costa Rica"                     # … at the block that starts so
    - blockquote: "On the 14th the summit collapsed"          # paragraphs from this one …
      until: "for future struggles."                          # … to this one are a quotation
    - starts_mid_sentence: "and bilateral trade accords"      # the text begins mid-sentence here
    - heading: "Thursday, 20 November"                       # this line is a heading
    - break: "The next morning the marchers"                 # a new paragraph begins here
    - replace: "marketplac e"                                 # these words are put right …
      with: "marketplace"                                     # … so
    - role: "Photo: marchers in Cancún"                       # the block holding these words …
      as: caption                                             # … is a caption (body, heading,
                                                              #   caption, pull quote, note, furniture)
    - confirm: "the last words the source gives"              # read right: the build's doubt is settled
    - split: "Services"                                      # a list item is two, from these words
    - merge: "Transparency in"                                # this item and the next are one
    - move: "@52"                                             # the block holding line 52 …
      after: "@40"                                            # … goes after the one holding line 40

Each may carry `why:`, a note for the next editor, and `occurrence: N` for words found in more than
one place. Those that retouch words and roles (`replace`, `role`, `confirm`, `split`, `merge`)
are in `retouch.py`; every directive's key is registered in `corrections_file.ACTIONS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from cancun_reader.core.errors import InputError
from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import (
    Block,
    Blocks,
    Heading,
    ListBlock,
    Paragraph,
    Repair,
)
from cancun_reader.core.prose.words import excerpt
from cancun_reader.text.quoting import (
    block_text,
    find_quoted,
    joined_run,
    normalize_quote,
    paragraph_starting,
    put_after,
)

Change = tuple[Blocks, int, str, str]
"""What a correction did: the blocks after it, and the line, words before and after it changed."""


@dataclass(frozen=True)
class Action:
    """A correction an editor can write: its key in the corrections file, the keys it takes
    besides (`takes`) and those of them it cannot do without (`needs`), how it applies, and the
    kind of change it records."""

    name: str
    apply: Callable[[Blocks, Directive, str], Change]
    kind: Kind
    takes: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    after_repairs: bool = False  # applied to the text repaired, not to the text as parsed
    by_line: tuple[str, ...] = ()  # the keys that may name a whole block by a line it holds (`@52`)


@dataclass(frozen=True)
class Directive:
    action: Action
    quote: str
    options: dict[str, str]
    line: int
    file: str

    def describe(self) -> str:
        return f'{self.action.name}: "{self.quote}"'

    @property
    def after_repairs(self) -> bool:
        """Whether it applies to the text as repaired: a `confirm`, and a `role` that makes a block a
        heading, a note or a pull quote, whose words may then be quoted across a join the repairs
        made."""
        late_role = self.action.name == "role" and self.options.get("as") in LATE_ROLES
        return self.action.after_repairs or late_role

    def fail(self, message: str) -> InputError:
        return InputError(self.file, f"directive {self.describe()}: {message}", self.line)


def find_block(blocks: Blocks, quote: str, directive: Directive, source: str, main: bool = True) -> int:
    """The index of the one block that holds the quotation, or, with `occurrence: N`, its Nth place
    in the text (for the directive's `main` quotation, not the others it takes)."""
    wanted = int(directive.options.get("occurrence", "0")) if main else 0
    return find_quoted(blocks, quote, source, directive.fail, wanted)


def apply_move(blocks: Blocks, d: Directive, source: str) -> Change:
    """The block holding the quoted words, with what was joined to it, goes right after the block
    holding the `after:` words and what was joined to that; list items moved after a list become
    its last items (an item read outside its box goes back into it)."""
    moving = find_block(blocks, d.quote, d, source)
    target = find_block(blocks, d.options["after"], d, source, main=False)
    if moving == target:
        raise d.fail("the block to move and the block to put it after are the same")
    block, into = blocks[moving], blocks[target]
    where = f"after “{d.options['after']}”"
    if isinstance(block, ListBlock) and isinstance(into, ListBlock):  # items go on its list
        merged = replace(into, items=(*into.items, *block.items))
        rest = tuple(merged if b is into else b for b in blocks if b is not block)
        return rest, block.line, excerpt(block_text(block)), where
    return put_after(blocks, moving, target), block.line, excerpt(block_text(block)), where


def apply_delete(blocks: Blocks, d: Directive, source: str) -> Change:
    quote = d.quote + d.options.get("followed_by", "")
    index = find_block(blocks, quote, d, source)
    block = blocks[index]
    if not isinstance(block, Paragraph):
        raise d.fail("only words of a paragraph can be deleted")
    text = block.text.replace(quote, quote[len(d.quote) :], 1).strip()
    changed = (replace(block, text=text),) if text else ()
    return blocks[:index] + changed + blocks[index + 1 :], block.line, d.quote, ""


def apply_join(blocks: Blocks, d: Directive, source: str) -> Change:
    """The paragraph that begins with the `with:` words continues the one that holds the quoted
    words: it goes right after it, with what was joined to it before, and the repairs join them.
    The `with:` words need be found only at the beginning of one paragraph."""
    head = find_block(blocks, d.quote, d, source)
    starting = paragraph_starting(blocks, d.options["with"])
    tail = find_block(blocks, d.options["with"], d, source, main=False) if starting is None else starting
    block = blocks[tail]
    if not isinstance(block, Paragraph) or not isinstance(blocks[head], Paragraph):
        raise d.fail("both quotations must be in paragraphs")
    if tail == head and normalize_quote(block.text).find(d.options["with"]) > normalize_quote(
        block.text
    ).find(d.quote):
        raise d.fail(
            f'"{d.options["with"]}" already goes on from "{d.quote}" in one paragraph: remove this line'
        )
    if not normalize_quote(block.text).startswith(d.options["with"]):
        raise d.fail(f'"{d.options["with"]}" must be the beginning of a paragraph')
    marked = (*blocks[:tail], replace(block, continues=True), *blocks[tail + 1 :])
    end = joined_run(marked, tail)  # the continuation, with what was joined to it before
    run, rest = marked[tail:end], marked[:tail] + marked[end:]
    at = rest.index(blocks[head]) + 1
    return (*rest[:at], *run, *rest[at:]), block.line, f"…{d.quote}", excerpt(block.text)


def apply_blockquote(blocks: Blocks, d: Directive, source: str) -> Change:
    first = find_block(blocks, d.quote, d, source)
    last = find_block(blocks, d.options["until"], d, source, main=False)
    if last < first:
        raise d.fail(f'"{d.options["until"]}" comes before the start of the quotation')
    quoted = tuple(
        replace(b, quotation=True) if isinstance(b, Paragraph) else b for b in blocks[first : last + 1]
    )
    return (
        blocks[:first] + quoted + blocks[last + 1 :],
        blocks[first].line,
        excerpt(d.quote),
        f"…{d.options['until']}",
    )


def apply_starts_mid_sentence(blocks: Blocks, d: Directive, source: str) -> Change:
    index = find_block(blocks, d.quote, d, source)
    block = blocks[index]
    if not isinstance(block, Paragraph) or not block.text.startswith(d.quote):
        raise d.fail("the quotation must be the beginning of a paragraph")
    marked = replace(block, opens_mid_sentence=True)
    return (*blocks[:index], marked, *blocks[index + 1 :]), block.line, excerpt(d.quote), "marked […]"


def split_at(block: Paragraph, quote: str, d: Directive) -> tuple[str, str, str, int]:
    """A paragraph's text cut around a quotation of it (before, the quoted words, after), with the
    line the quotation starts on. Quotations take runs of white space as one space; the text
    keeps its line ends."""
    found = re.search(r"\s+".join(re.escape(word) for word in quote.split()), block.text)
    if found is None:
        raise d.fail("the quotation must be words of one paragraph")
    before, after = block.text[: found.start()].rstrip(), block.text[found.end() :]
    return before, found[0], after, block.line + block.text[: found.start()].count("\n")


def apply_heading(blocks: Blocks, d: Directive, source: str) -> Change:
    """The quoted words are a heading: the paragraph they open (or all of it) becomes one, and the
    rest of the paragraph, if any, goes on after it."""
    index = find_block(blocks, d.quote, d, source)
    block = blocks[index]
    if not isinstance(block, Paragraph):
        raise d.fail("the quotation must be a line of a paragraph")
    before, quoted, after, line = split_at(block, d.quote, d)
    parts: list[Block] = [replace(block, text=before)] if before else []
    parts.append(Heading(" ".join(d.quote.split()), line))
    if after.strip():
        parts.append(Paragraph(after.strip(), line + quoted.count("\n") + 1))
    return (*blocks[:index], *parts, *blocks[index + 1 :]), line, excerpt(d.quote), "heading"


def apply_break(blocks: Blocks, d: Directive, source: str) -> Change:
    """A new paragraph begins at the quoted words."""
    index = find_block(blocks, d.quote, d, source)
    block = blocks[index]
    if not isinstance(block, Paragraph):
        raise d.fail("the quotation must be words of a paragraph")
    before, quoted, after, line = split_at(block, d.quote, d)
    if not before:
        raise d.fail("a paragraph already begins there; quote words inside one")
    parts = (replace(block, text=before), Paragraph(quoted + after, line))
    return (*blocks[:index], *parts, *blocks[index + 1 :]), line, excerpt(d.quote), "¶"


ROLES = ("body", "heading", "caption", "pull quote", "note", "furniture")
"""What `role` can make of a paragraph (`as:`)."""
LATE_ROLES = ("heading", "note", "pull quote")
"""The roles given to the text as repaired (the others, which set a block apart from the flow or
put it back in, are given before the repairs join the text around them)."""


def apply_corrections(
    blocks: Blocks, directives: list[Directive], source: str, after_repairs: bool = False
) -> tuple[Blocks, list[Repair]]:
    """Apply the directives in the order the file gives them: those that shape the text to the
    blocks as parsed, before the repairs; with `after_repairs`, those that apply to the text as
    repaired (`Directive.after_repairs`: `confirm`, and `role` as a heading or a note), whose
    quotations are its words as the page shows them, across the joins the repairs made."""
    done = []
    for directive in directives:
        action = directive.action
        if directive.after_repairs != after_repairs:
            continue
        blocks, line, before, after = action.apply(blocks, directive, source)
        done.append(Repair(action.kind, line, before, after, origin=f"{directive.file}:{directive.line}"))
    return blocks, done
