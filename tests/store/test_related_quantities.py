"""Qualified figures as intervals: which pairs of reported figures can both be true."""

from __future__ import annotations

import pytest

from claimdesk.store.extract.quantities import bound_of, disjoint, interval

CASES = [
    # (value a, bound a, value b, bound b, cannot both be true?)
    (30, "at_least", 30, "exact", False),
    (30, "exact", 30, "exact", False),
    (30, "exact", 31, "exact", True),
    (12000, "exact", 11000, "approx", False),
    (12000, "exact", 11000, "exact", True),
    (12000, "exact", 10000, "approx", True),
    (100, "at_least", 3000, "more_than", False),  # two lower bounds always overlap
    (100, "at_least", 30, "at_least", False),
    (1100, "at_most", 3000, "more_than", True),
    (3140, "more_than", 3140, "exact", True),  # "more than 3,140" excludes 3,140 itself
    (3000, "more_than", 3000, "exact", False),  # a bare "3,000" is rounded: it may be 3,100
    (3000, "more_than", 3500, "exact", False),
    (50, "at_most", 40, "exact", False),
    (50, "at_most", 60, "exact", True),
    (50, "fewer_than", 50, "exact", True),
    (50, "fewer_than", 49, "exact", False),
    (100, "nearly", 95, "exact", False),
    (97, "nearly", 97, "exact", True),
    (100, "nearly", 100, "exact", False),  # a bare "100" may be 95
    (1000, "approx", 1080, "exact", False),
    (1000, "approx", 1200, "exact", True),
    (40, "approx", 41, "exact", False),
]


@pytest.mark.parametrize(("a", "ba", "b", "bb", "expected"), CASES)
def test_interval_disjoint(a, ba, b, bb, expected):
    assert disjoint(interval(a, ba), interval(b, bb)) is expected
    assert disjoint(interval(b, bb), interval(a, ba)) is expected


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("at least", "at_least"),
        ("No fewer than", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("approximately", "approx"),
        ("around", "approx"),
        ("some", "approx"),
        ("up to", "at_most"),
        ("as many as", "at_most"),
        ("at most", "at_most"),
        ("fewer than", "fewer_than"),
        ("nearly", "nearly"),
        ("almost", "nearly"),
        ("", "exact"),
    ],
)
def test_bound_kinds(text, bound):
    assert bound_of(text) == bound


def test_ranges():
    assert not disjoint(interval(30, "range", 40), interval(35, "exact"))
    assert disjoint(interval(30, "range", 40), interval(45, "exact"))
