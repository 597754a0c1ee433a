"""Rebuilding the check-worthiness model from the development data (needs the ``train`` extra).

``claimdesk train detect`` calls :func:`train`: it reads ClaimBuster dev and CLEF-2019 Task 1
dev from the evaluation folder, turns every sentence into the same features ingest uses
(:func:`claimdesk.store.extract.model_inputs.features_of_text` + :func:`claimdesk.store.extract.feature_hashing.featurize`), measures the
model and the TF-IDF baseline with the same cross-validation, picks the claim threshold on
out-of-fold scores, fits on everything and writes the weights with a record of how they were made.

One model serves both sources. Their labels mean different things (ClaimBuster: "a
check-worthy factual sentence"; CLEF: "a fact-checker chose to check it", 2.7% positive), so
debate-transcript rows carry a ``debate_domain`` column that absorbs CLEF's lower base rate;
ingest never sets it, so product scores follow the ClaimBuster definition. CLEF rows are
also down-weighted (``debate_weight``): with full weight its many factual-but-unchecked
negatives pull ClaimBuster AP down, while a lighter weight keeps most of their gain on CLEF.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, diags, vstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold

from claimdesk.store.evaluation.jsonl import read_jsonl
from claimdesk.store.evaluation.later_debates import HELD_OUT, later_debates
from claimdesk.store.evaluation.metrics import average_precision, prf
from claimdesk.store.extract import checkworthy, feature_hashing, model_inputs

DATA_FILES: dict[str, str] = {
    "claimbuster": "detect/claimbuster-dev.jsonl",
    "clef2019": "detect/clef2019-t1-dev.jsonl",
}
"""The development files the model is trained on, relative to the evaluation folder."""

SETTINGS: dict[str, Any] = {
    "model": "logistic regression (L2)",
    "C": 0.5,
    "solver": "liblinear",
    "folds": 5,
    "seed": 0,
    "debate_weight": 0.05,
    "idf_power": 0.7,
    "sentence_feature_scale": 0.4,
    "clef_mix": 0.0,
    "clef_C": 1.0,
    "claimbuster_cv": "stratified 5-fold, shuffled (seed 0)",
    "clef_cv": "group 5-fold over debates (leave-debates-out)",
    "dedupe": "training rows whose text equals a held-out sentence are dropped",
    "threshold": "maximises F1 on ClaimBuster out-of-fold scores",
}
"""Everything that decides the weights besides the data and the feature code."""

Progress = Callable[[str], None]
"""Receives one line of progress text (``print`` or ``click.echo``)."""


@dataclass(frozen=True)
class Part:
    """One data set as a design matrix: labels, groups and normalised texts per row."""

    name: str
    matrix: csr_matrix
    labels: np.ndarray
    groups: np.ndarray
    texts: list[str]
    raw: list[str]
    ids: list[str] = field(default_factory=list)


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def design(texts: Sequence[str], debate: bool) -> csr_matrix:
    """Rows of :func:`claimdesk.store.extract.feature_hashing.featurize` for bare sentences, features as ingest finds them."""
    indices: list[int] = []
    values: list[float] = []
    pointers = [0]
    for text in texts:
        vec = feature_hashing.featurize(text, model_inputs.features_of_text(text), debate)
        indices.extend(vec)
        values.extend(vec.values())
        pointers.append(len(indices))
    shape = (len(texts), feature_hashing.DIMENSION)
    return csr_matrix((np.array(values), np.array(indices), np.array(pointers)), shape=shape)


def load_part(eval_dir: Path, name: str, debate: bool) -> tuple[Part, dict[str, Any]]:
    """Read one development file into a :class:`Part` and its provenance record."""
    path = eval_dir / DATA_FILES[name]
    rows = read_jsonl(path)
    raw = [str(r["text"]) for r in rows]
    part = Part(
        name=name,
        matrix=design(raw, debate),
        labels=np.array([int(r["label"]) for r in rows]),
        groups=np.array([str(r.get("group", "")) for r in rows]),
        texts=[" ".join(t.lower().split()) for t in raw],
        raw=raw,
        ids=[str(r.get("id", i)) for i, r in enumerate(rows)],
    )
    record = {
        "file": path.name,
        "sha256": sha256(path),
        "rows": len(rows),
        "positives": int(part.labels.sum()),
    }
    return part, record


@dataclass(frozen=True)
class Linear:
    """A fitted model as the scorer uses it: weights over the unscaled feature vector."""

    coef: np.ndarray
    intercept: float

    def margins(self, matrix: csr_matrix, product: bool = True) -> np.ndarray:
        """Log-odds of every row; ``product`` leaves out the debate-domain column, as ingest does."""
        coef = self.coef
        if product:
            coef = coef.copy()
            coef[feature_hashing.DOMAIN_COLUMN] = 0.0
        out: np.ndarray = np.asarray(matrix @ coef).ravel() + self.intercept
        return out

    def scores(self, matrix: csr_matrix, product: bool = True) -> np.ndarray:
        """Probabilities of every row (see :meth:`margins`)."""
        out: np.ndarray = 1.0 / (1.0 + np.exp(-self.margins(matrix, product)))
        return out


def column_factors(matrix: csr_matrix, settings: dict[str, Any]) -> np.ndarray:
    """How much each column is scaled while fitting: ``idf ** idf_power`` for the hashed
    n-gram columns (smoothed idf over the rows of ``matrix``) and ``sentence_feature_scale``
    for the extractor's sentence features.

    Scaling a column up lets its weight grow at the same L2 cost (rare n-grams, which
    idf favours, are penalised less; the sentence features, scaled down, more). The factors
    are folded into the weights after fitting, so scoring reads the unscaled features.
    """
    df = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(float)
    factors = (np.log((1.0 + matrix.shape[0]) / (1.0 + df)) + 1.0) ** settings["idf_power"]
    factors[feature_hashing.HASHED :] = settings["sentence_feature_scale"]
    out: np.ndarray = factors
    return out


def fit(
    matrix: csr_matrix, labels: np.ndarray, settings: dict[str, Any], weights: np.ndarray
) -> Linear:
    """Fit the logistic regression with the recorded settings (deterministic), on columns
    scaled by :func:`column_factors`, and return weights for the unscaled features."""
    factors = column_factors(matrix, settings)
    model = LogisticRegression(
        C=settings["C"], solver=settings["solver"], max_iter=5000, random_state=settings["seed"]
    )
    model.fit(matrix @ diags(factors), labels, sample_weight=weights)
    return Linear(model.coef_[0] * factors, float(model.intercept_[0]))


def fit_parts(
    cb: tuple[csr_matrix, np.ndarray], clef: tuple[csr_matrix, np.ndarray], settings: dict[str, Any]
) -> Linear:
    """The product model from ClaimBuster and CLEF training rows ``(matrix, labels)``.

    One logistic regression over both sets (CLEF rows weighted ``debate_weight``, their
    domain column absorbing CLEF's base rate), plus ``clef_mix`` times a second one trained
    on the CLEF rows alone (without the domain column, regularised by ``clef_C``): the
    sum of two linear models is one linear model, so the scorer is unchanged. The second
    part carries what fact-checkers chose to check in debates, which ClaimBuster's notion of
    a check-worthy sentence only partly covers.
    """
    matrix = vstack([cb[0], clef[0]]).tocsr()
    labels = np.concatenate([cb[1], clef[1]])
    weights = np.concatenate(
        [np.ones(cb[0].shape[0]), np.full(clef[0].shape[0], settings["debate_weight"])]
    )
    joint = fit(matrix, labels, settings, weights)
    mix = settings["clef_mix"]
    if not mix:
        return joint
    cleared = clef[0].copy()
    cleared.data[cleared.indices == feature_hashing.DOMAIN_COLUMN] = 0.0
    cleared.eliminate_zeros()
    alone = fit(cleared, clef[1], {**settings, "C": settings["clef_C"]}, np.ones(len(clef[1])))
    return Linear(joint.coef + mix * alone.coef, joint.intercept + mix * alone.intercept)


def _without(part: Part, held: set[str]) -> np.ndarray:
    return np.array([t not in held for t in part.texts])


def _product_scores(model: Linear, matrix: csr_matrix) -> np.ndarray:
    """Scores with the domain column cleared, as ingest computes them."""
    return model.scores(matrix, product=True)


def folds(part: Part, settings: dict[str, Any]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test row indices: stratified for ClaimBuster, whole debates for CLEF."""
    k, seed = settings["folds"], settings["seed"]
    if part.name == "clef2019":
        return list(GroupKFold(k).split(part.texts, part.labels, part.groups))
    return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(part.texts, part.labels))


def out_of_fold(
    target: Part, other: Part, settings: dict[str, Any], progress: Progress
) -> np.ndarray:
    """Out-of-fold model scores for ``target``, training each fold on the rest plus ``other``."""
    scores = np.zeros(len(target.texts))
    for i, (train_rows, test_rows) in enumerate(folds(target, settings), 1):
        held = {target.texts[j] for j in test_rows}
        keep = _without(other, held)
        mine = (target.matrix[train_rows], target.labels[train_rows])
        theirs = (other.matrix[keep], other.labels[keep])
        parts = (mine, theirs) if target.name == "claimbuster" else (theirs, mine)
        model = fit_parts(*parts, settings)
        scores[test_rows] = _product_scores(model, target.matrix[test_rows])
        progress(f"  {target.name} fold {i}/{settings['folds']} done")
    return scores


def baseline_out_of_fold(part: Part, settings: dict[str, Any]) -> np.ndarray:
    """Out-of-fold scores of TF-IDF word 1-2-grams + logistic regression (scikit-learn
    defaults), trained on the same folds of the same set only."""
    scores = np.zeros(len(part.texts))
    raw = np.array(part.raw, dtype=object)
    for train_rows, test_rows in folds(part, settings):
        vectorizer = TfidfVectorizer(ngram_range=(1, 2))
        matrix = vectorizer.fit_transform(raw[train_rows])
        model = LogisticRegression(max_iter=5000).fit(matrix, part.labels[train_rows])
        scores[test_rows] = model.predict_proba(vectorizer.transform(raw[test_rows]))[:, 1]
    return scores


def _loose(text: str) -> str:
    """A sentence reduced to its lower-case letters and digits (near-duplicates compare equal)."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def per_debate_ap(scores: np.ndarray, labels: np.ndarray, groups: np.ndarray) -> dict[str, float]:
    """Average precision of each debate (group) that has a positive, by name."""
    out = {}
    for g in sorted(set(groups.tolist())):
        rows = groups == g
        ap = average_precision(scores[rows].tolist(), labels[rows].tolist())
        if ap is not None:
            out[g] = round(ap, 4)
    return out


def baseline_scores(
    train_texts: Sequence[str], train_labels: np.ndarray, texts: Sequence[str]
) -> np.ndarray:
    """TF-IDF word 1-2-grams + logistic regression (scikit-learn defaults) fitted on the
    training sentences, scoring ``texts``: the baseline the held-out figures are compared with."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2))
    matrix = vectorizer.fit_transform(list(train_texts))
    model = LogisticRegression(max_iter=5000).fit(matrix, train_labels)
    scores: np.ndarray = model.predict_proba(vectorizer.transform(list(texts)))[:, 1]
    return scores


def later_debates_validation(
    cb: Part, clef: Part, settings: dict[str, Any], held_out: int = HELD_OUT
) -> dict[str, Any]:
    """The model and the baseline trained on the earlier CLEF debates, scored on the later ones.

    The model also learns from every ClaimBuster sentence except near-duplicates of a
    held-out one (ClaimBuster's debates end before the held-out ones begin). Returns the
    held-out debates, both models' mean per-debate AP, each debate's AP, and both models'
    held-out scores by row (``"rows"``, ``"model_scores"``, ``"baseline_scores"``).
    """
    earlier, later = later_debates(clef.groups.tolist(), held_out)
    test = np.isin(clef.groups, later)
    train = ~test
    held = {_loose(clef.raw[i]) for i in np.flatnonzero(test)}
    keep = np.array([_loose(t) not in held for t in cb.raw])
    model = fit_parts(
        (cb.matrix[keep], cb.labels[keep]), (clef.matrix[train], clef.labels[train]), settings
    )
    scores = _product_scores(model, clef.matrix[test])
    raw = [clef.raw[i] for i in np.flatnonzero(train)]
    base = baseline_scores(raw, clef.labels[train], [clef.raw[i] for i in np.flatnonzero(test)])
    labels_test, groups_test = clef.labels[test], clef.groups[test]
    model_ap = per_debate_ap(scores, labels_test, groups_test)
    base_ap = per_debate_ap(base, labels_test, groups_test)

    def mean(values: list[float]) -> float:
        return round(sum(values) / len(values), 4)

    return {
        "held_out": later,
        "trained_on": earlier,
        "claimbuster_rows_dropped": int((~keep).sum()),
        "model_mean_ap": mean(list(model_ap.values())),
        "baseline_mean_ap": mean(list(base_ap.values())),
        "model_ap": model_ap,
        "baseline_ap": base_ap,
        "rows": np.flatnonzero(test).tolist(),
        "model_scores": scores.tolist(),
        "baseline_scores": base.tolist(),
    }


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """``(threshold, F1)`` maximising F1 of ``score >= threshold`` (a midpoint between scores)."""
    order = np.argsort(-scores, kind="stable")
    ranked, ranked_labels = scores[order], labels[order]
    positives = int(labels.sum())
    best = (0.5, 0.0)
    tp = 0
    for i, (s, y) in enumerate(zip(ranked, ranked_labels, strict=True)):
        tp += int(y)
        if i + 1 < len(ranked) and ranked[i + 1] == s:
            continue
        f1 = prf(tp, i + 1 - tp, positives - tp)[2]
        if f1 > best[1]:
            below = ranked[i + 1] if i + 1 < len(ranked) else 0.0
            best = ((float(s) + float(below)) / 2, f1)
    return best


def figures(
    scores: np.ndarray, labels: np.ndarray, groups: np.ndarray, threshold: float
) -> dict[str, float]:
    """P/R/F1 at ``threshold``, AP and mean per-group AP (the shared scorer's definitions)."""
    claims = scores >= threshold
    tp = int((claims & (labels == 1)).sum())
    fp = int((claims & (labels == 0)).sum())
    fn = int((~claims & (labels == 1)).sum())
    precision, recall, f1 = prf(tp, fp, fn)
    per_group = []
    for g in sorted(set(groups.tolist())):
        rows = groups == g
        ap = average_precision(scores[rows].tolist(), labels[rows].tolist())
        if ap is not None:
            per_group.append(ap)
    return {
        "threshold": round(float(threshold), 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "ap": round(average_precision(scores.tolist(), labels.tolist()) or 0.0, 4),
        "mean_group_ap": round(sum(per_group) / len(per_group), 4) if per_group else 0.0,
    }


def evaluate(cb: Part, clef: Part, settings: dict[str, Any], progress: Progress) -> dict[str, Any]:
    """Cross-validated figures of the model and the baseline on both sets, and the threshold."""
    cb_scores = out_of_fold(cb, clef, settings, progress)
    threshold, _ = best_threshold(cb_scores, cb.labels)
    clef_scores = out_of_fold(clef, cb, settings, progress)
    progress("  baselines")
    cb_base = baseline_out_of_fold(cb, settings)
    base_threshold, _ = best_threshold(cb_base, cb.labels)
    clef_base = baseline_out_of_fold(clef, settings)
    return {
        "threshold": threshold,
        "model": {
            "claimbuster": figures(cb_scores, cb.labels, cb.groups, threshold),
            "clef2019": figures(clef_scores, clef.labels, clef.groups, threshold),
        },
        "baseline": {
            "claimbuster_at_0.5": figures(cb_base, cb.labels, cb.groups, 0.5),
            "claimbuster_at_cv_threshold": figures(cb_base, cb.labels, cb.groups, base_threshold),
            "clef2019": figures(clef_base, clef.labels, clef.groups, 0.5),
        },
    }


def logit(p: float) -> float:
    """Log-odds of a probability."""
    return math.log(p / (1.0 - p))


def read_parts(eval_dir: Path, progress: Progress = print) -> tuple[Part, Part, list[Any], str]:
    """Both development sets featurised as ingest sees them, their provenance records and
    the extractor fingerprint (features never depend on the weights being replaced)."""
    checkworthy.install(checkworthy.blank_model())
    try:
        progress("reading and featurising the development sets")
        cb, cb_record = load_part(eval_dir, "claimbuster", debate=False)
        clef, clef_record = load_part(eval_dir, "clef2019", debate=True)
        fingerprint = model_inputs.extractor_fingerprint()
    finally:
        checkworthy.install(None)
    return cb, clef, [cb_record, clef_record], fingerprint


def train(eval_dir: Path, out: Path, progress: Progress = print) -> dict[str, Any]:
    """Rebuild the model from ``eval_dir`` and write it to ``out``; returns its record."""
    started = time.perf_counter()
    cb, clef, records, fingerprint = read_parts(eval_dir, progress)
    progress("cross-validating")
    cv = evaluate(cb, clef, SETTINGS, progress)
    progress(f"validating on the {HELD_OUT} latest debates")
    later = later_debates_validation(cb, clef, SETTINGS)
    progress("fitting on all development data")
    final = fit_parts((cb.matrix, cb.labels), (clef.matrix, clef.labels), SETTINGS)
    coefficients = final.coef
    threshold = cv["threshold"]
    meta = {
        "feature_version": feature_hashing.FEATURE_VERSION,
        "dimension": feature_hashing.DIMENSION,
        "hash_bits": feature_hashing.HASH_BITS,
        "char_sizes": list(feature_hashing.CHAR_SIZES),
        "dense_features": list(feature_hashing.DENSE_NAMES),
        "extractor_fingerprint": fingerprint,
        "data": records,
        "settings": SETTINGS,
        "threshold_probability": round(threshold, 6),
        "intercept_before_shift": final.intercept,
        "debate_domain_weight": float(coefficients[feature_hashing.DOMAIN_COLUMN]),
        "cross_validation": cv["model"],
        "baseline_cross_validation": cv["baseline"],
        "later_debates_validation": {
            k: v for k, v in later.items() if k not in ("rows", "model_scores", "baseline_scores")
        },
    }
    # Fold the threshold into the intercept: score >= 0.5 exactly when p >= threshold.
    intercept = final.intercept - logit(threshold)
    size = checkworthy.write_model(out, coefficients.astype(np.float32).tolist(), intercept, meta)
    meta["file_bytes"] = size
    meta["seconds"] = round(time.perf_counter() - started, 1)
    return meta
