"""Figures, dates, hedges, names, kinds, carry-over and the claim decision."""

from __future__ import annotations

import pytest

from claimdesk.store.extract import checkworthy
from claimdesk.store.extract.dates import find_dates
from claimdesk.store.extract.extractor import extract
from claimdesk.store.extract.features import SentenceFeatures, entities, hedge_of, sentence_features
from claimdesk.store.extract.figures import find_figures
from claimdesk.store.folding import fold


def figures(sentence: str) -> list[tuple[str, float, str, str]]:
    return [(f["text"], f["value"], f["qualifier"], f["counts"]) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Up to 40% of voters stayed home.", [("Up to 40%", 40.0, "up to", "percent")]),
        ("Nearly 2.5 million people fled.", [("Nearly 2.5 million", 2.5e6, "nearly", "people")]),
        ("Fewer than 200 ballots arrived.", [("Fewer than 200", 200.0, "fewer than", "ballots")]),
        ("Some 300 firefighters helped.", [("Some 300", 300.0, "some", "firefighters")]),
        ("It cost $4.5 billion.", [("$4.5 billion", 4.5e9, "", "$")]),
        ("Several hostages were freed.", [("Several", 0.0, "several", "hostages")]),
        ("Dozens of homes burned.", [("Dozens of", 12.0, "dozens of", "homes")]),
        ("No one was hurt.", []),
    ],
)
def test_figures(sentence, expected):
    assert figures(sentence) == expected


def test_figure_offsets_are_shifted_into_the_document():
    doc = "Intro. Over 70 trucks crossed."
    (fig,) = find_figures(doc[7:], offset=7)
    assert doc[fig["start"] : fig["end"]] == "Over 70"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It happened on March 3, 2021.", [("March 3, 2021", "2021-03-03", False)]),
        ("Fighting on Dec. 14-15 was fierce.", [("Dec. 14-15", "--12-14", False)]),
        ("Talks resume in June 2025.", [("June 2025", "2025-06", False)]),
        ("In 2024 prices rose.", [("2024", "2024", False)]),
        (
            "He left yesterday and returned a day later.",
            [("yesterday", "", True), ("a day later", "", True)],
        ),
        ("Last week the port reopened.", [("Last week", "", True)]),
        ("They may march on Monday.", [("Monday", "", True)]),
        ("Turnout was 2,024 people, 2024.5 units.", []),
    ],
)
def test_dates(sentence, expected):
    assert [(d["text"], d["value"], d["relative"]) for d in find_dates(sentence)] == expected


def test_dates_are_not_counted_as_figures():
    (sentence,) = extract("On December 26, 2024 about 40 soldiers were captured.")
    assert [f["value"] for f in sentence.numbers] == [40.0]
    assert [d["value"] for d in sentence.dates] == ["2024-12-26"]


def test_entities_are_multiword_and_skip_sentence_starters():
    found = entities("The Main Intelligence Directorate said South Korean officials met in Seoul.")
    assert found == ["Main Intelligence Directorate", "South Korean", "Seoul"]


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("The figure is probably higher.", "probably"),
        ("Troops reportedly crossed the river.", "reportedly"),
        ("The strike may have hit a school.", "may"),
        ("The strike hit a school.", ""),
    ],
)
def test_hedges(sentence, hedge):
    assert hedge_of(sentence) == hedge


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('"We will rebuild," the mayor said.', "quote"),
        ("Officials said 40 people died.", "quantity"),
        ("The ministry said the road was safe.", "attributed"),
        ("The government should resign now.", "opinion"),
        ("Rebels captured the airport.", "event"),
    ],
)
def test_claim_kinds(text, kind):
    assert extract(text)[0].kind == kind


def test_source_carries_over_within_a_paragraph_only():
    text = (
        "The ministry reported that 40 people died. Another 12 are missing.\n\n"
        "Roads reopened on Monday. Police said 3 bridges were damaged. Two were repaired."
    )
    sources = [(s.text, s.source) for s in extract(text)]
    assert sources == [
        ("The ministry reported that 40 people died.", "The ministry"),
        ("Another 12 are missing.", "The ministry"),
        ("Roads reopened on Monday.", ""),
        ("Police said 3 bridges were damaged.", "Police"),
        ("Two were repaired.", "Police"),
    ]


def test_norm_is_the_shared_fold():
    for s in extract("Officials said “3,000” soldiers’ families were told."):
        assert s.norm == fold(s.text)


def test_headings_are_never_claims_and_the_score_decides_the_rest():
    heading, sentence = extract("What preceded\n\nOfficials said 40 people died on Monday.")
    assert not heading.is_claim
    assert 0.0 <= sentence.score <= 1.0
    assert sentence.is_claim == (sentence.score >= checkworthy.CLAIM_THRESHOLD)


def test_features_are_what_the_scorer_receives():
    features = sentence_features(
        "Officials said 40 people probably died.", numbers=[{"value": 40.0}], source="Officials"
    )
    assert isinstance(features, SentenceFeatures)
    assert features.hedge == "probably" and features.kind == "quantity"
    assert 0.0 <= checkworthy.score("Officials said 40 people probably died.", features) <= 1.0
