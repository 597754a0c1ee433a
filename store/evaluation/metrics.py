"""Evaluation metrics, defined exactly as the evaluation sets' reference scorer defines them.

Every function takes plain Python data (gold rows, predictions) and returns a dict of
figures, so commands can print them and tests can compare them with the reference.

>>> retrieve_metrics({"q1": {"a"}}, {"q1": ["b", "a"]})["map@5"]
0.5
>>> round(roc_auc([0.9, 0.1, 0.5], [1, 0, 1]), 3)
1.0
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

NEG_INF = float("-inf")
POS_INF = float("inf")
RETRIEVE_KS = (1, 3, 5, 10)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """AP of a ranking by score (descending); tied scores form one threshold step.

    ``None`` when there is no positive label.
    """
    positives = sum(labels)
    if positives == 0:
        return None
    ranked = sorted(zip(scores, labels, strict=True), key=lambda x: -x[0])
    ap, tp, fp, prev_recall = 0.0, 0, 0, 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            tp += 1 if ranked[j][1] else 0
            fp += 0 if ranked[j][1] else 1
            j += 1
        recall = tp / positives
        ap += (recall - prev_recall) * tp / (tp + fp)
        prev_recall = recall
        i = j
    return ap


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """Mann-Whitney ROC-AUC with average ranks for ties; ``None`` if one class is absent."""
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    order = sorted(range(len(scores)), key=lambda k: scores[k])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            j += 1
        for k in range(i, j):
            ranks[order[k]] = (i + j + 1) / 2.0
        i = j
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


# -- retrieve ------------------------------------------------------------------


def dedupe(ids: Iterable[Any]) -> tuple[list[str], int]:
    """Ids as strings in first-seen order, and how many repeats were dropped."""
    seen: set[str] = set()
    out: list[str] = []
    repeats = 0
    for item in ids:
        item = str(item)
        if item in seen:
            repeats += 1
        else:
            seen.add(item)
            out.append(item)
    return out, repeats


def retrieve_metrics(
    qrels: Mapping[str, set[str]], rankings: Mapping[str, Sequence[Any]]
) -> dict[str, Any]:
    """MAP@1/3/5/10 (CLEF-2020 Task 2), recall@10, MRR and P@1 over the queries in ``qrels``.

    MAP@k sums the precision at each relevant rank within the top k and divides by the
    query's number of relevant ids. Queries without a ranking count as misses.
    """
    sums = {f"map@{k}": 0.0 for k in RETRIEVE_KS} | {"recall@10": 0.0, "mrr": 0.0, "p@1": 0.0}
    missing = repeats = 0
    for query, relevant in qrels.items():
        if query not in rankings:
            missing += 1
            continue
        ranked, dropped = dedupe(rankings[query])
        repeats += dropped
        hits, precision_sum, first = 0, 0.0, None
        precision_at: dict[int, float] = {}
        for rank, item in enumerate(ranked, 1):
            if item in relevant:
                hits += 1
                precision_sum += hits / rank
                first = first or rank
            if rank in RETRIEVE_KS:
                precision_at[rank] = precision_sum
        for k in RETRIEVE_KS:
            sums[f"map@{k}"] += precision_at.get(k, precision_sum) / len(relevant)
        sums["recall@10"] += len(relevant & set(ranked[:10])) / len(relevant)
        sums["mrr"] += 1.0 / first if first else 0.0
        sums["p@1"] += 1.0 if ranked and ranked[0] in relevant else 0.0
    n = len(qrels)
    result: dict[str, Any] = {
        "queries": n,
        "missing": missing,
        "extra": len(set(rankings) - set(qrels)),
        "duplicate_ids_in_ranked_lists": repeats,
    }
    result.update({k: v / n if n else 0.0 for k, v in sums.items()})
    return result


# -- pairs ---------------------------------------------------------------------


def pairs_metrics(
    gold: Sequence[Mapping[str, Any]],
    scores: Mapping[str, float | None],
    threshold: float | None = None,
) -> dict[str, Any]:
    """ROC-AUC, best-threshold F1 and accuracy (predict 1 when score >= t) for labelled pairs.

    ``gold`` rows have ``id`` and ``label``; ``scores`` maps ids to scores. A pair without a
    score is always wrong. With ``threshold``, F1 and accuracy at that fixed threshold too.
    """
    labels, values, present = [], [], []
    for row in gold:
        y = int(row["label"])
        s = scores.get(str(row["id"]))
        labels.append(y)
        ok = s is not None and not math.isnan(float(s))
        present.append(ok)
        values.append(float(s) if ok and s is not None else (NEG_INF if y else POS_INF))
    n, positives = len(labels), sum(labels)
    miss_neg = sum(1 for y, ok in zip(labels, present, strict=True) if not y and not ok)
    best_f1: tuple[float, float | None] = (0.0, None)
    best_acc: tuple[float, float | None] = ((n - positives - miss_neg) / n if n else 0.0, POS_INF)
    tp, fp = 0, miss_neg
    scored = sorted((k for k in range(n) if present[k]), key=lambda k: -values[k])
    i = 0
    while i < len(scored):
        t = values[scored[i]]
        while i < len(scored) and values[scored[i]] == t:
            tp += labels[scored[i]]
            fp += 1 - labels[scored[i]]
            i += 1
        f1 = prf(tp, fp, positives - tp)[2]
        acc = (tp + (n - positives) - fp) / n
        if f1 > best_f1[0]:
            best_f1 = (f1, t)
        if acc > best_acc[0]:
            best_acc = (acc, t)
    result: dict[str, Any] = {
        "n": n,
        "positives": positives,
        "missing": n - sum(present),
        "extra": len(set(scores) - {str(r["id"]) for r in gold}),
        "roc_auc": roc_auc(values, labels) or 0.0,
        "best_f1": best_f1[0],
        "best_f1_threshold": best_f1[1],
        "best_accuracy": best_acc[0],
        "best_accuracy_threshold": best_acc[1],
    }
    if threshold is not None:
        above = [
            (y, ok and s >= threshold) for s, y, ok in zip(values, labels, present, strict=True)
        ]
        tp = sum(1 for y, hit in above if y and hit)
        fp = sum(1 for y, hit in above if not y and hit) + miss_neg
        result["threshold"] = threshold
        result["f1_at_threshold"] = prf(tp, fp, positives - tp)[2]
        result["accuracy_at_threshold"] = (tp + (n - positives - fp)) / n if n else 0.0
    return result


# -- detect --------------------------------------------------------------------


def detect_metrics(
    gold: Sequence[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Precision/recall/F1 of ``is_claim``, AP of ``score`` and mean per-group AP.

    ``gold`` rows have ``id``, ``label`` and ``group``; ``predictions`` maps ids to rows with
    ``score`` and ``is_claim``. Missing predictions score minus infinity and are not claims.
    """
    tp = fp = fn = missing = 0
    scores, labels = [], []
    by_group: dict[str, tuple[list[float], list[int]]] = defaultdict(lambda: ([], []))
    for row in gold:
        y = int(row["label"])
        pred = predictions.get(str(row["id"]))
        if pred is None:
            missing += 1
            s, is_claim = NEG_INF, False
        else:
            s = float(pred.get("score", NEG_INF))
            s = NEG_INF if math.isnan(s) else s
            is_claim = bool(pred.get("is_claim", False))
        tp += 1 if is_claim and y else 0
        fp += 1 if is_claim and not y else 0
        fn += 1 if y and not is_claim else 0
        scores.append(s)
        labels.append(y)
        group_scores, group_labels = by_group[str(row.get("group", ""))]
        group_scores.append(s)
        group_labels.append(y)
    precision, recall, f1 = prf(tp, fp, fn)
    group_ap = {g: average_precision(s, y) for g, (s, y) in sorted(by_group.items())}
    scored = [v for v in group_ap.values() if v is not None]
    return {
        "n": len(gold),
        "positives": sum(labels),
        "predicted_claims": tp + fp,
        "missing": missing,
        "extra": len(set(predictions) - {str(r["id"]) for r in gold}),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "ap": average_precision(scores, labels) or 0.0,
        "mean_group_ap": sum(scored) / len(scored) if scored else 0.0,
        "groups": len(group_ap),
        "groups_scored": len(scored),
        "group_ap": group_ap,
    }


__all__ = [
    "average_precision",
    "detect_metrics",
    "pairs_metrics",
    "prf",
    "retrieve_metrics",
    "roc_auc",
]
