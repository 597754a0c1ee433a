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
from typing import NamedTuple

from rapidfuzz import fuzz

from claimdesk.store.related.aliases import AliasGroups
from claimdesk.store.related.matching_form import fts_tokens, informative, stem

W_BM25 = 0.30
"""Weight of the candidate's bm25 over every query word, relative to the best candidate's."""
W_OVERLAP = 0.62
"""Weight of the idf-weighted overlap of informative terms (see :func:`overlap`)."""
W_FUZZY = 0.08
"""Weight of rapidfuzz ``token_set_ratio`` on the normalised texts."""
FUZZY_CUTOFF = 40.0
"""Below this rapidfuzz similarity the fuzzy part counts as zero (``score_cutoff``)."""


class TokenInfo(dict[str, tuple[str | None, str, float]]):
    """``info[token]``: the token's bag key (its stem, ``None`` if not informative), its stem,
    and its idf; computed on first use, one dict lookup after.

    One per idf table (see :meth:`~claimdesk.store.related.terms.TermTable.token_info`): a bag is
    built for every candidate of every query, and a single lookup per token is what keeps
    that cheap.

    >>> TokenInfo(len)["soldiers"], TokenInfo(len)["the"]
    (('soldier', 'soldier', 8), (None, 'the', 0.0))
    """

    def __init__(self, idf: Callable[[str], float]) -> None:
        super().__init__()
        self.idf = idf

    def __missing__(self, token: str) -> tuple[str | None, str, float]:
        token_stem = stem(token)
        key = token_stem if informative(token) else None
        value = self[token] = (key, token_stem, self.idf(token) if key is not None else 0.0)
        return value


class Bag(NamedTuple):
    """A text ready for comparison: key -> idf weight, the surface token of each key, and a string."""

    weights: dict[str, float]
    surface: dict[str, str] = {}
    form: str = ""
    counts: dict[str, int] = {}
    length: int = 0
    total: float = 0.0


def _bag(
    weights: dict[str, float],
    surface: dict[str, str],
    form: str,
    counts: dict[str, int],
    length: int,
) -> Bag:
    return Bag(weights, surface, form, counts, length, sum(weights.values()))


def make_bag(
    text: str,
    idf: Callable[[str], float],
    aliases: AliasGroups | None = None,
    tokens: list[str] | None = None,
    info: TokenInfo | None = None,
) -> Bag:
    """Build the :class:`Bag` of ``text``, or of its ready ``tokens`` (idf is of the unstemmed token).

    ``info``: a :class:`TokenInfo` of the same ``idf`` kept between calls.
    """
    if tokens is None:
        tokens = fts_tokens(text)
    if info is None:
        info = TokenInfo(idf)
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    order: list[str] = []
    covered: set[int] = set()
    if aliases is not None and aliases.key_of and not aliases.first_tokens.isdisjoint(tokens):
        for start, end, phrase in aliases.spans(tokens):
            alias_key = aliases.key_of[phrase]
            weight = max((idf(t) for t in phrase if informative(t)), default=0.0)
            weights[alias_key] = max(weights.get(alias_key, 0.0), weight)
            surface.setdefault(alias_key, " ".join(phrase))
            order.append(alias_key)
            covered.update(range(start, end))
    # This runs for every candidate of every query: one pass, one lookup per token (faster
    # here than map/compress pipelines, which pay a call per token and step).
    counts: dict[str, int] = {}
    count_of = counts.get
    for i, token in enumerate(tokens):
        key, token_stem, weight = info[token]
        counts[token_stem] = count_of(token_stem, 0) + 1
        if key is None or (covered and i in covered):
            continue
        order.append(key)
        old = weights.get(key)
        if old is None:
            weights[key] = weight
            surface[key] = token
        elif weight > old:
            weights[key] = weight
    return _bag(weights, surface, " ".join(order), counts, len(tokens))


def translate(bag: Bag, variant_of: dict[str, str]) -> Bag:
    """``bag`` with keys that are spelling variants of query keys renamed to those keys."""
    if not variant_of or variant_of.keys().isdisjoint(bag.weights):
        return bag
    weights: dict[str, float] = {}
    for key, weight in bag.weights.items():
        new = variant_of.get(key, key)
        weights[new] = max(weights.get(new, 0.0), weight)
    form = " ".join(variant_of.get(k, k) for k in bag.form.split())
    return _bag(weights, bag.surface, form, bag.counts, bag.length)


def shared_keys(q: Bag, c: Bag) -> list[str]:
    """Keys in both bags, heaviest (rarest) first."""
    return sorted(set(q.weights) & set(c.weights), key=lambda k: (-q.weights[k], k))


QUERY_SIDE = 0.7
"""Exponent of the query's coverage in :func:`overlap` (the candidate's gets the rest)."""


def overlap(q: Bag, c: Bag) -> float:
    """Weighted geometric mean of the idf mass each side shares: ``cov_q ** 0.7 * cov_c ** 0.3``.

    The query side weighs more: a claim restated inside a longer sentence still matches.
    """
    mine, theirs = q.weights, c.weights
    keys = mine.keys() & theirs.keys()
    if not keys or not q.total or not c.total:
        return 0.0
    cov_q = sum(map(mine.__getitem__, keys)) / q.total
    cov_c = sum(map(theirs.__getitem__, keys)) / c.total
    share: float = cov_q**QUERY_SIDE * cov_c ** (1 - QUERY_SIDE)
    return share


def fuzzy(q: Bag, c: Bag) -> float:
    """rapidfuzz ``token_set_ratio`` of the two normalised strings, 0 below :data:`FUZZY_CUTOFF`."""
    return fuzz.token_set_ratio(q.form, c.form, processor=None, score_cutoff=FUZZY_CUTOFF)


BM25_K1 = 1.2
"""bm25's term-frequency saturation (FTS5's default)."""
BM25_B = 0.75
"""bm25's length normalisation (FTS5's default)."""


def bm25_terms(tokens: list[str], idf: Callable[[str], float]) -> dict[str, float]:
    """The ``stem -> idf`` that :func:`bm25` takes for a query's tokens: one per stem, the
    idf of its first form (``koala`` and ``koalas`` count as one word).

    >>> bm25_terms(["koala", "koalas", "the"], idf=len)
    {'koala': 5, 'the': 3}
    """
    out: dict[str, float] = {}
    for token in tokens:
        out.setdefault(stem(token), idf(token))
    return out


def bm25(query_terms: dict[str, float], c: Bag, average_length: float) -> float:
    """Okapi bm25 of candidate ``c`` for the query's :func:`bm25_terms`: every query word,
    stop words too.

    Candidates are found by their rarest words only (that is what keeps it fast);
    this scores the few hundred candidates on all the words, as plain bm25 would.
    """
    norm = BM25_K1 * (1 - BM25_B + BM25_B * c.length / max(average_length, 1.0))
    counts = c.counts
    score = 0.0
    for key in query_terms.keys() & counts.keys():
        tf = counts[key]
        score += query_terms[key] * tf * (BM25_K1 + 1) / (tf + norm)
    return score


def combine(bm25_relative: float, term_overlap: float, fuzzy_score: float) -> float:
    """The final 0..100 score from the three kinds of evidence."""
    total = W_BM25 * bm25_relative + W_OVERLAP * term_overlap + W_FUZZY * fuzzy_score / 100
    return 100 * total / (W_BM25 + W_OVERLAP + W_FUZZY)
