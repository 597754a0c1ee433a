"""The related-claims engine of one store: candidates from FTS5, final scores, a per-claim cache.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> _ = store.add_text("The DPRK sent 12,000 soldiers to Kursk.", title="A")
>>> _ = store.add_text("North Korea sent 12,000 soldiers to Kursk.", title="B")
>>> store.add_alias("DPRK", "North Korea")
True
>>> hit = related_to_claim(store, store.claims()[0].id)[0]
>>> hit.relation, hit.why
('agrees', 'shares dprk, kursk, sent, soldiers; soldiers: "12,000" vs "12,000" — same figure')
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict

from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row
from claimdesk.store.models import RelatedClaim
from claimdesk.store.related import aliases as alias_store
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

MIN_SCORE = 5.0
"""Candidates scoring below this are not shown as related."""


class Engine:
    """Holds one store's term table, alias groups and caches; thread-safe."""

    def __init__(self, store):
        self.store = store
        self.terms = TermTable()
        self.groups = alias_store.AliasGroups([])
        self._generation: int | None = None
        self._alias_sig: tuple[int, int] | None = None
        self._lock = threading.RLock()
        self._results: OrderedDict[tuple, list[RelatedClaim]] = OrderedDict()
        self._bags: OrderedDict[int, Bag] = OrderedDict()
        self.facts = StoredFacts(store)

    # state ---------------------------------------------------------------
    def refresh(self) -> None:
        """Catch up with added/removed documents and edited aliases; drop stale caches."""
        db = self.store.db
        generation = self.store.generation()
        with self._lock:
            if generation != self._generation:
                self.terms.refresh(db)
                alias_store.learn_from_store(db)
                self._results.clear()
                # a removed document's claim ids come back with the next one added, and
                # every bag's idf weights move with the store
                self._bags.clear()
                self.facts.clear()
                self._generation = generation
            signature = alias_store.alias_signature(db)
            if signature != self._alias_sig:
                self.groups = alias_store.AliasGroups(
                    (a, c) for a, c, _ in alias_store.list_aliases(db)
                )
                self._results.clear()
                self._bags.clear()
                self._alias_sig = signature

    def bag_of(self, norm: str):
        """The scoring bag of a stored ``norm`` value (uncached)."""
        terms = self.terms
        return make_bag(
            norm, terms.idf_lookup, self.groups, tokens=norm_tokens(norm), info=terms.token_info
        )

    def _bag(self, claim_id: int, norm: str) -> Bag:
        bag = self._bags.get(claim_id)
        if bag is None:
            bag = self._bags[claim_id] = self.bag_of(norm)
            if len(self._bags) > BAG_CACHE_SIZE:
                self._bags.popitem(last=False)
        return bag

    # ranking -------------------------------------------------------------
    def evidence(self, query: Query, bag) -> tuple[float, float, float]:
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
        rows = fetch_candidates(self.store.db, query, include_sentences)
        evidence = [
            (claim_id, cand_doc, self.evidence(query, self._bag(claim_id, norm)))
            for claim_id, cand_doc, norm, _rank in rows
            if claim_id != exclude_id
        ]
        return order_by_score(evidence, doc_id)

    def query_for(self, text: str, stored: bool = False) -> Query:
        """The prepared :class:`Query` of ``text`` (``stored``: a sentence of this store)."""
        return build_query(text, self.terms, self.groups, stored=stored)

    def results(
        self,
        text: str,
        *,
        claim_id=None,
        doc_id=None,
        limit=10,
        include_sentences=False,
        claim=None,
    ) -> list[RelatedClaim]:
        """Ranked :class:`RelatedClaim` for ``text`` (a stored ``claim``'s, or free text)."""
        query = build_query(text, self.terms, self.groups, stored=claim_id is not None)
        query.side = self.facts.side(claim) if claim is not None else side_of_text(text)
        ranked = self.rank(query, claim_id, doc_id, include_sentences)[:limit]
        if not ranked:
            return []
        ids = [r[1] for r in ranked]
        marks = ",".join("?" * len(ids))
        rows = self.store.db.execute(
            f"SELECT {', '.join('c.' + c.strip() for c in CLAIM_COLUMNS.split(','))}, d.title"
            f" FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
            ids,
        ).fetchall()
        by_id = {r[0]: (claim_from_row(r[:-1]), r[-1]) for r in rows}
        out = []
        for score, cid, cand_doc in ranked:
            if cid not in by_id:
                continue
            claim, title = by_id[cid]
            relation, why = explain(
                query, claim, self._bag(cid, claim.norm), score, self.facts.side(claim)
            )
            out.append(
                RelatedClaim(
                    claim=claim,
                    doc_title=title,
                    score=round(score, 1),
                    relation=relation,
                    why=why,
                    same_document=doc_id is not None and cand_doc == doc_id,
                )
            )
        return out

    def for_claim(self, claim_id: int, limit: int = 10, include_sentences: bool = False):
        """Cached :meth:`results` for a stored claim."""
        self.refresh()
        key = (claim_id, limit, include_sentences)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return list(self._results[key])
        claim = self.store.claim(claim_id)
        found = self.results(
            claim.text,
            claim_id=claim_id,
            doc_id=claim.doc_id,
            limit=limit,
            include_sentences=include_sentences,
            claim=claim,
        )
        with self._lock:
            self._results[key] = found
            if len(self._results) > CACHE_SIZE:
                self._results.popitem(last=False)
        return list(found)


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


_ENGINES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_ENGINES_LOCK = threading.Lock()


def engine_for(store) -> Engine:
    """The :class:`Engine` of ``store`` (one per store object, created on first use)."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(store)
        if engine is None:
            engine = _ENGINES[store] = Engine(store)
        return engine


def related_to_claim(
    store, claim_id: int, limit: int = 10, *, include_sentences: bool = False
) -> list[RelatedClaim]:
    """Claims related to stored claim ``claim_id``: other documents first, best first (cached).

    ``include_sentences=True`` also considers sentences the extractor did not
    mark as claims. Raises :class:`store.NotFoundError` for an unknown id.
    """
    return engine_for(store).for_claim(claim_id, limit, include_sentences)


def related_to_text(
    store, text: str, limit: int = 10, *, include_sentences: bool = False
) -> list[RelatedClaim]:
    """Stored claims related to free ``text`` that is not itself in the store, best first.

    The same engine as :func:`related_to_claim` (not cached). The evaluation
    harness ranks a pool of checked claims for a query statement with it.
    """
    engine = engine_for(store)
    engine.refresh()
    return engine.results(text, limit=limit, include_sentences=include_sentences)
