"""Attribution rules (invented examples) and ``claimdesk eval attribution``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdesk.store.evaluation.attribution import predict_unit
from claimdesk.store.extract.reported_speech import (
    find_attributions,
    plausible_source,
    resolve_source,
)
from claimdesk.tui.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def pairs(sentence: str) -> list[tuple[str, str]]:
    return [(a.source, a.cue) for a in find_attributions(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The port authority said on Tuesday that ships were delayed.",
            [("The port authority", "said")],
        ),
        (
            "Ships were delayed, according to the port authority.",
            [("the port authority", "according to")],
        ),
        (
            '"Ships are late," said Anna Berg, a harbour pilot.',
            [("Anna Berg, a harbour pilot", "said")],
        ),
        ('"Ships are late," the harbour pilot says.', [("the harbour pilot", "says")]),
        ("He said the ships were late.", [("He", "said")]),
        (
            "The mayor's spokesman told reporters the port was shut.",
            [("The mayor's spokesman", "told")],
        ),
        (
            "The delay was first reported by a local radio station.",
            [("a local radio station", "was first reported")],
        ),
        (
            "Berg, a pilot for 20 years, said the fog was thick.",
            [("Berg, a pilot for 20 years,", "said")],
        ),
        ("The council has said it will pay.", [("The council", "has said")]),
        ("Berg later told the inquiry she saw nothing.", [("Berg", "told")]),
        ("Berg and Olsen say the fog lifted.", [("Berg and Olsen", "say")]),
        ("The pilot left early and said nothing.", [("The pilot", "said")]),
        ("Pilots issued a statement, saying the fog was thick.", [("Pilots", "saying")]),
        ("Olsen: The fog was thick.", [("Olsen", ":")]),
        (
            "Anna Berg, 60, a pilot from Tromsø, Norway, said the fog was thick.",
            [("Anna Berg, 60, a pilot from Tromsø, Norway,", "said")],
        ),
        ("Sen. Ann Lee (D-Ore.) said the vote failed.", [("Sen. Ann Lee (D-Ore.)", "said")]),
        ("Berg, for her part, said nothing.", [("Berg", "said")]),
        ("Nelly said the vote failed.", [("Nelly", "said")]),
        ("A new poll shows Lee ahead.", [("A new poll", "shows")]),
        ("''We won,'' said Berg.", [("Berg", "said")]),
        ('"We go on," he continued.', [("he", "continued")]),
        ("Berg declined to comment.", [("Berg", "declined")]),
        (
            "One officer inside the port tried to help, saying it was late.",
            [("One officer inside the port", "saying")],
        ),
        ("Ms. Berg, who said the fog was thick, left.", [("who", "said")]),
        (
            "The intelligence service had data that 40 ships sank.",
            [("The intelligence service", "had data")],
        ),
    ],
)
def test_attribution_rules(sentence, expected):
    assert pairs(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States Secretary of State visited the port.",
        "Several states changed their rules.",
        "Update: the port is open.",
        "A group called Harbour Watch met.",
        "The ships were late again.",
        "It was the first reported sighting of the ship.",
        "The fighting continued.",
        "The shares declined 5 percent.",
    ],
)
def test_nouns_that_look_like_cues_are_not_attributions(sentence):
    assert pairs(sentence) == []


def test_offsets_index_the_text():
    text = "Intro line.\nThe port authority said ships were delayed."
    (a,) = find_attributions(text, 12, len(text))
    assert text[a.source_start : a.source_end] == a.source
    assert text[a.cue_start : a.cue_end] == a.cue
    assert text[a.content_start : a.content_end] == "ships were delayed."


def test_pronouns_resolve_to_the_last_named_source():
    assert resolve_source("she", ["the pilot", "Anna Berg"]) == "Anna Berg"
    assert resolve_source("she", ["the pilot"]) == "she"
    assert resolve_source("who", ["Anna Berg"]) == "who"


def test_plausible_sources():
    assert plausible_source("officials")
    assert plausible_source("the pilot")
    assert plausible_source("Berg")
    assert not plausible_source("always")
    assert not plausible_source("including")


def test_predict_unit_reports_pronouns_as_written():
    unit = {"id": "x", "text": "Berg spoke first. She said the fog was thick."}
    assert [a["source"] for a in predict_unit(unit)["attributions"]] == ["She"]


TINY_GOLD = [
    {
        "id": "a:0",
        "text": 'The harbour master said on Monday that 40 ships waited. "We are late," she said.',
        "attributions": [
            {"source": "The harbour master", "cue": "said", "content": "40 ships waited"},
            {"source": "she", "cue": "said", "content": '"We are late,"'},
        ],
    },
    {
        "id": "a:1",
        "text": "Fog closed the port, according to a pilot union. Officials declined to comment.",
        "attributions": [
            {"source": "a pilot union", "cue": "according to", "content": "Fog closed the port"},
            {"source": "Officials", "cue": "declined to comment", "content": ""},
            {"source": "", "cue": "reportedly", "content": "nothing"},
        ],
    },
    {"id": "a:2", "text": "The tide turned at noon.", "attributions": []},
]


@pytest.mark.skipif(not SCORER.exists(), reason="the evaluation sets (../shared/eval) are absent")
def test_eval_attribution_agrees_with_the_reference_scorer(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in TINY_GOLD), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(cli, ["eval", "attribution", str(gold), "--out", str(pred)])
    assert result.exit_code == 0, result.output
    ours = result.output.strip().splitlines()[-1]
    reference = (
        subprocess.run(
            [sys.executable, str(SCORER), "attribution", str(gold), str(pred)],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    assert ours == reference
    assert "source_exact_f1=" in ours and "cue_exact_f1=" in ours
    predicted = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in predicted] == ["a:0", "a:1", "a:2"]
    assert all(set(a) == {"source", "cue", "content"} for p in predicted for a in p["attributions"])
