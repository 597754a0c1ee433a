"""One store's keystroke search and related claims, timed in a process of its own.

``python -m benchmarks.desk_probe STORE CLAIM_IDS_JSON`` opens ``STORE`` (a file or a
``postgresql://`` URL), warms it (:func:`benchmarks.bench_desk.warm`), and prints
one JSON object: the seconds of each keystroke's first run and best of 3, and of each
claim's related claims. A desk's reader works one store in one process; timing each store
in a fresh process keeps the other's work (its caches, its heap) out of its figures.
"""

from __future__ import annotations

import json
import sys
import time

from claimdesk.store import Store

from .bench_desk import warm
from .bench_search import TYPED, keystrokes, search_seconds


def probe(location: str, claims: list[int], repeat: int = 3) -> dict[str, list[float]]:
    """The timings of one store (see the module's docstring)."""
    store = Store.open(location)
    typed = keystrokes(TYPED)
    store.search(typed[0])
    store.prepare_search()
    store.related_engine.refresh()
    warm(store, typed, claims)
    first, best = search_seconds(store, typed, repeat)
    related = []
    for i in claims:
        start = time.perf_counter()
        store.related(i + 1, limit=10)
        related.append(time.perf_counter() - start)
    store.close()
    return {"first": first, "best": best, "related": related}


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1], json.loads(sys.argv[2]))))
