"""Review actions of the main screen: search, flags, notes, history, undo, promote, dismiss, filters.

Dialog screens are imported when first opened, which keeps the start fast.

A mixin for :class:`~claimdesk.tui.screens.main_screen.MainScreen`; writes go through
``claimdesk.tui.store_calls`` on worker threads, one at a time in the order they were asked.
"""

from __future__ import annotations

import threading
from pathlib import Path

from claimdesk.tui import messages, store_calls
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.widgets.status_bar import StatusBar

_write_lock = threading.Lock()


def _serialised(call, *args):
    """Run a store write while holding the write lock (writes stay in order)."""
    with _write_lock:
        return call(*args)


class ReviewActions:
    """Actions that change claims or what the claims pane shows."""

    def write(self, call, *args) -> None:
        """Run a store write on a worker thread."""
        self.run_store("write", _serialised, call, *args, exclusive=False)

    def export(self, kind: str, whole_store: bool = False) -> None:
        """Write an export of the current document (or the whole store) into the working folder."""
        doc_id = None if whole_store or self.document is None else self.document.id
        organisation = dict(self.app.config.organisation)
        self.run_store(
            "export", store_calls.export_file, self.store, kind, doc_id, Path.cwd(), organisation
        )

    def on_export_written(self, message: messages.ExportWritten) -> None:
        """Say where the export went."""
        self.set_action(f"{message.kind} export written to {message.path}")

    def set_action(self, text: str) -> None:
        """Show ``text`` as the last action."""
        self.query_one(StatusBar).set_action(text)

    # search ---------------------------------------------------------------
    def action_search(self) -> None:
        """Open the search screen with the remembered query."""
        from claimdesk.tui.screens.search_screen import SearchScreen

        screen = SearchScreen(self.store, self.search_query)
        self.app.push_screen(screen, self.search_done)

    def search_done(self, outcome) -> None:
        """Remember the search and jump to the chosen hit."""
        if outcome is None:
            return
        self.search_query, self.search_hits = outcome.query, outcome.hits
        self.search_index = outcome.index
        if outcome.index >= 0 and outcome.hits:
            self.jump_to_hit()

    def jump_to_hit(self) -> None:
        """Open the current search hit."""
        hit = self.search_hits[self.search_index]
        self.set_action(
            f"result {self.search_index + 1}/{len(self.search_hits)} for {self.search_query!r}"
        )
        self.open_place(hit.claim.doc_id, hit.claim.id)

    def action_search_step(self, step: int) -> None:
        """Step through the remembered search results (n / N)."""
        if not self.search_hits:
            self.set_action("no search results: press / to search")
            return
        self.search_index = (self.search_index + step) % len(self.search_hits)
        self.jump_to_hit()

    # flags and notes ---------------------------------------------------------
    def action_flag(self) -> None:
        """Choose a status for the current claim."""
        from claimdesk.tui.screens.status_chooser import StatusChooser

        claim = self.current_claim()
        if claim is None:
            return
        if not claim.is_claim:
            self.set_action("not a claim: press p to promote it first")
            return

        def chosen(status: str | None) -> None:
            if status:
                self.write(
                    store_calls.change_claim,
                    self.store,
                    claim.id,
                    "status",
                    status,
                    claim.status_version,
                )

        self.app.push_screen(StatusChooser(claim.status), chosen)

    def action_edit_note(self) -> None:
        """Edit the current claim's note."""
        from claimdesk.tui.screens.note_editor import NoteEditor

        claim = self.current_claim()
        if claim is None:
            return

        store = self.store

        def save(text: str, version: int | None):
            return _serialised(store_calls.change_claim, store, claim.id, "note", text, version)

        editor = NoteEditor("Note on the claim", claim.text, claim.note, claim.note_version, save)
        self.app.push_screen(editor, self.note_saved)

    def note_saved(self, message) -> None:
        """Show a note the editor saved (``None``: closed without saving)."""
        if message is not None:
            self.post_message(message)

    def action_edit_document_note(self) -> None:
        """Edit the current document's note."""
        from claimdesk.tui.screens.note_editor import NoteEditor

        document = self.document
        if document is None:
            return

        store = self.store

        def save(text: str, version: int | None):
            return _serialised(store_calls.set_document_note, store, document.id, text, version)

        editor = NoteEditor(
            "Note on the document", document.title, document.note, document.note_version, save
        )
        self.app.push_screen(editor, self.note_saved)

    def on_claim_changed(self, message: messages.ClaimChanged) -> None:
        """Show a written change at once."""
        self.replace_sentence(message.claim)
        self.set_action(message.action)
        self.run_store("summary", store_calls.load_summary, self.store)

    def on_document_note_changed(self, message: messages.DocumentNoteChanged) -> None:
        """Keep the saved document note."""
        if self.document is not None and self.document.id == message.document.id:
            self.document = message.document
        self.set_action("document note saved")

    def action_show_history(self) -> None:
        """Show who changed the current claim, what and when."""
        from claimdesk.tui.screens.history import HistoryScreen

        claim = self.current_claim()
        if claim is not None:
            self.app.push_screen(HistoryScreen(self.store, claim))

    def action_undo(self) -> None:
        """Undo the newest change in the store."""
        self.write(store_calls.undo, self.store)

    def on_undo_done(self, message: messages.UndoDone) -> None:
        """Reload what the undo may have changed."""
        event = message.event
        if event is None:
            self.set_action("nothing to undo")
            return
        self.set_action(f"undid {event.kind} change")
        document = self.document
        if document is not None:
            self._wanted_doc = document.id
            self.run_store(
                "document",
                store_calls.load_document,
                self.store,
                document.id,
                self.current_id,
                False,
            )
        self.run_store("summary", store_calls.load_summary, self.store)

    # the extractor's decisions ---------------------------------------------------
    def action_promote(self) -> None:
        """Make the current sentence a claim."""
        claim = self.current_claim()
        if claim is None:
            return
        if claim.is_claim:
            self.set_action("already a claim")
            return
        self.write(store_calls.change_claim, self.store, claim.id, "promote")

    def action_dismiss_claim(self) -> None:
        """Mark the current claim as not a claim (kept and reversible)."""
        claim = self.current_claim()
        if claim is None or not claim.is_claim:
            self.set_action("not a claim")
            return
        self.write(store_calls.change_claim, self.store, claim.id, "dismiss")

    # filters ----------------------------------------------------------------------
    def action_filter(self) -> None:
        """Choose what the claims pane shows."""
        from claimdesk.tui.screens.filter_chooser import FilterChooser

        self.app.push_screen(FilterChooser(self.claim_filter), self.apply_filter)

    def action_clear_filter(self) -> None:
        """Show every claim again."""
        self.apply_filter(ClaimFilter())

    def apply_filter(self, claim_filter: ClaimFilter | None) -> None:
        """Use ``claim_filter`` for the claims pane."""
        if claim_filter is None:
            return
        self.claim_filter = claim_filter
        self.query_one(StatusBar).set_filter(claim_filter.describe())
        if claim_filter.conflicts_only:
            self.request_conflicts()
        self.refresh_claims()

    def request_conflicts(self) -> None:
        """Find which claims of the document conflict with others (worker)."""
        document = self.document
        if document is None:
            return
        ids = [s.id for s in self.sentences if s.is_claim]
        self.set_action("looking for conflicts…")
        self.run_store("conflicts", store_calls.load_conflicts, self.store, document.id, ids)

    def on_conflicts_loaded(self, message: messages.ConflictsLoaded) -> None:
        """Show the conflicting claims."""
        if self.document is None or message.doc_id != self.document.id:
            return
        self.conflicting = message.claim_ids
        self.set_action(f"{len(message.claim_ids)} conflicting claims")
        self.refresh_claims()
