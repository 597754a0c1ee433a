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

W_BM25 = 0.30
"""Weight of the candidate's bm25 over every query word, relative to the best candidate's."""
W_OVERLAP = 0.62
"""Weight of the idf-weighted overlap of informative terms (see :func:`overlap`)."""
W_FUZZY = 0.08
"""Weight of rapidfuzz ``token_set_ratio`` on the normalised texts."""
FUZZY_CUTOFF = 40.0
"""Below this rapidfuzz similarity the fuzzy part counts as zero (``score_cutoff``)."""


_KEYS: dict[str, str | None] = {}  # token -> its bag key (None: not informative)
_STEMS: dict[str, str] = {}  # token -> its stem, for term counts
_MISSING = object()


def _counts(items) -> dict[str, int]:
    counts: dict[str, int] = {}
    get = counts.get
    for item in items:
        counts[item] = get(item, 0) + 1
    return counts


def _key_of(token: str) -> str | None:
    key = _KEYS[token] = stem(token) if informative(token) else None
    _STEMS[token] = stem(token)
    return key


@dataclass
class Bag:
    """A text ready for comparison: key -> idf weight, the surface token of each key, and a string."""

    weights: dict[str, float]
    surface: dict[str, str] = field(default_factory=dict)
    form: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    length: int = 0
    total: float = field(init=False)

    def __post_init__(self) -> None:
        self.total = sum(self.weights.values())


def make_bag(
    text: str,
    idf: Callable[[str], float],
    aliases: AliasGroups | None = None,
    tokens: list[str] | None = None,
) -> Bag:
    """Build the :class:`Bag` of ``text``, or of its ready ``tokens`` (idf is of the unstemmed token)."""
    if tokens is None:
        tokens = fts_tokens(text)
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    order: list[str] = []
    covered: set[int] = set()
    if aliases is not None and aliases.key_of and not aliases.first_tokens.isdisjoint(tokens):
        for start, end, phrase in aliases.spans(tokens):
            key = aliases.key_of[phrase]
            weight = max((idf(t) for t in phrase if informative(t)), default=0.0)
            weights[key] = max(weights.get(key, 0.0), weight)
            surface.setdefault(key, " ".join(phrase))
            order.append(key)
            covered.update(range(start, end))
    keys = _KEYS
    for i, token in enumerate(tokens):
        key = keys.get(token, _MISSING)
        if key is _MISSING:
            key = _key_of(token)
        if key is None or (covered and i in covered):
            continue
        order.append(key)
        if key not in surface:
            surface[key] = token
            weights[key] = idf(token)
        else:
            weight = idf(token)
            if weight > weights[key]:
                weights[key] = weight
    return Bag(
        weights=weights,
        surface=surface,
        form=" ".join(order),
        counts=_counts(map(_STEMS.__getitem__, tokens)),
        length=len(tokens),
    )


def translate(bag: Bag, variant_of: dict[str, str]) -> Bag:
    """``bag`` with keys that are spelling variants of query keys renamed to those keys."""
    if not variant_of or variant_of.keys().isdisjoint(bag.weights):
        return bag
    weights: dict[str, float] = {}
    for key, weight in bag.weights.items():
        new = variant_of.get(key, key)
        weights[new] = max(weights.get(new, 0.0), weight)
    form = " ".join(variant_of.get(k, k) for k in bag.form.split())
    return Bag(
        weights=weights, surface=bag.surface, form=form, counts=bag.counts, length=bag.length
    )


def shared_keys(q: Bag, c: Bag) -> list[str]:
    """Keys in both bags, heaviest (rarest) first."""
    return sorted(set(q.weights) & set(c.weights), key=lambda k: (-q.weights[k], k))


QUERY_SIDE = 0.7
"""Exponent of the query's coverage in :func:`overlap` (the candidate's gets the rest)."""


def overlap(q: Bag, c: Bag) -> float:
    """Weighted geometric mean of the idf mass each side shares: ``cov_q ** 0.7 * cov_c ** 0.3``.

    The query side weighs more: a claim restated inside a longer sentence still matches.
    """
    keys = set(q.weights) & set(c.weights)
    if not keys or not q.total or not c.total:
        return 0.0
    cov_q = sum(q.weights[k] for k in keys) / q.total
    cov_c = sum(c.weights[k] for k in keys) / c.total
    return cov_q**QUERY_SIDE * cov_c ** (1 - QUERY_SIDE)


def fuzzy(q: Bag, c: Bag) -> float:
    """rapidfuzz ``token_set_ratio`` of the two normalised strings, 0 below :data:`FUZZY_CUTOFF`."""
    return fuzz.token_set_ratio(q.form, c.form, processor=None, score_cutoff=FUZZY_CUTOFF)


BM25_K1 = 1.2
"""bm25's term-frequency saturation (FTS5's default)."""
BM25_B = 0.75
"""bm25's length normalisation (FTS5's default)."""


def bm25_terms(tokens: list[str], idf: Callable[[str], float]) -> list[tuple[str, float]]:
    """The ``(stem, idf)`` pairs :func:`bm25` takes for a query's tokens: one per stem, the
    idf of its first form (``koala`` and ``koalas`` count as one word).

    >>> bm25_terms(["koala", "koalas", "the"], idf=len)
    [('koala', 5), ('the', 3)]
    """
    out: dict[str, float] = {}
    for token in tokens:
        out.setdefault(stem(token), idf(token))
    return list(out.items())


def bm25(query_terms: list[tuple[str, float]], c: Bag, average_length: float) -> float:
    """Okapi bm25 of candidate ``c`` for the query's :func:`bm25_terms`: every query word,
    stop words too.

    FTS5 ranks candidates by their rarest words only (that is what keeps it fast);
    this scores the few hundred candidates on all the words, as plain bm25 would.
    """
    norm = BM25_K1 * (1 - BM25_B + BM25_B * c.length / max(average_length, 1.0))
    counts = c.counts
    score = 0.0
    for key, idf in query_terms:
        tf = counts.get(key)
        if tf:
            score += idf * tf * (BM25_K1 + 1) / (tf + norm)
    return score


def combine(bm25_relative: float, term_overlap: float, fuzzy_score: float) -> float:
    """The final 0..100 score from the three kinds of evidence."""
    total = W_BM25 * bm25_relative + W_OVERLAP * term_overlap + W_FUZZY * fuzzy_score / 100
    return 100 * total / (W_BM25 + W_OVERLAP + W_FUZZY)
