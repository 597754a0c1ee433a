"""Ranking a pool of checked claims for query statements (``claimdesk eval retrieve``).

The pool (``corpus.jsonl``: ``id``, ``text``, ``title``) goes into a throwaway store,
one document a claim; each query (``queries.jsonl``: ``id``, ``text``) is ranked
against it by the related-claims engine, and by plain FTS5 bm25 as the baseline.

>>> pool = [{"id": "a", "text": "40 people died in the flood."},
...         {"id": "b", "text": "The bridge was closed."}]
>>> with throwaway_store() as store:
...     ids = load_pool(store, pool)
...     [ids[c] for c in bm25_ranking(store, "Many died in a flood")]
['a']
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimdesk.store.database.documents import normalise_input_text
from claimdesk.store.database.sentence_rows import claim_rows
from claimdesk.store.extract.extractor import ExtractedSentence, extract
from claimdesk.store.folding import fold
from claimdesk.store.ingest.readers import ParsedDocument
from claimdesk.store.ingest.writer import Extracted, add_parsed
from claimdesk.store.store import Store

Progress = Callable[[int], None]
"""Called with how many more items were done."""

METHODS = ("engine", "bm25")
_TOKEN = re.compile(r"\w+")


@contextmanager
def throwaway_store() -> Iterator[Store]:
    """A store in a temporary directory, deleted afterwards."""
    with tempfile.TemporaryDirectory(prefix="claimdesk-eval-") as tmp:
        store = Store.open(Path(tmp) / "eval.db")
        try:
            yield store
        finally:
            store.close()


def whole_text_claim(text: str) -> ExtractedSentence:
    """The whole of ``text`` as one claim, with the figures, dates and entities the
    extractor finds in its sentences (a pool entry is one checked claim)."""
    sentences = extract(text)
    if not sentences:
        return ExtractedSentence(
            start=0, end=len(text), text=text, norm=fold(text), is_claim=True, score=1.0
        )
    first = sentences[0]
    return dataclasses.replace(
        first,
        start=0,
        end=len(text),
        text=text,
        norm=fold(text),
        is_claim=True,
        score=max(s.score for s in sentences),
        numbers=[n for s in sentences for n in s.numbers],
        dates=[d for s in sentences for d in s.dates],
        entities=list(dict.fromkeys(e for s in sentences for e in s.entities)),
    )


def pool_text(row: dict[str, Any], with_title: bool) -> str:
    """The stored text of a pool entry: the claim, then its title when asked for."""
    text = str(row.get("text") or "").strip()
    title = str(row.get("title") or "").strip()
    if with_title and title and title != text:
        text = f"{text}\n{title}"
    return normalise_input_text(text)


def load_pool(
    store: Store,
    rows: Sequence[dict[str, Any]],
    *,
    with_title: bool = True,
    progress: Progress | None = None,
) -> dict[int, str]:
    """Store every pool entry as a one-claim document; returns ``{claim id: entry id}``.

    Entries with the same text share a claim (the first entry's id).
    """
    entry_ids: list[str] = []

    def entries() -> Iterator[Extracted]:
        for row in rows:
            text = pool_text(row, with_title)
            if text:
                entry_ids.append(str(row["id"]))
                parsed = ParsedDocument(
                    text, title=str(row.get("title") or ""), source="evaluation pool"
                )
                yield Extracted(parsed, claim_rows([whole_text_claim(text)]))
            if progress:
                progress(1)

    # One transaction, one batch: the search index is written once, in as few segments as
    # a single commit leaves (every commit adds segments, and the queries read them all).
    batch = max(1, len(rows))
    results = add_parsed(store.connections, entries(), batch_size=batch, workers=1)
    ids: dict[int, str] = {}
    db = store.db
    for entry_id, result in zip(entry_ids, results, strict=True):
        if result.added:
            (claim_id,) = db.execute(
                "SELECT id FROM claims WHERE doc_id = ?", [result.doc_id]
            ).fetchone()
            ids[claim_id] = entry_id
    return ids


def bm25_ranking(store: Store, text: str, limit: int = 10) -> list[int]:
    """Claim ids by plain FTS5 bm25 of any word of ``text`` (the baseline), best first."""
    tokens = sorted(set(_TOKEN.findall(fold(text))))
    if not tokens:
        return []
    match = " OR ".join(f'"{t}"' for t in tokens)
    rows = store.db.execute(
        "SELECT claims_fts.rowid FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid"
        " WHERE claims_fts MATCH ? AND c.is_claim = 1 ORDER BY claims_fts.rank LIMIT ?",
        [match, limit],
    ).fetchall()
    return [r[0] for r in rows]


def engine_ranking(store: Store, text: str, limit: int = 10) -> list[int]:
    """Claim ids ranked for ``text`` by the related-claims engine, best first."""
    if not text.strip():
        return []
    return [hit.claim.id for hit in store.related_text(text, limit)]


RANKERS: dict[str, Callable[[Store, str, int], list[int]]] = {
    "engine": engine_ranking,
    "bm25": bm25_ranking,
}


def rank_queries(
    store: Store,
    pool_ids: dict[int, str],
    queries: Sequence[dict[str, Any]],
    *,
    method: str = "engine",
    limit: int = 10,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """One prediction ``{"query", "ranked": [pool ids]}`` per query, in query order."""
    rank = RANKERS[method]
    predictions = []
    for query in queries:
        ranked = [pool_ids[c] for c in rank(store, str(query["text"]), limit) if c in pool_ids]
        predictions.append({"query": str(query["id"]), "ranked": ranked})
        if progress:
            progress(1)
    return predictions
