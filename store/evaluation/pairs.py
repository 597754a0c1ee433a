"""A similarity score for sentence pairs (``claimdesk eval pairs``).

Gold lines are ``{"id", "a", "b", "label"}``; each pair gets the related-claims
engine's similarity (0..100), and the baseline rapidfuzz ``token_set_ratio`` of
the folded texts.

>>> rows = [{"id": "1", "a": "40 people died.", "b": "Forty people died.", "label": 1}]
>>> [p["id"] for p in score_pairs(rows, method="fuzzy")]
['1']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz

from claimdesk.store.evaluation.retrieve import Progress
from claimdesk.store.folding import fold
from claimdesk.store.related.similarity import similarity


def fuzzy_similarity(a: str, b: str) -> float:
    """The baseline: rapidfuzz ``token_set_ratio`` of the folded texts (0..100)."""
    return fuzz.token_set_ratio(fold(a), fold(b))


def engine_similarity(a: str, b: str) -> float:
    """The related-claims engine's pair similarity (0..100)."""
    return similarity(a, b)


SCORERS: dict[str, Callable[[str, str], float]] = {
    "engine": engine_similarity,
    "fuzzy": fuzzy_similarity,
}


def score_pairs(
    rows: Sequence[dict[str, Any]], *, method: str = "engine", progress: Progress | None = None
) -> list[dict[str, Any]]:
    """One prediction ``{"id", "score"}`` per pair, in input order."""
    scorer = SCORERS[method]
    out = []
    for row in rows:
        out.append({"id": str(row["id"]), "score": float(scorer(str(row["a"]), str(row["b"])))})
        if progress:
            progress(1)
    return out
