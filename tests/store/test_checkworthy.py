"""The shipped check-worthiness model: it loads, matches the feature code, and scores sanely."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.store.extract import checkworthy
from claimdesk.store.extract import feature_hashing as hashing
from claimdesk.store.extract.extractor import extract
from claimdesk.store.extract.features import SentenceFeatures
from claimdesk.store.extract.model_inputs import extractor_fingerprint, features_of_text

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"

SENTENCES = [
    "The city's budget grew by 12 percent in 2021, according to the finance office.",
    "Thank you so much, it is wonderful to be here tonight.",
    "Officials reportedly said about 3,000 troops crossed the border on Monday.",
    "Why not?",
    "",
    "“We will never give up,” she said.",
]


def reference_margin(model: checkworthy.Model, text: str, features) -> float:
    """The linear score straight from the training-time feature vector."""
    vec = hashing.featurize(text, features)
    return model.intercept + sum(model.weights[i] * v for i, v in vec.items())


def test_model_file_matches_the_feature_code():
    model = checkworthy.model()
    assert model.feature_version == hashing.FEATURE_VERSION, "retrain: claimdesk train detect"
    assert model.meta["dimension"] == hashing.DIMENSION
    assert list(model.meta["dense_features"]) == list(hashing.DENSE_NAMES)
    assert list(model.meta["char_sizes"]) == list(hashing.CHAR_SIZES)


def test_model_was_trained_on_the_current_extractor_output():
    recorded = checkworthy.model().meta["extractor_fingerprint"]
    assert recorded == extractor_fingerprint(), (
        "the extractor's features changed since training: run `claimdesk train detect`"
    )


def test_model_file_is_small_and_records_its_training():
    assert checkworthy.MODEL_PATH.stat().st_size < 5_000_000
    meta = checkworthy.model().meta
    assert {d["file"] for d in meta["data"]} == {
        "claimbuster-dev.jsonl",
        "clef2019-t1-dev.jsonl",
    }
    assert all(len(d["sha256"]) == 64 for d in meta["data"])
    assert 0.0 < meta["threshold_probability"] < 1.0
    assert meta["cross_validation"]["claimbuster"]["f1"] > 0
    assert meta["baseline_cross_validation"]["claimbuster_at_0.5"]["ap"] > 0


@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval (development data) is absent")
def test_model_was_trained_on_the_current_development_files():
    for record in checkworthy.model().meta["data"]:
        path = EVAL / "detect" / record["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record["sha256"]


@pytest.mark.parametrize("text", SENTENCES)
def test_fast_scorer_equals_the_training_feature_vector(text):
    model = checkworthy.model()
    features = features_of_text(text)
    assert math.isclose(
        model.margin(text, features), reference_margin(model, text, features), abs_tol=1e-6
    )


def test_scores_are_deterministic_and_cache_independent():
    model = checkworthy.model()
    first = [checkworthy.score(t, features_of_text(t)) for t in SENTENCES]
    model.clear_cache()
    again = [checkworthy.score(t, features_of_text(t)) for t in SENTENCES]
    assert first == again


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_scores_stay_within_0_and_1(text):
    assert 0.0 <= checkworthy.score(text, None) <= 1.0


def test_ingest_scores_with_the_same_code_as_eval():
    text = SENTENCES[0]
    (sentence,) = extract(text)
    expected = checkworthy.score(text, features_of_text(text))
    assert sentence.score == pytest.approx(expected, abs=1e-12)
    assert sentence.is_claim == (expected >= checkworthy.CLAIM_THRESHOLD)


def test_extractor_features_object_and_dict_score_alike():
    found = features_of_text(SENTENCES[2])
    as_object = SentenceFeatures.from_dict(found)
    assert checkworthy.score(SENTENCES[2], as_object) == checkworthy.score(SENTENCES[2], found)


def test_carried_source_is_not_the_sentences_own_attribution():
    own = SentenceFeatures(source="the ministry", cue="said")
    carried = SentenceFeatures(source="the ministry", cue="said", source_carried=True)
    assert "has_source" in hashing.dense_values("It rose.", own, 2)
    assert "has_source" not in hashing.dense_values("It rose.", carried, 2)


def test_factual_statistics_outrank_pleasantries():
    facts = [SENTENCES[0], "Unemployment fell to 3.5 percent last year, the lowest since 1969."]
    chatter = [SENTENCES[1], "Good evening and welcome, everyone."]
    low_fact = min(checkworthy.score(t, features_of_text(t)) for t in facts)
    high_chat = max(checkworthy.score(t, features_of_text(t)) for t in chatter)
    assert low_fact > high_chat
    assert low_fact >= checkworthy.CHECK_WORTHY_THRESHOLD > high_chat


def test_weights_round_trip_and_files_are_reproducible(tmp_path):
    weights = [0.0] * hashing.DIMENSION
    weights[7], weights[hashing.DIMENSION - 1] = 0.25, -1.5
    meta = {"feature_version": hashing.FEATURE_VERSION, "dimension": hashing.DIMENSION}
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    checkworthy.write_model(a, weights, 0.5, meta)
    checkworthy.write_model(b, weights, 0.5, meta)
    assert a.read_bytes() == b.read_bytes()
    loaded = checkworthy.read_model(a)
    assert loaded.weights == weights and loaded.intercept == 0.5


def test_tokens_share_number_shapes():
    assert hashing.tokens("3,000 and 7,500") == ["0", "000", "and", "0", "000"]
    assert hashing.tokens("It’s") == hashing.tokens("it's") == ["it's"]
    assert hashing.stable_hash("claim") == hashing.stable_hash("claim")


def test_threshold_choice_maximises_f1_between_scores():
    np = pytest.importorskip("numpy")
    training = pytest.importorskip(
        "claimdesk.store.extract.training", reason="training needs scikit-learn"
    )
    scores = np.array([0.9, 0.8, 0.7, 0.4, 0.3, 0.1])
    labels = np.array([1, 1, 0, 1, 0, 0])
    threshold, f1 = training.best_threshold(scores, labels)
    assert threshold == pytest.approx(0.35)  # between the last positive and the next score
    assert f1 == pytest.approx(2 * 0.75 / 1.75)
    figures = training.figures(scores, labels, np.array(["g"] * 6), threshold)
    assert figures["recall"] == 1.0 and figures["precision"] == 0.75
