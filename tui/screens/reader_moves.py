"""Moving around the reader: claim to claim, to the next new document, back and forward,
to a related claim or the linked e-mail, between panes.

:class:`ReaderMoves` is mixed into
:class:`~claimdesk.tui.screens.reader_screen.ReaderScreen`; the key bindings name
these actions (see :mod:`claimdesk.tui.bindings`).
"""

from __future__ import annotations

from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList, one_line
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar


class ReaderMoves:
    """The reader's moving actions (a mixin of the reader screen)."""

    def action_claim_step(self, step: int) -> None:
        """Next or previous claim (of those the filter shows)."""
        if self.reading is not None:
            target = self.reading.claim_after(
                self.current_id, step, self.claim_filter, self.conflicting
            )
            if target is not None:
                self.current_id = target.id

    def action_sentence_step(self, step: int) -> None:
        """Next or previous sentence, claim or not (to promote one)."""
        if self.reading is not None:
            target = self.reading.sentence_after(self.current_id, step)
            if target is not None:
                self.current_id = target.id

    def action_next_new_document(self) -> None:
        """Open the next document new since the last feed update, in the documents pane's
        order (after the last, the first again)."""
        order = self.documents_order.apply(self.documents, self.new_ids)
        new = [d for d in order if d.id in self.new_ids]
        if not new:
            said = "nothing new since the last update" if self.last_update else "no update yet"
            self.query_one(StatusBar).set_action(said)
            return
        ids = [d.id for d in order]
        at = ids.index(self.document.id) if self.document and self.document.id in ids else -1
        target = next((d for d in order[at + 1 :] if d.id in self.new_ids), new[0])
        self.open_place(target.id, None)
        self.query_one(StatusBar).set_action(
            f"new document {new.index(target) + 1} of {len(new)}: {one_line(target.title)}"
        )

    def action_open_linked(self) -> None:
        """Open the e-mail the open document came attached to, else the mail's first attachment."""
        origin = self.reading.origin if self.reading else None
        linked = None
        if origin is not None:
            linked = origin.parent_id
            if linked is None and origin.attachment_ids:
                linked = origin.attachment_ids[0]
        if linked is None:
            self.query_one(StatusBar).set_action("no e-mail or attachment linked to this document")
            return
        self.open_place(linked, None)

    def action_back(self) -> None:
        """Go back to the previous place."""
        place = self.nav.back()
        if place is not None:
            self.open_place(place.doc_id, place.claim_id, record=False)

    def action_forward(self) -> None:
        """Go forward again."""
        place = self.nav.forward()
        if place is not None:
            self.open_place(place.doc_id, place.claim_id, record=False)

    def action_open_related(self) -> None:
        """Open the related claim under the related pane's cursor (a known fact-check: its URL)."""
        item = self.query_one(RelatedList).current
        if isinstance(item, KnownCheck):
            self.open_factcheck(item)
        elif item is not None:
            self.open_place(item.claim.doc_id, item.claim.id)

    def action_open_factcheck(self) -> None:
        """Open the URL of the known fact-check under the related pane's cursor, else of the
        best one shown."""
        self.open_factcheck(self.query_one(RelatedList).current_check)

    def action_toggle_documents(self) -> None:
        """Show or hide the documents pane."""
        documents = self.query_one(DocumentsList)
        self._documents_shown = documents.has_class("-hidden")
        documents.set_class(not self._documents_shown, "-hidden")

    def action_focus_pane(self, name: str) -> None:
        """Focus one of the panes (showing it if it is hidden)."""
        if name == "documents" and self.query_one(DocumentsList).has_class("-hidden"):
            self.action_toggle_documents()
        if name == "detail" and not self.has_class("-detail"):
            self.detail_on = True
        target = self.query_one(DocumentView) if name == "document" else self.query_one(f"#{name}")
        target.focus()
