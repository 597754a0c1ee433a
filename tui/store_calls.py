"""Store calls made on worker threads, each returning the message to post back.

These functions run off the UI thread and never touch widgets; the screen's
``@work(thread=True)`` methods call them and post what they return.
"""

from __future__ import annotations

import time

from claimdesk.store import Store
from claimdesk.store.models import DISAGREEMENTS, NotFoundError
from claimdesk.tui import messages

RELATED_LIMIT = 10
"""How many related claims the related pane asks for."""

RELATED_UNAVAILABLE = "related claims unavailable"
"""What the related pane says when the store cannot find related claims."""


def load_documents(store: Store) -> messages.DocumentsLoaded:
    """The documents list (without texts) and the store counts."""
    return messages.DocumentsLoaded(store.documents(), store.summary())


def load_summary(store: Store) -> messages.SummaryLoaded:
    """Fresh store counts."""
    return messages.SummaryLoaded(store.summary())


def first_document_id(store: Store) -> int | None:
    """The id of the first document with a claim, else of any document."""
    first = store.claims(limit=1)
    if first:
        return first[0].doc_id
    documents = store.documents()
    return documents[0].id if documents else None


def load_document(
    store: Store, doc_id: int | None, claim_id: int | None, record_history: bool = True
) -> messages.DocumentLoaded | None:
    """A document with its sentences; ``doc_id=None`` (or a missing one) opens the first."""
    document = None
    if doc_id is not None:
        try:
            document = store.document(doc_id)
        except NotFoundError:
            document, claim_id = None, None
    if document is None:
        first = first_document_id(store)
        if first is None:
            return None
        document = store.document(first)
    return messages.DocumentLoaded(document, store.sentences(document.id), claim_id, record_history)


def load_related(store: Store, claim_id: int, requested_at: float) -> messages.RelatedLoaded:
    """Related claims of ``claim_id``, or an explanation of why there are none."""
    related = getattr(store, "related", None)
    if related is None:
        return messages.RelatedLoaded(claim_id, None, RELATED_UNAVAILABLE, requested_at)
    try:
        found = related(claim_id, limit=RELATED_LIMIT)
    except NotFoundError:
        return messages.RelatedLoaded(claim_id, None, "claim no longer exists", requested_at)
    return messages.RelatedLoaded(claim_id, list(found), "", requested_at)


def prefetch_related(store: Store, claim_ids: list[int]) -> None:
    """Warm the store's related-claims cache for the claims the reader is likely to visit next."""
    related = getattr(store, "related", None)
    if related is None:
        return
    for claim_id in claim_ids:
        try:
            related(claim_id, limit=RELATED_LIMIT)
        except NotFoundError:
            continue


def load_conflicts(store: Store, doc_id: int, claim_ids: list[int]) -> messages.ConflictsLoaded:
    """Which of ``claim_ids`` contradict or differ from a claim in another document."""
    related = getattr(store, "related", None)
    found: set[int] = set()
    if related is not None:
        for claim_id in claim_ids:
            found_for = related(claim_id, limit=RELATED_LIMIT)
            if any(r.relation in DISAGREEMENTS and not r.same_document for r in found_for):
                found.add(claim_id)
    return messages.ConflictsLoaded(doc_id, frozenset(found))


def search(
    store: Store, query: str, requested_at: float, limit: int = 100
) -> messages.SearchResults:
    """Hits for ``query`` (an empty query finds nothing)."""
    hits = store.search(query, limit=limit) if query.strip() else []
    return messages.SearchResults(query, list(hits), requested_at)


def change_claim(
    store: Store, claim_id: int, action: str, value: str = ""
) -> messages.ClaimChanged:
    """Apply one review change: ``status``, ``note``, ``promote`` or ``dismiss``."""
    if action == "status":
        claim, done = store.set_status(claim_id, value), f"flagged {value}"
    elif action == "note":
        claim = store.set_note(claim_id, value)
        done = "note saved" if value.strip() else "note cleared"
    elif action == "promote":
        claim, done = store.promote(claim_id), "sentence promoted to a claim"
    elif action == "dismiss":
        claim, done = store.dismiss(claim_id), "dismissed as not a claim"
    else:
        raise ValueError(f"unknown change {action!r}")
    return messages.ClaimChanged(claim, done)


def set_document_note(store: Store, doc_id: int, text: str) -> messages.DocumentNoteChanged:
    """Save a document's note."""
    return messages.DocumentNoteChanged(store.set_document_note(doc_id, text))


def undo(store: Store) -> messages.UndoDone:
    """Revert the newest change."""
    return messages.UndoDone(store.undo())


def load_history(store: Store, claim_id: int) -> messages.HistoryLoaded:
    """The change log of ``claim_id``."""
    return messages.HistoryLoaded(claim_id, store.history(claim_id))


def now() -> float:
    """A monotonic timestamp for latency figures."""
    return time.perf_counter()
