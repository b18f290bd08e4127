"""Repair: undo what the print layout did to a text, recording every change.

Each repair is a pure function `blocks → (blocks, repairs)` named for the artifact it removes, with
its own module: `encoding` (mojibake, with ftfy), `notes` (end marks, escapes, the author's bio,
footnotes), `flow` (hard-wrapped lines, paragraphs cut at a break), `words` (words hyphenated at a
break), `pull_quotes`, `sidebars`, `captions` (of pictures, in a PDF's small type),
`headings` (capitals to title case). None knows about a particular text.
"""

from __future__ import annotations

from cancun_reader.core.model import PLAIN_TEXT, Blocks, Entry, Paragraph, Printed, Repair
from cancun_reader.core.prose.words import words_of
from cancun_reader.core.steps import Step, run_steps, step
from cancun_reader.text.repair.captions import set_apart_captions
from cancun_reader.text.repair.encoding import fix_mojibake
from cancun_reader.text.repair.flow import (
    rejoin_continuation_out_of_order,
    rejoin_cut_paragraphs,
    unwrap_lines,
)
from cancun_reader.text.repair.headings import (
    find_mixed_case_headings,
    find_printed_headings,
    find_title,
    keep_front_matter,
    title_case_headings,
)
from cancun_reader.text.repair.notes import (
    drop_end_marks,
    find_footnotes,
    link_glued_note_markers,
    mark_author_bio,
    unescape_backslashed_punctuation,
)
from cancun_reader.text.repair.pull_quotes import find_pull_quotes
from cancun_reader.text.repair.sidebars import find_sidebars, set_apart_printed_boxes


def repairs_for(
    entry: Entry, known: frozenset[str], captions: frozenset[int] = frozenset(), printed: Printed = PLAIN_TEXT
) -> tuple[Step[Blocks], ...]:
    """The repairs in the order they must run: notes are found before captions (both are set in
    small type), captions, pull quotes and sidebars before cut paragraphs are joined across them;
    headings are cased last, when acronyms are known. `captions` are the lines where a PDF's page
    begins a block in small type (`captions.caption_starts`); `printed`, what else the page shows
    (its boxes, the notes at its pages' feet, what it sets apart between rules)."""
    return (
        step(fix_mojibake),
        step(drop_end_marks),
        step(unescape_backslashed_punctuation),
        step(unwrap_lines, known=known),
        step(mark_author_bio, author=entry.author),
        step(find_footnotes, at_foot=printed.notes, boxes=printed.boxes),
        step(link_glued_note_markers),
        step(set_apart_captions, starts=captions),
        step(set_apart_printed_boxes, boxes=printed.boxes, quotes=printed.quotes),
        step(find_printed_headings, lines=printed.headings),
        step(find_title),
        step(keep_front_matter, entry=entry, display=printed.odd),
        step(find_mixed_case_headings),  # once note numbers are markers: `accept.2` ends a sentence
        step(find_pull_quotes, set_apart=printed.quotes),
        step(find_sidebars),
        step(rejoin_cut_paragraphs, known=known),
        step(rejoin_continuation_out_of_order, known=known),
        step(title_case_headings),
    )


def repair_blocks(
    blocks: Blocks, entry: Entry, captions: frozenset[int] = frozenset(), printed: Printed = PLAIN_TEXT
) -> tuple[Blocks, tuple[Repair, ...]]:
    """Run every repair in order and collect what each changed."""
    known = words_of(" ".join(b.text for b in blocks if isinstance(b, Paragraph)))
    blocks, done = run_steps(repairs_for(entry, known, captions, printed), blocks)
    return blocks, tuple(done)
