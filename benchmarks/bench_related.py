"""Related-claims speed and recall: ``Store.related`` at 10k, 100k and 1M claims.

For each generated store (cached under ``bench-data/``): the start-up cost
(loading the term table), median and p95 latency of ``Store.related`` with a
cold result cache (every query claim asked once), and recall@10 of the
two-stage engine against brute force with the same scorer: the engine's final
score (bm25, idf overlap and rapidfuzz ``token_set_ratio``) applied to every
claim of the store, measured in the same run::

    recall@10 = |engine top 10 & brute-force top 10| / |brute-force top 10|

so it measures only what the first stage (FTS5 candidates) loses. Brute force
is given every claim's bag ready-made (built once, timed apart), so the
speed-up over it is a lower bound. How much of each planted near-duplicate
group either side finds is reported as well.

    python -m benchmarks --only related          # 10k, 100k and 1M claims
    python -m benchmarks --only related --quick  # 10k claims
"""

from __future__ import annotations

import random
import shutil
import time
from array import array
from pathlib import Path

from store import Store
from store.documents import now_iso, sha256_of
from store.related import engine_for
from store.related.engine import order_by_score
from store.textnorm import fold

from .common import ms, report, stopwatch, time_each
from .corpus import generate_claim_texts

CACHE_DIR = Path(__file__).resolve().parent.parent / "bench-data"
SEED = 7
CLAIMS_PER_DOC = 40
BATCH = 20_000
LATENCY_QUERIES = 300
BRUTE_QUERIES = {10_000: 100, 100_000: 20, 1_000_000: 3}
"""Brute force scores every claim for every query, so fewer queries are checked at scale."""
BRUTE_KEEP = 10
"""How many of brute force's best claims are kept (with their scores) per query."""
BRUTE_CHUNK = 20_000
"""Claims whose bags are built at a time during brute force (bounds memory at 1M claims)."""


def build_store(path: Path, texts: list[str]) -> None:
    """Bulk-load ``texts`` as claims (documents of 40) into a new store at ``path``."""
    store = Store.open(path)
    db = store.db
    for lo in range(0, len(texts), BATCH):
        chunk = texts[lo : lo + BATCH]
        with db.atomic():
            for d in range(0, len(chunk), CLAIMS_PER_DOC):
                sentences = chunk[d : d + CLAIMS_PER_DOC]
                text = " ".join(sentences)
                cur = db.execute(
                    "INSERT INTO documents (sha256, title, added, text, length)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [sha256_of(f"{lo + d}:{text}"), f"Report {lo + d}", now_iso(), text, len(text)],
                )
                rows, start = [], 0
                for i, sentence in enumerate(sentences):
                    end = start + len(sentence)
                    rows.append((cur.lastrowid, i, start, end, sentence, fold(sentence)))
                    start = end + 1
                db.conn.executemany(
                    'INSERT INTO claims (doc_id, ordinal, start, "end", text, norm, is_claim,'
                    " extracted, score) VALUES (?, ?, ?, ?, ?, ?, 1, 1, 0.9)",
                    rows,
                )
    db.execute("UPDATE meta SET value = '1' WHERE key = 'generation'")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def cached_store(claims: int, texts: list[str]) -> Store:
    """The generated store of ``claims`` claims (claim id = sentence index + 1), built once."""
    path = CACHE_DIR / f"related-{claims}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in CACHE_DIR.glob(partial.name + "*"):
            leftover.unlink()
        with stopwatch() as took:
            shared = CACHE_DIR / f"search-{claims}.db"  # the search benchmark's identical store
            if shared.exists() and _same_texts(shared, texts):
                shutil.copyfile(shared, partial)
            else:
                build_store(partial, texts)
        partial.rename(path)
        print(f"  prepared {path.name} in {took[0]:.0f} s")
    return Store.open(path)


def _same_texts(path: Path, texts: list[str]) -> bool:
    store = Store.open(path)
    try:
        rows = store.db.execute("SELECT id, text FROM claims WHERE id IN (1, ?)", [len(texts)])
        found = dict(rows.fetchall())
        count = store.db.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        store.close()
    return count == len(texts) and found == {1: texts[0], len(texts): texts[-1]}


def measure(claims: int) -> None:
    """Latency, recall@10 against brute force and speed-up on a store of ``claims`` claims."""
    generated = generate_claim_texts(claims, seed=SEED)
    texts = generated.sentences
    store = cached_store(claims, texts)
    rng = random.Random(1)
    with stopwatch() as startup:
        engine_for(store).refresh()
    members = [i for group in generated.groups for i in group]
    queries = rng.sample(members, min(LATENCY_QUERIES, len(members)))
    latency = time_each(lambda i: store.related(i + 1, limit=10), queries)

    group_of = {i: group for group in generated.groups for i in group}
    checked = queries[: BRUTE_QUERIES.get(claims, 3)]
    engine_top = {i: [h.claim.id for h in store.related(i + 1, limit=10)] for i in checked}
    brute_top, brute_seconds, bag_seconds = brute_force(store, [i + 1 for i in checked])
    found_engine = found_brute = planted = agree = expected = 0
    for i in checked:
        mates = {j + 1 for j in group_of[i]} - {i + 1}
        brute_ids = {cid for cid, _ in brute_top[i + 1][:10]}
        engine_ids = set(engine_top[i])
        planted += len(mates)
        found_engine += len(mates & engine_ids)
        found_brute += len(mates & brute_ids)
        agree += len(brute_ids & engine_ids)
        expected += len(brute_ids)
    brute_median = sorted(brute_seconds)[len(brute_seconds) // 2]
    report(
        f"related, {claims:,} claims",
        {
            "term table load": ms(startup[0]),
            "queries (cold cache)": latency.runs,
            "related median": ms(latency.median),
            "related p95": ms(latency.p95),
            "related worst": ms(latency.worst),
            "recall@10 vs brute force, same scorer": round(agree / max(expected, 1), 3),
            "brute-force queries": len(checked),
            "planted recall@10, engine": round(found_engine / max(planted, 1), 3),
            "planted recall@10, brute force": round(found_brute / max(planted, 1), 3),
            "brute force median (per query, bags ready)": ms(brute_median),
            "brute force: building every bag (once)": ms(bag_seconds),
            "speed-up over brute force (median)": round(brute_median / latency.median, 1),
        },
    )
    store.close()


def brute_force(store: Store, claim_ids: list[int]) -> tuple[dict, list[float], float]:
    """Top 10 of every claim by the engine's own final score, for each of ``claim_ids``.

    Returns ``({claim_id: [(id, score)] of its top 10}, scoring seconds per query,
    bag-building seconds)``.
    Bags are built a chunk at a time and the evidence kept, so memory stays
    bounded; the bm25 part is relative to the best over all claims, as in the engine.
    """
    engine = engine_for(store)
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
    CACHE_DIR.mkdir(exist_ok=True)
    sizes = [10_000] if getattr(args, "quick", False) else [10_000, 100_000, 1_000_000]
    for claims in sizes:
        measure(claims)
