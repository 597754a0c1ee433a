"""Two figures side by side: are they about the same thing, and how do they stand?

Two figures are compared only when they count the same thing in the same scope: the same
unit (and currency), the same outcome (killed is a part of killed or wounded), the same
counted thing and modifiers (11 Yemeni pirates are a part of 23 pirates) and a compatible
time window (30 killed on December 14-15 are a part of 3,000 killed so far); places are
compared claim against claim (:mod:`.explain`). When the
scope may differ only by being a part of the other, only the same stated figure counts
(as agreement); different figures are not compared.

    >>> from claimdesk.store.models import figure_from_dict
    >>> from claimdesk.store.extract.figures import find_figures
    >>> def fig(text):
    ...     return [figure_from_dict(f) for f in find_figures(text)]
    >>> scope(fig("11 Yemeni pirates")[0], fig("23 pirates")[0])
    'equal_only'
    >>> pair_relation(fig("as many as 1,100 killed")[0], fig("more than three thousand killed")[0])
    ('contradicts', 'same count, disjoint ranges: at most 1,100 vs more than 3,000')
    >>> pair_relation(fig("at least 100 killed")[0], fig("no fewer than 30 killed")[0])
    ('differs', 'two lower bounds: at least 100 vs at least 30')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from claimdesk.store.extract.counted import GENERIC_THINGS
from claimdesk.store.extract.number_kinds import COMPARED_UNITS
from claimdesk.store.extract.quantities import Interval, describe, disjoint, interval, total
from claimdesk.store.models import Figure

NEVER_CONTRADICT = frozenset({"measure"})
"""Units whose different figures are different measurements (magnitude 6.1 and 5.9 by two
agencies), never a contradiction."""


@dataclass(frozen=True)
class Counted:
    """A figure as compared: the figure (or the first of a total), its interval and how to quote it."""

    figure: Figure
    span: Interval
    quote: str
    parts: tuple[Figure, ...] = ()


def span_of(f: Figure) -> Interval:
    """The interval a figure allows."""
    if f.bound == "range":
        return interval(f.value, "range", f.high)
    return interval(f.value, f.bound)


def counted_of(f: Figure) -> Counted:
    """A single figure, quoted as written."""
    return Counted(f, span_of(f), f'"{f.text}"', (f,))


OUTCOME_WORDS = {
    "death": "killed", "injury": "wounded", "capture": "captured", "arrest": "arrested",
    "missing": "missing", "displacement": "displaced", "evacuation": "evacuated",
    "infection": "infected", "shot": "shot", "rescue": "rescued",
}  # fmt: skip
"""How each outcome is named in an explanation."""


def outcome_text(outcome: tuple[str, ...]) -> str:
    """``("death", "injury")`` -> ``killed or wounded``."""
    return " or ".join(OUTCOME_WORDS.get(o, o) for o in outcome)


def totals(figures: list[Figure]) -> list[Counted]:
    """Counts given in parts, added up: "at least 100 killed and another 1,000 wounded" is a
    count of killed or wounded too. Only figures next to each other in one sentence, with
    the same thing, modifiers, window and place and different outcomes, are added."""
    out = []
    for a, b in zip(figures, figures[1:], strict=False):
        if not (a.outcome and b.outcome) or set(a.outcome) & set(b.outcome):
            continue
        if a.unit != "people" or b.unit != "people" or "vague" in (a.bound, b.bound):
            continue
        if (a.thing, a.modifiers, a.window, a.place) != (b.thing, b.modifiers, b.window, b.place):
            continue
        whole = replace(
            a, outcome=tuple(sorted({*a.outcome, *b.outcome})), text=f"{a.text} + {b.text}"
        )
        quote = f'"{a.text}" {outcome_text(a.outcome)} + "{b.text}" {outcome_text(b.outcome)}'
        out.append(Counted(whole, total(span_of(a), span_of(b)), quote, (a, b)))
    return out


def _window_kind(window: str) -> tuple[str, str]:
    kind, _, value = window.partition(":")
    return kind, value


def _days(value: str) -> tuple[str, str]:
    first, _, last = value.partition("..")
    return first, last or first


def _day_key(day: str, other: str) -> tuple[str, str]:
    """Both days as ``MM-DD`` when either lacks its year, else as they are."""
    if day.startswith("--") or other.startswith("--"):
        return day[-5:], other[-5:]
    return day, other


def window_fit(a: str, b: str, restated: bool = True) -> str:
    """How two time windows stand: ``same``, ``unknown`` (one names a window, the other
    none; or both are the same relative words no date places, "on Sunday" without a
    published date, in claims that are not ``restated``) or ``different`` (disjoint days,
    a part of a period against the whole).

    >>> window_fit("day:2024-12-14..2024-12-15", "total"), window_fit("", "total")
    ('different', 'same')
    >>> window_fit("day:--12-14..--12-15", "day:2024-12-14..2024-12-15")
    'same'
    """
    (ka, va), (kb, vb) = _window_kind(a), _window_kind(b)
    if a == b:
        # "on Sunday" twice with no date to place them: the same Sunday only in a restatement
        return "same" if ka != "span" or restated else "unknown"
    cumulative = {"", "total"}
    if ka in cumulative and kb in cumulative:
        return "same"
    if ka == "" or kb == "":
        return "unknown"
    if ka == "day" and kb == "day":
        (a1, a2), (b1, b2) = _days(va), _days(vb)
        a1, b1 = _day_key(a1, b1)
        a2, b2 = _day_key(a2, b2)
        if (a1, a2) == (b1, b2):
            return "same"
        return "different" if a2 < b1 or b2 < a1 else "unknown"
    if "span" in (ka, kb) and "total" not in (ka, kb) and ka != kb:
        return "unknown"  # "on those two days" may be the days another report names
    return "different"


def _same_owner(a: str, b: str) -> bool:
    return a.split()[-1].lower() == b.split()[-1].lower()


_DEMONYM = re.compile(r"(?:an|ese|ish|i|ch)$")


def same_person(a: str, b: str) -> bool:
    """Whether two names name one person: the same family name, and the same first name
    unless one gives none ("Wilson" is "Javon Wilson"; "Mark Mata" is not "Hank Mata").

    >>> same_person("Javon Wilson", "Wilson"), same_person("Mark Mata", "Hank Mata")
    (True, False)
    """
    words_a = [w.lower() for w in a.split() if w[:1].isupper()]
    words_b = [w.lower() for w in b.split() if w[:1].isupper()]
    if not words_a or not words_b or words_a[-1] != words_b[-1]:
        return False
    if _DEMONYM.search(words_a[-1]) and (len(words_a) == 1 or len(words_b) == 1):
        return False  # "the 41-year-old American": who, not one person
    return len(words_a) == 1 or len(words_b) == 1 or words_a[0] == words_b[0]


def scope(a: Figure, b: Figure, restated: bool = True) -> str:
    """``same`` (compare freely), ``equal_only`` (only the same figure means something: one
    may be a part of the other) or ``""`` (different things: never compared)."""
    if a.unit not in COMPARED_UNITS or a.unit != b.unit or "vague" in (a.bound, b.bound):
        return ""
    if a.unit == "age":
        return "same" if same_person(a.of, b.of) else ""
    if a.of and b.of and a.unit != "people" and not _same_owner(a.of, b.of):
        return ""  # Carter's 14 points are not VanDeest's 13
    fit = "same"
    if a.unit == "money" and a.currency != b.currency:
        if a.currency and b.currency:
            return ""
        fit = "equal_only"
    if a.unit in ("people", "count"):
        if not (a.thing or a.outcome) or not (b.thing or b.outcome):
            return ""  # a bare number: nothing says what it counts
        if a.outcome != b.outcome:
            if a.outcome and b.outcome:
                return ""  # killed is a part of killed or wounded
            fit = "equal_only"
    if a.thing != b.thing:
        if a.thing not in GENERIC_THINGS and b.thing not in GENERIC_THINGS:
            return ""
        if (a.thing and b.thing) or not a.outcome or not a.modifiers:
            fit = "equal_only"  # 30 people, 12 children: maybe a part of the whole
        # else one names no thing ("North Korean losses at 3,000 killed or wounded"): the
        # same outcome of the same named group is the same count
    if a.modifiers != b.modifiers:
        mine, theirs = set(a.modifiers), set(b.modifiers)
        if mine and theirs and not (mine <= theirs or theirs <= mine):
            return ""
        fit = "equal_only"
    window = window_fit(a.window, b.window, restated)
    if window == "different":
        return ""
    if window == "unknown":
        fit = "equal_only"
    return fit


def same_figure(a: Interval, b: Interval) -> bool:
    """Whether two figures state the same number (3,000 = three thousand = about 3,000)."""
    return math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9)


def pair_relation(
    a: Figure | Counted, b: Figure | Counted, *, estimate: bool = False, growth: int = 0
) -> tuple[str, str]:
    """``(relation, reason)`` of two figures that count the same thing in the same scope.

    ``estimate``: either side is hedged as an estimate (figures that cannot both be true
    then differ rather than contradict); ``growth``: +1 when ``a`` was published before
    ``b``, -1 after, 0 same day or unknown (a running toll may only grow).
    """
    ca = a if isinstance(a, Counted) else counted_of(a)
    cb = b if isinstance(b, Counted) else counted_of(b)
    sa, sb = ca.span, cb.span
    if same_figure(sa, sb):
        return "agrees", "same figure"
    words = f"{describe(sa)} vs {describe(sb)}"
    if not disjoint(sa, sb):
        if math.isinf(sa.hi) and math.isinf(sb.hi):
            return "differs", f"two lower bounds: {words}"
        return "differs", f"different figures, both possible: {words}"
    if ca.figure.unit in NEVER_CONTRADICT:
        return "differs", f"different measurements: {words}"
    if estimate:
        return "differs", f"different estimates: {words}"
    cumulative = ca.figure.window in ("", "total") and cb.figure.window in ("", "total")
    if cumulative and growth and (sa.hi <= sb.lo if growth > 0 else sb.hi <= sa.lo):
        return "differs", f"a later, higher count: {words}"
    return "contradicts", f"same count, disjoint ranges: {words}"
