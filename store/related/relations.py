"""How one claim stands to another: ``agrees``, ``differs``, ``contradicts`` or ``related``.

The facts compared are the ones read at ingest (:mod:`claimdesk.store.extract.facts`) and
stored with each sentence; free text is read by the same functions. Claims are compared
only when they share enough beyond the figures and dates themselves (a name, and words
other than the counted thing, its outcome, numbers, months and weekdays); a figure only
with a figure that counts the same thing in the same scope (:mod:`.figure_pairs`); a date
only with a date of the same event.

    >>> low = side_of_text("South Korean intelligence said at least 100 North Korean soldiers"
    ...                    " had been killed and another 1,000 wounded in the Kursk region.")
    >>> high = side_of_text("Zelensky said more than 3,000 North Korean soldiers had already"
    ...                     " been killed or wounded in the Kursk region.")
    >>> relate(low, high, 60.0, shared_content(low, high))
    ('differs', 'North Korean soldiers killed or wounded: "at least 100" killed + "another 1,000" wounded vs "more than 3,000" — two lower bounds: at least 1,100 vs more than 3,000')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimdesk.store.extract.counted import OUTCOMES, THING_SYNONYMS
from claimdesk.store.extract.dates import MONTHS, parse_published
from claimdesk.store.extract.facts import EVENTS
from claimdesk.store.extract.features import entities, hedge_of
from claimdesk.store.extract.sentences import split_sentences
from claimdesk.store.models import DateMention, Figure, date_from_dict, figure_from_dict
from claimdesk.store.related.figure_pairs import (
    OUTCOME_WORDS,
    Counted,
    counted_of,
    outcome_text,
    pair_relation,
    scope,
    totals,
)
from claimdesk.store.related.matching_form import match_tokens, stem

COMPARE_MIN_SCORE = 20.0
"""Figures and dates are compared only between claims at least this similar (0..100)."""

AGREE_MIN_SCORE = 70.0
"""Claims without compared figures or dates agree (the same statement) from this score."""

RESTATED_SCORE = AGREE_MIN_SCORE
"""Figures that are not a toll (counts of other things, sums, shares, measures) differ or
contradict only between claims this similar: restatements of one sentence. Elsewhere a
different figure is more often another player's, another operation's or another offer's."""

AGE_SAME_TIME_DAYS = 30
"""Two ages of one person contradict only in reports published this close together
(ages grow: 27 at the shooting, 29 at the trial)."""

MIN_SHARED_CONTENT = 2
"""Words two claims must share beyond their figures, counted things, outcomes and dates."""

MIN_SHARED_NAMES = 1
"""Names (of the claims or their documents' titles) two claims must share."""

ESTIMATE_HEDGES = frozenset(
    [
        "estimated",
        "believed",
        "thought",
        "may",
        "might",
        "could",
        "possibly",
        "probably",
        "likely",
        "perhaps",
    ]
)
"""Hedges that make a figure an estimate: figures that cannot both be true then differ."""

_GENERIC_NAMES = frozenset(
    [
        "police",
        "officials",
        "official",
        "president",
        "government",
        "minister",
        "ministry",
        "department",
        "office",
        "city",
        "county",
        "state",
        "man",
        "woman",
        "men",
        "women",
        "boy",
        "girl",
        "family",
        "father",
        "mother",
        "son",
        "daughter",
        "wife",
        "husband",
        "update",
        "updated",
        "breaking",
        "news",
        "report",
        "reports",
        "video",
        "photos",
        "people",
        "sheriff",
        "authorities",
        "army",
        "military",
        "troops",
        "soldiers",
        "forces",
        "high",
        "school",
        "elementary",
        "middle",
        "university",
        "college",
        "hospital",
        "medical",
        "center",
        "centre",
        "street",
        "avenue",
        "road",
        "block",
        "park",
        "church",
        "north",
        "south",
        "east",
        "west",
        "new",
        "national",
        "international",
        "united",
        "district",
        "court",
        "judge",
        "mr",
        "mrs",
        "ms",
        "dr",
        "navy",
        "air",
        "force",
        "coast",
        "guard",
    ]
)
_GENERIC_WORDS = frozenset(stem(w) for w in _GENERIC_NAMES)
_DATE_WORDS = frozenset(MONTHS) | frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "year",
        "years",
        "night",
        "morning",
        "evening",
        "afternoon",
    ]
)
_NOT_NAME_WORDS = (
    _GENERIC_NAMES
    | _DATE_WORDS
    | frozenset(OUTCOMES)
    | frozenset(EVENTS)
    | frozenset(THING_SYNONYMS)
)
_ORDER = {"contradicts": 3, "differs": 2, "agrees": 1}


@dataclass(frozen=True)
class Side:
    """One claim as compared: its text, stored facts, names and its document's title and date."""

    text: str
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    names: frozenset[str] = frozenset()
    title: str = ""
    published: str = ""
    hedge: str = ""
    own_names: frozenset[str] = frozenset()
    """The name keys of the claim itself (``names`` adds its document title's)."""


@dataclass(frozen=True)
class Shared:
    """What two claims have in common: name keys and content keys (stemmed)."""

    names: frozenset[str]
    content: frozenset[str]


def name_keys(names) -> frozenset[str]:
    """The stemmed words of names, without words that name nobody in particular (Police, Man)."""
    out = set()
    for name in names:
        for word in re.findall(r"[^\W\d_]+", name.lower()):
            if len(word) > 1 and not _NOT_NAME_WORDS.intersection((word,)):
                out.add(stem(word))
    return frozenset(out)


@lru_cache(maxsize=4096)
def title_names(title: str) -> frozenset[str]:
    """The name keys of a document title."""
    return name_keys(entities(title)) if title else frozenset()


def side_of_text(text: str, title: str = "", published: str = "") -> Side:
    """A :class:`Side` for free text, read by the same functions as ingest."""
    from claimdesk.store.extract.facts import read_facts

    figures: list[Figure] = []
    dates: list[DateMention] = []
    for span in split_sentences(text) or []:
        found, when = read_facts(span.text, span.start, published=published)
        figures += [figure_from_dict(f) for f in found]
        dates += [date_from_dict(d) for d in when]
    own = name_keys(entities(text))
    return Side(
        text=text,
        figures=tuple(figures),
        dates=tuple(dates),
        names=own | title_names(title),
        title=title,
        published=published,
        hedge=hedge_of(text),
        own_names=own,
    )


def fact_words(side: Side) -> frozenset[str]:
    """Stemmed words that only restate a side's facts (numbers, counted things, outcomes,
    event words, dates): sharing them says nothing about being the same event. Modifiers
    (North Korean) are not among them: they say whose count it is."""
    words = set()
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


def shared_content(mine: Side, theirs: Side, shared_keys=None) -> Shared:
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
        and k not in _DATE_WORDS
        and k not in OUTCOMES
        and k not in EVENTS
        and k not in _GENERIC_WORDS
    }
    return Shared(names=mine.names & theirs.names, content=frozenset(content))


def enough_shared(shared: Shared, disagreeing: bool = True) -> bool:
    """Whether two claims share enough beyond their facts to be about the same thing: a
    name, and :data:`MIN_SHARED_CONTENT` words to say they disagree (one to agree)."""
    content = MIN_SHARED_CONTENT if disagreeing else 1
    return len(shared.names) >= MIN_SHARED_NAMES and len(shared.content) >= content


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


def _key(f: Figure) -> tuple:
    return (f.unit, f.thing, f.modifiers, f.outcome, f.currency)


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
    left = [counted_of(f) for f in mine.figures] + totals(list(mine.figures))
    right = [counted_of(f) for f in theirs.figures] + totals(list(theirs.figures))
    estimate = (mine.hedge in ESTIMATE_HEDGES) or (theirs.hedge in ESTIMATE_HEDGES)
    growth = _growth(mine, theirs)
    candidates = []
    for a in left:
        for b in right:
            fit = scope(a.figure, b.figure)
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
    return sorted(found, key=lambda r: -_ORDER[r[0]])


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
    return sorted(out, key=lambda r: -_ORDER[r[0]])


def _span(a: DateMention, b: DateMention) -> tuple[str, str]:
    """``a``'s first and last day, as ``MM-DD`` if either side lacks the year."""
    return _day(a.day, b.day), _day(a.last or a.day, b.day)


def _day(day: str, other: str) -> str:
    return day[-5:] if day.startswith("--") or other.startswith("--") else day


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
        relation = max(findings, key=lambda r: _ORDER[r[0]])[0]
        reasons = [r for rel, r in findings if rel == relation]
        return relation, "; ".join(dict.fromkeys(reasons[:2]))
    counted_both = _counts_anything(mine) and _counts_anything(theirs)
    if score >= AGREE_MIN_SCORE and not counted_both and enough_shared(shared):
        return "agrees", "same statement"
    return "related", ""


def _counts_anything(side: Side) -> bool:
    return any(
        f.unit in ("people", "count", "money", "percent") and f.bound != "vague"
        for f in side.figures
    )
