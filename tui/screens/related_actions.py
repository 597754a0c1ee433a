"""Related-pane actions of the main screen: the reader's verdicts on related links.

A mixin for :class:`~claimdesk.tui.screens.main_screen.MainScreen`. The related pane
posts :class:`~claimdesk.tui.widgets.related_list.RelatedList.Verdict` (keys ``w`` /
``y`` / ``c``); the verdict is written on a worker thread (an undoable event) and the
pane is reloaded, so a link marked wrong disappears at once.
"""

from __future__ import annotations

from claimdesk.tui import messages, store_calls
from claimdesk.tui.widgets.related_list import RelatedList

VERDICT_DONE: dict[str, str] = {
    "wrong": "link marked wrong: hidden from now on (u: undo)",
    "right": "link marked right (u: undo)",
    "contradicts": "contradiction confirmed (u: undo)",
}
"""What the status bar says after each verdict."""


class RelatedActions:
    """Record the reader's verdicts on the related claims of the current claim."""

    def on_related_list_verdict(self, event: RelatedList.Verdict) -> None:
        """Write the verdict on the link between the current claim and the chosen one."""
        claim_id = self._related_for
        if claim_id is None or claim_id != self.current_id:
            return
        item = event.item
        if item.feedback == event.verdict:
            self.set_action(f"already marked {event.verdict}")
            return
        self.write(
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
