"""Related claims across documents (``claimdesk eval crossdoc``).

The documents (``docs.jsonl``: ``id``, ``title``, ``text``) go into a throwaway store
through claimdesk's own extraction; every claim then gets its related claims from
the engine. The baseline compares each claim with every sentence of the other
documents by rapidfuzz ``token_set_ratio``.

>>> docs = [{"id": "x", "text": "Police said 3 people were shot in Dallas on Monday."},
...         {"id": "y", "text": "Three people were shot in Dallas on Monday, police said."}]
>>> from claimdesk.store.evaluation.retrieve import throwaway_store
>>> with throwaway_store() as store:
...     source_ids, _ = load_documents(store, docs)
...     preds = fuzzy_baseline_predictions(store, source_ids)
>>> [(p["doc"], [r["doc"] for r in p["related"]]) for p in preds]
[('x', ['y']), ('y', ['x'])]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process

from claimdesk.store.database.documents import normalise_input_text
from claimdesk.store.evaluation.retrieve import Progress
from claimdesk.store.folding import fold
from claimdesk.store.models import Claim
from claimdesk.store.store import Store

BASELINE_CHUNK = 256
"""Claims scored against all sentences at once by the baseline (bounds its memory)."""


def load_documents(
    store: Store, rows: Sequence[dict[str, Any]], *, progress: Progress | None = None
) -> tuple[dict[int, str], int]:
    """Add every document with claimdesk's extraction; returns ``({doc id: source id}, changed)``.

    A row's ``published`` (or ``date``) becomes the document's publication date, which the
    related pane weighs (reports published far apart are not one incident).

    ``changed`` counts documents whose text normalisation (NFC, newlines) changed the
    text, where gold offsets may no longer line up with claimdesk's.
    """
    source_ids: dict[int, str] = {}
    changed = 0
    for row in rows:
        text = str(row.get("text") or "")
        changed += normalise_input_text(text) != text
        result = store.add_text(
            text,
            title=str(row.get("title") or ""),
            published=str(row.get("published") or row.get("date") or ""),
        )
        if result.added and result.doc_id is not None:
            source_ids[result.doc_id] = str(row["id"])
        if progress:
            progress(1)
    return source_ids, changed


def eval_claims(
    store: Store, source_ids: dict[int, str], include_sentences: bool = False
) -> list[Claim]:
    """The claims (or every sentence) of the evaluated documents, in reading order."""
    if include_sentences:
        return [s for doc_id in source_ids for s in store.sentences(doc_id)]
    return [c for c in store.claims() if c.doc_id in source_ids]


def _span(source_ids: dict[int, str], claim: Claim) -> dict[str, Any]:
    return {"doc": source_ids[claim.doc_id], "start": claim.start, "end": claim.end}


def engine_predictions(
    store: Store,
    source_ids: dict[int, str],
    *,
    limit: int = 10,
    include_sentences: bool = False,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """One prediction per claim: its span and its related claims in the related pane's order.

    Every related item carries ``score``, ``relation``, ``evidence`` and ``shown`` (the
    pane's rule): the shown ones come first, then up to ``limit`` weaker ones.
    ``include_sentences=True`` asks for every sentence, claim or not, and lets the
    related claims be any sentence too.
    """
    predictions = []
    for claim in eval_claims(store, source_ids, include_sentences):
        related = store.related(claim.id, limit, include_sentences=include_sentences, weaker=True)
        predictions.append(
            _span(source_ids, claim)
            | {
                "related": [
                    _span(source_ids, r.claim)
                    | {
                        "score": r.score,
                        "relation": r.relation,
                        "evidence": None if r.evidence is None else round(r.evidence, 4),
                        "shown": r.shown,
                        "also_in": r.also_in,
                    }
                    for r in related
                    if r.claim.doc_id in source_ids
                ]
            }
        )
        if progress:
            progress(1)
    return predictions


def fuzzy_baseline_predictions(
    store: Store,
    source_ids: dict[int, str],
    *,
    limit: int = 10,
    include_sentences: bool = False,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Brute force: every claim (or sentence) against every sentence of the other
    documents, ranked by rapidfuzz ``token_set_ratio`` of the folded texts.

    Needs numpy (rapidfuzz's ``cdist`` returns arrays); the product itself does not.
    """
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - numpy ships with the test extra
        raise RuntimeError("the brute-force baseline needs numpy: pip install numpy") from exc
    sentences = eval_claims(store, source_ids, include_sentences=True)
    texts = [fold(s.text) for s in sentences]
    doc_of = np.array([s.doc_id for s in sentences])
    queries = eval_claims(store, source_ids, include_sentences)
    predictions = []
    for lo in range(0, len(queries), BASELINE_CHUNK):
        chunk = queries[lo : lo + BASELINE_CHUNK]
        scores = process.cdist(
            [fold(c.text) for c in chunk], texts, scorer=fuzz.token_set_ratio, dtype=np.float32
        )
        for claim, row in zip(chunk, scores, strict=True):
            row = np.where(doc_of == claim.doc_id, -1.0, row)
            top = np.argsort(-row, kind="stable")[:limit]
            related = [_span(source_ids, sentences[i]) for i in top if row[i] >= 0]
            predictions.append(_span(source_ids, claim) | {"related": related})
        if progress:
            progress(len(chunk))
    return predictions
