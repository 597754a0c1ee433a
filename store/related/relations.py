"""How one claim stands to another: ``agrees``, ``differs``, ``contradicts`` or ``related``.

The facts compared are the ones read at ingest (:mod:`claimdesk.store.extract.facts`) and
stored with each sentence; free text is read by the same functions. Claims are compared
only when they share enough beyond the figures and dates themselves (a name, and words
other than the counted thing, its outcome, numbers, months and weekdays); a figure only
with a figure that counts the same thing in the same scope, a date only with a date of the
same event (:mod:`.compare`).

    >>> from claimdesk.store.related.sides import side_of_text
    >>> low = side_of_text("South Korean intelligence said at least 100 North Korean soldiers"
    ...                    " had been killed and another 1,000 wounded in the Kursk region.")
    >>> high = side_of_text("Zelensky said more than 3,000 North Korean soldiers had already"
    ...                     " been killed or wounded in the Kursk region.")
    >>> relate(low, high, 60.0, shared_content(low, high))
    ('differs', 'North Korean soldiers killed or wounded: "at least 100" killed + "another 1,000" wounded vs "more than 3,000" — two lower bounds: at least 1,100 vs more than 3,000')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claimdesk.store.extract.counted import OUTCOMES
from claimdesk.store.extract.facts import EVENTS
from claimdesk.store.extract.number_kinds import COMPARED_UNITS
from claimdesk.store.related.compare import (
    AGREE_MIN_SCORE,
    ORDER,
    compare_dates,
    compare_figures,
)
from claimdesk.store.related.matching_form import match_tokens, stem
from claimdesk.store.related.sides import (
    DATE_WORDS,
    GENERIC_WORDS,
    Side,
)

COMPARE_MIN_SCORE = 20.0
"""Figures and dates are compared only between claims at least this similar (0..100)."""

MIN_SHARED_CONTENT = 2
"""Words two claims must share beyond their figures, counted things, outcomes and dates."""

MIN_SHARED_NAMES = 1
"""Names (of the claims or their documents' titles) two claims must share."""


@dataclass(frozen=True)
class Shared:
    """What two claims have in common: name keys and content keys (stemmed)."""

    names: frozenset[str]
    content: frozenset[str]


def fact_words(side: Side) -> frozenset[str]:
    """Stemmed words that only restate a side's facts (numbers, counted things, outcomes,
    event words, dates): sharing them says nothing about being the same event. Modifiers
    (North Korean) are not among them: they say whose count it is."""
    words: set[str] = set()
    for f in side.figures:
        words.update(stem(w) for w in match_tokens(f.text))
        words.add(f.thing)
    for d in side.dates:
        words.update(stem(w) for w in match_tokens(d.text))
    return frozenset(words)


@lru_cache(maxsize=4096)
def title_keys(title: str) -> frozenset[str]:
    """The stemmed informative words of a document title."""
    return frozenset(match_tokens(title)) if title else frozenset()


def shared_content(mine: Side, theirs: Side, shared_keys: Iterable[str] | None = None) -> Shared:
    """The :class:`Shared` of two sides; ``shared_keys``: the stems both sentences hold (the
    engine's, with spelling variants and aliases merged), else computed from the texts.
    Words both titles hold count too: the two documents report the same event."""
    if shared_keys is None:
        shared_keys = set(match_tokens(mine.text)) & set(match_tokens(theirs.text))
    ignore = fact_words(mine) | fact_words(theirs)
    candidates = set(shared_keys) | (title_keys(mine.title) & title_keys(theirs.title))
    content = {
        k
        for k in candidates
        if k not in ignore
        and not k.replace(".", "").isdigit()
        and k not in DATE_WORDS
        and k not in OUTCOMES
        and k not in EVENTS
        and k not in GENERIC_WORDS
    }
    return Shared(names=mine.names & theirs.names, content=frozenset(content))


def enough_shared(shared: Shared, disagreeing: bool = True) -> bool:
    """Whether two claims share enough beyond their facts to be about the same thing: a
    name, and :data:`MIN_SHARED_CONTENT` words to say they disagree (one to agree)."""
    content = MIN_SHARED_CONTENT if disagreeing else 1
    return len(shared.names) >= MIN_SHARED_NAMES and len(shared.content) >= content


def relate(
    mine: Side, theirs: Side, score: float, shared: Shared, elsewhere: str = ""
) -> tuple[str, str]:
    """``(relation, reason)`` of claim ``theirs`` for claim ``mine``, found with ``score``
    (0..100); ``reason`` is ``""`` when nothing was compared. ``elsewhere``: the two name
    different places ("in Kharkiv vs in Odesa"): the same count in two places is two facts."""
    if score < COMPARE_MIN_SCORE:
        return "related", ""
    if elsewhere:
        return "related", elsewhere
    if not enough_shared(shared, disagreeing=False):
        return "related", ""
    findings = compare_figures(mine, theirs, score) + compare_dates(mine, theirs)
    if not enough_shared(shared):
        findings = [f for f in findings if f[0] == "agrees"]
    if findings:
        relation = max(findings, key=lambda r: ORDER[r[0]])[0]
        reasons = [r for rel, r in findings if rel == relation]
        return relation, "; ".join(dict.fromkeys(reasons[:2]))
    if score >= AGREE_MIN_SCORE and _same_numbers(mine, theirs) and enough_shared(shared):
        return "agrees", "same statement"
    return "related", ""


def _same_numbers(mine: Side, theirs: Side) -> bool:
    """Whether two claims state the same numbers and days, kind by kind (12 years and 12
    years; not 6 p.m. and 6 people, nor March 3 and March 5): a number or a day that only
    one of them states makes two statements."""

    def numbers(side: Side) -> list[tuple[str, float, str] | str]:
        figures = sorted(
            (f.unit, f.value, f.window if f.unit in COMPARED_UNITS else "") for f in side.figures
        )
        days = sorted(d.day for d in side.dates if d.day and not d.reported)
        return figures + days

    return numbers(mine) == numbers(theirs)
