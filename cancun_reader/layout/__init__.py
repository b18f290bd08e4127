"""Stage 2, layout: the printed page's damage, undone on lines before any paragraph exists.

A text extracted from a PDF carries what the page had besides the article: running heads and page
numbers on every page, form feeds between pages, a drop cap set apart from its word, headings and
notes run into the lines around them, and (from extractors that give lines only) no blank line
between paragraphs. Each repair here takes the numbered lines of the text and gives new lines
(a blank one where a block ends) and the `Repair` records of what it changed; removed furniture is
recorded line by line, so the page can show it and the fidelity check can account for it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Lines, Printed, Repair
from .boxes import find_box_items, gather_fact_years, rebuild_box_table
from .furniture import remove_page_furniture
from .headings import separate_headings, separate_run_in_headings
from .lines import number_lines
from .lists import rejoin_bullets, rejoin_note_numbers, separate_notes
from .opening import rejoin_drop_caps, separate_front_matter
from .paragraphs import break_where_printed, infer_paragraph_breaks
from .quotes import set_apart_pull_quote_lines


def lay_out(
    text: str, known: Callable[[str], bool], printed: Printed | None = None
) -> tuple[Lines, list[Repair]]:
    """Every layout repair in order: the paragraph breaks a PDF's page shows first (`printed`:
    what it shows of the lines), then furniture (it stands between the lines of paragraphs and
    headings), drop caps, headings and notes, and last the paragraph breaks inferred from the
    lines' lengths, which need the other blocks set apart to measure a full line."""
    printed = printed or Printed()
    lines = number_lines(text)
    done: list[Repair] = []
    steps: tuple[Callable[[Lines], tuple[Lines, list[Repair]]], ...] = (
        lambda found: break_where_printed(found, printed),
        lambda found: remove_page_furniture(found, printed.furniture, printed.boxes),
        gather_fact_years,
        separate_front_matter,
        lambda found: rejoin_drop_caps(found, known, printed.drop_caps),
        set_apart_pull_quote_lines,
        rejoin_bullets,
        rejoin_note_numbers,
        separate_notes,
        rebuild_box_table,
        find_box_items,
        separate_headings,
        separate_run_in_headings,
        lambda found: infer_paragraph_breaks(found, printed.full),
    )
    for step in steps:
        lines, repairs = step(lines)
        done.extend(repairs)
    return lines, done
