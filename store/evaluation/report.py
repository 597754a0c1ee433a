"""Scoring prediction files as the reference scorer does, and printing the figures.

>>> FINAL["retrieve"][:3]
('map@1', 'map@3', 'map@5')
>>> summary_line({"map@5": 0.8, "missing": 0}, ("map@5", "missing"))
'map@5=0.8000 missing=0'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimdesk.store.evaluation import metrics, span_metrics
from claimdesk.store.evaluation.jsonl import index_by, read_jsonl, read_qrels

FINAL: dict[str, tuple[str, ...]] = {
    "retrieve": ("map@1", "map@3", "map@5", "map@10", "recall@10", "mrr", "missing"),
    "crossdoc": (
        "hit@1",
        "hit@10",
        "mrr",
        "claims_scored",
        "mention_hit@1",
        "mention_hit@10",
        "mention_mrr",
        "missing",
    ),
    "pairs": ("roc_auc", "best_f1", "best_accuracy", "missing"),
    "detect": ("precision", "recall", "f1", "ap", "mean_group_ap", "missing"),
    "relations": (
        "accuracy",
        "macro_f1",
        "contradicts_precision",
        "contradicts_recall",
        "false_alarms",
    ),
}
"""The figures each task reports on its last line, in order."""


def final_keys(task: str, result: dict[str, Any]) -> tuple[str, ...]:
    """The keys of ``task``'s last line for ``result`` (pairs add the fixed-threshold figures)."""
    if task == "pairs" and "f1_at_threshold" in result:
        return FINAL["pairs"] + ("f1_at_threshold", "accuracy_at_threshold")
    return FINAL[task]


def score_files(
    task: str, gold: str | Path, predictions: str | Path, threshold: float | None = None
) -> dict[str, Any]:
    """Score a prediction file against a gold file (``qrels.tsv`` for retrieve, ``mentions.jsonl``
    for crossdoc), with the same rules as the reference scorer."""
    if task == "retrieve":
        rows, _ = index_by(read_jsonl(predictions), "query")
        return metrics.retrieve_metrics(
            read_qrels(gold), {q: r.get("ranked", []) for q, r in rows.items()}
        )
    if task == "crossdoc":
        return span_metrics.crossdoc_metrics(read_jsonl(gold), read_jsonl(predictions))
    if task == "pairs":
        rows, _ = index_by(read_jsonl(predictions), "id")
        scores = {k: r.get("score") for k, r in rows.items()}
        return metrics.pairs_metrics(read_jsonl(gold), scores, threshold)
    if task == "detect":
        rows, _ = index_by(read_jsonl(predictions), "id")
        return metrics.detect_metrics(read_jsonl(gold), rows)
    if task == "attribution":
        rows, _ = index_by(read_jsonl(predictions), "id")
        return span_metrics.attribution_metrics(read_jsonl(gold), rows)
    if task == "relations":
        from claimdesk.store.evaluation.claim_relations import relations_metrics

        rows, _ = index_by(read_jsonl(predictions), "id")
        predicted = {k: str(r.get("relation", "")) for k, r in rows.items()}
        return relations_metrics(read_jsonl(gold), predicted)
    raise ValueError(f"unknown evaluation task {task!r}")


def fmt(value: Any) -> str:
    """A figure as the reference scorer prints it (four decimals for floats)."""
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def summary_line(result: dict[str, Any], keys: Sequence[str]) -> str:
    """``metric=value metric=value ...`` for the given keys."""
    return " ".join(f"{k}={fmt(result[k])}" for k in keys if k in result)
