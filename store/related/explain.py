"""Stage three: how a related claim stands to the query (agrees / conflicts / related) and why.

>>> relation_of_figures(
...     read_figures("at least 100 soldiers were killed and another 1,000 wounded"),
...     read_figures("more than 3,000 soldiers were killed or wounded"))
('conflicts', '"at least 100" vs "more than 3,000" killed soldier; "1,000" vs "more than 3,000" wounded')
>>> relation_of_figures(read_figures("at least 30 killed"), read_figures("30 people killed"))
('agrees', '"at least 30" vs "30" killed agree')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdesk.store.related.facts import (
    EVENT_STEMS,
    Reading,
    read_dates,
    read_figures,
    read_places,
)
from claimdesk.store.related.matching_form import stem
from claimdesk.store.related.quantities import conflicting
from claimdesk.store.related.scoring import Bag, shared_keys, translate

if TYPE_CHECKING:  # candidates builds the query; explain only reads it
    from claimdesk.store.related.candidates import Query

SHOWN_TERMS = 4
"""How many shared terms the explanation names."""

CONFLICT_MIN_SCORE = 35.0
"""A figure or date difference is a conflict only between claims at least this similar."""

AGREE_MIN_SCORE = 70.0
"""Claims without comparable figures agree when they score at least this."""

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def comparable(a: Reading, b: Reading) -> bool:
    """Whether two figures count the same thing (same unit, same outcome or counted word).

    When either figure counts an outcome (killed, wounded, captured, ...), both must
    share one, and that is enough (30 civilians wounded, 30 people hurt); 12,000 troops
    deployed and 100 troops killed are different counts.

    >>> comparable(read_figures("12,000 troops are in Russia")[0],
    ...            read_figures("100 troops have died")[0])
    False
    """
    if a.percent != b.percent:
        return False
    mine, theirs = outcomes(a), outcomes(b)
    if mine or theirs:  # an outcome is what is counted: 30 civilians wounded = 30 people hurt
        return bool(mine & theirs)
    return bool(a.counts & b.counts)


_OUTCOME_OF = {
    **dict.fromkeys(("kill", "killed", "killing", "dead", "died", "death"), "death"),
    **dict.fromkeys(("wounded", "injured", "injury", "hurt"), "injury"),
    **dict.fromkeys(("captured", "arrested", "detained"), "capture"),
    "displaced": "displacement",
    "evacuated": "evacuation",
    "casualty": "casualty",
    "victim": "casualty",
}


def outcomes(figure: Reading) -> frozenset[str]:
    """What a figure counts as outcomes, synonyms merged (killed = died = dead).

    Casualties and victims cover deaths and injuries alike.

    >>> sorted(outcomes(read_figures("100 soldiers died")[0]))
    ['death']
    """
    found = {_OUTCOME_OF.get(stem, stem) for stem in figure.counts & EVENT_STEMS}
    if "casualty" in found:
        found |= {"death", "injury"}
    return frozenset(found)


def _pair_text(a: Reading, b: Reading) -> str:
    counted = " ".join(sorted(a.counts & b.counts, key=lambda w: (len(w) < 5, w))[:2])
    return f'"{a.text}" vs "{b.text}" {counted}'.rstrip()


def relation_of_figures(mine: list[Reading], theirs: list[Reading]) -> tuple[str, str]:
    """``(relation, reason)`` from figures alone; relation ``""`` when none are comparable.

    Each figure is compared with the figures on the other side that share the
    most counted words; it conflicts when all of those have disjoint intervals.
    """
    conflicts, agreements = [], []
    for a in mine:
        others = [b for b in theirs if comparable(a, b)]
        if not others:
            continue
        closest = max(len(a.counts & b.counts) for b in others)
        others = [b for b in others if len(a.counts & b.counts) == closest]
        fitting = [b for b in others if not conflicting(a.interval, b.interval)]
        if fitting:
            agreements.append((a, fitting[0]))
        else:
            conflicts.append((a, others[0]))
    if conflicts:
        return "conflicts", "; ".join(_pair_text(a, b) for a, b in conflicts[:2])
    if agreements:
        return "agrees", "; ".join(_pair_text(a, b) for a, b in agreements[:2]) + " agree"
    return "", ""


def _day(md: str) -> str:
    month, day = md.split("-")
    return f"{int(day)} {_MONTH_NAMES[int(month) - 1]}"


def relation_of_dates(mine: str, theirs: str) -> tuple[str, str]:
    """``("conflicts", reason)`` when both name dates and share none, else ``("", "")``."""
    a, b = read_dates(mine), read_dates(theirs)
    if a and b and not a & b:
        return (
            "conflicts",
            f"dates {', '.join(map(_day, sorted(a)))} vs {', '.join(map(_day, sorted(b)))}",
        )
    return "", ""


def different_places(query: Query, other_text: str) -> str:
    """``"in X vs in Y"`` when each text names a place the other does not, else ``""``.

    "In Mosul near the airfield" and "in Mosul" are one place; "in Tbilisi at the
    steel works" and "in Gaza near the steel works" are two.

    Spelling variants the query found count as the same place (Kharkiv is
    Kharkov), and so do aliases (Bombay is Mumbai once the alias is known).

    >>> from claimdesk.store.related.candidates import Query
    >>> from claimdesk.store.related.scoring import Bag
    >>> q = Query("100 died in Kharkiv", "", [], Bag({}))
    >>> different_places(q, "3,000 died in Odesa"), different_places(q, "3,000 died in Kharkiv")
    ('in Kharkiv vs in Odesa', '')
    """
    places = query.places if query.places is not None else read_places(query.text)
    mine = _place_keys(query, places)
    theirs = _place_keys(query, read_places(other_text)) if mine else {}
    if not theirs:
        return ""
    all_mine, all_theirs = set().union(*mine.values()), set().union(*theirs.values())
    only_mine = [name for name, keys in mine.items() if not keys & all_theirs]
    only_theirs = [name for name, keys in theirs.items() if not keys & all_mine]
    if not only_mine or not only_theirs:
        return ""  # one names a place the other does not, or a site inside the same place
    return f"in {', '.join(only_mine)} vs in {', '.join(only_theirs)}"


def _place_keys(query: Query, places: list[tuple[str, ...]]) -> dict[str, set[str]]:
    """Each place's name -> its words as keys: stemmed, spelling variants and aliases merged."""
    groups = query.aliases
    out = {}
    for place in places:
        words = [w.lower() for w in place]
        if groups is not None:
            words = groups.canonical(words)
        out[" ".join(place)] = {query.variant_of.get(stem(w), stem(w)) for w in words}
    return out


def explain(query: Query, other_text: str, other_bag: Bag, score: float) -> tuple[str, str]:
    """``(relation, why)`` for a candidate ``other_text`` found for ``query`` with ``score``."""
    bag = translate(other_bag, query.variant_of)
    names = [query.bag.surface.get(k, k).replace("_", " ") for k in shared_keys(query.bag, bag)]
    words = [n for n in names if not n.replace(".", "").isdigit()][:SHOWN_TERMS]
    parts = ["shares " + ", ".join(words)] if words else []
    theirs = read_figures(other_text)
    relation, reason = relation_of_figures(query.figures, theirs)
    if relation == "conflicts" and score < CONFLICT_MIN_SCORE:
        relation, reason = "related", ""
    # the same count, or the same event, on another day (captured 26 vs 27 December);
    # figures on both sides that count different things make two facts, unless all else
    # is the same
    counts_differ = not relation and query.figures and theirs
    if relation != "conflicts" and score >= (
        AGREE_MIN_SCORE if counts_differ else CONFLICT_MIN_SCORE
    ):
        on_other_day, day_reason = relation_of_dates(query.text, other_text)
        if on_other_day:
            relation, reason = on_other_day, day_reason
    if relation:
        elsewhere = different_places(query, other_text)
        if elsewhere:  # the same count in two places is two facts, not one agreed or disputed
            relation, reason = "related", elsewhere
    if not relation:
        relation = "agrees" if score >= AGREE_MIN_SCORE else "related"
    if reason:
        parts.append(reason)
    return relation, "; ".join(parts) or "similar wording"
