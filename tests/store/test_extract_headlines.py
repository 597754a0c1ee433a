"""Headline grammar: which heading-like lines state a fact, and which are labels."""

from __future__ import annotations

import pytest

from claimdesk.store.extract.extractor import extract, is_claim
from claimdesk.store.extract.features import sentence_features
from claimdesk.store.extract.headlines import headline_states_fact


def first(line: str):
    """The first sentence of ``line`` followed by a body paragraph (so it is a heading)."""
    return extract(line + "\n\nThe council said the vote took place on Monday.")[0]


@pytest.mark.parametrize(
    "line",
    [
        "Mayor Reverses Course On Downtown Parking Fees",
        "Local council extends library hours to weekends",
        "CITY COUNCIL RETAINS FLOOD RESERVE IN NEW BUDGET",
        "Jane Ortiz To Lead State Water Board",
        "Regional carrier to be sold to rival airline",
        "Vintage Paintings Stolen From Lakeside Gallery",
        "Regional airline will cut winter flights",
        "Ferry Service Suspended After Storm Damage",
        "Harbour Pilot Broke Safety Rules, Inquiry Finds",
    ],
)
def test_headline_verbs_in_headline_grammar(line):
    assert headline_states_fact(line)
    sentence = first(line)
    assert sentence.text == line
    assert sentence.is_claim


@pytest.mark.parametrize(
    "line",
    [
        "Published: 14: 05 GMT, 3 March 2021 | Updated: 16: 10 GMT",
        "Updated 9: 06 AM, Thursday, March 4, 2021",
        "Posted on June 2, 2020 by Newsroom Staff",
        "Last updated at 11: 20 GMT",
        "Sam Rivers, 41 (County Sheriff’s Office)",
        "Please enable JavaScript to view this page",
        "Regional Troops in the Northern Provinces",
        "Notes on the Harbour Expansion Plans",
        "Contact the newsroom: tips@example.com",
        "How many ferries are sailing this winter?",
        "Farewell to another summer at the lake",
    ],
)
def test_datelines_captions_and_labels_are_not_facts(line):
    assert not headline_states_fact(line)
    sentence = section(line)
    assert sentence.text == line
    assert not sentence.is_claim


def section(line: str):
    """``line`` as a section heading, after a title and a paragraph (a title reports the story)."""
    text = "Council Votes On Budget\n\nThe vote passed.\n\n" + line
    return extract(text + "\n\nThe council said the vote took place on Monday.")[2]


def test_short_lines_are_labels_even_with_a_verb():
    assert not headline_states_fact("Mayor resigns")
    assert not headline_states_fact("Council approves budget")


def test_a_plural_before_a_comma_or_bracket_is_not_a_verb():
    assert not headline_states_fact("Dana Collins, 33 (Harbour Police)")
    assert headline_states_fact("Dana Collins wins harbour seat")


def test_to_before_a_name_in_sentence_case_is_not_a_verb():
    assert not headline_states_fact("New ferry offer to Portmouth")
    assert headline_states_fact("New ferry company to open Portmouth route")


def test_a_headline_that_states_a_fact_is_a_claim_whatever_its_score():
    line = "Mayor Reverses Course On Downtown Parking Fees"
    features = sentence_features(line, is_heading=True)
    assert is_claim(line, 0.0, features)
    label = "Published: 14: 05 GMT, 3 March 2021"
    assert not is_claim(label, 0.99, sentence_features(label, is_heading=True))


def test_offsets_hold_for_headlines_and_datelines():
    text = (
        "Ferry Service Suspended After Storm Damage\n"
        "Updated 9: 06 AM, Thursday, March 4, 2021\n\n"
        "The harbour master said two ferries were damaged."
    )
    sentences = extract(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.is_claim for s in sentences] == [True, False, True]
