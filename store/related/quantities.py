"""Figures with qualifiers, read as intervals: do two reported figures agree or conflict?

A qualifier turns a figure into the set of true values it allows:

==========================  ===========================
``30`` (exact)              (30 - r, 30 + r), r = :func:`rounding` (0 for 30 itself)
``approximately 30``        [30 * (1 - APPROX), 30 * (1 + APPROX)]
``at least 30``             [30, 30 * OPEN_BOUND]
``more than 30``            (30, 30 * OPEN_BOUND]
``up to 30`` / ``at most``  [0, 30]
``fewer than 30``           [0, 30)
``nearly 30`` / ``almost``  [30 * (1 - APPROX), 30)
==========================  ===========================

Two figures of the same counted thing conflict iff their intervals are disjoint.

    >>> conflicting(interval(30, "at least"), interval(30, ""))
    False
    >>> conflicting(interval(12000, ""), interval(11000, "approximately"))
    False
    >>> conflicting(interval(100, "at least"), interval(3000, "more than"))
    True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

APPROX = 0.10
"""Relative tolerance of "approximately", "about", "around", "some" (±10%)."""

OPEN_BOUND = 3.0
"""How far an open bound reaches: "at least 100" is read as [100, 300].

A reporter who knew of three times as many would have said so; without a cap,
"at least 100 killed" could never conflict with "more than 3,000 killed".
"""

_QUALIFIERS = {
    "exact": ("", "exactly", "precisely", "a total of", "total of"),
    "approx": (
        "approximately", "about", "around", "roughly", "some", "an estimated", "estimated",
        "nearly about", "circa", "c.", "~", "approx.", "approx", "close to", "almost exactly",
    ),
    "at_least": ("at least", "no fewer than", "no less than", "as many as", "a minimum of"),
    "more_than": ("more than", "over", "above", "in excess of", "upwards of", "exceeding", ">"),
    "at_most": ("up to", "at most", "no more than", "a maximum of", "maximum of", "as few as"),
    "fewer_than": ("fewer than", "less than", "under", "below", "<"),
    "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "nearly all"),
}  # fmt: skip
_KIND_OF = {text: kind for kind, texts in _QUALIFIERS.items() for text in texts}


def qualifier_kind(qualifier: str) -> str:
    """One of exact, approx, at_least, more_than, at_most, fewer_than, nearly for a qualifier text.

    >>> qualifier_kind("More than"), qualifier_kind("about"), qualifier_kind("")
    ('more_than', 'approx', 'exact')
    """
    q = " ".join(qualifier.lower().replace("\u2019", "'").split())
    if q in _KIND_OF:
        return _KIND_OF[q]
    for text, kind in sorted(_KIND_OF.items(), key=lambda kv: -len(kv[0])):
        if text and q.endswith(text):
            return kind
    return "exact"


@dataclass(frozen=True)
class Interval:
    """The values a qualified figure allows; ``lo_open``/``hi_open`` exclude the bound."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False


def rounding(value: float) -> float:
    """The stated rounding of a bare figure: half the unit of its last non-zero digit, at most ±APPROX.

    Only round figures of 100 or more carry rounding; small counts are exact.
    The bounds are open, so 11,000 and 12,000 still conflict.

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


def interval(value: float, qualifier: str = "") -> Interval:
    """The :class:`Interval` of ``value`` under ``qualifier`` (see the module table)."""
    kind = qualifier_kind(qualifier)
    if kind == "approx":
        spread = max(abs(value) * APPROX, rounding(value))
        return Interval(value - spread, value + spread)
    if kind == "at_least":
        return Interval(value, max(value * OPEN_BOUND, value + 1))
    if kind == "more_than":
        return Interval(value, max(value * OPEN_BOUND, value + 1), lo_open=True)
    if kind == "at_most":
        return Interval(0.0, value)
    if kind == "fewer_than":
        return Interval(0.0, value, hi_open=True)
    if kind == "nearly":
        return Interval(value * (1 - APPROX), value, hi_open=True)
    r = rounding(value)
    return Interval(value - r, value + r, lo_open=r > 0, hi_open=r > 0)


def conflicting(a: Interval, b: Interval) -> bool:
    """True iff no value lies in both intervals."""
    if a.hi < b.lo or b.hi < a.lo:
        return True
    if math.isclose(a.hi, b.lo):
        return a.hi_open or b.lo_open
    if math.isclose(b.hi, a.lo):
        return b.hi_open or a.lo_open
    return False


def describe(value: float, qualifier: str, text: str = "") -> str:
    """A figure as a reader would quote it: ``"at least 100"``."""
    if text:
        return text
    number = f"{int(value):,}" if value == int(value) else f"{value:,g}"
    return f"{qualifier} {number}".strip()
