"""Generated claim stores for the search, related and reader benchmarks, built once and cached.

One store per size, shared by every benchmark that needs it: claims from
:func:`~benchmarks.corpus.generate_claim_texts` (seed 7, claim id = sentence
index + 1) bulk-loaded in documents of 40 straight through SQL (with the documents'
proper names, as ingest stores them), which takes about a minute per 100k claims instead
of running extraction on each sentence; each sentence's typed facts are read as ingest
reads them, so the relations matching compares are the stored ones. The file name carries
:data:`~benchmarks.corpus.CORPUS_VERSION` and :data:`FACTS_VERSION`, so a changed
generator or fact reader never meets a stale store. The file is read once before it is opened
(:func:`warm_page_cache`).

    >>> store_path(100_000).name  # doctest: +ELLIPSIS
    'claims-100000-v...-facts4.db'
"""

from __future__ import annotations

import json
from pathlib import Path

from claimdesk.store import Store
from claimdesk.store.database.documents import now_iso, sha256_of
from claimdesk.store.extract.facts import read_facts
from claimdesk.store.extract.features import entities
from claimdesk.store.folding import fold
from claimdesk.store.related.proper_names import names_column

from .common import stopwatch
from .corpus import CORPUS_VERSION, ClaimTexts, generate_claim_texts

FACTS_VERSION = 4
"""Bumped whenever the stored facts of the generated stores change."""
CACHE_DIR = Path(__file__).resolve().parent.parent / "bench-data"
SEED = 7
CLAIMS_PER_DOC = 40
BATCH = 20_000


def store_path(claims: int) -> Path:
    """Where the generated store of ``claims`` claims is cached."""
    return CACHE_DIR / f"claims-{claims}-v{CORPUS_VERSION}-facts{FACTS_VERSION}.db"


def claim_texts(claims: int) -> ClaimTexts:
    """The generated claims (with their planted groups) behind the store of that size."""
    return generate_claim_texts(claims, seed=SEED)


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
                title = f"Report {lo + d}"
                cur = db.execute(
                    "INSERT INTO documents (sha256, title, added, text, length, names)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        sha256_of(f"{lo + d}:{text}"),
                        title,
                        now_iso(),
                        text,
                        len(text),
                        names_column(title, text),
                    ],
                )
                rows, start = [], 0
                for i, sentence in enumerate(sentences):
                    end = start + len(sentence)
                    figures, dates = read_facts(sentence, start)
                    rows.append(
                        (cur.lastrowid, i, start, end, sentence, fold(sentence))
                        + tuple(json.dumps(x) for x in (figures, dates, entities(sentence)))
                    )
                    start = end + 1
                db.conn.executemany(
                    'INSERT INTO claims (doc_id, ordinal, start, "end", text, norm, is_claim,'
                    " extracted, score, numbers, dates, entities)"
                    " VALUES (?, ?, ?, ?, ?, ?, 1, 1, 0.9, ?, ?, ?)",
                    rows,
                )
    db.execute("UPDATE meta SET value = '1' WHERE key = 'generation'")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def cached_store(claims: int, texts: list[str] | None = None) -> Store:
    """The generated store of ``claims`` claims, opened; built on first use.

    ``texts``: the sentences of :func:`claim_texts` when the caller has them already.
    """
    path = store_path(claims)
    if not path.exists():
        CACHE_DIR.mkdir(exist_ok=True)
        partial = path.with_suffix(".partial")
        for leftover in CACHE_DIR.glob(partial.name + "*"):
            leftover.unlink()
        with stopwatch() as took:
            build_store(partial, texts if texts is not None else claim_texts(claims).sentences)
        partial.rename(path)
        print(f"  built {path.name} in {took[0]:.0f} s")
    warm_page_cache(path)
    return Store.open(path)


def warm_page_cache(path: Path) -> float:
    """Read the store file once, so that timings measure the engine rather than the disk;
    returns the seconds it took.

    A store in daily use sits in the operating system's page cache. Right after a reboot
    it does not, and the first queries wait on the disk: at a million claims the first 300
    related queries took 47 ms median and 74 ms p95 here, against 27 and 46 ms once read.
    """
    with stopwatch() as took, path.open("rb") as f:
        while f.read(1 << 24):
            pass
    return took[0]
