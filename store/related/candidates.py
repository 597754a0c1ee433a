"""Stage one: candidates from the full-text index for a claim's text.

The query is the claim's rarest informative terms (at most :data:`MAX_TERMS`
within a postings budget, none found in more than :data:`MAX_DF_FRACTION` of the
store's sentences), each with its spelling variants from the store's vocabulary
and its aliases. The index returns the rows of each term; a row scores the bm25 idf
of every term it contains, its next rarer words looked up among those rows break
the ties, and the best :data:`CANDIDATES` come back (see :func:`fetch_candidates`).

    >>> from claimdesk.store.related.terms import TermTable
    >>> from claimdesk.store.related.aliases import AliasGroups
    >>> table = TermTable()
    >>> table.add_texts(["zelenskyy said 3000 soldiers died", "the soldiers said"])
    >>> build_query("Zelensky said 3,000 soldiers died", table, AliasGroups([])).match
    '"3000" OR "died" OR ("zelensky" OR "zelenskyy") OR "soldiers"'
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, itemgetter

from claimdesk.store.database.handle import Database
from claimdesk.store.related.aliases import AliasGroups
from claimdesk.store.related.matching_form import fts_tokens, informative, stem
from claimdesk.store.related.scoring import Bag, bm25_terms, make_bag
from claimdesk.store.related.sides import Side
from claimdesk.store.related.terms import TermTable
from claimdesk.store.search.text_index import IndexedTable, text_index

MAX_TERMS = 16
"""At most this many of the query's rarest terms go to FTS5..."""

POSTINGS_BUDGET = 8
"""...and only while their sentence counts add up to at most this many times the per-term limit
(8 terms at the limit, more when they are rare): FTS5's cost follows the postings it reads."""

MAX_DF_FRACTION = 0.005
"""Terms found in more than this share of sentences are too common to retrieve by."""

MIN_MAX_DF = 1000
"""...unless the store is small: a term in up to this many sentences is always usable."""

FALLBACK_TERMS = 3
"""A claim made only of common words is looked up by this many of its rarest words..."""

FALLBACK_DF_FACTOR = 5
"""...if they are found in at most this many times the usual limit (else it has no candidates)."""

EXTEND_POSTINGS = 3000
"""While the chosen terms' sentence counts add up to less than this, the claim's next rarest
words (common ones too) are added, so that bm25 has more than one rare word to rank by."""

CANDIDATES = 200
"""How many of the best-ranked rows the final score looks at."""

WIDE_POSTINGS = 3000
"""Past this many postings the chosen terms alone rank their rows poorly (a long list of
rows sharing one or two words), so more of the query's terms are read..."""

READ_BUDGET = 12_000
"""...common ones too, rarest first, up to this many postings..."""

MAX_READ_TERMS = 24
"""...and at most this many terms."""

ONE_WORD_WIDE = True
"""Whether a single chosen word with more rows than are scored reads more terms too."""

ANCHORED_TERMS = 3
"""Past the terms read, this many more of the query's terms are looked up only among the
rows of its chosen terms (an FTS5 AND query), to rank those rows..."""

ANCHOR_POSTINGS = 10_000
"""...while the chosen terms are found in at most this many rows (the cost of each lookup)."""

_SMALL_NUMBERS = {
    "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
    "8": "eight", "9": "nine", "10": "ten", "12": "twelve", "20": "twenty",
}  # fmt: skip


@dataclass
class Query:
    """A prepared query: the FTS5 expression, its terms, the bag and variant map for scoring."""

    text: str
    match: str
    terms: list[str]
    bag: Bag
    variant_of: dict[str, str] = field(default_factory=dict)
    all_terms: dict[str, float] = field(default_factory=dict)
    """Every word of the query as ``stem -> idf``, for the bm25 part of the final score."""
    postings: int = 0
    weighted: list[list[tuple[str, float]]] = field(default_factory=list)
    """Per term read (the chosen ones; more past :data:`WIDE_POSTINGS`), its FTS5 alternatives
    (phrases) with their bm25 idf."""
    anchored: list[tuple[str, float]] = field(default_factory=list)
    """The next rarest terms after those read, as ``(FTS5 expression, bm25 idf)``: looked up
    only among the rows of the chosen terms."""
    aliases: AliasGroups | None = None
    """The alias groups the query was built with."""
    side: Side | None = None
    """The query claim's facts (:class:`~claimdesk.store.related.relations.Side`): stored ones
    for a stored claim, read from the text for free text; set by the engine."""


def _quote(phrase: tuple[str, ...] | str) -> str:
    return '"' + (phrase if isinstance(phrase, str) else " ".join(phrase)) + '"'


def _group(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def build_query(text: str, table: TermTable, groups: AliasGroups, stored: bool = False) -> Query:
    """Prepare the FTS5 query and the scoring bag for ``text``.

    ``stored``: the text is a sentence of the store, so each of its terms was
    counted once for itself (a term seen only there cannot find anything).
    """
    own = 1 if stored else 0
    tokens = fts_tokens(text)
    max_df = max(int(table.count * MAX_DF_FRACTION), MIN_MAX_DF)
    options: dict[str, tuple[int, list[str]]] = {}  # label -> (rarity, FTS alternatives)
    weights: dict[str, list[float]] = {}  # label -> bm25 idf of each alternative
    variant_of: dict[str, str] = {}
    covered: set[int] = set()
    for start, end, phrase in groups.spans(tokens) if groups.key_of else []:
        covered.update(range(start, end))
        phrases = sorted(groups.phrases_of(phrase))
        rarity = sum(min(table.df.get(t, 0) for t in p) for p in phrases) - own
        options[groups.key_of[phrase]] = (rarity, [_quote(p) for p in phrases])
        weights[groups.key_of[phrase]] = [
            table.bm25_idf(min(p, key=lambda t: table.df.get(t, 0))) for p in phrases
        ]
    for i, token in enumerate(tokens):
        if i in covered or not informative(token) or token in options:
            continue
        alternatives = [token, *table.variants(token, max_df)]
        if token in _SMALL_NUMBERS:
            alternatives.append(_SMALL_NUMBERS[token])
        for variant in alternatives[1:]:
            variant_of.setdefault(stem(variant), stem(token))
        seen = sum(table.df.get(a, 0) for a in alternatives) - own
        if seen > max_df >= table.df.get(token, 0) - own:
            # a rare word must not be lost to its look-alikes: keep the rarest that fit
            alternatives, seen = _rarest_within(alternatives, table, max_df + own)
            seen -= own
        if seen <= 0:
            continue  # nothing else in the store can match it
        options[token] = (seen, [_quote(a) for a in alternatives])
        weights[token] = [table.bm25_idf(a) for a in alternatives]
    usable = sorted((v[0], k) for k, v in options.items() if 0 < v[0] <= max_df)
    if not usable:  # only common words: fall back to the rarest few that stay affordable
        usable = sorted(
            (v[0], k) for k, v in options.items() if 0 < v[0] <= FALLBACK_DF_FACTOR * max_df
        )[:FALLBACK_TERMS]
    chosen: list[str] = []
    postings = 0
    for rarity, key in usable[:MAX_TERMS]:
        if chosen and postings + rarity > POSTINGS_BUDGET * max_df:
            break
        chosen.append(key)
        postings += rarity
    # One rare word found in more sentences than can be scored gives bm25 nothing to rank
    # by (one rare figure, 900 rows sharing it): the claim's next rarest words join it
    # while FTS5 ranking stays cheap.
    by_rarity = sorted((v[0], k) for k, v in options.items() if v[0] > 0)
    if len(chosen) == 1 and postings > CANDIDATES:
        chosen, postings = _add_rarest(chosen, postings, by_rarity, MAX_TERMS, EXTEND_POSTINGS)
    read = chosen
    if postings > WIDE_POSTINGS or (ONE_WORD_WIDE and len(chosen) == 1 and postings > CANDIDATES):
        read, _ = _add_rarest(chosen, postings, by_rarity, MAX_READ_TERMS, READ_BUDGET)
    unread = [k for _, k in by_rarity if k not in read][:ANCHORED_TERMS]
    match = " OR ".join(_group(options[k][1]) for k in chosen)
    bag = make_bag(text, table.idf_lookup, groups, info=table.token_info)
    all_terms = bm25_terms(tokens, table.bm25_idf)
    return Query(
        text=text,
        match=match,
        terms=chosen,
        bag=bag,
        variant_of=variant_of,
        all_terms=all_terms,
        postings=postings,
        weighted=[list(zip(options[k][1], weights[k], strict=True)) for k in read],
        anchored=[(_group(options[k][1]), max(weights[k])) for k in unread],
        aliases=groups,
    )


def _add_rarest(
    terms: list[str], postings: int, by_rarity: list[tuple[int, str]], most: int, budget: int
) -> tuple[list[str], int]:
    """``terms`` and then the rarest others, while there are at most ``most`` terms and
    their sentence counts add up to at most ``budget``; returns them and that sum."""
    terms = list(terms)
    for rarity, key in by_rarity:
        if len(terms) >= most or postings + rarity > budget:
            break
        if key not in terms:
            terms.append(key)
            postings += rarity
    return terms, postings


def _rarest_within(alternatives: list[str], table: TermTable, limit: int) -> tuple[list[str], int]:
    """``alternatives[0]`` and then its rarest variants while their sentence counts add up
    to at most ``limit``; returns them and that sum."""
    kept, total = [alternatives[0]], table.df.get(alternatives[0], 0)
    for variant in sorted(alternatives[1:], key=lambda a: table.df.get(a, 0)):
        if total + table.df.get(variant, 0) > limit:
            break
        kept.append(variant)
        total += table.df.get(variant, 0)
    return kept, total


def fetch_candidates(
    db: Database, query: Query, include_sentences: bool = False
) -> list[tuple[int, int, str, float]]:
    """``(claim_id, doc_id, norm, score)`` of the best :data:`CANDIDATES` rows, best first.

    ``score`` is the negated sum of the bm25 idf of the query terms a row contains
    (see :func:`rank_rows`): bm25 without term frequency and length, which the final
    score adds back over every word. Reading each term's rowids and summing here costs
    a third of asking FTS5 to rank the same rows by its own bm25 (2 ms against 5 ms
    median at 100,000 claims, 4 against 11 ms at p95) and finds as many of a fact's
    other reports among the candidates.
    """
    if not query.match or not query.weighted:
        return []
    ranked = rank_rows(db, query)
    if not ranked:
        return []
    marks = ",".join("?" * len(ranked))
    # is_claim is tested here, not in SQL: with it, SQLite scans the is_claim index instead
    rows = db.execute(
        f"SELECT id, doc_id, norm, is_claim FROM claims WHERE id IN ({marks})",
        [rowid for rowid, _ in ranked],
    ).fetchall()
    found = {r[0]: r for r in rows if include_sentences or r[3]}
    return [
        (rowid, found[rowid][1], found[rowid][2], -score)
        for rowid, score in ranked
        if rowid in found
    ]


def rank_rows(
    db: Database, query: Query, table: IndexedTable = "claims"
) -> list[tuple[int, float]]:
    """``(rowid, score)`` of the best :data:`CANDIDATES` rows: each row scores the idf of every
    read term it contains (its rarest matching alternative), bm25 without tf and length.

    ``table``: the indexed table to read (the known fact-checks have their own index).

    Ties keep the lower rowid. The overlap part of the final score is idf-weighted
    too, so rows with the most idf in common with the query are the ones worth scoring.
    """
    index = text_index(db, table)
    phrases = [phrase for alternatives in query.weighted for phrase, _ in alternatives]
    found = dict(zip(phrases, index.postings_many(phrases), strict=True))
    scores: dict[int, float] = {}
    for alternatives in query.weighted:
        if len(alternatives) == 1:
            phrase, weight = alternatives[0]
            _add(scores, found[phrase], repeat(weight))
            continue
        best: dict[int, float] = {}
        for phrase, weight in sorted(alternatives, key=itemgetter(1)):
            best.update(dict.fromkeys(found[phrase], weight))
        _add(scores, best, best.values())
    if len(scores) > CANDIDATES and query.postings <= ANCHOR_POSTINGS:
        # Common words are too costly to read whole, but cheap to look up among the rows
        # of the rare ones (FTS5 skips through the longer list): they break the ties.
        anchored = [f"({query.match}) AND {expression}" for expression, _ in query.anchored]
        for rows, (_, weight) in zip(index.postings_many(anchored), query.anchored, strict=True):
            _add(scores, rows, repeat(weight))
    # rowids in order, so that nlargest (stable) keeps the lower rowid of a tie
    best_ids = heapq.nlargest(CANDIDATES, sorted(scores), key=scores.__getitem__)
    return [(rowid, scores[rowid]) for rowid in best_ids]


def _add(scores: dict[int, float], rowids: Collection[int], weights: Iterable[float]) -> None:
    """Add ``weights`` (one per row) to the scores of ``rowids``; C-level loops, as a query
    reads up to :data:`READ_BUDGET` rows."""
    scores.update(zip(rowids, map(add, map(scores.get, rowids, repeat(0.0)), weights), strict=True))
