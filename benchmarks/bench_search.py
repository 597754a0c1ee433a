"""Keystroke search speed: median and p95 of ``Store.search`` at 100k and 1M claims.

Every query is typed one keystroke at a time (each prefix is a query, as the reader
sends them), plus misspellings that take the spelling fallback. Generated stores are
cached under ``bench-data/`` (see :mod:`benchmarks.stores`).

    python -m benchmarks --only search          # 100k and 1M claims
    python -m benchmarks --only search --quick  # 20k claims
"""

from __future__ import annotations

import time

from claimdesk.store import Store

from .common import Timing, ms, report, summarise
from .stores import cached_store

TYPED = [
    "zelensky",
    "people wounded in",
    "north korean soldiers",
    "3,000 people",
    "the ministry of health said",
    "according to",
    "benghazi",
    "at least one hundred",
]
"""Queries typed letter by letter: every prefix is timed."""

MISSPELLED = ["zelenskyi", "benghasi", "wonded", "minstry of helth", "valencai", "kidnaped"]
"""Queries with words missing from the index (the spelling fallback runs)."""


def keystrokes(queries: list[str]) -> list[str]:
    """Every prefix of every query, as typed."""
    return [q[:n] for q in queries for n in range(1, len(q) + 1)]


def search_seconds(
    store: Store, queries: list[str], repeat: int = 3
) -> tuple[list[float], list[float]]:
    """Each query ``repeat`` times: the seconds of each query's first run, and of its best
    run (the best run shows the query's own cost on a machine busy with other work)."""
    first, best = [], []
    for query in queries:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            store.search(query)
            runs.append(time.perf_counter() - start)
        first.append(runs[0])
        best.append(min(runs))
    return first, best


def timings(store: Store, queries: list[str], repeat: int = 3) -> tuple[Timing, Timing]:
    """:func:`search_seconds`, summarised: the first runs' timings, and the best runs'."""
    first, best = search_seconds(store, queries, repeat)
    return summarise(first), summarise(best)


def measure(claims: int) -> None:
    """Time every keystroke query and every misspelling on a store of ``claims`` claims."""
    store = cached_store(claims)
    typed = keystrokes(TYPED)
    store.search(typed[0])  # open the connection and warm the page cache
    start = time.perf_counter()
    store.prepare_search()  # what the reader does in a worker at start-up
    vocabulary_load = time.perf_counter() - start
    prefix, prefix_best = timings(store, typed)
    fuzzy, fuzzy_best = timings(store, keystrokes(MISSPELLED))
    report(
        f"search, {claims:,} claims",
        {
            "keystroke queries": prefix.runs,
            "keystroke median": ms(prefix.median),
            "keystroke p95": ms(prefix.p95),
            "keystroke worst": ms(prefix.worst),
            "keystroke median (best of 3)": ms(prefix_best.median),
            "keystroke p95 (best of 3)": ms(prefix_best.p95),
            "misspelled queries": fuzzy.runs,
            "misspelled median": ms(fuzzy.median),
            "misspelled p95": ms(fuzzy.p95),
            "misspelled p95 (best of 3)": ms(fuzzy_best.p95),
            "vocabulary load": ms(vocabulary_load),
        },
    )
    store.close()


def run(args) -> None:
    """Benchmark entry point (``args.quick``: one small store)."""
    for claims in [20_000] if getattr(args, "quick", False) else [100_000, 1_000_000]:
        measure(claims)
