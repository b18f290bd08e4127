"""The layout stage's doctests start from a text's numbered lines, as `lay_out` does."""

import pytest

from cancun_reader.text.layout.lines import number_lines, pages_of


@pytest.fixture(autouse=True)
def lines_helpers(doctest_namespace: dict) -> None:
    doctest_namespace.update(number_lines=number_lines, pages_of=pages_of)
