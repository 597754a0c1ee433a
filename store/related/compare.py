"""The figures and dates of two claims compared, one to one.

A figure is compared only with a figure that counts the same thing in the same scope
(:mod:`.figure_pairs`), and agreements are matched first, so a figure that agrees with one
figure of the other claim is not then read as disagreeing with another; a date only with
the date of the same event.

    >>> from claimdesk.store.related.sides import side_of_text
    >>> compare_figures(side_of_text("Up to 1,100 soldiers were killed in the Sudzha assault."),
    ...                 side_of_text("More than 3,000 soldiers died in the Sudzha assault."))[0][0]
    'contradicts'
"""

from __future__ import annotations

from dataclasses import replace

from claimdesk.store.extract.dates import parse_published
from claimdesk.store.extract.wordlists import word_list
from claimdesk.store.models import DateMention, Figure
from claimdesk.store.related.figure_pairs import (
    OUTCOME_WORDS,
    Counted,
    counted_of,
    outcome_text,
    pair_relation,
    scope,
    totals,
)
from claimdesk.store.related.sides import Side

AGREE_MIN_SCORE = 70.0
"""Claims without compared figures or dates agree (the same statement) from this score."""

RESTATED_SCORE = AGREE_MIN_SCORE
"""Figures that are not a toll (counts of other things, sums, shares, measures) differ or
contradict only between claims this similar: restatements of one sentence. Elsewhere a
different figure is more often another player's, another operation's or another offer's."""

AGE_SAME_TIME_DAYS = 30
"""Two ages of one person contradict only in reports published this close together
(ages grow: 27 at the shooting, 29 at the trial)."""

ESTIMATE_HEDGES = frozenset(
    word_list("estimated believed thought may might could possibly probably likely perhaps")
)
"""Hedges that make a figure an estimate: figures that cannot both be true then differ."""

ORDER = {"contradicts": 3, "differs": 2, "agrees": 1}
"""Relations from the strongest: a contradiction outweighs a difference, which outweighs agreement."""


def _growth(mine: Side, theirs: Side) -> int:
    a, b = parse_published(mine.published), parse_published(theirs.published)
    if a is None or b is None or a == b:
        return 0
    return 1 if a < b else -1


def _describe_thing(a: Figure, b: Figure) -> str:
    """What two figures count, in words: ``North Korean soldiers killed or wounded``."""
    if a.unit == "money":
        return f"money ({a.currency or b.currency or 'currency unknown'})"
    if a.unit == "percent":
        return "percent" + (f" of {a.thing}" if a.thing else "")
    if a.unit == "age":
        return f"age of {a.of or b.of}"
    phrase = next(
        (f.counts for f in (a, b) if f.counts and f.counts.lower() not in OUTCOME_WORDS.values()),
        "",
    )
    outcome = outcome_text(a.outcome or b.outcome)
    if phrase and outcome and outcome.split()[0] in phrase.lower():
        outcome = ""
    return " ".join(p for p in (phrase, outcome) if p) or a.thing or "count"


def _place_words(side: Side) -> set[str]:
    places = [f.place for f in side.figures] + [d.place for d in side.dates]
    return {p.lower() for p in places if p}


def _unplaced(figures: tuple[Figure, ...], places: set[str]) -> list[Figure]:
    """``figures`` without modifiers that only say where ("Tamsin villagers" are the
    villagers evacuated from Tamsin): places are compared claim against claim."""
    if not places:
        return list(figures)
    return [
        replace(f, modifiers=tuple(m for m in f.modifiers if m not in places))
        if set(f.modifiers) & places
        else f
        for f in figures
    ]


def _key(f: Figure) -> tuple[object, ...]:
    return (f.unit, f.thing, f.modifiers, f.outcome, f.currency, f.of)


def _unique(c: Counted, figures: tuple[Figure, ...]) -> bool:
    """Whether no other figure of the claim counts the same (two touchdown figures in one
    sentence belong to two players or two games: neither can be the other claim's)."""
    key = _key(c.figure)
    return sum(_key(f) == key for f in figures if f not in c.parts) == 0


def _owned_alike(a: Counted, mine: Side, theirs: Side, score: float) -> bool:
    """Whether two figures that differ can be the same thing's: a toll (an outcome counted)
    belongs to the event, an age to its person; any other count, sum or share to whoever
    the claim names, so only restatements (``score`` at least :data:`RESTATED_SCORE`) that
    name the same ones compare them (the Orioles' offer is not the Nationals')."""
    if (a.figure.unit == "people" and a.figure.outcome) or a.figure.unit == "age":
        return True
    own, other = mine.own_names, theirs.own_names
    return score >= RESTATED_SCORE and bool(own and other) and (own <= other or other <= own)


def _names_overlap(mine: Side, theirs: Side) -> bool:
    """Claims that both name someone must name someone in common to disagree (the British
    navy's eight pirates are not the Indian navy's 23)."""
    own, other = mine.own_names, theirs.own_names
    return not (own and other) or bool(own & other)


def _same_time(mine: Side, theirs: Side) -> bool:
    a, b = parse_published(mine.published), parse_published(theirs.published)
    return a is not None and b is not None and abs((a - b).days) <= AGE_SAME_TIME_DAYS


def compare_figures(mine: Side, theirs: Side, score: float = 100.0) -> list[tuple[str, str]]:
    """``(relation, reason)`` for the figures (and totals) of two claims matched one to one,
    strongest relation first. Agreements are matched first, so a figure that agrees with
    one figure of the other claim is not then read as disagreeing with another."""
    places = _place_words(mine) | _place_words(theirs)
    left = [counted_of(f) for f in _unplaced(mine.figures, places)]
    right = [counted_of(f) for f in _unplaced(theirs.figures, places)]
    left += totals([c.figure for c in left])
    right += totals([c.figure for c in right])
    estimate = (mine.hedge in ESTIMATE_HEDGES) or (theirs.hedge in ESTIMATE_HEDGES)
    growth = _growth(mine, theirs)
    candidates = []
    for a in left:
        for b in right:
            fit = scope(a.figure, b.figure, restated=score >= RESTATED_SCORE)
            if not fit:
                continue
            relation, reason = pair_relation(a, b, estimate=estimate, growth=growth)
            if relation != "agrees" and (
                fit == "equal_only"
                or not _unique(a, mine.figures)
                or not _unique(b, theirs.figures)
                or not _owned_alike(a, mine, theirs, score)
            ):
                continue
            if (
                relation == "contradicts"
                and a.figure.unit == "age"
                and not _same_time(mine, theirs)
            ):
                continue  # ages grow: reports of unknown or distant dates may both be right
            if relation != "agrees" and not _names_overlap(mine, theirs):
                continue
            rank = (relation == "agrees", fit == "same", _closeness(a, b))
            candidates.append((rank, a, b, relation, reason))
    candidates.sort(key=lambda c: c[0], reverse=True)
    used: set[int] = set()
    found = []
    for _, a, b, relation, reason in candidates:
        parts = [id(f) for f in (*a.parts, *b.parts)]
        if used.intersection(parts):
            continue
        used.update(parts)
        found.append((relation, _explain(a, b, reason)))
    return sorted(found, key=lambda r: -ORDER[r[0]])


def _closeness(a: Counted, b: Counted) -> int:
    return len(set(a.figure.modifiers) & set(b.figure.modifiers)) + (
        a.figure.thing == b.figure.thing
    )


def _explain(a: Counted, b: Counted, reason: str) -> str:
    return f"{_describe_thing(a.figure, b.figure)}: {a.quote} vs {b.quote} — {reason}"


def _event_dates(side: Side) -> dict[str, list[DateMention]]:
    out: dict[str, list[DateMention]] = {}
    for d in side.dates:
        if d.event and d.day and not d.reported:
            out.setdefault(d.event, []).append(d)
    return out


def compare_dates(mine: Side, theirs: Side) -> list[tuple[str, str]]:
    """``(relation, reason)`` for the days of the same event on both sides (captured on
    December 26 vs December 27): the same days agree; disjoint days contradict, but only
    between calendar dates as written (a weekday is resolved from the published date, which
    may be off), and only when each side gives that event one date and no other date of
    it agrees (two shootings in one sentence are two events)."""
    out = []
    theirs_by_event = _event_dates(theirs)
    for event, mine_dates in _event_dates(mine).items():
        others = theirs_by_event.get(event, [])
        same = [(a, b) for a in mine_dates for b in others if _span(a, b) == _span(b, a)]
        label = {"capture": "captured", "death": "died", "killing": "killed"}.get(event, event)
        if same:
            a, b = same[0]
            out.append(("agrees", f'{label}: "{a.text}" vs "{b.text}" — same day'))
            continue
        if len(mine_dates) != 1 or len(others) != 1:
            continue
        a, b = mine_dates[0], others[0]
        if a.relative or b.relative:
            continue
        (first_a, last_a), (first_b, last_b) = _span(a, b), _span(b, a)
        if last_a < first_b or last_b < first_a:
            out.append(
                ("contradicts", f'{label}: "{a.text}" vs "{b.text}" — same event, different days')
            )
    return sorted(out, key=lambda r: -ORDER[r[0]])


def _span(a: DateMention, b: DateMention) -> tuple[str, str]:
    """``a``'s first and last day, as ``MM-DD`` if either side lacks the year."""
    return _day(a.day, b.day), _day(a.last or a.day, b.day)


def _day(day: str, other: str) -> str:
    return day[-5:] if day.startswith("--") or other.startswith("--") else day
