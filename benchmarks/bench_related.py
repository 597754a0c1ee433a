"""Related-claims speed and recall: ``Store.related`` at 10k, 100k and 1M claims.

For each generated store (cached under ``bench-data/``): the start-up cost
(loading the term table), median and p95 latency of ``Store.related`` with a
cold result cache (every query claim asked once), and, on planted
near-duplicate groups, recall@10 of the engine against brute-force rapidfuzz
(``token_set_ratio`` on the same normalised texts, over every claim) measured in
the same run, with the speed-up over that brute force.

    python -m benchmarks --only related          # 10k, 100k and 1M claims
    python -m benchmarks --only related --quick  # 10k claims
"""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from store import Store
from store.documents import now_iso, sha256_of
from store.related import engine_for
from store.related.normalize import match_form
from store.textnorm import fold

from .common import ms, report, stopwatch, time_each
from .corpus import generate_claim_texts

CACHE_DIR = Path(__file__).resolve().parent.parent / "bench-data"
SEED = 7
CLAIMS_PER_DOC = 40
BATCH = 20_000
LATENCY_QUERIES = 300
BRUTE_QUERIES = {10_000: 100, 100_000: 40, 1_000_000: 12}
"""Brute force costs seconds a query at 1M claims, so fewer queries are checked there."""


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
    forms = [match_form(t) for t in texts]
    checked = queries[: BRUTE_QUERIES.get(claims, 20)]
    found_engine = found_brute = planted = agree = 0
    brute_seconds = []
    for i in checked:
        mates = set(group_of[i]) - {i}
        engine_ids = {h.claim.id - 1 for h in store.related(i + 1, limit=10)}
        start = time.perf_counter()
        best = process.extract(
            forms[i], forms, scorer=fuzz.token_set_ratio, processor=None, limit=11
        )
        brute_seconds.append(time.perf_counter() - start)
        brute_ids = {j for _, _, j in best if j != i}
        planted += len(mates)
        found_engine += len(mates & engine_ids)
        found_brute += len(mates & brute_ids)
        agree += len(brute_ids & engine_ids)
    brute_median = sorted(brute_seconds)[len(brute_seconds) // 2]
    report(
        f"related, {claims:,} claims",
        {
            "term table load": ms(startup[0]),
            "queries (cold cache)": latency.runs,
            "related median": ms(latency.median),
            "related p95": ms(latency.p95),
            "related worst": ms(latency.worst),
            "planted recall@10, engine": round(found_engine / max(planted, 1), 3),
            "planted recall@10, brute force": round(found_brute / max(planted, 1), 3),
            "brute-force top 10 also in engine top 10": round(agree / max(10 * len(checked), 1), 3),
            "brute force median (per query)": ms(brute_median),
            "speed-up over brute force (median)": round(brute_median / latency.median, 1),
        },
    )
    store.close()


def run(args) -> None:
    """Benchmark entry point (``args.quick``: the 10k store only)."""
    CACHE_DIR.mkdir(exist_ok=True)
    sizes = [10_000] if getattr(args, "quick", False) else [10_000, 100_000, 1_000_000]
    for claims in sizes:
        measure(claims)
