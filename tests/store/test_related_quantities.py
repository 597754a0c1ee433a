"""Qualified figures as intervals: which pairs of reported figures conflict."""

from __future__ import annotations

import pytest

from claimdesk.store.related.explain import relation_of_dates, relation_of_figures
from claimdesk.store.related.facts import read_dates, read_figures
from claimdesk.store.related.quantities import conflicting, interval, qualifier_kind

CASES = [
    # (value a, qualifier a, value b, qualifier b, conflict?)
    (30, "at least", 30, "", False),
    (30, "", 30, "", False),
    (30, "", 31, "", True),
    (12000, "", 11000, "approximately", False),
    (12000, "", 11000, "", True),
    (12000, "", 10000, "approximately", True),
    (100, "at least", 3000, "more than", True),
    (3140, "more than", 3140, "", True),  # "more than 3,140" excludes 3,140 itself
    (3000, "more than", 3000, "", False),  # a bare "3,000" is rounded: it may be 3,100
    (3000, "more than", 3500, "", False),
    (50, "up to", 40, "", False),
    (50, "up to", 60, "", True),
    (50, "fewer than", 50, "", True),
    (50, "fewer than", 49, "", False),
    (100, "nearly", 95, "", False),
    (97, "nearly", 97, "", True),
    (100, "nearly", 100, "", False),  # a bare "100" may be 95
    (100, "almost", 80, "", True),
    (1000, "about", 1080, "", False),
    (1000, "about", 1200, "", True),
    (40, "some", 41, "", False),
]


@pytest.mark.parametrize(("a", "qa", "b", "qb", "expected"), CASES)
def test_interval_conflicts(a, qa, b, qb, expected):
    assert conflicting(interval(a, qa), interval(b, qb)) is expected
    assert conflicting(interval(b, qb), interval(a, qa)) is expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("at least", "at_least"),
        ("No fewer than", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("approximately", "approx"),
        ("around", "approx"),
        ("up to", "at_most"),
        ("fewer than", "fewer_than"),
        ("nearly", "nearly"),
        ("almost", "nearly"),
        ("", "exact"),
    ],
)
def test_qualifier_kinds(text, kind):
    assert qualifier_kind(text) == kind


def test_figures_read_with_qualifier_and_counted_thing():
    figures = read_figures(
        "South Korean intelligence said at least 100 North Korean soldiers had been killed"
        " and another 1,000 wounded."
    )
    assert [(f.value, f.kind) for f in figures] == [(100.0, "at_least"), (1000.0, "exact")]
    assert "killed" in figures[0].counts
    assert "wounded" in figures[1].counts


def test_number_formats_read_alike():
    values = [
        read_figures(t)[0].value
        for t in ("3,000 soldiers", "3000 soldiers", "three thousand soldiers", "3 000 soldiers")
    ]
    assert values == [3000.0] * 4


def test_years_and_dates_are_not_figures():
    assert read_figures("On December 26, 2024 the soldier died.") == []


def test_headline_conflict_and_agreement():
    low = read_figures("at least 100 soldiers were killed and another 1,000 wounded")
    high = read_figures("more than 3,000 soldiers were killed or wounded")
    relation, why = relation_of_figures(low, high)
    assert relation == "conflicts"
    assert '"at least 100" vs "more than 3,000"' in why
    same = read_figures("more than three thousand soldiers killed or wounded")
    assert relation_of_figures(high, same)[0] == "agrees"


def test_figures_of_different_things_are_not_compared():
    assert relation_of_figures(read_figures("500 officers"), read_figures("12,000 soldiers")) == (
        "",
        "",
    )


def test_dates():
    assert read_dates("captured on December 26 in Kursk") == {"12-26"}
    assert read_dates("on 14-15 December") == {"12-14", "12-15"}
    assert relation_of_dates("captured on 26 December", "captured on December 27")[0] == (
        "conflicts"
    )
    assert relation_of_dates("captured on 26 December", "captured on Dec. 26") == ("", "")
