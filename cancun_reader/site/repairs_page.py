"""The editors' page that says how texts are repaired, made at every build from the code itself,
as ftfy documents its fixers from their docstrings: every step of the layout and repair stages in
the order they run, each with what it undoes (its docstring's first paragraph) and its examples (a
change it makes, and one it does not make), then every kind of change a page may show, with the
words readers are told and how the page marks it."""

from __future__ import annotations

import doctest
import inspect
from collections.abc import Callable

from cancun_reader.core.escape import escape_text
from cancun_reader.core.kinds import Kind
from cancun_reader.core.model import Entry, Printed
from cancun_reader.core.steps import Step
from cancun_reader.text.layout import layout_steps
from cancun_reader.text.repair import repairs_for

PAGE = "repairs.md"


def steps_in_order() -> tuple[tuple[str, tuple[Step, ...]], ...]:
    """Each stage's steps, as they run on every text (what they are given of a text left out)."""
    entry = Entry(file="text.txt", slug="text", title="Text")
    return (
        ("On the lines of a text, before any paragraph exists", layout_steps(lambda word: True, Printed())),
        ("On its blocks: paragraphs, headings, lists, tables", repairs_for(entry, frozenset())),
    )


def first_paragraph(function: Callable) -> str:
    """What a step undoes: the first paragraph of its docstring, on one line.

    >>> def f():
    ...     '''Joins what was cut,
    ...     at a line end.
    ...
    ...     More.'''
    >>> first_paragraph(f)
    'Joins what was cut, at a line end.'
    """
    return " ".join((inspect.getdoc(function) or "").split("\n\n")[0].split())


def session(examples: list[doctest.Example]) -> list[doctest.Example]:
    """The examples up to the first that shows a result (those before it set it up)."""
    shown = next((i for i, example in enumerate(examples) if example.want), None)
    return examples[: shown + 1] if shown is not None else []


def examples(function: Callable) -> tuple[list[doctest.Example], list[doctest.Example]]:
    """A step's first example (with what sets it up), and its first after the word `Negative`: a
    change it makes, and one it does not make.

    >>> def f():
    ...     '''Does it.
    ...
    ...     >>> x = 1
    ...     >>> x + 1
    ...     2
    ...
    ...     Negative: not this.
    ...     >>> x - 1
    ...     0
    ...     '''
    >>> [[e.source.strip() for e in shown] for shown in examples(f)]
    [['x = 1', 'x + 1'], ['x - 1']]
    """
    doc = inspect.getdoc(function) or ""
    head, _, negative = doc.partition("Negative")
    parser = doctest.DocTestParser()
    return session(parser.get_examples(head)), session(parser.get_examples(negative))


def render_example(label: str, shown: list[doctest.Example]) -> str:
    if not shown:
        return ""
    lines = "".join(
        "".join(f">>> {line}\n" for line in example.source.rstrip("\n").split("\n")) + example.want
        for example in shown
    )
    return f"{label}:\n\n```text\n{lines.rstrip()}\n```\n"  # plain: the theme's colours of code fail contrast


def render_step(each: Step) -> str:
    made, not_made = examples(each.function)
    return "\n".join(
        part
        for part in (
            f"### `{each.name}`\n",
            first_paragraph(each.function) + "\n",  # the code's own words, Markdown as written
            render_example("A change it makes", made),
            render_example("One it does not make", not_made),
        )
        if part
    )


def render_repairs_page() -> str:
    parts = [
        "---\ntitle: How texts are repaired\n---\n",
        "# How texts are repaired\n",
        "Every text goes through the same steps, in this order; none knows a particular text. Each "
        "undoes one kind of damage a print layout or an extraction does, and records every change it "
        "makes, which the text's page shows where it was made. This page is made from the steps "
        "themselves at every build: what each says it undoes, and its own examples.\n",
    ]
    for stage, steps in steps_in_order():
        parts.append(f"## {stage}\n")
        parts += [render_step(each) for each in steps]
    rows = [f"| {escape_text(kind)} | {escape_text(kind.said)} | {kind.mark} |" for kind in Kind]
    parts += [
        "## The kinds of change\n",
        "What each kind of change is called where it is recorded, what readers are told it did, and "
        "how the page marks it where it was made.\n",
        "| Kind | What readers are told | Marked |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n",
    ]
    return "\n".join(parts)
