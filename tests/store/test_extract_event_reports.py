"""Sentences that report in the third person that something happened are claims."""

from __future__ import annotations

import pytest

from claimdesk.store.extract.extractor import extract, is_claim
from claimdesk.store.extract.features import reports_event, sentence_features


@pytest.mark.parametrize(
    "sentence",
    [
        "The two drivers were injured in the collision.",
        "A cyclist is dead after a collision with a tram.",
        "The tram driver was named as a local man.",
        "The harbour master resigned on Friday.",
        "Both ferries were struck by lightning overnight.",
    ],
)
def test_event_reports_are_claims_even_with_a_low_score(sentence):
    features = sentence_features(sentence)
    assert reports_event(sentence, features)
    assert is_claim(sentence, 0.0, features)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was so tired after the long trip.",
        "We were thrilled to see everyone there.",
        '"The whole street was shocked.',
        "Was anyone injured in the crash?",
        "If the dam had failed, hundreds would have been killed.",
        "The driver is believed to have fled.",
        "Nobody was hurt in the fire.",
        "The owner of the boat has not been traced.",
        "Thank you all very much.",
    ],
)
def test_views_questions_hedges_and_negations_are_not_event_reports(sentence):
    features = sentence_features(sentence)
    assert not reports_event(sentence, features)
    assert not is_claim(sentence, 0.0, features)


def test_the_score_still_decides_for_other_sentences():
    sentence = "The museum opens its new wing to visitors."
    features = sentence_features(sentence)
    assert is_claim(sentence, 0.5, features)


def test_extract_lists_an_event_report_as_a_claim():
    text = "Thank you all very much. The two drivers were injured in the collision."
    decisions = {s.text: s.is_claim for s in extract(text)}
    assert decisions == {
        "Thank you all very much.": False,
        "The two drivers were injured in the collision.": True,
    }
