"""Stage three: how a related claim stands to the query (agrees / differs / contradicts /
related) and why, from the stored facts of both (see :mod:`.relations`).

The explanation starts with the words the two share, then names the figures compared as
written, what they count and the reason:

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> _ = store.add_text("As many as 1,100 North Korean soldiers were killed in Kursk, Seoul said.")
    >>> _ = store.add_text("More than three thousand North Korean soldiers were killed in Kursk.")
    >>> hit = store.related(store.claims()[0].id)[0]
    >>> hit.relation
    'contradicts'
    >>> hit.why.split("; ")[1]
    'North Korean soldiers killed: "As many as 1,100" vs "More than three thousand" — same count, disjoint ranges: at most 1,100 vs more than 3,000'
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from claimdesk.store.models import Claim
from claimdesk.store.related.matching_form import stem
from claimdesk.store.related.relations import relate, shared_content
from claimdesk.store.related.scoring import Bag, shared_keys, translate
from claimdesk.store.related.sides import Side, side_of_text

if TYPE_CHECKING:  # candidates builds the query; explain only reads it
    from claimdesk.store.related.aliases import AliasGroups
    from claimdesk.store.related.candidates import Query

SHOWN_TERMS = 4
"""How many shared terms the explanation names."""


def places_of(side: Side) -> list[str]:
    """The places a claim's facts happen in, in order."""
    found = [f.place for f in side.figures if f.place] + [d.place for d in side.dates if d.place]
    return list(dict.fromkeys(found))


def different_places(query: Query, mine: Side, theirs: Side) -> str:
    """``"in X vs in Y"`` when each claim names a place the other does not, else ``""``.

    "In Mosul near the airfield" and "in Mosul" are one place; "in Tbilisi at the
    steel works" and "in Gaza near the steel works" are two. Spelling variants the query
    found count as the same place (Kharkiv is Kharkov), and so do aliases (Bombay is
    Mumbai once the alias is known).
    """
    mine_keys = _place_keys(query, places_of(mine))
    theirs_keys = _place_keys(query, places_of(theirs)) if mine_keys else {}
    if not theirs_keys:
        return ""
    all_mine, all_theirs = set().union(*mine_keys.values()), set().union(*theirs_keys.values())
    only_mine = [name for name, keys in mine_keys.items() if not keys & all_theirs]
    only_theirs = [name for name, keys in theirs_keys.items() if not keys & all_mine]
    if not only_mine or not only_theirs:
        return ""  # one names a place the other does not, or a site inside the same place
    return f"in {', '.join(only_mine)} vs in {', '.join(only_theirs)}"


def _place_keys(query: Query, places: list[str]) -> dict[str, set[str]]:
    """Each place's name -> its words as keys: stemmed, spelling variants and aliases merged."""
    groups = query.aliases
    variant_of = query.variant_of
    out = {}
    for place in places:
        words = [w.lower().replace("'", "").replace("’", "") for w in place.split()]
        if groups is not None:
            words = groups.canonical(words)
        out[place] = {variant_of.get(stem(w), stem(w)) for w in words}
    return out


def _translated(side: Side, variant_of: dict[str, str], groups: AliasGroups | None = None) -> Side:
    """``side`` with its name keys spelt as the query spells them (Zelenskyy -> Zelensky) and
    one-word aliases merged (Bombay = Mumbai once the alias is known)."""
    if groups is not None and groups.key_of:

        def key(k: str) -> str:
            return groups.canonical([variant_of.get(k, k)])[0]

    elif variant_of and not variant_of.keys().isdisjoint(side.names):

        def key(k: str) -> str:
            return variant_of.get(k, k)

    else:
        return side
    return replace(
        side,
        names=frozenset(map(key, side.names)),
        own_names=frozenset(map(key, side.own_names)),
    )


def explain(
    query: Query, other: Claim | str, other_bag: Bag, score: float, theirs: Side | None = None
) -> tuple[str, str]:
    """``(relation, why)`` for candidate ``other`` found for ``query`` with ``score``.

    ``query.side`` and ``theirs`` are the two claims' stored facts (see
    :class:`~claimdesk.store.related.stored_facts.StoredFacts`); without them the texts
    are read by the ingest functions.
    """
    bag = translate(other_bag, query.variant_of)
    keys = shared_keys(query.bag, bag)
    names = [query.bag.surface.get(k, k).replace("_", " ") for k in keys]
    words = [n for n in names if not n.replace(".", "").isdigit()][:SHOWN_TERMS]
    parts = ["shares " + ", ".join(words)] if words else []
    mine = query.side or side_of_text(query.text)
    if theirs is None:
        theirs = side_of_text(other if isinstance(other, str) else other.text)
    groups = query.aliases
    mine = _translated(mine, {}, groups)
    theirs = _translated(theirs, query.variant_of, groups)
    shared = shared_content(mine, theirs, keys)
    elsewhere = different_places(query, mine, theirs)
    relation, reason = relate(mine, theirs, score, shared, elsewhere)
    if reason:
        parts.append(reason)
    return relation, "; ".join(parts) or "similar wording"
