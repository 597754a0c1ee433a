"""The development pairs (``tests/data/relation_pairs.jsonl``, written for this project): one
pair for every trap the related pane fell into, each with its label, decided as the pane
decides it; and ``claimdesk eval relations`` over the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdesk.store.evaluation.claim_relations import (
    LABELS,
    as_label,
    predict_relations,
    relations_metrics,
)
from claimdesk.tui.cli import cli

PAIRS_FILE = Path(__file__).resolve().parent.parent / "data" / "relation_pairs.jsonl"
PAIRS = [json.loads(line) for line in PAIRS_FILE.read_text("utf-8").splitlines() if line.strip()]


def test_every_label_and_many_traps_are_covered():
    assert {p["label"] for p in PAIRS} == set(LABELS)
    assert len({p["id"] for p in PAIRS}) == len(PAIRS) >= 40


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_pair(pair):
    (predicted,) = predict_relations([pair])
    assert as_label(predicted["relation"]) == pair["label"], predicted["why"]


def test_explanations_name_both_figures_as_written():
    by_id = {p["id"]: p for p in predict_relations(PAIRS)}
    assert by_id["upper-vs-lower"]["why"].endswith(
        'Norland soldiers killed: "As many as 1,100" vs "More than three thousand"'
        " — same count, disjoint ranges: at most 1,100 vs more than 3,000"
    )
    assert (
        '"at least 100" killed + "another 1,000" wounded vs "more than 3,000"'
        in (by_id["toll-parts-vs-total"]["why"])
    )
    assert '"$158 billion" vs "158 billion"' in by_id["money-scale"]["why"]


def test_eval_relations_writes_predictions_and_scores(tmp_path):
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(
        cli, ["eval", "relations", str(PAIRS_FILE), "--out", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == [p["id"] for p in PAIRS]
    assert all(set(r) >= {"id", "relation"} for r in rows)
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("accuracy=") and "false_alarms=" in last
    assert "gold \\ predicted" in result.output


def test_metrics_read_old_and_empty_relations():
    rows = [
        {"id": "a", "label": "contradicts"},
        {"id": "b", "label": "unrelated"},
        {"id": "c", "label": "differs"},
    ]
    result = relations_metrics(rows, {"a": "conflicts", "b": "related"})
    assert result["accuracy"] == pytest.approx(2 / 3)
    assert result["missing"] == 1
    assert result["false_alarms"] == 0.0
    assert result["confusion"]["differs->unrelated"] == 1
