"""``claimdesk eval retrieve | crossdoc | pairs`` on tiny data sets written here.

The printed figures must be the figures of the written predictions (and, when the
reference scorer is available beside the evaluation data, its figures too).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdesk.store.evaluation.jsonl import read_jsonl, write_jsonl
from claimdesk.store.evaluation.report import FINAL, final_keys, score_files, summary_line
from claimdesk.tui.cli import cli

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"

POOL = [
    {"id": "p1", "text": "Drinking bleach cures the coronavirus.", "title": "Does Bleach Cure It?"},
    {"id": "p2", "text": "A shark swam down a flooded highway in Houston.", "title": "Shark"},
    {"id": "p3", "text": "The Eiffel Tower will be demolished in 2030.", "title": ""},
    {"id": "p4", "text": "Senator Smith voted against veterans' benefits 12 times.", "title": ""},
]
QUERIES = [
    {"id": "q1", "text": "OMG a SHARK swimming on the flooded highway in Houston!! #harvey"},
    {"id": "q2", "text": "They are going to demolish the Eiffel Tower in 2030?"},
    {"id": "q3", "text": "smith voted 12 times against benefits for veterans"},
]


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, ["eval", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def final_line(output: str, method: str) -> str:
    (line,) = [x for x in output.splitlines() if x.startswith(f"{method}: ") and "=" in x]
    return line.removeprefix(f"{method}: ")


def reference_line(task: str, gold: Path, pred: Path, *extra: str) -> str:
    out = subprocess.run(
        [sys.executable, str(SCORER), task, str(gold), str(pred), *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


@pytest.fixture
def retrieve_dir(tmp_path):
    folder = tmp_path / "retrieve"
    folder.mkdir()
    write_jsonl(folder / "corpus.jsonl", POOL)
    write_jsonl(folder / "queries.jsonl", QUERIES)
    (folder / "qrels.tsv").write_text("q1\tp2\nq2\tp3\nq3\tp4\n", encoding="utf-8")
    return folder


def test_eval_retrieve_ranks_the_pool_and_scores_it(retrieve_dir, tmp_path):
    out = tmp_path / "pred.jsonl"
    output = invoke("retrieve", str(retrieve_dir), "--out", str(out))
    preds = {p["query"]: p["ranked"] for p in read_jsonl(out)}
    assert set(preds) == {"q1", "q2", "q3"}
    assert [ranked[0] for ranked in (preds["q1"], preds["q2"], preds["q3"])] == ["p2", "p3", "p4"]
    baseline = out.with_suffix(".bm25.jsonl")
    assert {p["query"]: p["ranked"][0] for p in read_jsonl(baseline)} == {
        "q1": "p2",
        "q2": "p3",
        "q3": "p4",
    }
    for method, path in (("engine", out), ("bm25", baseline)):
        ours = score_files("retrieve", retrieve_dir / "qrels.tsv", path)
        assert final_line(output, method) == summary_line(ours, FINAL["retrieve"])
        if SCORER.exists():
            assert final_line(output, method) == reference_line(
                "retrieve", retrieve_dir / "qrels.tsv", path
            )
    assert re.search(r"engine: 3 queries in [\d.]+ s", output)
    assert re.search(r"pool: 4 claims in [\d.]+ s", output)


def test_eval_retrieve_without_qrels_only_writes_predictions(retrieve_dir, tmp_path):
    (retrieve_dir / "qrels.tsv").unlink()
    out = tmp_path / "pred.jsonl"
    output = invoke("retrieve", str(retrieve_dir), "--out", str(out), "--no-baseline")
    assert "not scored" in output
    assert len(read_jsonl(out)) == 3
    assert not out.with_suffix(".bm25.jsonl").exists()


DOCS = [
    (
        "a",
        "Flood in Porto Alegre",
        "Officials said 40 people died in the Porto Alegre floods on Monday.\nThe mayor asked residents to stay home.\nSchools will reopen in 2 weeks.",
    ),
    (
        "b",
        "Porto Alegre floods",
        "At least 40 people died in the floods in Porto Alegre, officials said.\nRescue teams used 300 boats.",
    ),
    (
        "c",
        "Strike",
        "Dock workers in Antwerp began a 3-day strike on Tuesday.\nThe union wants 8 percent more pay.",
    ),
    (
        "d",
        "Antwerp strike",
        "A 3-day strike by Antwerp dock workers started on Tuesday, the union said.",
    ),
]


@pytest.fixture
def crossdoc_dir(tmp_path):
    folder = tmp_path / "crossdoc"
    folder.mkdir()
    write_jsonl(
        folder / "docs.jsonl",
        [{"id": i, "group": "g", "title": t, "text": x} for i, t, x in DOCS],
    )
    mentions = []
    for doc, _, text in DOCS:
        for word, cluster in (("died", "deaths"), ("strike", "strike")):
            start = text.find(word)
            if start >= 0:
                mentions.append(
                    {"doc": doc, "start": start, "end": start + len(word), "cluster": cluster}
                )
    write_jsonl(folder / "mentions.jsonl", mentions)
    return folder


def test_eval_crossdoc_finds_the_same_event_in_the_other_document(crossdoc_dir, tmp_path):
    out = tmp_path / "pred.jsonl"
    output = invoke("crossdoc", str(crossdoc_dir), "--out", str(out), "--baseline")
    preds = read_jsonl(out)
    texts = {d: x for d, _, x in DOCS}
    for pred in preds:
        assert set(pred) == {"doc", "start", "end", "related"}
        claim = texts[pred["doc"]][pred["start"] : pred["end"]]
        assert claim.strip() == claim and claim
        for item in pred["related"]:
            assert {"doc", "start", "end", "score", "relation", "evidence", "shown"} <= set(item)
        # the pane's order: what is shown comes first
        shown = [item["shown"] for item in pred["related"]]
        assert shown == sorted(shown, reverse=True)
    first = next(p for p in preds if p["doc"] == "a")
    assert first["related"][0]["doc"] == "b" and first["related"][0]["shown"]
    for method, path in (("engine", out), ("fuzzy", out.with_suffix(".fuzzy.jsonl"))):
        ours = score_files("crossdoc", crossdoc_dir / "mentions.jsonl", path)
        assert ours["claims_scored"] == 4
        assert ours["hit@1"] == 1.0, method
        assert final_line(output, method) == summary_line(ours, FINAL["crossdoc"])
        if SCORER.exists():
            assert final_line(output, method) == reference_line(
                "crossdoc", crossdoc_dir / "mentions.jsonl", path
            )
    assert re.search(r"ingest: 4 docs in", output)


def test_eval_pairs_scores_similarity(tmp_path):
    gold = tmp_path / "pairs.jsonl"
    rows = [
        {
            "id": "1",
            "a": "40 people died in the flood.",
            "b": "The flood killed 40 people.",
            "label": 1,
        },
        {
            "id": "2",
            "a": "The bridge reopened on Monday.",
            "b": "On Monday the bridge reopened.",
            "label": 1,
        },
        {
            "id": "3",
            "a": "The bridge reopened on Monday.",
            "b": "Oil prices fell 3 percent.",
            "label": 0,
        },
        {
            "id": "4",
            "a": "The union wants more pay.",
            "b": "Dock workers began a strike.",
            "label": 0,
        },
    ]
    write_jsonl(gold, rows)
    out = tmp_path / "pred.jsonl"
    output = invoke("pairs", str(gold), "--out", str(out), "--baseline", "--threshold", "50")
    scores = {p["id"]: p["score"] for p in read_jsonl(out)}
    assert min(scores["1"], scores["2"]) > max(scores["3"], scores["4"])
    assert all(0 <= s <= 100 for s in scores.values())
    for method, path in (("engine", out), ("fuzzy", out.with_suffix(".fuzzy.jsonl"))):
        ours = score_files("pairs", gold, path, threshold=50)
        assert final_line(output, method) == summary_line(ours, final_keys("pairs", ours))
        assert "f1_at_threshold=" in final_line(output, method)
        if SCORER.exists():
            assert final_line(output, method) == reference_line(
                "pairs", gold, path, "--threshold", "50"
            )
    assert "roc_auc=1.0000" in final_line(output, "engine")
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "1"


def test_eval_crossdoc_sentences_and_limit_docs(crossdoc_dir, tmp_path):
    out = tmp_path / "pred.jsonl"
    output = invoke("crossdoc", str(crossdoc_dir), "--out", str(out), "--sentences")
    lines = sum(len(text.splitlines()) for _, _, text in DOCS)
    assert len(read_jsonl(out)) == lines  # one prediction per sentence, claim or not
    assert "fuzzy" not in output
    output = invoke("crossdoc", str(crossdoc_dir), "--out", str(out), "--limit-docs", "2")
    assert {p["doc"] for p in read_jsonl(out)} <= {"a", "b"}
    assert re.search(r"ingest: 2 docs in", output)
    assert "claims_scored=" in final_line(output, "engine")


def test_eval_checked_imports_the_pool_and_asks_each_query(retrieve_dir, tmp_path):
    out = tmp_path / "checked.jsonl"
    output = invoke("checked", str(retrieve_dir), "--out", str(out), "--first-stage")
    preds = {p["query"]: p for p in read_jsonl(out)}
    assert {q: p["ranked"][0] for q, p in preds.items()} == {"q1": "p2", "q2": "p3", "q3": "p4"}
    assert all(p["shown"] == p["ranked"][: len(p["shown"])] for p in preds.values())
    assert out.with_suffix(".first.jsonl").exists()
    ours = score_files("retrieve", retrieve_dir / "qrels.tsv", out)
    (line,) = [x for x in output.splitlines() if x.startswith("product: ") and "=" in x]
    assert f"all_map@5={ours['map@5']:.4f}" in line
    assert re.search(r"pool: 4 fact-checks in [\d.]+ s", output)
