"""Related-claims speed and recall: ``Store.related`` at 10k, 100k and 1M claims.

For each generated store (cached under ``bench-data/``): the start-up cost
(loading the term table), median and p95 latency of ``Store.related`` with a
cold result cache (every query claim asked once), and recall@10 of the
two-stage engine against brute force with the same scorer: the engine's final
score (bm25, idf overlap and rapidfuzz ``token_set_ratio``) applied to every
claim of the store, measured in the same run::

    recall@10 = |engine top 10 & brute-force top 10 & planted| / |brute-force top 10 & planted|

on the planted near-duplicates (the other statements of the query's fact), so
it measures what the first stage (FTS5 candidates) loses of what exhaustive
search would show. The overlap of the whole top 10s is printed too, with the
median score of what only brute force shows: past the planted sentences, both
sides fill the list with claims that share only a sentence pattern ("were
forced from their homes ... the Health Ministry said"), and there the two
lists differ without either being wrong. Brute force is given every claim's
bag ready-made (built once, timed apart), so the speed-up over it is a lower
bound. How much of each planted group either side finds is reported as well.

    python -m benchmarks --only related          # 10k, 100k and 1M claims
    python -m benchmarks --only related --quick  # 10k claims
"""

from __future__ import annotations

import random
import time
from array import array
from statistics import median

from claimdesk.store import Store
from claimdesk.store.models import DISAGREEMENTS
from claimdesk.store.related.engine import order_by_score

from .common import ms, report, stopwatch, time_each
from .stores import cached_store, claim_texts

LATENCY_QUERIES = 300
BRUTE_QUERIES = {10_000: 100, 100_000: 30, 1_000_000: 5}
"""Brute force scores every claim for every query, so fewer queries are checked at scale."""
BRUTE_KEEP = 10
"""How many of brute force's best claims are kept (with their scores) per query."""
BRUTE_CHUNK = 20_000
"""Claims whose bags are built at a time during brute force (bounds memory at 1M claims)."""


def measure(claims: int) -> None:
    """Latency, recall@10 against brute force and speed-up on a store of ``claims`` claims."""
    generated = claim_texts(claims)
    store = cached_store(claims, generated.sentences)
    rng = random.Random(1)
    with stopwatch() as startup:
        store.related_engine.refresh()
    members = [i for group in generated.groups for i in group]
    queries = rng.sample(members, min(LATENCY_QUERIES, len(members)))
    latency = time_each(lambda i: store.related(i + 1, limit=10), queries)
    # the reader asks for the weaker matches too (m shows them without another query)
    store.related_engine.clear_caches()
    reader = time_each(lambda i: store.related(i + 1, limit=10, weaker=True), queries)

    group_of = {i: group for group in generated.groups for i in group}
    planted_all = found_all = shown_all = 0
    for i in queries:  # the results are cached now: this re-reads them
        mates = {j + 1 for j in group_of[i]} - {i + 1}
        found_all += len(mates & set(ranked(store, i + 1)))
        shown_all += len(mates & {h.claim.id for h in store.related(i + 1, limit=10)})
        planted_all += len(mates)
    checked = queries[: BRUTE_QUERIES.get(claims, 3)]
    engine_top = {i: ranked(store, i + 1) for i in checked}
    brute_top, brute_seconds, bag_seconds = brute_force(store, [i + 1 for i in checked])
    counts = dict.fromkeys(("planted", "engine", "brute", "both", "agree", "expected"), 0)
    brute_only_scores: list[float] = []
    for i in checked:
        mates = {j + 1 for j in group_of[i]} - {i + 1}
        brute_ids = {cid for cid, _ in brute_top[i + 1][:10]}
        engine_ids = set(engine_top[i])
        counts["planted"] += len(mates)
        counts["engine"] += len(mates & engine_ids)
        counts["brute"] += len(mates & brute_ids)
        counts["both"] += len(mates & brute_ids & engine_ids)
        counts["agree"] += len(brute_ids & engine_ids)
        counts["expected"] += len(brute_ids)
        brute_only_scores += [s for cid, s in brute_top[i + 1][:10] if cid not in engine_ids]
    brute_median = sorted(brute_seconds)[len(brute_seconds) // 2]
    report(
        f"related, {claims:,} claims",
        {
            "term table load": ms(startup[0]),
            "queries (cold cache)": latency.runs,
            "related median": ms(latency.median),
            "related p95": ms(latency.p95),
            "related worst": ms(latency.worst),
            "related with weaker matches (reader) median": ms(reader.median),
            "related with weaker matches (reader) p95": ms(reader.p95),
            "brute-force queries": len(checked),
            "recall@10 vs brute force, planted near-duplicates": ratio(
                counts["both"], counts["brute"]
            ),
            "recall@10 vs brute force, whole top 10": ratio(counts["agree"], counts["expected"]),
            "brute-force-only results: median score": round(median(brute_only_scores), 1)
            if brute_only_scores
            else "none",
            "planted recall@10, engine": ratio(counts["engine"], counts["planted"]),
            f"planted recall@10, engine, all {len(queries)} queries": ratio(found_all, planted_all),
            "planted statements shown (generated documents share no incident)": ratio(
                shown_all, planted_all
            ),
            "planted recall@10, brute force": ratio(counts["brute"], counts["planted"]),
            "brute force median (per query, bags ready)": ms(brute_median),
            "brute force: building every bag (once)": ms(bag_seconds),
            "speed-up over brute force (median)": round(brute_median / latency.median, 1),
            **relation_quality(store, generated),
        },
    )
    store.close()


RELATION_QUERIES = 300
"""Claims whose related lists are checked against the planted relations."""


def ranked(store: Store, claim_id: int) -> list[int]:
    """The engine's ten best-scored claims, shown or weaker (what the first stage found)."""
    hits = store.related(claim_id, limit=10, weaker=True)
    return [h.claim.id for h in sorted(hits, key=lambda h: (-h.score, h.claim.id))[:10]]


def relation_quality(store: Store, generated) -> dict[str, float]:
    """How well the relation labels match the planted ground truth.

    For claims that have a planted conflicting statement: how many of those
    statements come back labelled ``contradicts`` or ``differs`` (recall), and of every
    such label and every ``agrees`` in their lists, how many are right (precision: a
    disagreement is the planted conflicting statement, an agreement another statement of
    the same fact). Sentences from other facts count as wrong even when they are about
    the same story, so precision is a lower bound.
    """
    group_of = {i: g for g, members in enumerate(generated.groups) for i in members}
    contradicts = {j: group_of[i] for i, j in generated.conflicts}
    pairs = generated.conflicts[:RELATION_QUERIES]
    found = labelled = right = agreed = agreed_right = 0
    for i, j in pairs:
        hits = store.related(i + 1, limit=10, weaker=True)
        for hit in sorted(hits, key=lambda h: -h.score)[:10]:
            other = hit.claim.id - 1
            if hit.relation in DISAGREEMENTS:
                labelled += 1
                right += contradicts.get(other) == group_of[i]
                found += other == j
            elif hit.relation == "agrees":
                agreed += 1
                agreed_right += group_of.get(other) == group_of[i]
    return {
        "planted conflicts checked": len(pairs),
        "contradicts/differs found (recall)": ratio(found, len(pairs)),
        "contradicts/differs labels right (precision)": ratio(right, labelled),
        "agrees labels right (precision)": ratio(agreed_right, agreed),
    }


def ratio(part: int, whole: int) -> float:
    """``part / whole`` to three places (1.0 when there is nothing to find)."""
    return round(part / whole, 3) if whole else 1.0


def brute_force(store: Store, claim_ids: list[int]) -> tuple[dict, list[float], float]:
    """Top 10 of every claim by the engine's own final score, for each of ``claim_ids``.

    Returns ``({claim_id: [(id, score)] of its top 10}, scoring seconds per query,
    bag-building seconds)``.
    Bags are built a chunk at a time and the evidence kept, so memory stays
    bounded; the bm25 part is relative to the best over all claims, as in the engine.
    """
    engine = store.related_engine
    engine.refresh()
    db = store.db
    targets = []
    for claim_id in claim_ids:
        claim = store.claim(claim_id)
        targets.append((claim_id, claim.doc_id, engine.query_for(claim.text, stored=True)))
    ids, docs = array("q"), array("q")
    evidence = [(array("d"), array("d"), array("d")) for _ in targets]
    seconds = [0.0] * len(targets)
    bag_seconds = 0.0
    cursor = db.execute("SELECT id, doc_id, norm FROM claims WHERE is_claim = 1 ORDER BY id")
    while rows := cursor.fetchmany(BRUTE_CHUNK):
        start = time.perf_counter()
        bags = [engine.bag_of(norm) for _, _, norm in rows]
        bag_seconds += time.perf_counter() - start
        ids.extend(r[0] for r in rows)
        docs.extend(r[1] for r in rows)
        for n, (_claim_id, _doc, query) in enumerate(targets):
            start = time.perf_counter()
            found = [engine.evidence(query, bag) for bag in bags]
            for column, values in zip(evidence[n], zip(*found, strict=True), strict=True):
                column.extend(values)
            seconds[n] += time.perf_counter() - start
    tops = {}
    for n, (claim_id, doc_id, _query) in enumerate(targets):
        start = time.perf_counter()
        bm25s, overlaps, fuzzies = evidence[n]
        best = max((b for i, b in zip(ids, bm25s, strict=True) if i != claim_id), default=0.0)
        scored = [
            (ids[k], docs[k], (bm25s[k], overlaps[k], fuzzies[k]))
            for k in range(len(ids))
            if ids[k] != claim_id and (bm25s[k] or overlaps[k] or fuzzies[k])
        ]
        ranked = order_by_score(scored, doc_id, best_bm25=best)
        tops[claim_id] = [(cid, score) for score, cid, _ in ranked[:BRUTE_KEEP]]
        seconds[n] += time.perf_counter() - start
        evidence[n] = None
    return tops, seconds, bag_seconds


def run(args) -> None:
    """Benchmark entry point (``args.quick``: the 10k store only)."""
    sizes = [10_000] if getattr(args, "quick", False) else [10_000, 100_000, 1_000_000]
    for claims in sizes:
        measure(claims)
