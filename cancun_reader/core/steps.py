"""Steps as data: a stage's repairs, each a named step, and the one loop that runs them in order,
collecting what each changed. The layout stage runs steps on a text's lines, the repair stage on
its blocks; tests run a stage up to a step by its name, and the site lists the steps by theirs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from cancun_reader.core.model import Repair

T = TypeVar("T")


@dataclass(frozen=True)
class Step(Generic[T]):
    """One repair of a stage: its name (its function's) and what it does, `T → (T, repairs)`, with
    what it needs from the text (the words it knows, what the PDF's page shows) bound in; `function`
    is the repair itself, whose docstring says what it undoes."""

    name: str
    run: Callable[[T], tuple[T, list[Repair]]]
    function: Callable[..., Any]


def step(function: Callable[..., Any], *bound: Any, **named: Any) -> Step:
    """A step named after its function, with the arguments it takes after the lines or blocks.

    >>> def drop_blank(lines, keep=0): return [l for l in lines if l or keep], []
    >>> step(drop_blank, keep=0).name, step(drop_blank).run(["a", "", "b"])
    ('drop_blank', (['a', 'b'], []))
    """
    run = partial(_call_with, function, bound, named) if bound or named else function
    return Step(function.__name__, run, function)


def _call_with(function: Callable[..., Any], bound: tuple, named: dict, value: Any) -> Any:
    return function(value, *bound, **named)


def run_steps(steps: Sequence[Step[T]], value: T, until: str = "") -> tuple[T, list[Repair]]:
    """Every step in order (or up to and including the one named `until`), and what each changed.

    >>> steps = [step(lambda v: (v + 1, []))] * 2
    >>> run_steps(steps, 1)
    (3, [])

    Negative: a step no stage has cannot be run to.
    >>> run_steps(steps, 1, until="nothing")
    Traceback (most recent call last):
    ValueError: no step named 'nothing'
    """
    done: list[Repair] = []
    for each in steps:
        value, repairs = each.run(value)
        done.extend(repairs)
        if each.name == until:
            return value, done
    if until:
        raise ValueError(f"no step named {until!r}")
    return value, done
