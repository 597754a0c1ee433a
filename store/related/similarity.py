"""Pair similarity: how alike two sentences are, 0..100, without a store.

The same bags and evidence as the engine, with every informative term weighted
equally (no corpus to measure rarity against) and the bm25 part replaced by the
term overlap. Conflicting figures pull the score down: two reports of one event
with different figures are related, not the same statement.

    >>> similarity("Zelensky said 3,000 soldiers died.", "Zelenskyy said that 3000 soldiers died.")
    100.0
    >>> similarity("The storm killed 12 people.", "Shares rose 3% on Monday.")
    0.0
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from claimdesk.store.related.aliases import AliasGroups
from claimdesk.store.related.explain import relation_of_figures
from claimdesk.store.related.facts import read_figures
from claimdesk.store.related.scoring import Bag, combine, fuzzy, make_bag, overlap, translate
from claimdesk.store.related.terms import VARIANT_CUTOFF, VARIANT_MIN_LENGTH

FIGURE_CONFLICT_PENALTY = 0.8
"""Factor applied to the similarity of two sentences whose comparable figures conflict."""

_NO_ALIASES = AliasGroups([])


def _flat_idf(_token: str) -> float:
    return 1.0


def _spelling_variants(a: Bag, b: Bag) -> dict[str, str]:
    only_b = [k for k in b.weights if k not in a.weights and len(k) >= VARIANT_MIN_LENGTH]
    only_a = [k for k in a.weights if k not in b.weights and len(k) >= VARIANT_MIN_LENGTH]
    found = {}
    for key in only_b:
        best = process.extractOne(
            key, only_a, scorer=fuzz.ratio, processor=None, score_cutoff=VARIANT_CUTOFF
        )
        if best:
            found[key] = best[0]
    return found


def similarity(a: str, b: str) -> float:
    """Similarity of sentences ``a`` and ``b`` in 0..100 (spelling variants count as equal)."""
    bag_a, bag_b = make_bag(a, _flat_idf, _NO_ALIASES), make_bag(b, _flat_idf, _NO_ALIASES)
    bag_b = translate(bag_b, _spelling_variants(bag_a, bag_b))
    shared = overlap(bag_a, bag_b)
    score = combine(shared, shared, fuzzy(bag_a, bag_b))
    relation, _ = relation_of_figures(read_figures(a), read_figures(b))
    if relation == "conflicts":
        score *= FIGURE_CONFLICT_PENALTY
    return round(score, 2)
