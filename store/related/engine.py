"""The related-claims engine of one store: candidates from FTS5, final scores, a per-claim cache.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> _ = store.add_text("The DPRK sent 12,000 soldiers to Kursk.", title="A")
>>> _ = store.add_text("North Korea sent 12,000 soldiers to Kursk.", title="B")
>>> store.add_alias("DPRK", "North Korea")
True
>>> hit = store.related_engine.for_claim(store.claims()[0].id)[0]
>>> hit.relation, hit.why
('agrees', 'shares dprk, kursk, sent, soldiers; soldiers: "12,000" vs "12,000" — same figure')
>>> hit.shown, hit.evidence_why
(True, 'names kursk, north korea')
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from typing import NamedTuple

from claimdesk.store import review
from claimdesk.store.database.claims import get_claim
from claimdesk.store.database.connections import Connections
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row, named_cursor
from claimdesk.store.models import Claim, RelatedClaim
from claimdesk.store.related import aliases as alias_store
from claimdesk.store.related import incident, showing
from claimdesk.store.related.candidates import Query, build_query, fetch_candidates
from claimdesk.store.related.explain import explain
from claimdesk.store.related.matching_form import norm_tokens
from claimdesk.store.related.scoring import Bag, bm25, combine, fuzzy, make_bag, overlap, translate
from claimdesk.store.related.sides import side_of_text
from claimdesk.store.related.stored_facts import StoredFacts
from claimdesk.store.related.terms import TermTable

CACHE_SIZE = 4096
"""How many claims' results are kept (per store, in memory)."""

BAG_CACHE_SIZE = 50_000
"""How many candidate sentences' prepared bags are kept."""

PROFILE_CACHE_SIZE = 20_000
"""How many documents' same-incident profiles (names, publication day) are kept."""

MIN_SCORE = 5.0
"""Candidates scoring below this are not shown as related."""


class Engine:
    """Holds one store's term table, alias groups and caches; thread-safe.

    The :class:`~claimdesk.store.Store` makes one, as ``store.related_engine``, on
    the store's :class:`Connections`.
    """

    def __init__(self, connections: Connections) -> None:
        self.connections = connections
        self.terms = TermTable()
        self.groups = alias_store.AliasGroups([])
        self._generation: int | None = None
        self._alias_sig: tuple[int, int] | None = None
        self._lock = threading.RLock()
        self._results: OrderedDict[tuple[int, int, bool], Found] = OrderedDict()
        self._bags: OrderedDict[int, Bag] = OrderedDict()
        self.facts = StoredFacts(connections)
        self.profiles = incident.ProfileCache(PROFILE_CACHE_SIZE)
        # Documents replaced by a newer version: their claims are not shown as related.
        self.replaced: frozenset[int] = frozenset()

    # state ---------------------------------------------------------------
    def refresh(self) -> None:
        """Catch up with added/removed documents and edited aliases; drop stale caches."""
        db = self.connections.db
        generation = self.connections.generation()
        with self._lock:
            if generation != self._generation:
                self.terms.refresh(db)
                self.replaced = frozenset(
                    r[0]
                    for r in db.execute("SELECT id FROM documents WHERE replaced_by IS NOT NULL")
                )
                if not self.connections.read_only:
                    alias_store.learn_from_store(db)
                self._results.clear()
                # a removed document's claim ids come back with the next one added, and
                # every bag's idf weights move with the store
                self._bags.clear()
                self.facts.clear()
                self.profiles.clear()
                self._generation = generation
            signature = alias_store.alias_signature(db)
            if signature != self._alias_sig:
                self.groups = alias_store.AliasGroups(
                    (a, c) for a, c, _ in alias_store.list_aliases(db)
                )
                self._results.clear()
                self._bags.clear()
                self.profiles.clear()
                self._alias_sig = signature

    def clear_caches(self) -> None:
        """Forget every cached result, candidate bag and document profile (benchmarks time
        cold lookups)."""
        with self._lock:
            self._results.clear()
            self._bags.clear()
        self.profiles.clear()

    def bag_of(self, norm: str) -> Bag:
        """The scoring bag of a stored ``norm`` value (uncached)."""
        terms = self.terms
        return make_bag(
            norm, terms.idf_lookup, self.groups, tokens=norm_tokens(norm), info=terms.token_info
        )

    def cached_bag(self, claim_id: int) -> Bag | None:
        """The prepared bag of a claim ranked lately (``None`` when it was not)."""
        return self._bags.get(claim_id)

    def _bag(self, claim_id: int, norm: str) -> Bag:
        bag = self._bags.get(claim_id)
        if bag is None:
            bag = self._bags[claim_id] = self.bag_of(norm)
            if len(self._bags) > BAG_CACHE_SIZE:
                self._bags.popitem(last=False)
        return bag

    # ranking -------------------------------------------------------------
    def evidence(self, query: Query, bag: Bag) -> tuple[float, float, float]:
        """``(bm25, overlap, fuzzy)`` of a candidate's bag: the inputs of the final score."""
        bag = translate(bag, query.variant_of)
        return (
            bm25(query.all_terms, bag, self.terms.average_length),
            overlap(query.bag, bag),
            fuzzy(query.bag, bag),
        )

    def rank(
        self, query: Query, exclude_id: int | None, doc_id: int | None, include_sentences: bool
    ) -> list[tuple[float, int, int]]:
        """``(score, claim_id, doc_id)`` of every candidate worth showing, best first."""
        rows = fetch_candidates(self.connections.db, query, include_sentences)
        replaced = self.replaced
        evidence = [
            (claim_id, cand_doc, self.evidence(query, self._bag(claim_id, norm)))
            for claim_id, cand_doc, norm, _rank in rows
            if claim_id != exclude_id and cand_doc not in replaced
        ]
        return order_by_score(evidence, doc_id)

    def query_for(self, text: str, stored: bool = False) -> Query:
        """The prepared :class:`Query` of ``text`` (``stored``: a sentence of this store)."""
        return build_query(text, self.terms, self.groups, stored=stored)

    def results(
        self,
        text: str,
        *,
        claim_id: int | None = None,
        doc_id: int | None = None,
        limit: int = 10,
        include_sentences: bool = False,
        claim: Claim | None = None,
    ) -> list[RelatedClaim]:
        """Ranked :class:`RelatedClaim` for ``text`` (a stored claim's, or free text).

        For a stored claim (``doc_id`` given) every row says whether it is shown
        (:mod:`~claimdesk.store.related.showing`): shown rows first, then weaker ones,
        identical sentences collapsed. Free text has no document to weigh, so its rows
        are all shown, best first (at most ``limit``).
        """
        found = self._found(text, claim_id, doc_id, limit, include_sentences, claim)
        return [self._explained(found, item) for item in found.items]

    def _found(
        self,
        text: str,
        claim_id: int | None,
        doc_id: int | None,
        limit: int,
        include_sentences: bool,
        claim: Claim | None = None,
    ) -> Found:
        query = build_query(text, self.terms, self.groups, stored=claim_id is not None)
        query.side = self.facts.side(claim) if claim is not None else side_of_text(text)
        ranked = self.rank(query, claim_id, doc_id, include_sentences)
        if doc_id is None:
            return Found(query, self._related(ranked[:limit], {}), {})
        other = [r for r in ranked if r[2] != doc_id]
        weighed = other[: showing.EVIDENCE_CANDIDATES]
        picked = (
            other[: max(showing.EVIDENCE_CANDIDATES, 2 * limit)]
            + [r for r in ranked if r[2] == doc_id][:limit]
        )
        evidence = self._evidence(query, weighed, doc_id)
        items = showing.order(self._related(picked, evidence, doc_id))
        return Found(query, showing.collapse(items), {})

    def _related(
        self,
        ranked: list[tuple[float, int, int]],
        evidence: dict[int, tuple[bool, incident.Evidence]],
        doc_id: int | None = None,
    ) -> list[RelatedClaim]:
        """:class:`RelatedClaim` rows (relation and reason still to come, see
        :meth:`_explained`) for ``(score, claim_id, doc_id)``, with ``evidence``
        (claim id -> ``(shown, Evidence)``) where it was weighed."""
        if not ranked:
            return []
        ids = [r[1] for r in ranked]
        marks = ",".join("?" * len(ids))
        rows = (
            named_cursor(self.connections.db)
            .execute(
                f"SELECT {CLAIM_COLUMNS}, d.title AS doc_title"
                f" FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
                ids,
            )
            .fetchall()
        )
        by_id = {r["id"]: (claim_from_row(r), r["doc_title"]) for r in rows}
        out = []
        for score, cid, cand_doc in ranked:
            if cid not in by_id:
                continue
            claim, title = by_id[cid]
            shown, found = evidence.get(cid, (doc_id is None, None))
            out.append(
                RelatedClaim(
                    claim=claim,
                    doc_title=title,
                    score=round(score, 1),
                    relation="",
                    why="",
                    same_document=doc_id is not None and cand_doc == doc_id,
                    shown=shown,
                    evidence=None if found is None else found.probability,
                    evidence_why="" if found is None else found.reason(),
                )
            )
        return out

    def _explained(self, found: Found, item: RelatedClaim) -> RelatedClaim:
        """``item`` with its relation and reason (worked out once per cached result)."""
        cid = item.claim.id
        reading = found.explained.get(cid)
        if reading is None:
            bag = self._bag(cid, item.claim.norm)
            reading = explain(found.query, item.claim, bag, item.score, self.facts.side(item.claim))
            found.explained[cid] = reading
        return replace(item, relation=reading[0], why=reading[1])

    def _evidence(
        self, query: Query, weighed: list[tuple[float, int, int]], doc_id: int
    ) -> dict[int, tuple[bool, incident.Evidence]]:
        """``{claim id: (shown, Evidence)}`` for candidates from other documents."""
        model = incident.model()
        return {
            cid: (eligible and found.probability >= model.threshold, found)
            for cid, (eligible, found) in self.weigh(query, weighed, doc_id, model).items()
        }

    def weigh(
        self,
        query: Query,
        weighed: list[tuple[float, int, int]],
        doc_id: int,
        model: incident.Model,
    ) -> dict[int, tuple[bool, incident.Evidence]]:
        """``{claim id: (eligible, Evidence)}`` for ``(score, claim_id, doc_id)`` candidates
        from other documents (see :func:`~claimdesk.store.related.showing.weigh`)."""
        return showing.weigh(self, query, weighed, doc_id, model)

    def for_claim(
        self,
        claim_id: int,
        limit: int = 10,
        include_sentences: bool = False,
        *,
        weaker: bool = False,
        hidden: bool = False,
    ) -> list[RelatedClaim]:
        """Cached :meth:`results` for a stored claim, with the reader's verdicts applied.

        The shown rows (at most ``limit``); with ``weaker`` then the weaker ones (at most
        ``limit``); with ``hidden`` links marked wrong are kept too (as weaker rows).
        Verdicts are read on every call, so a new one counts at once.
        """
        self.refresh()
        key = (claim_id, limit, include_sentences)
        with self._lock:
            found = self._results.get(key)
            if found is not None:
                self._results.move_to_end(key)
        if found is None:
            claim = get_claim(self.connections.db, claim_id)
            found = self._found(claim.text, claim_id, claim.doc_id, limit, include_sentences, claim)
            with self._lock:
                self._results[key] = found
                if len(self._results) > CACHE_SIZE:
                    self._results.popitem(last=False)
        verdicts = review.verdicts_for(self.connections.db, claim_id)
        items = showing.with_feedback(found.items, verdicts, hidden=hidden)
        items = showing.select(items, limit, weaker=weaker or hidden)
        return [self._explained(found, item) for item in items]

    def for_text(
        self, text: str, limit: int = 10, include_sentences: bool = False
    ) -> list[RelatedClaim]:
        """Stored claims related to free ``text`` that is not itself in the store, best first.

        The same ranking as :meth:`for_claim` (not cached). The evaluation
        harness ranks a pool of checked claims for a query statement with it.
        """
        self.refresh()
        return self.results(text, limit=limit, include_sentences=include_sentences)


class Found(NamedTuple):
    """A claim's cached result: its query, its rows (shown first), and the relations and
    reasons worked out so far (only for rows that were asked for)."""

    query: Query
    items: list[RelatedClaim]
    explained: dict[int, tuple[str, str]]


def order_by_score(
    evidence: list[tuple[int, int, tuple[float, float, float]]],
    doc_id: int | None,
    best_bm25: float | None = None,
) -> list[tuple[float, int, int]]:
    """``(score, claim_id, doc_id)`` from ``(claim_id, doc_id, evidence)``, best first.

    bm25 counts relative to the best candidate's; candidates under :data:`MIN_SCORE`
    are dropped; other documents than ``doc_id`` come first, best first within each.
    ``best_bm25`` overrides the best bm25 (when ``evidence`` is a subset of the candidates).
    """
    best = best_bm25 or max((e[2][0] for e in evidence), default=0.0) or 1.0
    scored = []
    for claim_id, cand_doc, (full_bm25, term_overlap, fuzzy_score) in evidence:
        score = combine(full_bm25 / best, term_overlap, fuzzy_score)
        if score >= MIN_SCORE:
            scored.append((score, claim_id, cand_doc))
    scored.sort(key=lambda s: (doc_id is not None and s[2] == doc_id, -s[0], s[1]))
    return scored
