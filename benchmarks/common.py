"""Timing helpers shared by the ``bench_*`` modules.

>>> timing = time_runs(lambda: sum(range(1000)), repeat=5)
>>> timing.runs, timing.median <= timing.p95
(5, True)
>>> report("example", {"docs/s": 1234.5, "median": ms(0.0021)})  # doctest: +NORMALIZE_WHITESPACE
example
  docs/s   1,234.5
  median   2.10 ms
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Timing:
    """Seconds per run over ``runs`` runs: median, 95th percentile, fastest and slowest."""

    runs: int
    median: float
    p95: float
    best: float
    worst: float


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0..100) of ``values``, by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summarise(seconds: list[float]) -> Timing:
    """A :class:`Timing` from a list of per-run durations."""
    return Timing(
        runs=len(seconds),
        median=statistics.median(seconds) if seconds else 0.0,
        p95=percentile(seconds, 95),
        best=min(seconds, default=0.0),
        worst=max(seconds, default=0.0),
    )


def time_runs(fn: Callable[[], object], repeat: int = 20, warmup: int = 1) -> Timing:
    """Call ``fn`` ``warmup`` times untimed, then ``repeat`` times timed."""
    for _ in range(warmup):
        fn()
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - start)
    return summarise(seconds)


def time_each(fn: Callable[[object], object], inputs: list) -> Timing:
    """Call ``fn(x)`` once for every input (for example every query) and time each call."""
    seconds = []
    for item in inputs:
        start = time.perf_counter()
        fn(item)
        seconds.append(time.perf_counter() - start)
    return summarise(seconds)


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as elapsed: ...`` then ``elapsed[0]`` holds the seconds taken."""
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def cpu_stopwatch() -> Iterator[list[float]]:
    """Like :func:`stopwatch`, but ``[wall seconds, CPU seconds]`` (worker processes included).

    CPU seconds do not depend on how busy the machine is: on an idle machine
    with N cores, parallel work takes about CPU seconds / N of wall time.
    """
    box: list[float] = []
    start, start_cpu = time.perf_counter(), cpu_seconds()
    try:
        yield box
    finally:
        box.extend((time.perf_counter() - start, cpu_seconds() - start_cpu))


@contextmanager
def scratch_dir(prefix: str = "claimdesk-bench-") -> Iterator[Path]:
    """A temporary directory removed afterwards (stores and files for one benchmark)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        yield Path(name)


class Quantity(str):
    """A figure already formatted with its unit (see :func:`ms`)."""


def ms(seconds: float) -> Quantity:
    """Seconds formatted as milliseconds: ``ms(0.0021) == '2.10 ms'``."""
    return Quantity(f"{seconds * 1000:.2f} ms")


def _format(value: object) -> str:
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.3g}"
    return str(value)


def report(name: str, figures: dict[str, object]) -> None:
    """Print ``name`` and its figures as aligned plain text, one figure a line."""
    print(name)
    if not figures:
        return
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"  {key.ljust(width)}   {_format(value)}")
