"""Check-worthiness on labelled sentences: the scorer ingest uses, run on every gold sentence.

Each sentence goes through the extractor for its features and through
:func:`claimdesk.store.extract.checkworthy.score`, exactly as during ingest. Figures are the shared scorer's:
P / R / F1 of ``is_claim``, AP of ``score`` and mean per-group AP.

>>> rows = [{"id": "a", "text": "Prices rose 40% in 2020.", "label": 1, "group": "g"},
...         {"id": "b", "text": "Thank you.", "label": 0, "group": "g"}]
>>> predictions = predict(rows)
>>> sorted(predictions[0]) == ["id", "is_claim", "score"]
True
>>> score(rows, predictions)["mean_group_ap"]
1.0
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimdesk.store.evaluation.metrics import detect_metrics
from claimdesk.store.extract import checkworthy
from claimdesk.store.extract.model_inputs import features_of_text

FIGURES: tuple[str, ...] = ("precision", "recall", "f1", "ap", "mean_group_ap", "missing")
"""The figures of the summary line, in the shared scorer's order."""


def predict_one(text: str) -> dict[str, Any]:
    """``{"score", "is_claim"}`` for one bare sentence, as ingest would score it."""
    value = checkworthy.score(text, features_of_text(text))
    return {"score": round(value, 6), "is_claim": value >= checkworthy.CHECK_WORTHY_THRESHOLD}


def predict(
    rows: Sequence[dict[str, Any]], progress: Callable[[int], None] | None = None
) -> list[dict[str, Any]]:
    """One ``{"id", "score", "is_claim"}`` prediction per row with ``id`` and ``text``.

    ``progress(n)`` is called every few hundred rows with how many were just done.
    """
    out = []
    pending = 0
    for row in rows:
        out.append({"id": str(row["id"]), **predict_one(str(row["text"]))})
        pending += 1
        if progress is not None and pending >= 250:
            progress(pending)
            pending = 0
    if progress is not None and pending:
        progress(pending)
    return out


def has_labels(rows: Sequence[dict[str, Any]]) -> bool:
    """True when every row carries a gold ``label``."""
    return bool(rows) and all("label" in r for r in rows)


def score(rows: Sequence[dict[str, Any]], predictions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The shared scorer's detect figures for ``predictions`` against gold ``rows``."""
    return detect_metrics(rows, {p["id"]: p for p in predictions})


def trained_on(path: str | Path) -> bool:
    """True when ``path`` is byte-identical to a file the shipped model was trained on
    (its figures are then in-sample, not a measure of accuracy)."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return any(d.get("sha256") == digest for d in checkworthy.model().meta.get("data", []))
