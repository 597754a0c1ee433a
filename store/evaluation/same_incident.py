"""Fitting the same-incident model (``claimdesk train related``) on labelled cross-document sets.

Each set's documents (crossdoc ``docs.jsonl`` with ``incident``, and ``date`` where known)
go into a throwaway store. For every claim, the engine's own candidates are weighed as
the related pane weighs them (:meth:`~claimdesk.store.related.engine.Engine.weigh`); a
candidate is a positive when its document reports the same incident. A logistic model
over :data:`~claimdesk.store.related.incident.FEATURES` is fitted (Newton's method, a
little L2, each set weighing the same), and the threshold is chosen on held-out
predictions: documents are split into :data:`FOLDS` folds by group (ECB+ topic, GVC
incident), each fold predicted by a model fitted on the others, and the threshold is the
lowest one at which the shown items of *every* set reach :data:`PRECISION_GOAL`. The
model written is fitted on everything.

    >>> rows = [Row("s", g, c, {"score": x, "names": x, "rare_names": 0.0, "far": 0.0},
    ...             True, x > 0.5) for g, (c, x) in enumerate([(1, 0.9), (2, 0.2), (3, 0.7), (4, 0.1)])]
    >>> bias, weights = fit(rows)
    >>> weights["names"] > 0
    True
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from claimdesk.store.evaluation import crossdoc
from claimdesk.store.evaluation.jsonl import read_jsonl
from claimdesk.store.evaluation.retrieve import throwaway_store
from claimdesk.store.related import incident, showing

FOLDS = 5
"""Cross-validation folds (by group)."""

PRECISION_GOAL = 0.90
"""The share of shown related items that must come from the same incident, on held-out folds."""

L2 = 0.01
"""Ridge penalty on the weights (not the bias)."""

SHOWN_LIMIT = 10
"""Items the pane shows at most per claim (as in the reader)."""

SETS = ("gvc-dev", "ecbplus-dev")
"""The crossdoc development sets fitted on, under ``<data>/crossdoc/``."""


class Row(NamedTuple):
    """One weighed candidate: its set, group and claim, features, eligibility and label."""

    set: str
    group: str | int | None
    claim: int
    features: dict[str, float]
    eligible: bool
    same: bool


Claims = dict[int, tuple[Any, bool]]
"""``{claim id: (group, eligible claim)}``: an eligible claim's incident has another document."""


def collect(
    name: str, docs: Sequence[dict[str, Any]], progress: Callable[[int], None] | None = None
) -> tuple[list[Row], Claims]:
    """The weighed candidates of every claim of ``docs``; also ``{claim: (group, eligible
    claim)}`` where an eligible claim's incident has another document here."""
    incident_of = {str(d["id"]): d.get("incident") for d in docs}
    size = Counter(v for v in incident_of.values() if v is not None)
    groups = {str(d.get("group", "")) for d in docs}
    by_incident = len(groups) <= 1  # GVC: one group, so fold by incident
    group_of = {str(d["id"]): (d.get("incident") if by_incident else d.get("group")) for d in docs}
    rows: list[Row] = []
    claims: Claims = {}
    model = incident.model()
    with throwaway_store() as store:
        source_ids, _ = crossdoc.load_documents(store, docs)
        engine = store.related_engine
        engine.refresh()
        for claim in crossdoc.eval_claims(store, source_ids):
            source = source_ids[claim.doc_id]
            mine = incident_of[source]
            claims[claim.id] = (group_of[source], size.get(mine, 0) >= 2)
            query = engine.query_for(claim.text, stored=True)
            ranked = engine.rank(query, claim.id, claim.doc_id, False)
            weighed = [r for r in ranked if r[2] != claim.doc_id][: showing.EVIDENCE_CANDIDATES]
            found = engine.weigh(query, weighed, claim.doc_id, model)
            for _score, cid, cand_doc in weighed:
                eligible, evidence = found[cid]
                other = incident_of.get(source_ids.get(cand_doc, ""))
                rows.append(
                    Row(
                        name,
                        group_of[source],
                        claim.id,
                        evidence.features,
                        eligible,
                        mine is not None and other == mine,
                    )
                )
            if progress:
                progress(1)
    return rows, claims


def fit(
    rows: Sequence[Row], sample_weight: Sequence[float] | None = None, iterations: int = 30
) -> tuple[float, dict[str, float]]:
    """Logistic regression by Newton's method: ``(bias, {feature: weight})``.

    Needs numpy (the ``train`` or ``test`` extra); the product only reads the weights.
    """
    import numpy as np

    names = incident.FEATURES
    x = np.array([[1.0, *(r.features[n] for n in names)] for r in rows])
    y = np.array([1.0 if r.same else 0.0 for r in rows])
    s = np.ones(len(rows)) if sample_weight is None else np.asarray(sample_weight, float)
    ridge = np.diag([0.0] + [L2] * len(names))
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -40, 40)))
        grad = x.T @ (s * (p - y)) + ridge @ w
        hess = (x * (s * p * (1 - p))[:, None]).T @ x + ridge
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), {n: float(v) for n, v in zip(names, w[1:], strict=True)}


def probability(bias: float, weights: dict[str, float], row: Row) -> float:
    """The model's probability for one row."""
    z = bias + sum(weights[n] * row.features[n] for n in incident.FEATURES)
    return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))


def balanced_weights(rows: Sequence[Row]) -> list[float]:
    """Sample weights that make every set weigh the same in the fit."""
    count = Counter(r.set for r in rows)
    total, sets = len(rows), len(count)
    return [total / (sets * count[r.set]) for r in rows]


def shown_figures(
    rows: Sequence[Row], p: Sequence[float], claims: Claims, threshold: float
) -> dict[str, float]:
    """``related_precision`` and ``claims_with_right_related`` of the pane's rule at
    ``threshold`` (rows in rank order per claim)."""
    per_claim: dict[int, list[tuple[Row, float]]] = defaultdict(list)
    for row, prob in zip(rows, p, strict=True):
        per_claim[row.claim].append((row, prob))
    shown = right = hit = eligible = 0
    for claim, (_group, is_eligible) in claims.items():
        got, n = False, 0
        for row, prob in per_claim.get(claim, ()):
            if n >= SHOWN_LIMIT:
                break
            if row.eligible and prob >= threshold:
                n += 1
                shown += 1
                right += row.same
                got = got or row.same
        eligible += is_eligible
        hit += got and is_eligible
    return {
        "related_precision": right / shown if shown else 0.0,
        "claims_with_right_related": hit / eligible if eligible else 0.0,
        "shown_per_claim": shown / len(claims) if claims else 0.0,
    }


def fold_of(group: object) -> int:
    """A group's fold (stable across runs)."""
    return int(hashlib.md5(str(group).encode()).hexdigest(), 16) % FOLDS


def held_out(rows: Sequence[Row]) -> list[float]:
    """Each row's probability from a model fitted on the other folds."""
    p = [0.0] * len(rows)
    folds = [fold_of(r.group) for r in rows]
    for k in range(FOLDS):
        train = [r for r, f in zip(rows, folds, strict=True) if f != k]
        bias, weights = fit(train, balanced_weights(train))
        for i, (row, f) in enumerate(zip(rows, folds, strict=True)):
            if f == k:
                p[i] = probability(bias, weights, row)
    return p


THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 20))
"""The thresholds tried."""


def choose_threshold(by_set: dict[str, tuple[list[Row], list[float], Claims]]) -> float:
    """The lowest threshold whose held-out precision reaches the goal on every set."""
    for t in THRESHOLDS:
        if all(
            shown_figures(rows, p, claims, t)["related_precision"] >= PRECISION_GOAL
            for rows, p, claims in by_set.values()
        ):
            return t
    return THRESHOLDS[-1]


def train(data: Path, out: Path, progress: Callable[[str], None] = print) -> dict[str, Any]:
    """Fit on ``data/crossdoc/<set>`` for every :data:`SETS`, write the model to ``out``."""
    collected: dict[str, tuple[list[Row], Claims]] = {}
    for name in SETS:
        docs = read_jsonl(data / "crossdoc" / name / "docs.jsonl")
        progress(f"{name}: weighing the candidates of {len(docs)} documents' claims")
        collected[name] = collect(name, docs)
    every = [r for rows, _ in collected.values() for r in rows]
    p_all = held_out(every)
    by_set: dict[str, tuple[list[Row], list[float], Claims]] = {}
    for name, (rows, claims) in collected.items():
        by_set[name] = (
            rows,
            [p for r, p in zip(every, p_all, strict=True) if r.set == name],
            claims,
        )
    threshold = choose_threshold(by_set)
    cross = {n: shown_figures(r, p, c, threshold) for n, (r, p, c) in by_set.items()}
    across = {}
    for name, (rows, claims) in collected.items():
        other = [r for r in every if r.set != name]
        bias, weights = fit(other, balanced_weights(other))
        p = [probability(bias, weights, r) for r in rows]
        across[name] = shown_figures(rows, p, claims, threshold)
    bias, weights = fit(every, balanced_weights(every))
    record = {
        "bias": round(bias, 4),
        "weights": {k: round(v, 4) for k, v in weights.items()},
        "threshold": threshold,
        "max_days_apart": incident.model().max_days_apart,
        "fitted_on": {n: len(r) for n, (r, _) in collected.items()},
        "precision_goal": PRECISION_GOAL,
        "cross_validation_by_group": _rounded(cross),
        "fitted_on_the_other_set": _rounded(across),
    }
    out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def _rounded(figures: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    return {n: {k: round(v, 4) for k, v in f.items()} for n, f in figures.items()}
