"""Our metric functions agree with the evaluation sets' reference scorer.

The reference scorer lives beside the evaluation data (``../shared/eval/score.py``),
outside the repository; these tests skip when it is absent. Gold and prediction
files are generated here, never taken from the data sets.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

from claimdesk.store.evaluation import metrics
from claimdesk.store.evaluation.jsonl import write_jsonl
from claimdesk.store.evaluation.report import score_files, summary_line

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"
needs_scorer = pytest.mark.skipif(
    not SCORER.exists(), reason=f"reference scorer not found at {SCORER} (evaluation data absent)"
)


def reference(task: str, gold: Path, pred: Path, *extra: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(SCORER), task, str(gold), str(pred), "--json", *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def assert_agree(ours: dict, ref: dict, keys=None) -> None:
    keys = keys or [k for k in ours if k in ref]
    assert keys
    for key in keys:
        mine = ours[key]
        if isinstance(mine, float) and math.isinf(mine):
            mine = None
        if isinstance(mine, float) or isinstance(ref[key], float):
            assert ref[key] is not None and mine is not None, key
            assert mine == pytest.approx(ref[key], abs=1e-12), key
        elif isinstance(mine, dict):
            assert mine == pytest.approx(ref[key]), key
        else:
            assert mine == ref[key], key


def retrieve_case(rng: random.Random, tmp: Path) -> tuple[Path, Path]:
    corpus = [str(i) for i in range(30)]
    qrels, preds = [], []
    for q in range(25):
        relevant = rng.sample(corpus, rng.choice([1, 1, 1, 2, 3]))
        qrels += [f"{q}\t{d}" for d in relevant]
        if rng.random() < 0.1:
            continue  # a missing prediction
        ranked = rng.sample(corpus, rng.randint(0, 14))
        if ranked and rng.random() < 0.3:
            ranked.insert(rng.randint(0, len(ranked)), ranked[0])  # a repeated id
        if rng.random() < 0.4:
            ranked = relevant[:1] + ranked
        preds.append({"query": str(q), "ranked": ranked})
    preds.append({"query": "not-a-query", "ranked": ["1"]})
    (tmp / "qrels.tsv").write_text("\n".join(qrels) + "\n", encoding="utf-8")
    write_jsonl(tmp / "pred.jsonl", preds)
    return tmp / "qrels.tsv", tmp / "pred.jsonl"


@needs_scorer
@pytest.mark.parametrize("seed", range(4))
def test_retrieve_agrees(tmp_path, seed):
    qrels, pred = retrieve_case(random.Random(seed), tmp_path)
    assert_agree(score_files("retrieve", qrels, pred), reference("retrieve", qrels, pred))


def pairs_case(rng: random.Random, tmp: Path) -> tuple[Path, Path]:
    gold, preds = [], []
    for i in range(60):
        label = int(rng.random() < 0.6)
        gold.append({"id": f"{i}-{i + 1}", "a": "x", "b": "y", "label": label})
        if rng.random() < 0.08:
            continue
        # coarse scores make ties; positives lean high
        preds.append({"id": f"{i}-{i + 1}", "score": round(rng.random() + 0.4 * label, 1)})
    write_jsonl(tmp / "gold.jsonl", gold)
    write_jsonl(tmp / "pred.jsonl", preds)
    return tmp / "gold.jsonl", tmp / "pred.jsonl"


@needs_scorer
@pytest.mark.parametrize("seed", range(4))
def test_pairs_agree(tmp_path, seed):
    gold, pred = pairs_case(random.Random(seed), tmp_path)
    ours = score_files("pairs", gold, pred, threshold=0.7)
    assert_agree(ours, reference("pairs", gold, pred, "--threshold", "0.7"))
    assert "f1_at_threshold" in ours


def detect_case(rng: random.Random, tmp: Path) -> tuple[Path, Path]:
    gold, preds = [], []
    for i in range(80):
        label = int(rng.random() < 0.3)
        gold.append({"id": str(i), "group": f"g{i % 4}", "text": "x", "label": label})
        if rng.random() < 0.05:
            continue
        score = round(rng.random() * 0.7 + 0.3 * label, 1)
        preds.append({"id": str(i), "score": score, "is_claim": score >= 0.5})
    gold.append({"id": "lonely", "group": "no-positives", "text": "x", "label": 0})
    write_jsonl(tmp / "gold.jsonl", gold)
    write_jsonl(tmp / "pred.jsonl", preds)
    return tmp / "gold.jsonl", tmp / "pred.jsonl"


@needs_scorer
@pytest.mark.parametrize("seed", range(3))
def test_detect_agrees(tmp_path, seed):
    gold, pred = detect_case(random.Random(seed), tmp_path)
    ours = score_files("detect", gold, pred)
    ref = reference("detect", gold, pred)
    assert_agree(ours, ref, [k for k in ours if k in ref and k != "group_ap"])
    assert ours["group_ap"] == pytest.approx(
        {k: v for k, v in ref["group_ap"].items() if v is not None} | {"no-positives": None}
    )


def crossdoc_case(rng: random.Random, tmp: Path) -> tuple[Path, Path]:
    docs = [f"d{i}" for i in range(8)]
    mentions = []
    for doc in docs:
        for _ in range(rng.randint(0, 5)):
            start = rng.randrange(0, 200)
            mentions.append(
                {
                    "doc": doc,
                    "start": start,
                    "end": start + rng.randint(1, 12),
                    "cluster": f"c{rng.randrange(6)}",
                }
            )
    preds = []
    for doc in docs[:-1]:  # the last document gets no predictions
        for k in range(rng.randint(1, 6)):
            related = [
                {"doc": rng.choice(docs), "start": (s := rng.randrange(0, 200)), "end": s + 40}
                for _ in range(rng.randint(0, 12))
            ]
            preds.append({"doc": doc, "start": k * 40, "end": k * 40 + 40, "related": related})
    write_jsonl(tmp / "mentions.jsonl", mentions)
    write_jsonl(tmp / "pred.jsonl", preds)
    return tmp / "mentions.jsonl", tmp / "pred.jsonl"


@needs_scorer
@pytest.mark.parametrize("seed", range(5))
def test_crossdoc_agrees(tmp_path, seed):
    gold, pred = crossdoc_case(random.Random(seed), tmp_path)
    ours = score_files("crossdoc", gold, pred)
    assert_agree(ours, reference("crossdoc", gold, pred))
    assert ours["claims_scored"] > 0


def attribution_case(rng: random.Random, tmp: Path) -> tuple[Path, Path]:
    names = ["the mayor", "Mayor Smith", "police", "a police spokesman", "officials", "", "he"]
    gold, preds = [], []
    for i in range(30):
        gold.append(
            {
                "id": str(i),
                "attributions": [
                    {"source": rng.choice(names), "cue": rng.choice(["said", "told"])}
                    for _ in range(rng.randint(0, 3))
                ],
            }
        )
        if rng.random() < 0.1:
            continue
        preds.append(
            {
                "id": str(i),
                "attributions": [
                    {"source": rng.choice(names).upper(), "cue": "said"}
                    for _ in range(rng.randint(0, 3))
                ],
            }
        )
    write_jsonl(tmp / "gold.jsonl", gold)
    write_jsonl(tmp / "pred.jsonl", preds)
    return tmp / "gold.jsonl", tmp / "pred.jsonl"


@needs_scorer
@pytest.mark.parametrize("seed", range(3))
def test_attribution_agrees(tmp_path, seed):
    gold, pred = attribution_case(random.Random(seed), tmp_path)
    ours = score_files("attribution", gold, pred)
    assert_agree(ours, reference("attribution", gold, pred))
    assert "cue_exact_f1" in ours


def test_map_at_k_follows_the_clef_definition():
    # two relevant ids, found at ranks 2 and 4: MAP@3 = (1/2) / 2, MAP@5 = (1/2 + 2/4) / 2
    result = metrics.retrieve_metrics({"q": {"a", "b"}}, {"q": ["x", "a", "y", "b"]})
    assert result["map@1"] == 0.0
    assert result["map@3"] == pytest.approx(0.25)
    assert result["map@5"] == pytest.approx(0.5)
    assert result["mrr"] == pytest.approx(0.5)
    assert result["recall@10"] == 1.0


def test_missing_pair_is_always_wrong():
    gold = [{"id": "1", "label": 1}, {"id": "2", "label": 0}]
    result = metrics.pairs_metrics(gold, {"2": 0.1})
    assert result["missing"] == 1
    assert result["roc_auc"] == 0.0


def test_summary_line_prints_the_final_figures():
    result = metrics.retrieve_metrics({"q": {"a"}}, {"q": ["a"]})
    assert summary_line(result, ("map@5", "missing")) == "map@5=1.0000 missing=0"
