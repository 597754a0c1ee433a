"""Figures are compared only when they count the same thing in the same scope."""

from __future__ import annotations

import pytest

from claimdesk.store.extract.facts import read_facts
from claimdesk.store.related.compare import compare_figures
from claimdesk.store.related.sides import side_of_text


def relation(mine: str, theirs: str) -> str:
    """The strongest relation between the figures of two texts, ``""`` if none compared."""
    found = compare_figures(side_of_text(mine), side_of_text(theirs))
    return found[0][0] if found else ""


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        # present vs killed: different counts, nothing to compare
        ("about 12000 North Korean troops are in Russia", "at least 100 troops have died", ""),
        ("12,000 soldiers arrived", "3,000 soldiers were killed", ""),
        # same outcome: two lower bounds never contradict
        ("at least 100 soldiers were killed", "more than 3,000 soldiers were killed", "differs"),
        ("at least 100 soldiers were killed", "no fewer than 30 soldiers were killed", "differs"),
        # an upper bound below a lower bound cannot both be true
        ("as many as 1,100 soldiers were killed", "more than 3,000 soldiers died", "contradicts"),
        # a part (wounded) is not compared with its whole (killed or wounded)
        ("1,000 soldiers wounded", "more than 3,000 soldiers killed or wounded", ""),
        # the same figure
        ("at least 30 soldiers killed", "30 soldiers killed", "agrees"),
        ("12,000 soldiers are deployed", "approximately 12,000 soldiers are deployed", "agrees"),
    ],
)
def test_relation_needs_the_same_counted_outcome(mine, theirs, expected):
    assert relation(mine, theirs) == expected


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        ("at least 100 troops have died", "at least 100 troops were killed", "agrees"),
        ("100 troops were killed", "more than 3,000 troops died", "contradicts"),
        ("about 1000 troops injured", "1,000 troops wounded", "agrees"),
        ("40 troops were captured", "40 troops died", ""),
    ],
)
def test_outcome_synonyms_count_the_same_thing(mine, theirs, expected):
    assert relation(mine, theirs) == expected


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Police discover 3 bodies", ["3"]),  # not "over 3" inside "discover"
        ("a roundabout 5 km away", ["5"]),
        ("the tone and tenor of the campaign", []),  # no "ten" inside "tenor"
        ("born in Nashville, Tenn.", []),
        ("it cost euro30 billion", []),  # glued to a word: not read, nor its scale alone
        ("at least 100 killed and 1,000 wounded", ["at least 100", "1,000"]),
        ("three hundred people fled", ["three hundred"]),
        (
            "Twenty-one soldiers and two hundred and fifty civilians",
            ["Twenty-one", "two hundred and fifty"],
        ),
    ],
)
def test_figures_start_at_a_word(sentence, figures):
    assert [f["text"] for f in read_facts(sentence)[0]] == figures


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        ("30 civilians lost their lives", "30 people were killed", "agrees"),
        ("40 protesters were taken into custody", "400 protesters were detained", "contradicts"),
        ("12 hikers remain unaccounted for", "12 hikers went missing", "agrees"),
        ("2,000 families fled their homes", "about 2,000 families were displaced", "agrees"),
        ("100,000 people live in the city", "100 people were killed", ""),
    ],
)
def test_outcomes_said_in_several_words(mine, theirs, expected):
    assert relation(mine, theirs) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "İstanbul: more than 3,000 people were killed",  # lowering changes the length
        "MORE THAN 3,000 PEOPLE WERE KILLED",
    ],
)
def test_figures_read_whatever_the_case(sentence):
    figures = [f for f in read_facts(sentence)[0] if f["unit"] != "identifier"]
    assert [(f["value"], f["bound"]) for f in figures] == [(3000.0, "more_than")]
