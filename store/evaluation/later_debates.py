"""The check-worthiness split that mirrors the held-out test: the latest debates, held out whole.

The held-out CLEF test is made of debates and speeches the model never saw, and none of
the development debates is later than all of them. Cross-validation that deals debates
into folds without regard to time lets a model learn from later debates (which repeat
and fact-check the same lines) to score earlier ones, and lets the choice of settings
look at every debate; it flattered the model (docs/EVALUATION.md). Here the debates are
ordered by the date their names start with, and the latest :data:`HELD_OUT` are held
out; everything is trained on the earlier ones.

>>> names = ["20181010_medicare", "20160209_msnbc_dem", "20182601_trump_world", "20170216_press"]
>>> debate_date("20182601_trump_world")
'2018-01-26'
>>> later_debates(names, held_out=2)
(['20160209_msnbc_dem', '20170216_press'], ['20182601_trump_world', '20181010_medicare'])
"""

from __future__ import annotations

from collections.abc import Iterable

HELD_OUT = 7
"""Debates held out: as many as the CLEF-2019 test has (7 of its 26 debates and speeches)."""


def debate_date(name: str) -> str:
    """The ISO date a CLEF debate name starts with (``YYYYMMDD``; a day and month written the
    other way round, as in ``20182601``, are read as ``YYYYDDMM``); ``""`` when there is none."""
    digits = name[:8]
    if len(digits) < 8 or not digits.isdigit():
        return ""
    year, month, day = digits[:4], digits[4:6], digits[6:8]
    if int(month) > 12 >= int(day):
        month, day = day, month
    return f"{year}-{month}-{day}"


def later_debates(groups: Iterable[str], held_out: int = HELD_OUT) -> tuple[list[str], list[str]]:
    """``(earlier, later)``: the distinct debate names in date order, the last ``held_out`` apart.

    Names without a date sort first (they are never held out as "later").
    """
    names = sorted(set(groups), key=lambda g: (debate_date(g), g))
    if not 0 < held_out < len(names):
        raise ValueError(f"cannot hold out {held_out} of {len(names)} debates")
    return names[:-held_out], names[-held_out:]
