"""Layout: the printed page's damage, undone on lines before any paragraph exists.

A text extracted from a PDF carries what the page had besides the article: running heads and page
numbers on every page, form feeds between pages, a drop cap set apart from its word, headings and
notes run into the lines around them, and (from extractors that give lines only) no blank line
between paragraphs. Each repair here takes the numbered lines of the text and gives new lines
(a blank one where a block ends) and the `Repair` records of what it changed; removed furniture is
recorded line by line, so the page can show it and the fidelity check can account for it.
"""

from __future__ import annotations

from collections.abc import Callable

from cancun_reader.core.model import Lines, Printed, Repair
from cancun_reader.core.steps import Step, run_steps, step
from cancun_reader.text.layout.box_tables import gather_fact_years, rebuild_box_table
from cancun_reader.text.layout.boxes import find_box_items, part_items_by_case
from cancun_reader.text.layout.capitals import read_small_capitals
from cancun_reader.text.layout.furniture import remove_page_furniture
from cancun_reader.text.layout.headings import separate_headings, separate_run_in_headings
from cancun_reader.text.layout.lines import number_lines
from cancun_reader.text.layout.lists import rejoin_bullets, rejoin_note_numbers, separate_notes
from cancun_reader.text.layout.opening import rejoin_drop_caps, separate_front_matter
from cancun_reader.text.layout.paragraphs import break_where_printed, infer_paragraph_breaks
from cancun_reader.text.layout.quotes import set_apart_pull_quote_lines


def lay_out(
    text: str, is_word: Callable[[str], bool], printed: Printed | None = None
) -> tuple[Lines, list[Repair]]:
    """Every layout repair in order: the paragraph breaks a PDF's page shows first (`printed`:
    what it shows of the lines), then furniture (it stands between the lines of paragraphs and
    headings), drop caps, headings and notes, and last the paragraph breaks inferred from the
    lines' lengths, which need the other blocks set apart to measure a full line."""
    printed = printed or Printed()
    return run_steps(layout_steps(is_word, printed), number_lines(text))


def layout_steps(is_word: Callable[[str], bool], printed: Printed) -> tuple[Step[Lines], ...]:
    """The layout repairs in the order `lay_out` runs them, with what each needs of the text."""
    return (
        step(break_where_printed, printed),
        step(remove_page_furniture, printed.furniture, printed.boxes),
        step(gather_fact_years),
        step(separate_front_matter),
        step(rejoin_drop_caps, is_word, printed.drop_caps),
        step(set_apart_pull_quote_lines, printed.quotes),
        step(rejoin_bullets),
        step(rejoin_note_numbers),
        step(separate_notes),
        step(rebuild_box_table),
        step(find_box_items, printed.boxes),
        step(part_items_by_case, printed.boxes),
        step(read_small_capitals, is_word),
        step(separate_headings),
        step(separate_run_in_headings),
        step(infer_paragraph_breaks, printed.full),
    )
