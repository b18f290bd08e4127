"""Many texts converted on every core: a cold build of a large collection (the first build, or one
with no cache) spreads its texts over a pool of processes. Each text is converted on its own, so
the pages are the same, byte for byte, whichever process converted it; the results come back in
the order of the catalog. A few texts are converted in the build's own process: starting the pool
costs more than it saves. So are all texts of a process that runs threads (`mkdocs serve`): the
pool's processes are forked, which is safe only from a process with one thread."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

POOL_FROM = 40
"""From this many texts to convert, a pool of processes converts them."""


def workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_in_order(work: Callable[[Item], Result], items: list[Item]) -> Iterator[Result]:
    """`work` applied to every item, in their order: in a pool of forked processes when there are
    enough items and cores and this process has one thread, here otherwise. `work` (a function of
    the module, or a partial of one) goes with each chunk of items, so it must be small: what
    differs from item to item goes in the items."""
    cores = workers()
    if len(items) < POOL_FROM or cores < 2 or threading.active_count() > 1:
        yield from map(work, items)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(cores, mp_context=context) as pool:
        yield from pool.map(work, items, chunksize=max(1, len(items) // (cores * 8)))
