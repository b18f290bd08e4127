"""Stage 3, repair: undo what the print layout did to a text, recording every change.

Each repair is a pure function `blocks → (blocks, repairs)` named for the artifact it removes, with
its own module: `encoding` (mojibake, with ftfy), `notes` (end marks, escapes, the author's bio,
footnotes), `flow` (hard-wrapped lines, paragraphs cut at a break), `words` (words hyphenated at a
break), `asides` (pull quotes and sidebars), `headings` (capitals to title case). None knows about a
particular text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..model import Block, Entry, Paragraph, Repair
from .asides import find_pull_quotes, find_sidebars
from .encoding import fix_mojibake
from .flow import (
    ends_sentence,
    rejoin_continuation_read_first,
    rejoin_cut_paragraphs,
    starts_lower,
    unwrap_lines,
)
from .headings import find_mixed_case_headings, title_case_headings
from .notes import (
    drop_end_marks,
    find_footnotes,
    link_glued_note_markers,
    mark_author_bio,
    unescape_backslashed_punctuation,
)
from .words import words_of

Blocks = tuple[Block, ...]
RepairFunction = Callable[[Blocks], tuple[Blocks, list[Repair]]]


def repairs_for(entry: Entry, known: frozenset[str]) -> tuple[RepairFunction, ...]:
    """The repairs in the order they must run: pull quotes and sidebars are found before cut
    paragraphs are joined across them; headings are cased last, when acronyms are known."""
    return (
        fix_mojibake,
        drop_end_marks,
        unescape_backslashed_punctuation,
        partial(unwrap_lines, known=known),
        mark_author_bio(entry.author),
        find_footnotes,
        link_glued_note_markers,
        find_mixed_case_headings,  # once note numbers are markers: `accept.2` ends a sentence
        find_pull_quotes,
        find_sidebars,
        partial(rejoin_cut_paragraphs, known=known),
        partial(rejoin_continuation_read_first, known=known),
        title_case_headings,
    )


def repair_blocks(blocks: Blocks, entry: Entry) -> tuple[Blocks, tuple[Repair, ...]]:
    """Run every repair in order and collect what each changed."""
    known = words_of(" ".join(b.text for b in blocks if isinstance(b, Paragraph)))
    done: list[Repair] = []
    for repair in repairs_for(entry, known):
        blocks, repairs = repair(blocks)
        done.extend(repairs)
    return blocks, tuple(done)


def find_unresolved(blocks: Blocks) -> list[tuple[int, str]]:
    """What the repairs could not settle, as (line, message) for the editor.

    >>> find_unresolved((Paragraph("and then it", 3),))
    [(3, 'paragraph starts in lower case with nothing before it to continue; if the text really \
begins mid-sentence, say so with a starts_mid_sentence correction'), (3, 'paragraph ends mid-sentence \
and no continuation was found; add a join or move correction, or finish the sentence')]
    """
    found = []
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        if starts_lower(block.text) and not block.opens_mid_sentence:
            found.append(
                (
                    block.line,
                    "paragraph starts in lower case with nothing before it to continue; if the text "
                    "really begins mid-sentence, say so with a starts_mid_sentence correction",
                )
            )
        if not ends_sentence(block.text):
            found.append(
                (
                    block.line,
                    "paragraph ends mid-sentence and no continuation was found; "
                    "add a join or move correction, or finish the sentence",
                )
            )
    return found
