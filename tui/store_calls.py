"""Store calls made on worker threads, each returning the message to post back.

These functions run off the UI thread and never touch widgets; the screen's
``@work(thread=True)`` methods call them and post what they return.
"""

from __future__ import annotations

import time
from pathlib import Path

from claimdesk.store import Store
from claimdesk.store.errors import VersionConflictError
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
    """Related claims of ``claim_id`` (the shown ones, then the weaker ones), or an
    explanation of why there are none."""
    related = getattr(store, "related", None)
    if related is None:
        return messages.RelatedLoaded(claim_id, None, RELATED_UNAVAILABLE, requested_at)
    try:
        found = related(claim_id, limit=RELATED_LIMIT, weaker=True)
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
            related(claim_id, limit=RELATED_LIMIT, weaker=True)
        except NotFoundError:
            continue


def load_conflicts(store: Store, doc_id: int, claim_ids: list[int]) -> messages.ConflictsLoaded:
    """Which of ``claim_ids`` contradict or differ from a claim in another document."""
    related = getattr(store, "related", None)
    found: set[int] = set()
    if related is not None:
        for claim_id in claim_ids:
            found_for = related(claim_id, limit=RELATED_LIMIT)
            if any(
                (r.relation in DISAGREEMENTS or r.feedback == "contradicts") and not r.same_document
                for r in found_for
            ):
                found.add(claim_id)
    return messages.ConflictsLoaded(doc_id, frozenset(found))


def search(
    store: Store, query: str, requested_at: float, limit: int = 100
) -> messages.SearchResults:
    """Hits for ``query`` (an empty query finds nothing)."""
    hits = store.search(query, limit=limit) if query.strip() else []
    return messages.SearchResults(query, list(hits), requested_at)


def change_claim(
    store: Store, claim_id: int, action: str, value: str = "", version: int | None = None
) -> messages.ClaimChanged:
    """Apply one review change: ``status``, ``note``, ``promote`` or ``dismiss``.

    ``version``: the status or note version the reader saw. A note changed since
    raises :class:`VersionConflictError` (the note editor shows both); a status
    changed since is not overwritten: the claim comes back as it is now, with a line
    naming both values.
    """
    if action == "status":
        try:
            claim, done = (
                store.set_status(claim_id, value, expected_version=version),
                (f"flagged {value}"),
            )
        except VersionConflictError as exc:
            claim = store.claim(claim_id)
            done = f"not flagged {value}: {exc}; it is now {exc.theirs}"
    elif action == "note":
        claim = store.set_note(claim_id, value, expected_version=version)
        done = "note saved" if value.strip() else "note cleared"
    elif action == "promote":
        claim, done = store.promote(claim_id), "sentence promoted to a claim"
    elif action == "dismiss":
        claim, done = store.dismiss(claim_id), "dismissed as not a claim"
    else:
        raise ValueError(f"unknown change {action!r}")
    return messages.ClaimChanged(claim, done)


def mark_link(
    store: Store, claim_id: int, other_id: int, verdict: str, relation: str, score: float
) -> messages.LinkMarked:
    """Record the reader's verdict on a related link (an undoable event)."""
    store.mark_link(claim_id, other_id, verdict, relation=relation, score=score)
    return messages.LinkMarked(claim_id, other_id, verdict)


def set_document_note(
    store: Store, doc_id: int, text: str, version: int | None = None
) -> messages.DocumentNoteChanged:
    """Save a document's note (``version``: the one the reader saw, as for notes)."""
    return messages.DocumentNoteChanged(
        store.set_document_note(doc_id, text, expected_version=version)
    )


def undo(store: Store) -> messages.UndoDone:
    """Revert the newest change."""
    return messages.UndoDone(store.undo())


def load_history(store: Store, claim_id: int) -> messages.HistoryLoaded:
    """The change log of ``claim_id``."""
    return messages.HistoryLoaded(claim_id, store.history(claim_id))


EXPORT_SUFFIXES = {"claimreview": "json", "annotations": "jsonld", "csv": "csv", "markdown": "md"}
"""The file extension of each export format."""


def export_file(
    store: Store, kind: str, doc_id: int | None, folder: Path, organisation: dict[str, str]
) -> messages.ExportWritten:
    """Write an export of the desk's work (one document, or the whole store) into ``folder``,
    under a new name: ``claimdesk-<format>[-doc<id>]-<time>.<ext>``."""
    from claimdesk.store.exports import Organisation, Selection

    selection = Selection(doc_id=doc_id, everything=doc_id is not None and kind == "markdown")
    text = store.export(kind, selection, organisation=Organisation(**organisation))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    where = f"-doc{doc_id}" if doc_id is not None else ""
    path = folder / f"claimdesk-{kind}{where}-{stamp}.{EXPORT_SUFFIXES[kind]}"
    path.write_text(text, encoding="utf-8", newline="")
    return messages.ExportWritten(kind, path)


def now() -> float:
    """A monotonic timestamp for latency figures."""
    return time.perf_counter()
