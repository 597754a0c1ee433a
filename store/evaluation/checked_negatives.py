"""Known fact-checks asked for news claims that none of them checked (``eval checked --negatives``).

The CLEF-2020 queries always have their fact-check in the pool, so they say how often
the right one is shown, never how often a wrong one is. Claims of real news reports
(the crossdoc ``docs.jsonl`` sets) against the same pool answer that: their
documents go into the same throwaway store through claimdesk's own extraction, and
every claim is asked as the related pane asks it
(:meth:`~claimdesk.store.Store.checked_before`). The pool is taken to hold no
fact-check of any of them, so every claim shown something is counted as a wrong
showing; the predictions keep what was shown, for reading.

>>> from claimdesk.store.evaluation.checked import import_pool, throwaway_store
>>> pool = [{"id": "a", "text": "Sharks swam on a flooded highway in Houston.", "title": ""}]
>>> docs = [{"id": "d", "text": "Parliament passed the harbour budget on Monday."}]
>>> with throwaway_store() as store:
...     ids = import_pool(store, pool)
...     asked = ask_claims(store, ids, docs)
>>> [(p["doc"], p["shown"]) for p in asked]
[('d', [])]
>>> shown_metrics(asked)["shown_rate"]
0.0
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Mapping, Sequence
from typing import Any

from claimdesk.store.evaluation.crossdoc import load_documents
from claimdesk.store.evaluation.retrieve import Progress
from claimdesk.store.store import Store

__all__ = ["ask_claims", "combined_precision", "shown_metrics"]


def ask_claims(
    store: Store,
    pool_ids: Mapping[int, str],
    docs: Sequence[dict[str, Any]],
    *,
    limit: int = 5,
    sample: int | None = None,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Add ``docs`` and ask every claim (or a seeded ``sample`` of them); one prediction a
    claim: ``{"doc", "claim", "text", "shown", "ms"}`` (``shown``: pool ids and texts)."""
    source_ids, _ = load_documents(store, docs)
    claims = [(doc, c) for doc in source_ids for c in store.claims(doc)]
    if sample is not None and sample < len(claims):
        claims = random.Random(0).sample(claims, sample)
    predictions = []
    for doc_id, claim in claims:
        start = time.process_time()
        found = store.checked_before(claim.id, limit)
        elapsed = time.process_time() - start
        predictions.append(
            {
                "doc": source_ids[doc_id],
                "claim": claim.id,
                "text": claim.text,
                "shown": [
                    {"id": pool_ids.get(k.factcheck.id, ""), "text": k.factcheck.claim}
                    for k in found
                ],
                "ms": round(elapsed * 1000, 2),
            }
        )
        if progress:
            progress(1)
    return predictions


def shown_metrics(predictions: Sequence[dict[str, Any]]) -> dict[str, float]:
    """``claims``, ``shown_rate`` (share of claims shown any fact-check: all wrong here),
    ``shown_per_claim`` and ``median_ms``."""
    n = len(predictions)
    shown = [len(p["shown"]) for p in predictions]
    return {
        "claims": float(n),
        "shown_rate": sum(1 for s in shown if s) / n if n else 0.0,
        "shown_per_claim": sum(shown) / n if n else 0.0,
        "median_ms": statistics.median(p["ms"] for p in predictions) if n else 0.0,
    }


def combined_precision(
    qrels: Mapping[str, set[str]],
    positives: Sequence[dict[str, Any]],
    negatives: Sequence[dict[str, Any]],
) -> dict[str, float]:
    """What the pane's first item is worth over both kinds of claim: ``precision`` (share of
    the first items shown that are right, the negatives' all wrong) and ``coverage``
    (share of the positive queries whose first shown item is right)."""
    asked = [p for p in positives if p["query"] in qrels]
    shown = [p for p in asked if p["shown"]]
    right = sum(1 for p in shown if p["shown"][0] in qrels[p["query"]])
    wrong_negatives = sum(1 for p in negatives if p["shown"])
    count = len(shown) + wrong_negatives
    return {
        "precision": right / count if count else 0.0,
        "coverage": right / len(asked) if asked else 0.0,
    }
