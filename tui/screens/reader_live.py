"""The reader's live refresh: what this reader wrote, and what other processes changed.

:class:`ReaderLiveRefresh` is mixed into
:class:`~claimdesk.tui.screens.reader_screen.ReaderScreen`. Once the first document is
on screen it starts the screen's :class:`~claimdesk.tui.ordered_writer.OrderedWriter`
watching from the oldest position the first reads were made at, and brings each
:class:`~claimdesk.tui.messages.StoreChanged` into the panes that show it.
"""

from __future__ import annotations

from claimdesk.store.models import ChangePosition
from claimdesk.tui import messages, store_calls
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar

WATCH_INTERVAL = 0.25
"""Seconds between looks for other processes' changes (they show within about this; a look
costs a ``PRAGMA data_version`` on a worker)."""


DOCUMENT_KINDS = frozenset({"doc-removed"})
"""Event kinds the documents' reload reports instead (as counts)."""


def changed_elsewhere(events) -> str:
    """What the status bar says about review changes another reader or a script made.

    >>> from claimdesk.store.models import Event
    >>> flag = Event(1, "", "bob", "status", 7, 1, "unreviewed", "false")
    >>> changed_elsewhere([flag]), changed_elsewhere([flag, flag]), changed_elsewhere([])
    ('bob: claim 7 flagged false', '2 changes by bob', 'changed elsewhere')
    """
    if not events:
        return "changed elsewhere"
    if len(events) == 1:
        event = events[0]
        what = {
            "status": f"flagged {event.new}",
            "note": "note changed",
            "claim": "made a claim" if event.new == "1" else "dismissed",
            "doc-note": "document note changed",
        }.get(event.kind, f"{event.kind} changed")
        target = f"claim {event.claim_id} " if event.claim_id is not None else ""
        return one_line(f"{event.actor or 'someone'}: {target}{what}")
    actors = sorted({e.actor or "someone" for e in events})
    return one_line(f"{len(events)} changes by {', '.join(actors)}")


def documents_changed_elsewhere(added: int, removed: int, new: int | None = None) -> str:
    """What the status bar says when another process added or removed documents, or
    finished a feed update (``new``: how many documents are new since it).

    >>> documents_changed_elsewhere(3, 0), documents_changed_elsewhere(0, 1)
    ('3 documents added elsewhere', '1 document removed elsewhere')
    >>> documents_changed_elsewhere(1, 2), documents_changed_elsewhere(0, 0)
    ('1 document added, 2 removed elsewhere', 'documents changed elsewhere')
    >>> documents_changed_elsewhere(0, 0, new=2), documents_changed_elsewhere(0, 0, new=0)
    ('update elsewhere: 2 new documents', 'update elsewhere: nothing new')
    """
    if new is not None:  # what the update brought is what is new now
        said = f"{new} new document{'s' if new != 1 else ''}" if new else "nothing new"
        return f"update elsewhere: {said}" + (f", {removed} removed" if removed else "")
    if added and removed:
        return f"{_documents(added)} added, {removed} removed elsewhere"
    if added or removed:
        return f"{_documents(added or removed)} {'added' if added else 'removed'} elsewhere"
    return "documents changed elsewhere"


def _documents(count: int) -> str:
    return f"{count} document{'s' if count != 1 else ''}"


class ReaderLiveRefresh:
    """Watching the store and showing its changes (a mixin of the reader screen)."""

    def begin_watching(self) -> None:
        """Start bringing in other processes' changes, from before the first reads (once the
        first document is on screen: the start is not slowed)."""
        if self._watching or self._read_from is None:
            return
        self._watching = True
        self.writer.start(self._read_from)
        self.set_interval(WATCH_INTERVAL, self.writer.check)
        run_in_worker(self, "meaning", store_calls.read_meaning, self.store, self)

    def on_meaning_progress(self, message: messages.MeaningProgress) -> None:
        """Say how far the sentence model has read the known fact-checks; once it has, ask
        the open claim's matches again (they may now include ones found by meaning)."""
        status = self.query_one(StatusBar)
        if not message.finished:
            status.set_action(f"reading fact-checks: {message.done:,} of {message.total:,}")
            return
        status.set_action(f"fact-checks read ({message.total:,}): matching by meaning too")
        if self.current_id is not None:
            self.request_related(self.current_id, store_calls.now())

    def read_from(self, position: ChangePosition | None) -> None:
        """Remember the oldest position the first reads were made at."""
        if position is not None and not self._watching:
            known = self._read_from
            self._read_from = position if known is None else min(known, position)

    def on_unmount(self) -> None:
        """Let go of the store watcher."""
        self.writer.close()

    def on_store_changed(self, message: messages.StoreChanged) -> None:
        """Show what changed (this reader's writes, or another process's) where it shows:
        the open document, the documents pane, the counts, the related pane; the cursor
        stays where the user put it."""
        changes = message.changes
        if self.reading is not None:
            reading = self.reading.with_claims(changes.claims)
            for document in changes.documents:
                reading = reading.with_document(document)
            self.reading = reading
        fresh = {d.id: d for d in changes.documents}
        if fresh:
            self.documents = tuple(fresh.get(d.id, d) for d in self.documents)
        reload = changes.documents_changed or changes.update_finished
        if reload:  # the new marks are read again too: an update that added nothing clears them
            known = None
            if message.external and self._documents_read:  # the reload counts what changed
                known = frozenset(d.id for d in self.documents)
            run_in_worker(self, "documents", store_calls.load_documents, self.store, known)
        self.query_one(StatusBar).set_summary(message.summary)
        related = self.query_one(RelatedList)
        touched = {c.id for c in changes.claims}
        shown = {r.claim.id for r in related.related_items} | {self.current_id}
        if touched & shown or changes.documents_changed:
            self.refresh_related()
        if message.external:
            review = [e for e in changes.events if e.kind not in DOCUMENT_KINDS]
            if review or not reload:
                self.query_one(StatusBar).set_action(changed_elsewhere(review))
        else:
            self.follow_filter()

    def say_documents_changed(self, loaded: messages.DocumentsLoaded, update_ran: bool) -> None:
        """After a reload for another process's change, say how many documents it added or
        removed, or what its feed update brought."""
        if loaded.added is None:
            return
        new = len(loaded.new_ids) if update_ran else None
        text = documents_changed_elsewhere(loaded.added, loaded.removed, new)
        self.query_one(StatusBar).set_action(text)
