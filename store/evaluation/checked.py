"""Known fact-checks through the product path (``claimdesk eval checked``).

The pool of checked claims (``corpus.jsonl``: ``id``, ``text``, ``title``) is written
as a CSV file (``id``, ``claim``, ``title``) and imported as known fact-checks, as
``claimdesk factchecks add`` would; every query is then asked as ``claimdesk checked
--text`` asks it (:meth:`~claimdesk.store.Store.checked_before_text`, every match,
each marked with the abstain rule). Figures: the retrieval measures over every match
and over the shown ones only, recall@5, how many are shown per query and how many of
those are right, the share of queries where nothing is shown, and query time.

>>> pool = [{"id": "a", "text": "Sharks swam on a flooded highway.", "title": "Highway Shark?"},
...         {"id": "b", "text": "The bridge was sold twice.", "title": ""}]
>>> with throwaway_store() as store:
...     ids = import_pool(store, pool)
...     [p["ranked"] for p in ask_queries(store, ids, [{"id": "q", "text": "shark on the highway!"}])]
[['a']]
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from claimdesk.store.evaluation import metrics
from claimdesk.store.evaluation.retrieve import Progress, throwaway_store
from claimdesk.store.store import Store

__all__ = ["ask_queries", "checked_metrics", "import_pool", "throwaway_store"]

KEY_PREFIX = "id:"
"""A fact-check imported with an ``id`` column is keyed ``id:<id>`` (``FactCheckInput.key``)."""


def import_pool(store: Store, rows: Sequence[dict[str, Any]]) -> dict[int, str]:
    """Import the pool through the CSV path; returns ``{fact-check id: pool id}``."""
    with tempfile.TemporaryDirectory(prefix="claimdesk-pool-") as tmp:
        path = Path(tmp) / "pool.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "claim", "title"])
            for row in rows:
                writer.writerow([row["id"], row.get("text") or "", row.get("title") or ""])
        store.import_factchecks(path)
    return {
        check.id: check.key.removeprefix(KEY_PREFIX)
        for check in store.factchecks()
        if check.key.startswith(KEY_PREFIX)
    }


def ask_queries(
    store: Store,
    pool_ids: Mapping[int, str],
    queries: Sequence[dict[str, Any]],
    *,
    limit: int = 10,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """One prediction a query: ``{"query", "ranked", "shown", "ms"}``: every match (pool
    ids, best first), the ones the abstain rule shows, and the query's CPU time."""
    store.checked_before_text("warm", 1)  # load the term tables outside the timings
    predictions = []
    for query in queries:
        start = time.process_time()
        found = store.checked_before_text(str(query["text"]), limit, include_weak=True)
        elapsed = time.process_time() - start
        ranked = [(pool_ids[k.factcheck.id], k.confident) for k in found]
        predictions.append(
            {
                "query": str(query["id"]),
                "ranked": [pool_id for pool_id, _ in ranked],
                "shown": [pool_id for pool_id, sure in ranked if sure],
                "ms": round(elapsed * 1000, 2),
            }
        )
        if progress:
            progress(1)
    return predictions


def _recall(qrels: Mapping[str, set[str]], rankings: Mapping[str, list[str]], k: int) -> float:
    found = [len(rel & set(rankings.get(q, [])[:k])) / len(rel) for q, rel in qrels.items()]
    return sum(found) / len(found) if found else 0.0


def checked_metrics(
    qrels: Mapping[str, set[str]], predictions: Sequence[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Figures of every match (``all``) and of the shown ones (``shown``), over the queries
    in ``qrels``; ``shown`` adds what the pane shows of the first five."""
    every = {p["query"]: p["ranked"] for p in predictions}
    shown = {p["query"]: p["shown"] for p in predictions}
    result = {"all": metrics.retrieve_metrics(qrels, every)}
    result["all"]["recall@5"] = _recall(qrels, every, 5)
    result["shown"] = metrics.retrieve_metrics(qrels, shown)
    result["shown"]["recall@5"] = _recall(qrels, shown, 5)
    asked = [q for q in qrels if q in shown]
    first_five = {q: shown[q][:5] for q in asked}
    count = sum(len(v) for v in first_five.values())
    right = sum(len(set(v) & qrels[q]) for q, v in first_five.items())
    result["shown"]["shown_per_query"] = count / len(asked) if asked else 0.0
    result["shown"]["shown_right"] = right / count if count else 0.0
    result["shown"]["abstained"] = (
        sum(1 for v in first_five.values() if not v) / len(asked) if asked else 0.0
    )
    times = [p["ms"] for p in predictions]
    for part in result.values():
        part["median_ms"] = statistics.median(times) if times else 0.0
    return result
