"""What earlier lookups found: the share of rows that matched each recent query, so the next
keystroke's lookup is planned from it rather than from word counts alone.

Typing extends a query a letter at a time, and its words are seldom independent: "more
than" matched 6,229 of 100,000 claims where the word counts suggested 2,200, so "more than 2"
was looked up through the GIN index (14 ms) instead of in the newest rows (2 ms). Remembered
shares only steer how rows are found, never which rows are found.

>>> memory = LookupMemory()
>>> memory.remember('"more" AND "than"', 0.0623, 12_469)
>>> memory.recall('"more" AND "than"', 12_469, 100_000)
0.0623
>>> round(memory.recall('"more" AND "than" AND "2"*', 73_394, 100_000), 4)
0.0457
>>> memory.remember('"least" AND "on"*', 0.1525, 104_187)
>>> round(memory.recall('"least" AND "one"*', 4_187, 100_000), 4)
0.0061
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable

from claimdesk.store.database.handle import Database
from claimdesk.store.database.postgres.tsquery import and_groups

SIZE = 512
"""How many queries are remembered (the oldest are forgotten first)."""

LIFETIME = 600.0
"""Seconds a share is trusted: the store changes under it, slowly."""


class LookupMemory:
    """Recent queries' shares of matching rows, for one table of one store."""

    def __init__(self, split: Callable[[str], list[str]] | None = None) -> None:
        self._shares: OrderedDict[str, tuple[float, int, float]] = OrderedDict()
        self._split = split or _split_and
        self._lock = threading.Lock()

    def remember(self, match: str, share: float, last_rows: int) -> None:
        """``match`` matched ``share`` of the rows; ``last_rows``: how many hold its last word."""
        with self._lock:
            self._shares[match] = (share, last_rows, time.monotonic())
            self._shares.move_to_end(match)
            while len(self._shares) > SIZE:
                self._shares.popitem(last=False)

    def knows(self, match: str) -> bool:
        """Whether ``match`` itself was looked up lately (its share is measured, not derived)."""
        return self._get(match) is not None

    def recall(self, match: str, last_rows: int, total: float) -> float | None:
        """The share of rows ``match`` is expected to match (``last_rows``: how many hold its
        last word): its own if remembered (see :meth:`knows`), else derived from the query
        before its last word, or before the last letters of a last word typed as a prefix,
        as if that word were independent of the others (the caller weighs this against the
        words' counts); None if neither is known."""
        known = self._get(match)
        if known is not None:
            return known[0]
        groups = self._split(match)
        if len(groups) < 2 or not total:
            return None
        head, last = " AND ".join(groups[:-1]), groups[-1]
        word = last[1:-2] if last.startswith('"') and last.endswith('"*') else ""
        if word.isalnum():
            for end in range(len(word) - 1, 0, -1):
                shorter = self._get(f'{head} AND "{word[:end]}"*')
                if shorter is not None and shorter[1]:
                    # no more rows than the shorter prefix matched: fewer by its share of
                    # that prefix's rows, were the words independent
                    return shorter[0] * min(last_rows / shorter[1], 1.0)
        before = self._get(head)
        if before is None:
            return None
        return before[0] * min(max(last_rows, 1) / total, 1.0)

    def forget(self) -> None:
        """Forget every share (benchmarks time lookups planned from word counts)."""
        with self._lock:
            self._shares.clear()

    def _get(self, match: str) -> tuple[float, int, float] | None:
        with self._lock:
            known = self._shares.get(match)
            if known is None or time.monotonic() - known[2] > LIFETIME:
                return None
            return known


def _split_and(match: str) -> list[str]:
    return [part.strip() for part in match.split(" AND ")]


_MEMORIES: weakref.WeakKeyDictionary[Database, dict[str, LookupMemory]] = (
    weakref.WeakKeyDictionary()
)
"""Per connection and table: what its recent lookups found."""


def memory_for(db: Database, table: str) -> LookupMemory:
    """What the recent lookups in ``table``'s index on the connection ``db`` found."""
    tables = _MEMORIES.setdefault(db, {})
    memory = tables.get(table)
    if memory is None:
        memory = tables[table] = LookupMemory(and_groups)
    return memory


def forget_lookups(db: Database) -> None:
    """Forget what the lookups on ``db`` found (benchmarks time lookups planned afresh)."""
    for memory in _MEMORIES.get(db, {}).values():
        memory.forget()
