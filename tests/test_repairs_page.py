"""The editors' page "How texts are repaired" is made from the steps themselves: every step of the
layout and repair stages, in the order they run, with what it undoes and its examples (a change it
makes, one it does not), and every kind of change with what readers are told."""

from __future__ import annotations

import re

from cancun_reader.core.kinds import Kind
from cancun_reader.site.repairs_page import render_repairs_page, steps_in_order


def test_the_page_lists_every_step_in_order_with_its_examples_and_every_kind() -> None:
    page = render_repairs_page()
    steps = [each for _, stage in steps_in_order() for each in stage]
    listed = re.findall(r"^### `(\w+)`$", page, re.M)
    assert listed == [each.name for each in steps] and len(listed) >= 30
    for section in page.split("\n### ")[1:]:
        name = section.split("`")[1]
        assert "A change it makes:" in section and "One it does not make:" in section, name
        assert section.count(">>> ") >= 2, name
    for kind in Kind:
        assert f"| {kind} | {kind.said} |" in page.replace("\\", ""), kind
