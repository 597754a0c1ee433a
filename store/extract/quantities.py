"""A figure's qualifier read as the interval of values it allows.

=============================================  ======================================
``30`` (bare)                                  30, or 30 ± r when rounded (:func:`rounding`)
``about`` / ``around`` / ``some`` ``30``       30 ± APPROX (a stated tolerance)
``nearly`` / ``almost`` ``30``                 [30 - APPROX, 30)
``at least`` / ``no fewer than`` ``30``        [30, ∞): a lower bound only
``more than`` / ``over`` ``30``                (30, ∞)
``up to`` / ``as many as`` / ``at most`` 30    [0, 30]: an upper bound only
``fewer than`` / ``under`` ``30``              [0, 30)
``30 to 40``, ``between 30 and 40``            [30, 40]
=============================================  ======================================

Two lower bounds always overlap, so they never contradict each other:

    >>> disjoint(interval(100, "at_least"), interval(30, "at_least"))
    False
    >>> disjoint(interval(1100, "at_most"), interval(3000, "more_than"))
    True
    >>> describe(interval(1100, "at_most")), describe(interval(3000, "more_than"))
    ('at most 1,100', 'more than 3,000')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimdesk.store.extract.number_words import format_number

APPROX = 0.10
"""Relative tolerance of "about", "around", "approximately", "some" (±10%)."""

BOUNDS: dict[str, tuple[str, ...]] = {
    "exact": ("", "exactly", "precisely", "a total of", "total of", "only", "another", "a further",
              "an additional", "just"),
    "approx": ("approximately", "about", "around", "roughly", "some", "an estimated", "estimated",
               "circa", "approx.", "approx", "at about", "at around", "about some", "more or less"),
    "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "barely"),
    "at_least": ("at least", "no fewer than", "no less than", "not less than", "not fewer than",
                 "a minimum of", "as few as", "at the least", "at the very least"),
    "more_than": ("more than", "over", "above", "in excess of", "upwards of", "exceeding",
                  "greater than", "just over", "well over", "well above", "beyond"),
    "at_most": ("up to", "at most", "as many as", "as much as", "no more than", "not more than",
                "a maximum of", "at the most", "maximum of"),
    "fewer_than": ("fewer than", "less than", "under", "below", "well under", "well below"),
}  # fmt: skip
"""Qualifier words (lower case) of each bound kind."""

QUALIFIERS: tuple[str, ...] = tuple(
    sorted({q for qs in BOUNDS.values() for q in qs if q}, key=len, reverse=True)
)
"""Every qualifier, longest first."""

_KIND_OF = {text: kind for kind, texts in BOUNDS.items() for text in texts}


def bound_of(qualifier: str) -> str:
    """The bound kind of a qualifier text: exact, approx, nearly, at_least, more_than,
    at_most or fewer_than.

    >>> bound_of("As many as"), bound_of("No fewer than"), bound_of("about"), bound_of("")
    ('at_most', 'at_least', 'approx', 'exact')
    """
    return _KIND_OF.get(" ".join(qualifier.lower().replace("\u2019", "'").split()), "exact")


@dataclass(frozen=True)
class Interval:
    """The values a figure allows; ``hi`` is ``inf`` for a lower bound; ``*_open`` exclude the end."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False
    bound: str = "exact"
    value: float = 0.0
    """The figure as stated (the sum of the stated figures for a total)."""


def rounding(value: float) -> float:
    """The rounding a bare round figure carries: half the unit of its last non-zero digit,
    at most ±APPROX; none below 100 or for figures that are not round.

    >>> rounding(3000), rounding(3140), rounding(40), rounding(12000)
    (300.0, 0.0, 0.0, 500.0)
    """
    if value < 100 or value != int(value):
        return 0.0
    n, unit = int(value), 1
    while n % 10 == 0 and n:
        n //= 10
        unit *= 10
    return min(unit / 2, value * APPROX) if unit >= 100 else 0.0


def interval(value: float, bound: str = "exact", high: float | None = None) -> Interval:
    """The :class:`Interval` of ``value`` under a bound kind (``high``: the end of a range)."""
    if bound == "range" and high is not None:
        return Interval(min(value, high), max(value, high), bound=bound, value=value)
    if bound == "approx":
        spread = max(abs(value) * APPROX, rounding(value))
        return Interval(value - spread, value + spread, bound=bound, value=value)
    if bound == "at_least":
        return Interval(value, math.inf, bound=bound, value=value)
    if bound == "more_than":
        return Interval(value, math.inf, lo_open=True, bound=bound, value=value)
    if bound == "at_most":
        return Interval(0.0, value, bound=bound, value=value)
    if bound == "fewer_than":
        return Interval(0.0, value, hi_open=True, bound=bound, value=value)
    if bound == "nearly":
        return Interval(value * (1 - APPROX), value, hi_open=True, bound=bound, value=value)
    r = rounding(value)
    return Interval(value - r, value + r, lo_open=r > 0, hi_open=r > 0, bound="exact", value=value)


def disjoint(a: Interval, b: Interval) -> bool:
    """True iff no value lies in both intervals (they cannot both be true)."""
    if a.hi < b.lo or b.hi < a.lo:
        return True
    if math.isclose(a.hi, b.lo):
        return a.hi_open or b.lo_open
    if math.isclose(b.hi, a.lo):
        return b.hi_open or a.lo_open
    return False


def total(a: Interval, b: Interval) -> Interval:
    """The interval of the sum of two figures (a count given in its parts: killed + wounded).

    >>> describe(total(interval(100, "at_least"), interval(1000)))
    'at least 1,100'
    """
    bounds = {a.bound, b.bound}
    if math.isinf(a.hi + b.hi):
        bound = (
            "more_than"
            if bounds <= {"more_than", "exact"} and "more_than" in bounds
            else "at_least"
        )
    elif bounds <= {"exact"}:
        bound = "exact"
    elif bounds <= {"exact", "approx"}:
        bound = "approx"
    else:
        bound = "range"
    return Interval(
        a.lo + b.lo,
        a.hi + b.hi,
        a.lo_open or b.lo_open,
        a.hi_open or b.hi_open,
        bound=bound,
        value=a.value + b.value,
    )


def describe(span: Interval) -> str:
    """An interval in words, from the stated figure: ``at least 100``, ``more than 3,000``,
    ``at most 1,100``, ``about 50``, ``30 to 40``, ``30``."""
    stated = format_number(round(span.value, 6))
    words = {
        "exact": stated,
        "approx": f"about {stated}",
        "nearly": f"nearly {stated}",
        "at_least": f"at least {stated}",
        "more_than": f"more than {stated}",
        "at_most": f"at most {stated}",
        "fewer_than": f"fewer than {stated}",
    }
    if span.bound in words:
        return words[span.bound]
    return f"{format_number(span.lo)} to {format_number(span.hi)}"
