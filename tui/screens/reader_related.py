"""The related pane: the current claim's related claims, asked for on a worker.

:class:`ReaderRelated` is mixed into
:class:`~claimdesk.tui.screens.reader_screen.ReaderScreen`. An answer is shown only
if the reader is still on the claim it was asked for; "loading" shows only when the
answer is slow; the neighbours' answers are fetched ahead.
"""

from __future__ import annotations

from functools import partial

from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.tui import messages, store_calls
from claimdesk.tui.citation import openable_url
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar

LOADING_DELAY = 0.12
"""Seconds before the related pane says it is loading (quick answers never flicker)."""

NOT_A_CLAIM = "not a claim: p makes it one, then its related claims show here"
"""What the related pane says for a sentence that is not a claim."""


class ReaderRelated:
    """The related pane of the current claim (a mixin of the reader screen)."""

    def refresh_related(self) -> None:
        """Ask for the current claim's related claims (a sentence that is not a claim has none)."""
        claim = self.current_claim()
        related = self.query_one(RelatedList)
        if self._loading_timer is not None:
            self._loading_timer.stop()
        if claim is None or not claim.is_claim:
            self._related_for = self._related_asked = None
            related.show_related([], empty_text=NOT_A_CLAIM if claim is not None else "")
            return
        # Cached answers arrive within a frame or two; say "loading" only when they do not.
        self._loading_timer = self.set_timer(LOADING_DELAY, partial(self.show_loading, claim.id))
        if self._painted:
            self.request_related(claim.id, store_calls.now())
        else:  # the first document is drawn before any matching starts
            self.call_after_refresh(self.request_related, claim.id, store_calls.now())

    def show_loading(self, claim_id: int) -> None:
        """Show that related claims are on their way (if they still are)."""
        asked = self._related_asked is not None and self._related_asked[0] == claim_id
        if asked and claim_id == self.current_id and self._related_for != claim_id:
            self.query_one(RelatedList).show_related([], empty_text="loading related claims…")

    def request_related(self, claim_id: int, requested_at: float) -> None:
        """Load the related claims of ``claim_id`` unless the reader has moved on."""
        if claim_id == self.current_id:
            self._related_asked = (claim_id, requested_at)
            run_in_worker(
                self, "related", store_calls.load_related, self.store, claim_id, requested_at
            )

    def on_related_loaded(self, message: messages.RelatedLoaded) -> None:
        """Fill the related pane, unless the reader has moved on or asked again since."""
        if (message.claim_id, message.requested_at) != self._related_asked:
            return
        related = self.query_one(RelatedList)
        # the same claim's related claims again (after a change): the cursor stays on its item
        again = self._related_for == message.claim_id and related.current is not None
        self._related_for = message.claim_id
        if message.related is None:
            related.show_related([], empty_text=message.error)
        else:
            related.show_related(
                message.related,
                empty_text="no related claims found",
                keep_cursor=again,
                known=message.known,
            )
        self.app.record_latency("related", store_calls.now() - message.requested_at)
        nearby = self.neighbour_claims(message.claim_id)
        if nearby and message.related is not None:
            run_in_worker(self, "prefetch", store_calls.prefetch_related, self.store, nearby)

    def neighbour_claims(self, claim_id: int) -> list[int]:
        """The ids of the next and the previous visible claim (prefetched, as j / k go there)."""
        visible = self.visible_claims()
        index = next((i for i, c in enumerate(visible) if c.id == claim_id), None)
        if index is None:
            return []
        return [visible[i].id for i in (index + 1, index - 1) if 0 <= i < len(visible)]

    def open_factcheck(self, known: KnownCheck | None) -> None:
        """Hand a known fact-check's URL to the web browser (web addresses only)."""
        status = self.query_one(StatusBar)
        if known is None:
            status.set_action("no known fact-check of this claim")
            return
        url = openable_url(known.factcheck.url)
        if url is None:
            status.set_action("this fact-check has no web address to open")
            return
        self.app.open_url(url)
        status.set_action(f"opened {one_line(url)}")
