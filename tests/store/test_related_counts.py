"""Figures conflict only when they count the same thing."""

from __future__ import annotations

import pytest

from claimdesk.store.related.explain import relation_of_figures
from claimdesk.store.related.facts import read_figures


@pytest.mark.parametrize(
    ("mine", "theirs", "relation"),
    [
        # present vs killed: different counts, nothing to compare
        ("about 12000 North Korean troops are in Russia", "at least 100 troops have died", ""),
        ("12,000 soldiers arrived", "3,000 soldiers were killed", ""),
        # same outcome, incompatible figures
        ("at least 100 soldiers were killed", "more than 3,000 soldiers were killed", "conflicts"),
        ("1,000 soldiers wounded", "more than 3,000 soldiers killed or wounded", "conflicts"),
        # same outcome, compatible figures
        ("at least 30 soldiers killed", "30 soldiers killed", "agrees"),
        ("12,000 soldiers are deployed", "approximately 12,000 soldiers are deployed", "agrees"),
    ],
)
def test_relation_needs_the_same_counted_outcome(mine, theirs, relation):
    assert relation_of_figures(read_figures(mine), read_figures(theirs))[0] == relation


@pytest.mark.parametrize(
    ("mine", "theirs", "relation"),
    [
        ("at least 100 troops have died", "at least 100 soldiers and troops were killed", "agrees"),
        ("100 troops were killed", "more than 3,000 troops died", "conflicts"),
        ("about 1000 troops injured", "1,000 troops wounded", "agrees"),
        ("40 troops were captured", "40 troops died", ""),
    ],
)
def test_outcome_synonyms_count_the_same_thing(mine, theirs, relation):
    assert relation_of_figures(read_figures(mine), read_figures(theirs))[0] == relation


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Police discover 3 bodies", ["3"]),  # not "over 3" inside "discover"
        ("a roundabout 5 km away", ["5"]),
        ("the tone and tenor of the campaign", []),  # no "ten" inside "tenor"
        ("born in Nashville, Tenn.", []),
        ("hundreds of police officers searched", []),  # a vague amount is not a figure
        ("it cost euro30 billion", []),  # glued to a word: not read, nor its scale alone
        ("at least 100 killed and 1,000 wounded", ["at least 100", "1,000"]),
        ("three hundred people fled", ["three hundred"]),
    ],
)
def test_figures_start_at_a_word(sentence, figures):
    assert [f.text for f in read_figures(sentence)] == figures


@pytest.mark.parametrize(
    ("mine", "theirs", "relation"),
    [
        ("30 civilians lost their lives", "30 people were killed", "agrees"),
        ("40 protesters were taken into custody", "400 demonstrators were detained", "conflicts"),
        ("12 hikers remain unaccounted for", "12 hikers went missing", "agrees"),
        ("2,000 families fled their homes", "about 2,000 residents were displaced", "agrees"),
        ("100,000 people live in the city", "100 people were killed", ""),
    ],
)
def test_outcomes_said_in_several_words(mine, theirs, relation):
    assert relation_of_figures(read_figures(mine), read_figures(theirs))[0] == relation


def test_readings_are_kept_but_not_shared():
    sentence = "At least 100 soldiers were killed in Kursk on December 26"
    first = read_figures(sentence)
    first.clear()  # a caller's list is its own: the kept reading is unchanged
    again = read_figures(sentence)
    assert [f.text for f in again] == ["At least 100"]
    assert again is not read_figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "İstanbul: more than 3,000 people were killed",  # lowering changes the length
        "MORE THAN 3,000 PEOPLE WERE KILLED",
    ],
)
def test_figures_read_whatever_the_case(sentence):
    (figure,) = read_figures(sentence)
    assert (figure.value, figure.kind) == (3000.0, "more_than")
    assert figure.text.lower() == "more than 3,000"
