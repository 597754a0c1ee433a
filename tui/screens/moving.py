"""Moving around on the main screen: claim to claim, sentence to sentence, back and forward, panes.

A mixin for :class:`~claimdesk.tui.screens.main_screen.MainScreen`.
"""

from __future__ import annotations

from claimdesk.tui.widgets.documents_list import DocumentsList
from claimdesk.tui.widgets.related_list import RelatedList


class MovingActions:
    """Actions that move the current claim, the place or the focus."""

    def action_claim_step(self, step: int) -> None:
        """Next or previous claim (of those the filter shows)."""
        visible = self.visible_claims()
        if not visible:
            return
        current = self.current_claim()
        ordinal = current.ordinal if current else -1
        if step > 0:
            after = [c for c in visible if c.ordinal > ordinal]
            target = after[0] if after else visible[-1]
        else:
            before = [c for c in visible if c.ordinal < ordinal]
            target = before[-1] if before else visible[0]
        self.select_claim(target.id)

    def action_sentence_step(self, step: int) -> None:
        """Next or previous sentence, claim or not (to promote one)."""
        if not self.sentences:
            return
        current = self.current_claim()
        index = self.sentences.index(current) if current in self.sentences else -1
        index = max(0, min(index + step, len(self.sentences) - 1))
        self.select_claim(self.sentences[index].id)

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
        """Open the related claim under the related pane's cursor."""
        item = self.query_one(RelatedList).current
        if item is not None:
            self.open_place(item.claim.doc_id, item.claim.id)

    def action_toggle_documents(self) -> None:
        """Show or hide the documents pane."""
        documents = self.query_one(DocumentsList)
        self._documents_shown = documents.has_class("-hidden")
        documents.set_class(not self._documents_shown, "-hidden")

    def action_focus_pane(self, name: str) -> None:
        """Focus one of the four panes."""
        widget = self.query_one(f"#{name}")
        if name == "documents" and widget.has_class("-hidden"):
            self.action_toggle_documents()
        widget.focus()
