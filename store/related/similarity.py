"""Pair similarity and the relation of two texts, without a store.

The same bags and evidence as the engine, with every informative term weighted
equally (no corpus to measure rarity against) and the bm25 part replaced by the
term overlap. Figures that differ or contradict pull the score down: two reports of
one event with different figures are related, not the same statement. The relation
of two texts (:func:`relation_of_texts`) reads their facts with the ingest functions
and decides as the engine does.

    >>> similarity("Zelensky said 3,000 soldiers died.", "Zelenskyy said that 3000 soldiers died.")
    100.0
    >>> similarity("The storm killed 12 people.", "Shares rose 3% on Monday.")
    0.0
    >>> relation_of_texts("Officials in Kursk said 40 North Korean soldiers died on Monday.",
    ...                   "Officials in Kursk said 400 North Korean soldiers died on Monday.")[0]
    'contradicts'
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from claimdesk.store.related.aliases import AliasGroups
from claimdesk.store.related.candidates import Query
from claimdesk.store.related.compare import compare_figures
from claimdesk.store.related.explain import explain
from claimdesk.store.related.scoring import Bag, combine, fuzzy, make_bag, overlap, translate
from claimdesk.store.related.sides import Side, side_of_text
from claimdesk.store.related.terms import VARIANT_CUTOFF, VARIANT_MIN_LENGTH

FIGURE_CONFLICT_PENALTY = 0.8
"""Factor applied to the similarity of two sentences whose comparable figures differ or
contradict each other."""

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


def _scored(a: str, b: str) -> tuple[float, Bag, Bag, dict[str, str]]:
    """The unpenalised similarity, both bags and the spelling variants of ``b``'s words."""
    bag_a, bag_b = make_bag(a, _flat_idf, _NO_ALIASES), make_bag(b, _flat_idf, _NO_ALIASES)
    variants = _spelling_variants(bag_a, bag_b)
    translated = translate(bag_b, variants)
    shared = overlap(bag_a, translated)
    return combine(shared, shared, fuzzy(bag_a, translated)), bag_a, bag_b, variants


def similarity(a: str, b: str) -> float:
    """Similarity of sentences ``a`` and ``b`` in 0..100 (spelling variants count as equal)."""
    score = _scored(a, b)[0]
    found = compare_figures(side_of_text(a), side_of_text(b))
    if any(relation in ("differs", "contradicts") for relation, _ in found):
        score *= FIGURE_CONFLICT_PENALTY
    return round(score, 2)


def relation_of_texts(a: str | Side, b: str | Side) -> tuple[str, str, float]:
    """``(relation, why, score)`` of text ``b`` for text ``a`` (or of two :class:`Side`, which
    carry a title and a published date): the engine's decision, with every word weighted
    alike."""
    mine = a if isinstance(a, Side) else side_of_text(a)
    theirs = b if isinstance(b, Side) else side_of_text(b)
    score, bag_a, bag_b, variants = _scored(mine.text, theirs.text)
    query = Query(mine.text, "", [], bag_a, variant_of=variants, side=mine)
    relation, why = explain(query, theirs.text, bag_b, score, theirs)
    return relation, why, round(score, 2)
