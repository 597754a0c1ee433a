""" "Checked before": the known fact-checks that review the claim a text makes.

The related-claims matcher (:mod:`claimdesk.store.related`) over the ``factchecks``
table instead of the claims: the same query (rarest terms, spelling variants,
aliases), the same idf-ranked candidate rows from the fact-checks' own FTS5
index and the same first score; then the best :data:`~rerank.RERANK_DEPTH` are
scored again by the character 4-grams they share with the text
(:mod:`claimdesk.store.factchecks.rerank`). A fact-check is matched on its claim
and its review's title.

The first stage matches a tweet as it is written, its "— name (@handle) date" trailer
included: who posted it often names the claim, and so does the month (fact-checks say
"in June 2019"); dropping the date cost 0.008 MAP@5 on the development queries. The
second stage leaves the trailer and links out.

The abstain rule keeps only matches that are probably the same claim: a score of at
least :data:`CONFIDENT_SCORE` within :data:`CONFIDENT_SHARE` of the best match's score
(:func:`confident`); not a lower match that states other figures than the text, where
the best match states the text's own
(:func:`~claimdesk.store.factchecks.rerank.other_figures`); and only with the
fact-check's names and words said in the text, well ahead of the next fact-check, with
no figure that disagrees (:func:`~claimdesk.store.factchecks.same_claim.same_claim`): a
high score alone does not tell a post from a news report about something else. Figures
that differ do not lower a score: with the present figure reading that cost 0.012 MAP@5
on the development queries (tweets carry dates and counts that are not the claim's).

>>> from claimdesk.store import Store
>>> from claimdesk.store.factchecks.records import FactCheckInput
>>> from claimdesk.store.factchecks.factcheck_table import upsert
>>> store = Store.open(":memory:")
>>> _ = upsert(store.db, [
...     FactCheckInput(claim="Drinking bleach cures the coronavirus.", rating="False"),
...     FactCheckInput(claim="The Eiffel Tower was sold twice.", rating="True")])
>>> matcher = store.factcheck_matcher
>>> [(k.factcheck.rating, k.confident) for k in known_checks(matcher, "Bleach cures coronavirus!")]
[('False', True)]
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from claimdesk.store.factchecks import factcheck_table
from claimdesk.store.factchecks.meaning import (
    MEANING_FLOOR,
    MeaningIndex,
    Progress,
    shown_by_meaning,
)
from claimdesk.store.factchecks.records import FactCheck, KnownCheck
from claimdesk.store.factchecks.rerank import (
    RERANK_DEPTH,
    GramTable,
    Vector,
    figures,
    other_figures,
    post_body,
    rescore,
)
from claimdesk.store.factchecks.same_claim import event_unsaid, same_claim
from claimdesk.store.factchecks.same_claim import figures as claim_figures
from claimdesk.store.related.aliases import AliasGroups
from claimdesk.store.related.candidates import Query, build_query, rank_rows
from claimdesk.store.related.engine import Engine, order_by_score
from claimdesk.store.related.explain import explain
from claimdesk.store.related.matching_form import norm_tokens
from claimdesk.store.related.scoring import Bag, bm25, fuzzy, make_bag, overlap, translate
from claimdesk.store.related.terms import TermTable

CONFIDENT_SCORE = 30.0
"""A match scoring below this is not shown by default (the abstain rule)..."""

CONFIDENT_SHARE = 0.8
"""...nor one scoring less than this share of the best match's score.

On the CLEF-2020 development queries (tweets against 10,375 Snopes claims) the rule
shows 1.6 fact-checks a query instead of 5 (0.55 of them right instead of 0.18) for
MAP@5 0.851 instead of 0.864, and with each query's right fact-check taken out of the
pool it still shows something for 59% of them, as the rule before the second stage
did (floor 35 and share 0.7 of the first score). A floor of 32 shows 1.5 (0.60 right)
for MAP@5 0.842 and 51%. See docs/MATCHING.md."""


FUSION_OFFSET = 3
"""The ranks' offset in :func:`fuse` (``1 / (rank + offset)``; rank 1 is the best)."""

INLINE_READ = 50
"""A query has the sentence model read at most this many fact-checks that lack a vector
(about a second); with more pending it matches on words until :meth:`prepare_meaning` has
run (``claimdesk factchecks add`` runs it, the reader runs it in the background)."""

MEANING_DEPTH = 30
"""How many of the fact-checks closest in meaning join the first stage's best matches (those
at least :data:`~claimdesk.store.factchecks.meaning.MEANING_FLOOR` close)."""


@dataclass(frozen=True)
class Candidates:
    """What :meth:`FactCheckMatcher.candidates` found for one text."""

    query: Query
    bags: dict[int, Bag]
    ids: list[int]
    words: dict[int, float]
    """Each candidate's score by words (0..100): first score and 4-grams."""
    meanings: dict[int, float]
    """Each candidate's meaning cosine (empty without the sentence model)."""


class FactCheckMatcher:
    """The fact-checks' term table and prepared bags for one store; thread-safe.

    The :class:`~claimdesk.store.Store` makes one, as ``store.factcheck_matcher``, beside
    its related-claims ``engine`` (whose alias groups it shares).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.terms = TermTable(table="factchecks")
        self._generation: int | None = None
        self._lock = threading.RLock()
        self._bags: dict[int, Bag] = {}
        self._groups_key: object = None
        self.grams = GramTable()
        self._vectors: dict[int, Vector] = {}
        self.second_stage = True
        """Whether the best matches are re-scored by character 4-grams (:mod:`rerank`) and
        by meaning; off only to measure what the second stage adds."""
        self.meaning = MeaningIndex()
        """Every fact-check's sentence-model vector (:mod:`meaning`)."""
        self.use_meaning = True
        """Whether candidates close in meaning join and the two rankings are fused (off only
        to measure what meaning adds)."""
        self._meaning_ready = False
        self._reading = threading.Lock()

    def refresh(self) -> AliasGroups:
        """Catch up with imported fact-checks and the store's aliases; returns the alias groups."""
        engine = self.engine
        engine.refresh()
        db = engine.connections.db
        generation = factcheck_table.generation(db)
        with self._lock:
            if generation != self._generation or engine.groups is not self._groups_key:
                self.terms.load(db)
                self._bags.clear()
                if generation != self._generation:
                    self.grams.load(r[0] for r in db.execute("SELECT norm FROM factchecks"))
                    self._vectors.clear()
                    self._meaning_ready = False
                self._generation = generation
                self._groups_key = engine.groups
        return engine.groups

    def _bag(self, check_id: int, norm: str, groups: AliasGroups) -> Bag:
        bag = self._bags.get(check_id)
        if bag is None:
            terms = self.terms
            bag = self._bags[check_id] = make_bag(
                norm, terms.idf_lookup, groups, tokens=norm_tokens(norm), info=terms.token_info
            )
        return bag

    def prepare_meaning(self, progress: Progress | None = None) -> bool:
        """Compute (and store) the vectors of fact-checks that lack them; whether matching by
        meaning is on. Importing fact-checks calls it, and the reader in the background."""
        self.refresh()
        generation = self._generation
        with self._reading:  # one reading at a time; queries meanwhile match on words
            if self._meaning_ready:
                return True
            ready = self.meaning.refresh(self.engine.connections.db, progress)
            with self._lock:
                # fact-checks imported while reading are read by the next call
                self._meaning_ready = ready and generation == self._generation
            return ready

    def meaning_pending(self) -> int:
        """How many fact-checks the sentence model has yet to read (0 when ready or without
        a model)."""
        self.refresh()
        if self._meaning_ready:
            return 0
        return self.meaning.pending(self.engine.connections.db)

    def _meaning_usable(self) -> bool:
        if self._meaning_ready:
            return True
        if self.meaning.model is None or self._reading.locked():
            return False
        return self.meaning_pending() <= INLINE_READ and self.prepare_meaning()

    def ranked(self, text: str, limit: int) -> list[tuple[float, int, Query, Bag]]:
        """``(score, fact-check id, query, its bag)`` for ``text``, best first."""
        return self.ranked_with_meaning(text, limit)[0]

    def ranked_with_meaning(
        self, text: str, limit: int
    ) -> tuple[list[tuple[float, int, Query, Bag]], dict[int, float]]:
        """:meth:`ranked`, and the meaning cosine of each match (none without the model)."""
        found = self.candidates(text)
        if found is None:
            return [], {}
        ranked = sorted(((found.words[cid], cid) for cid in found.ids), key=lambda s: (-s[0], s[1]))
        if found.meanings:
            ranked = fuse(ranked, found.meanings)
        ranked = ranked[:limit]
        query, bags = found.query, found.bags
        return [(score, cid, query, bags[cid]) for score, cid in ranked], found.meanings

    def candidates(self, text: str) -> Candidates | None:
        """The fact-checks that may match ``text``, each with its score by words and (with the
        sentence model) its meaning cosine: the first stage's best :data:`RERANK_DEPTH`
        re-scored by 4-grams, and the :data:`MEANING_DEPTH` closest in meaning."""
        groups = self.refresh()
        if not self.terms.count:
            return None
        query = build_query(text, self.terms, groups)
        db = self.engine.connections.db
        rows = rank_rows(db, query, table="factchecks") if query.match and query.weighted else []
        meaning_on = self.second_stage and self.use_meaning and self._meaning_usable()
        wanted = self.meaning.vector(text) if meaning_on else None
        near = [
            (fid, cos)
            for fid, cos in (self.meaning.nearest(wanted, MEANING_DEPTH) if meaning_on else [])
            if cos >= MEANING_FLOOR
        ]
        lexical = {r[0] for r in rows}
        ids = [r[0] for r in rows] + [fid for fid, _ in near if fid not in lexical]
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        norms = dict(
            db.execute(f"SELECT id, norm FROM factchecks WHERE id IN ({marks})", ids).fetchall()
        )
        evidence, bags = [], {}
        for check_id in ids:
            if check_id not in norms:
                continue
            bags[check_id] = self._bag(check_id, norms[check_id], groups)
            bag = translate(bags[check_id], query.variant_of)
            evidence.append(
                (
                    check_id,
                    0,
                    (
                        bm25(query.all_terms, bag, self.terms.average_length),
                        overlap(query.bag, bag),
                        fuzzy(query.bag, bag),
                    ),
                )
            )
        best_bm25 = max((e[2][0] for e in evidence if e[0] in lexical), default=0.0)
        scored = order_by_score(evidence, None, best_bm25 or None)
        first = [(score, cid) for score, cid, _ in scored if cid in lexical][:RERANK_DEPTH]
        if not self.second_stage:
            return Candidates(
                query, bags, [c for _, c in first], dict((c, s) for s, c in first), {}
            )
        first_score = {cid: score for score, cid, _ in scored}
        pool = [cid for _, cid in first] + [
            fid for fid, _ in near if fid in bags and fid not in lexical
        ]
        grams = self._vector_of(text)
        words = {
            cid: rescore(first_score.get(cid, 0.0), grams, self._check_vector(cid, norms[cid]))
            for cid in pool
        }
        meanings = self.meaning.cosines(wanted, pool) if meaning_on else {}
        return Candidates(query, bags, pool, words, meanings)

    def _vector_of(self, text: str) -> Vector:
        return self.grams.vector(post_body(text))

    def _check_vector(self, check_id: int, norm: str) -> Vector:
        vector = self._vectors.get(check_id)
        if vector is None:
            vector = self._vectors[check_id] = self.grams.vector(norm, stored=True)
        return vector


def fuse(by_words: list[tuple[float, int]], meanings: dict[int, float]) -> list[tuple[float, int]]:
    """``(score, id)`` best first by words, reordered by the sum of each match's reciprocal
    ranks by words and by meaning (``1 / (rank + FUSION_OFFSET)``); on a tie words lead.
    The scores stay the words' scores.

    >>> fuse([(80.0, 1), (60.0, 2), (50.0, 3)], {1: 0.2, 2: 0.9, 3: 0.8})
    [(60.0, 2), (80.0, 1), (50.0, 3)]
    """
    by_meaning = sorted(by_words, key=lambda s: (-meanings.get(s[1], 0.0), s[1]))
    meaning_rank = {cid: rank for rank, (_, cid) in enumerate(by_meaning, 1)}
    fused = [
        (1 / (rank + FUSION_OFFSET) + 1 / (meaning_rank[cid] + FUSION_OFFSET), -rank, item)
        for rank, item in enumerate(by_words, 1)
        for cid in (item[1],)
    ]
    return [item for *_, item in sorted(fused, reverse=True)]


def confident(scores: list[float]) -> list[bool]:
    """The abstain rule over a best-first list of match scores: which ones to show."""
    if not scores:
        return []
    floor = max(CONFIDENT_SCORE, CONFIDENT_SHARE * scores[0])
    return [s >= floor for s in scores]


def words_rule(
    text: str, ranked: list[tuple[float, int, Query, Bag]], found: dict[int, FactCheck]
) -> list[bool]:
    """Which of ``ranked`` (best first by words) the words show: the score floor and share
    (:func:`confident`), no lower match with other figures, and the same claim said
    (:func:`~claimdesk.store.factchecks.same_claim.same_claim`)."""
    flags = confident([r[0] for r in ranked])
    if sum(flags) > 1 and (wanted := figures(post_body(text))):
        best = found[ranked[0][1]]
        best_figures = figures(f"{best.claim} {best.title}")
        for i, (_, check_id, _, _) in enumerate(ranked[1:], 1):
            check = found[check_id]
            if flags[i] and other_figures(
                wanted, best_figures, figures(f"{check.claim} {check.title}")
            ):
                flags[i] = False
    same = same_claim(text, ranked, found)
    return [a and b for a, b in zip(flags, same, strict=True)]


def contradicts(text: str, check: FactCheck) -> bool:
    """Whether ``text`` and ``check`` cannot be the same claim whatever their meaning: their
    figures clash, or the fact-check states an event the text does not state."""
    body = post_body(text)
    mine, theirs = claim_figures(body), claim_figures(f"{check.claim}\n{check.title}")
    return bool(mine and theirs and mine.isdisjoint(theirs)) or event_unsaid(body, check.claim)


def known_checks(
    matcher: FactCheckMatcher, text: str, limit: int = 5, *, include_weak: bool = False
) -> list[KnownCheck]:
    """Known fact-checks of the claim ``text`` makes, best first.

    Only confident matches unless ``include_weak`` (then each says whether it is).
    """
    ranked, meanings = matcher.ranked_with_meaning(text, limit)
    found = factcheck_table.by_ids(matcher.engine.connections.db, [r[1] for r in ranked])
    by_words = sorted(ranked, key=lambda r: (-r[0], r[1]))
    said = dict(zip((r[1] for r in by_words), words_rule(text, by_words, found), strict=True))
    flags = [said[r[1]] for r in ranked]
    if meanings and ranked:
        best = found.get(ranked[0][1])
        vetoed = best is None or contradicts(text, best)
        flags = shown_by_meaning([r[1] for r in ranked], meanings, flags, vetoed=vetoed)
    out = []
    for (score, check_id, query, bag), sure in zip(ranked, flags, strict=True):
        if check_id not in found or not (sure or include_weak):
            continue
        check = found[check_id]
        _, why = explain(query, check.claim, bag, score)
        close = meanings.get(check_id, 0.0)
        if close >= MEANING_FLOOR:
            why = "; ".join(p for p in (why, f"close in meaning ({close:.2f})") if p)
        out.append(KnownCheck(factcheck=check, score=round(score, 1), why=why, confident=sure))
    return out
