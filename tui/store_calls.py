"""Store calls made on worker threads, each returning the message to post back, and the one
helper that runs them: :func:`run_in_worker`.

These functions run off the UI thread and never touch widgets; screens call
``run_in_worker(self, group, call, *args)`` and handle the message that comes
back. Writes go through :class:`~claimdesk.tui.ordered_writer.OrderedWriter` instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import get_current_worker

from claimdesk.store import ChangedSinceError, QueueQuery, Store
from claimdesk.store.errors import StoreError, VersionConflictError
from claimdesk.store.models import DISAGREEMENTS, NotFoundError
from claimdesk.tui import messages
from claimdesk.tui.export_scopes import ExportScope

RELATED_LIMIT = 10
"""How many related claims the related pane asks for."""

KNOWN_CHECKS_LIMIT = 3
"""At most this many known fact-checks ("checked before") head the related pane."""


def failure_text(exc: Exception) -> str:
    """What a failed store call says: a store error's own line (written for the reader),
    else the error's type and message."""
    if isinstance(exc, StoreError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def run_in_worker(
    target: MessagePump,
    group: str,
    call: Callable[..., Message | None],
    *args: Any,
    exclusive: bool = True,
) -> None:
    """Run ``call(*args)`` on a worker thread of ``target`` and post the message it returns
    to ``target``; a failure comes back as :class:`~claimdesk.tui.messages.StoreFailed`.

    ``exclusive``: a newer call of the same ``group`` replaces an older one still running
    (its answer is dropped; every message also says what it answers).
    """

    def job() -> None:
        try:
            message = call(*args)
        except Exception as exc:  # any store failure becomes a visible message
            message = messages.StoreFailed(group, failure_text(exc))
        if message is not None and not get_current_worker().is_cancelled:
            target.post_message(message)

    target.run_worker(job, thread=True, group=group, exclusive=exclusive, exit_on_error=False)


def load_documents(store: Store, known: frozenset[int] | None = None) -> messages.DocumentsLoaded:
    """The documents list (without texts) and the store counts, with where the store was
    before they were read, and which documents are new since the last feed update (none
    when no update has run: then nothing is marked).

    ``known``: the ids the reader showed until now; the message then says how many of
    the documents read were added since, and how many of those ids were removed."""
    position = store.change_position()
    last_update = store.last_update()
    new_ids = frozenset(d.id for d in store.new_since_last_update()) if last_update else frozenset()
    documents = store.documents()
    added: int | None = None
    removed = 0
    if known is not None:
        ids = {d.id for d in documents}
        added, removed = len(ids - known), len(known - ids)
    return messages.DocumentsLoaded(
        documents, store.summary(), position, new_ids, last_update, added, removed
    )


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
    """A document with its sentences; ``doc_id=None`` (or a missing one) opens the first.

    The message says where the store was before they were read, so that what changes
    afterwards is never missed."""
    position = store.change_position()
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
    sentences = store.sentences(document.id)
    return messages.DocumentLoaded(
        document,
        sentences,
        claim_id,
        record_history,
        position,
        tuple(store.marks(document.id)),
        store.origin(document.id),
    )


def load_related(store: Store, claim_id: int, requested_at: float) -> messages.RelatedLoaded:
    """Related claims of ``claim_id`` (the shown ones, then the weaker ones) and its known
    fact-checks (only the confident ones: the pane abstains otherwise), or an explanation
    of why there are none."""
    try:
        found = store.related(claim_id, limit=RELATED_LIMIT, weaker=True)
        known = store.checked_before(claim_id, KNOWN_CHECKS_LIMIT)
    except NotFoundError:
        return messages.RelatedLoaded(claim_id, None, "claim no longer exists", requested_at)
    return messages.RelatedLoaded(claim_id, list(found), "", requested_at, tuple(known))


def prefetch_related(store: Store, claim_ids: list[int]) -> None:
    """Warm the store's related-claims cache for the claims the reader is likely to visit next."""
    for claim_id in claim_ids:
        try:
            store.related(claim_id, limit=RELATED_LIMIT, weaker=True)
        except NotFoundError:
            continue


def load_conflicts(store: Store, doc_id: int, claim_ids: list[int]) -> messages.ConflictsLoaded:
    """Which of ``claim_ids`` contradict or differ from a claim in another document."""
    found = {
        claim_id
        for claim_id in claim_ids
        if any(
            (r.relation in DISAGREEMENTS or r.feedback == "contradicts") and not r.same_document
            for r in store.related(claim_id, limit=RELATED_LIMIT)
        )
    }
    return messages.ConflictsLoaded(doc_id, frozenset(found))


def search(
    store: Store, query: str, requested_at: float, limit: int = 100
) -> messages.SearchResults:
    """Hits for ``query`` (an empty query finds nothing)."""
    hits = store.search(query, limit=limit) if query.strip() else []
    return messages.SearchResults(query, list(hits), requested_at)


def load_queue(
    store: Store, target: MessagePump, query: QueueQuery, offset: int, requested_at: float
) -> messages.QueueLoaded:
    """A page of the review queue; a conflicts queue reports its progress to ``target``."""

    def progress(done: int, total: int) -> None:
        if get_current_worker().is_cancelled:
            raise InterruptedError("the queue changed")
        target.post_message(messages.QueueProgress(query, done, total))

    page = store.queue(query, offset=offset, progress=progress)
    return messages.QueueLoaded(query, page, requested_at)


def read_meaning(store: Store, target: MessagePump) -> messages.MeaningProgress | None:
    """Have the sentence model read the fact-checks it has not read (reporting its progress
    to ``target``); None when there is nothing to read or no model."""
    total = store.meaning_pending()
    if not total:
        return None

    def progress(done: int, total: int) -> None:
        target.post_message(messages.MeaningProgress(done, total))

    if not store.prepare_meaning(progress):
        return None
    return messages.MeaningProgress(total, total, finished=True)


def mark_link(
    store: Store, claim_id: int, other_id: int, verdict: str, relation: str, score: float
) -> messages.LinkMarked:
    """Record the reader's verdict on a related link (an undoable event)."""
    store.mark_link(claim_id, other_id, verdict, relation=relation, score=score)
    return messages.LinkMarked(claim_id, other_id, verdict)


def load_history(store: Store, claim_id: int) -> messages.HistoryLoaded:
    """The change log of ``claim_id``."""
    return messages.HistoryLoaded(claim_id, store.history(claim_id))


def export_file(
    store: Store, kind: str, scope: ExportScope, path: Path, organisation: dict[str, str]
) -> messages.ExportWritten:
    """Write the export of ``scope`` in format ``kind`` to ``path`` (replacing that file)."""
    from claimdesk.store.exports import Organisation, select

    claims = len(select(store, scope.selection))
    text = store.export(kind, scope.selection, organisation=Organisation(**organisation))
    data = text.encode("utf-8")
    path.write_bytes(data)
    return messages.ExportWritten(kind, path, scope.label, claims, len(data))


# writes (run by the ordered writer) ------------------------------------------------------
def change_claim(
    store: Store, claim_id: int, action: str, value: str = "", version: int | None = None
) -> messages.WriteDone:
    """Apply one review change: ``status``, ``note``, ``promote`` or ``dismiss``.

    ``version``: the status or note version the reader saw. A note changed since
    raises :class:`VersionConflictError` (the note editor shows both); a status
    changed since is not overwritten: a line names both values.
    """
    if action == "status":
        try:
            store.set_status(claim_id, value, expected_version=version)
            done = f"flagged {value}"
        except VersionConflictError as exc:
            done = f"not flagged {value}: {exc}; it is now {exc.theirs}"
    elif action == "note":
        store.set_note(claim_id, value, expected_version=version)
        done = "note saved" if value.strip() else "note cleared"
    elif action == "promote":
        store.promote(claim_id)
        done = "sentence promoted to a claim"
    elif action == "dismiss":
        store.dismiss(claim_id)
        done = "dismissed as not a claim"
    else:
        raise ValueError(f"unknown change {action!r}")
    return messages.WriteDone(done)


def set_document_note(
    store: Store, doc_id: int, text: str, version: int | None = None
) -> messages.WriteDone:
    """Save a document's note (``version``: the one the reader saw, as for notes)."""
    store.set_document_note(doc_id, text, expected_version=version)
    return messages.WriteDone("document note saved" if text.strip() else "document note cleared")


def undo(store: Store) -> messages.UndoDone:
    """Revert this reader's actor's newest change (never anyone else's)."""
    try:
        return messages.UndoDone(store.undo())
    except ChangedSinceError as refused:
        return messages.UndoDone(None, str(refused))


def now() -> float:
    """A monotonic timestamp for latency figures."""
    return time.perf_counter()
