"""The main reading screen: the linked panes of :class:`ReaderScreen` and every action on them.

Review actions (flag, notes, history, undo, promote, dismiss), search, filters,
the detail pane's keys (open the URL, copy the claim with its citation), the
review queue and the documents' order. Dialog screens are imported when first
opened, which keeps the start fast. Every write goes through the screen's
:class:`~claimdesk.tui.ordered_writer.OrderedWriter`, one at a time in the order asked.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from textual.binding import BindingType

from claimdesk.store.safe_text import one_line_safe
from claimdesk.tui import messages, store_calls
from claimdesk.tui.bindings import MAIN_BINDINGS
from claimdesk.tui.citation import cite, openable_url
from claimdesk.tui.documents_order import DocumentsOrder
from claimdesk.tui.export_scopes import FORMAT_LABELS, ExportScope, default_export_path
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.screens.reader_screen import WIDE_WIDTH, ReaderScreen
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar

UNDONE_NAMES: dict[str, str] = {
    "status": "flag",
    "note": "note",
    "claim": "claim decision",
    "doc-note": "document note",
    "link": "link verdict",
}
"""How the status bar names what an undo reverted."""

VERDICT_DONE: dict[str, str] = {
    "wrong": "link marked wrong: hidden from now on (u: undo)",
    "right": "link marked right (u: undo)",
    "contradicts": "contradiction confirmed (u: undo)",
}
"""What the status bar says after each verdict on a related link."""


class MainScreen(ReaderScreen):
    """Reading, linking, reviewing, searching and back/forward navigation."""

    BINDINGS: ClassVar[list[BindingType]] = list(MAIN_BINDINGS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_query = ""
        self.search_hits: list = []
        self.search_index = -1
        self.queue_query = None

    def set_action(self, text: str) -> None:
        """Show ``text`` as the last action."""
        self.query_one(StatusBar).set_action(text)

    # exports -------------------------------------------------------------------------
    def export(self, kind: str, scope: ExportScope) -> None:
        """Ask where the export of ``scope`` in format ``kind`` goes, then write it on a worker."""
        from claimdesk.tui.screens.export_path import ExportPathScreen

        folder = Path.cwd()
        suggested = default_export_path(folder, kind, scope, time.strftime("%Y%m%d-%H%M%S"))
        organisation = dict(self.app.config.organisation)

        def chosen(path: Path | None) -> None:
            if path is None:
                self.set_action("export cancelled")
                return
            self.set_action(f"writing the {kind} export…")
            run_in_worker(
                self, "export", store_calls.export_file, self.store, kind, scope, path, organisation
            )

        what = f"{FORMAT_LABELS[kind]}: {scope.label}"
        self.app.push_screen(ExportPathScreen(what, suggested, folder), chosen)

    def on_export_written(self, message: messages.ExportWritten) -> None:
        """Say what was written, and where."""
        plural = "" if message.claims == 1 else "s"
        what = f"{message.kind} export of {message.scope} ({message.claims} claim{plural})"
        self.set_action(f"{what} written to {one_line_safe(str(message.path))}")
        self.notify(
            f"{what}, {message.size:,} bytes\n{one_line_safe(str(message.path))}",
            title="Export written",
            markup=False,
        )

    # search ---------------------------------------------------------------------
    def action_search(self) -> None:
        """Open the search screen with the remembered query."""
        from claimdesk.tui.screens.search_screen import SearchScreen

        self.app.push_screen(SearchScreen(self.store, self.search_query), self.search_done)

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

    # flags and notes -------------------------------------------------------------------
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
                self.writer.write(
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

        def save(text: str, version: int | None) -> messages.WriteDone:
            return store_calls.change_claim(store, claim.id, "note", text, version)

        editor = NoteEditor("Note on the claim", claim.text, claim.note, claim.note_version, save)
        self.app.push_screen(editor, self.note_saved)

    def action_edit_document_note(self) -> None:
        """Edit the current document's note."""
        from claimdesk.tui.screens.note_editor import NoteEditor

        document = self.document
        if document is None:
            return

        store = self.store

        def save(text: str, version: int | None) -> messages.WriteDone:
            return store_calls.set_document_note(store, document.id, text, version)

        editor = NoteEditor(
            "Note on the document", document.title, document.note, document.note_version, save
        )
        self.app.push_screen(editor, self.note_saved)

    def note_saved(self, message: object) -> None:
        """Show a note the editor saved on its own worker (``None``: closed without saving);
        the writer then reads the change like any other."""
        if isinstance(message, messages.WriteDone):
            self.on_write_done(message)
            self.writer.check()

    def on_write_done(self, message: messages.WriteDone) -> None:
        """Say what was stored (the panes follow with the changes)."""
        self.set_action(message.action)

    def action_show_history(self) -> None:
        """Show who changed the current claim, what and when."""
        from claimdesk.tui.screens.history import HistoryScreen

        claim = self.current_claim()
        if claim is not None:
            self.app.push_screen(HistoryScreen(self.store, claim))

    def action_undo(self) -> None:
        """Undo this user's newest change (never another user's)."""
        self.writer.write(store_calls.undo, self.store)

    def on_undo_done(self, message: messages.UndoDone) -> None:
        """Say what was undone (the panes follow with the changes)."""
        event = message.event
        if message.refused:
            self.set_action(message.refused)
        elif event is None:
            self.set_action(f"nothing of {self.store.actor}'s to undo")
        else:
            what = UNDONE_NAMES.get(event.kind, event.kind)
            where = f" on claim {event.claim_id}" if event.claim_id is not None else ""
            self.set_action(f"undid the {what}{where}")
            if event.kind == "link" and event.claim_id == self.current_id:
                self.request_related(event.claim_id, store_calls.now())

    # verdicts on related links ---------------------------------------------------------
    def on_related_list_verdict(self, event: RelatedList.Verdict) -> None:
        """Write the verdict on the link between the current claim and the chosen one."""
        claim_id = self._related_for
        if claim_id is None or claim_id != self.current_id:
            return
        item = event.item
        if item.feedback == event.verdict:
            self.set_action(f"already marked {event.verdict}")
            return
        self.writer.write(
            store_calls.mark_link,
            self.store,
            claim_id,
            item.claim.id,
            event.verdict,
            item.relation,
            item.score,
        )

    def on_link_marked(self, message: messages.LinkMarked) -> None:
        """Say what was recorded and reload the related pane."""
        self.set_action(VERDICT_DONE.get(message.verdict, "link verdict recorded"))
        if message.claim_id == self.current_id:
            self.request_related(message.claim_id, store_calls.now())

    # the extractor's decisions ---------------------------------------------------------
    def action_promote(self) -> None:
        """Make the current sentence a claim."""
        claim = self.current_claim()
        if claim is None:
            return
        if claim.is_claim:
            self.set_action("already a claim")
            return
        self.writer.write(store_calls.change_claim, self.store, claim.id, "promote")

    def action_dismiss_claim(self) -> None:
        """Mark the current claim as not a claim (kept and reversible)."""
        claim = self.current_claim()
        if claim is None or not claim.is_claim:
            self.set_action("not a claim")
            return
        self.writer.write(store_calls.change_claim, self.store, claim.id, "dismiss")

    # filters ---------------------------------------------------------------------------
    def action_filter(self) -> None:
        """Choose what the claims pane shows."""
        from claimdesk.tui.screens.filter_chooser import FilterChooser

        self.app.push_screen(FilterChooser(self.claim_filter), self.apply_filter)

    def action_clear_filter(self) -> None:
        """Show every claim again."""
        self.apply_filter(ClaimFilter())

    def apply_filter(self, claim_filter: ClaimFilter | None) -> None:
        """Use ``claim_filter`` for the claims pane."""
        if claim_filter is not None:
            self.claim_filter = claim_filter

    # the detail pane ---------------------------------------------------------------------
    def action_toggle_detail(self) -> None:
        """Show or hide the claim's details (always shown on wide terminals)."""
        if self.app.size.width >= WIDE_WIDTH:
            self.set_action(f"details are always shown from {WIDE_WIDTH} columns")
            return
        self.detail_on = not self.detail_on

    def action_open_url(self) -> None:
        """Open the document's URL in the web browser."""
        document = self.document
        url = openable_url(document.url) if document else None
        if url is None:
            self.set_action("this document has no web address to open")
            return
        self.app.open_url(url)
        self.set_action(f"opened {url}")

    def action_copy_claim(self) -> None:
        """Copy the current claim with its citation (source, date, page or time, URL) to the
        clipboard."""
        claim = self.current_claim()
        if claim is None or self.document is None:
            return
        where = self.reading.location(claim) if self.reading else ""
        self.app.copy_to_clipboard(cite(claim, self.document, where))
        self.set_action("copied the claim with its citation")

    # the review queue and the documents' order -------------------------------------------
    def action_open_queue(self) -> None:
        """Open the review queue: claims across the store to work through."""
        opened_at = store_calls.now()
        from claimdesk.tui.screens.queue_screen import QueueScreen

        queue = QueueScreen(self.store, self.queue_query, opened_at=opened_at)
        self.app.push_screen(queue, self.queue_done)

    def queue_done(self, outcome) -> None:
        """Remember the queue and open the chosen claim in its document."""
        if outcome is None:
            return
        self.queue_query = outcome.query
        if outcome.claim is not None:
            self.open_place(outcome.claim.doc_id, outcome.claim.id)

    def on_store_changed(self, message: messages.StoreChanged) -> None:
        """An open review queue reads itself again (the panes here follow in
        :meth:`ReaderScreen.on_store_changed`)."""
        from claimdesk.tui.screens.queue_screen import QueueScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, QueueScreen):
                screen.store_changed()

    def action_order_documents(self) -> None:
        """Sort and filter the documents pane."""
        from claimdesk.tui.screens.documents_chooser import DocumentsChooser

        def chosen(order: DocumentsOrder | None) -> None:
            if order is not None:
                self.documents_order = order

        self.app.push_screen(DocumentsChooser(self.documents_order), chosen)
