"""``claimdesk eval detect`` on a tiny labelled file written here, and agreement with the
shared reference scorer (when ``../shared/eval`` is present)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdesk.store.evaluation import detect
from claimdesk.store.evaluation.jsonl import read_jsonl, write_jsonl
from claimdesk.store.evaluation.report import summary_line
from claimdesk.store.extract import checkworthy
from claimdesk.store.extract.model_inputs import features_of_text
from claimdesk.tui.cli import cli

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"

GOLD = [
    ("a1", "town", "The council spent 4.2 million dollars on roads in 2022.", 1),
    ("a2", "town", "Good morning, and thanks for having me.", 0),
    ("a3", "town", "Crime in the district doubled over the last five years.", 1),
    ("a4", "town", "I think we can all do better.", 0),
    ("a5", "town", "Let me finish.", 0),
    ("b1", "state", "The governor said 12,000 jobs were lost after the plant closed.", 1),
    ("b2", "state", "That is a great question.", 0),
    ("b3", "state", "We will keep fighting for families.", 1),
    ("b4", "state", "Applause.", 0),
]


@pytest.fixture
def gold_file(tmp_path) -> Path:
    path = tmp_path / "gold.jsonl"
    write_jsonl(path, [{"id": i, "group": g, "text": t, "label": y} for i, g, t, y in GOLD])
    return path


def run_eval(*args: str) -> str:
    result = CliRunner().invoke(cli, ["eval", "detect", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def last_metrics_line(output: str) -> str:
    return [line for line in output.splitlines() if line.startswith("precision=")][-1]


def test_eval_detect_writes_one_prediction_per_sentence(gold_file, tmp_path):
    out = tmp_path / "pred.jsonl"
    output = run_eval(str(gold_file), "--out", str(out))
    predictions = read_jsonl(out)
    assert [p["id"] for p in predictions] == [g[0] for g in GOLD]
    for p, (_, _, text, _) in zip(predictions, GOLD, strict=True):
        assert 0.0 <= p["score"] <= 1.0
        assert p["is_claim"] == (p["score"] >= checkworthy.CHECK_WORTHY_THRESHOLD)
        assert p["score"] == round(checkworthy.score(text, features_of_text(text)), 6)
    assert "sentences/s" in output
    result = detect.score(read_jsonl(gold_file), predictions)
    assert last_metrics_line(output) == summary_line(result, detect.FIGURES)
    assert result["groups"] == 2 and result["missing"] == 0


def test_eval_detect_without_labels_only_predicts(tmp_path):
    path = tmp_path / "unlabelled.jsonl"
    write_jsonl(
        path, [{"id": "x", "text": "Exports fell 8% in March."}, {"id": "y", "text": "Hi."}]
    )
    out = tmp_path / "pred.jsonl"
    output = run_eval(str(path), "--out", str(out))
    assert "not scored" in output
    assert len(read_jsonl(out)) == 2


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is absent")
def test_eval_detect_agrees_with_the_reference_scorer(gold_file, tmp_path):
    out = tmp_path / "pred.jsonl"
    output = run_eval(str(gold_file), "--out", str(out))
    reference = subprocess.run(
        [sys.executable, str(SCORER), "detect", str(gold_file), str(out), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    expected = json.loads(reference.stdout)
    ours = detect.score(read_jsonl(gold_file), read_jsonl(out))
    for key in ("precision", "recall", "f1", "ap", "mean_group_ap", "missing"):
        assert ours[key] == pytest.approx(expected[key], abs=1e-12), key
    assert last_metrics_line(output) == summary_line(expected, detect.FIGURES)
