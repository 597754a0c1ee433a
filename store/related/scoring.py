"""The final score of a candidate: bm25 evidence, idf-weighted term overlap and fuzzy similarity.

Texts are turned into *bags* once (stemmed informative tokens, alias phrases
replaced by their group key, each weighted by idf) and compared key by key;
the fuzzy part is rapidfuzz on the bags' strings (``processor=None``).

    >>> q = make_bag("Zelensky said 3,000 soldiers were killed", idf=lambda t: 1.0)
    >>> c = make_bag("Zelensky: three thousand soldiers killed", idf=lambda t: 1.0)
    >>> round(overlap(q, c), 2), fuzzy(q, c)
    (1.0, 100.0)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .aliases import AliasGroups
from .normalize import fts_tokens, informative, stem

W_BM25 = 0.35
"""Weight of the candidate's bm25 relative to the best candidate's."""
W_OVERLAP = 0.45
"""Weight of the idf-weighted overlap of terms (harmonic mean of both coverages)."""
W_FUZZY = 0.20
"""Weight of rapidfuzz ``token_set_ratio`` on the normalised texts."""
FUZZY_CUTOFF = 40.0
"""Below this rapidfuzz similarity the fuzzy part counts as zero (``score_cutoff``)."""


@dataclass
class Bag:
    """A text ready for comparison: key -> idf weight, the surface token of each key, and a string."""

    weights: dict[str, float]
    surface: dict[str, str] = field(default_factory=dict)
    form: str = ""

    @property
    def total(self) -> float:
        """Sum of the weights (0 for a text without informative terms)."""
        return sum(self.weights.values())


def make_bag(
    text: str, idf: Callable[[str], float], aliases: AliasGroups | None = None
) -> Bag:
    """Build the :class:`Bag` of ``text`` (idf is looked up on the unstemmed token)."""
    tokens = fts_tokens(text)
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    order: list[str] = []
    spans = aliases.spans(tokens) if aliases is not None and aliases.key_of else []
    covered = set()
    for start, end, phrase in spans:
        key = aliases.key_of[phrase]
        weight = max(idf(t) for t in phrase if informative(t)) if any(map(informative, phrase)) else 0
        weights[key] = max(weights.get(key, 0.0), weight)
        surface.setdefault(key, " ".join(phrase))
        order.append(key)
        covered.update(range(start, end))
    for i, token in enumerate(tokens):
        if i in covered or not informative(token):
            continue
        key = stem(token)
        weights[key] = max(weights.get(key, 0.0), idf(token))
        surface.setdefault(key, token)
        order.append(key)
    return Bag(weights=weights, surface=surface, form=" ".join(order))


def translate(bag: Bag, variant_of: dict[str, str]) -> Bag:
    """``bag`` with keys that are spelling variants of query keys renamed to those keys."""
    if not variant_of or not any(k in variant_of for k in bag.weights):
        return bag
    weights: dict[str, float] = {}
    for key, weight in bag.weights.items():
        new = variant_of.get(key, key)
        weights[new] = max(weights.get(new, 0.0), weight)
    form = " ".join(variant_of.get(k, k) for k in bag.form.split())
    return Bag(weights=weights, surface=bag.surface, form=form)


def shared_keys(q: Bag, c: Bag) -> list[str]:
    """Keys in both bags, heaviest (rarest) first."""
    return sorted(set(q.weights) & set(c.weights), key=lambda k: -q.weights[k])


def overlap(q: Bag, c: Bag) -> float:
    """Harmonic mean of the idf mass each side shares with the other (0..1)."""
    keys = set(q.weights) & set(c.weights)
    if not keys or not q.total or not c.total:
        return 0.0
    cov_q = sum(q.weights[k] for k in keys) / q.total
    cov_c = sum(c.weights[k] for k in keys) / c.total
    return 2 * cov_q * cov_c / (cov_q + cov_c)


def fuzzy(q: Bag, c: Bag) -> float:
    """rapidfuzz ``token_set_ratio`` of the two normalised strings, 0 below :data:`FUZZY_CUTOFF`."""
    return fuzz.token_set_ratio(q.form, c.form, processor=None, score_cutoff=FUZZY_CUTOFF)


def combine(bm25_relative: float, term_overlap: float, fuzzy_score: float) -> float:
    """The final 0..100 score from the three kinds of evidence."""
    total = W_BM25 * bm25_relative + W_OVERLAP * term_overlap + W_FUZZY * fuzzy_score / 100
    return 100 * total / (W_BM25 + W_OVERLAP + W_FUZZY)
