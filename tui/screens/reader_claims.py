"""The claims pane and the current claim: the filter, conflicts, and the detail pane.

:class:`ReaderClaims` is mixed into
:class:`~claimdesk.tui.screens.reader_screen.ReaderScreen`: it rebuilds the claims
pane from the open document, the filter and the known conflicts, and makes the
current claim current in every pane.
"""

from __future__ import annotations

from claimdesk.tui import messages, store_calls
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.navigation import Place
from claimdesk.tui.state import save_last_place
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.claim_detail import ClaimDetail
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.status_bar import StatusBar


class ReaderClaims:
    """The claims pane, the current claim and the detail pane (a mixin of the reader screen)."""

    def watch_claim_filter(self, claim_filter: ClaimFilter) -> None:
        """Show the filter, refilter the claims and move to a claim it shows."""
        self.query_one(StatusBar).set_filter(claim_filter.describe())
        self.refresh_claims()
        if claim_filter.conflicts_only:
            self.request_conflicts()  # followed once the conflicts are known
        else:
            self.follow_filter()

    def watch_conflicting(self) -> None:
        """Mark the conflicting claims (and refilter when only those are shown)."""
        self.refresh_claims()

    def refresh_claims(self) -> None:
        """Rebuild the claims pane from the open document and the filter."""
        claims = self.query_one(ClaimsList)
        claims.conflicting = self.conflicting
        visible = self.visible_claims()
        empty = (
            "no claims match the filter"
            if self.claim_filter.active
            else "no claims in this document"
        )
        same = [c.id for c in visible] == [c.id for c in claims.items]
        index = next((i for i, c in enumerate(visible) if c.id == self.current_id), claims.cursor)
        claims.set_items(visible, cursor=index, empty_text=empty, keep_scroll=same)
        claims.border_title = f"Claims {len(visible)}"
        claims.border_subtitle = self.location()

    def follow_filter(self) -> None:
        """When the current claim is filtered out, make the nearest claim shown current, so
        that the document, the details and the related pane follow the claims pane."""
        current = self.current_claim()
        visible = self.visible_claims()
        if current is None:
            if visible and self.current_id is None:
                self.current_id = visible[0].id
            return
        if not current.is_claim or current in visible:
            return
        after = [c for c in visible if c.ordinal > current.ordinal]
        target = after[0] if after else (visible[-1] if visible else None)
        self.current_id = target.id if target else None

    def request_conflicts(self) -> None:
        """Find which claims of the document conflict with others (worker)."""
        if self.reading is None:
            return
        ids = [s.id for s in self.sentences if s.is_claim]
        self.query_one(StatusBar).set_action("looking for conflicts…")
        run_in_worker(
            self, "conflicts", store_calls.load_conflicts, self.store, self.reading.document.id, ids
        )

    def on_conflicts_loaded(self, message: messages.ConflictsLoaded) -> None:
        """Show the conflicting claims."""
        if self.document is None or message.doc_id != self.document.id:
            return
        self.conflicting = message.claim_ids
        self.query_one(StatusBar).set_action(f"{len(message.claim_ids)} conflicting claims")
        if self.claim_filter.conflicts_only:
            self.follow_filter()

    # the current claim ----------------------------------------------------------------
    def watch_current_id(self, claim_id: int | None) -> None:
        """Make ``claim_id`` current in every pane and ask for its related claims."""
        scroll, self._scroll_document = self._scroll_document, True
        self.query_one(DocumentView).set_current(claim_id, scroll=scroll)
        claims = self.query_one(ClaimsList)
        index = claims.index_of(claim_id)
        if index is not None:
            claims.move_cursor(index)
        claims.border_subtitle = self.location()
        self.refresh_detail()
        self.refresh_related()
        if self.document is not None and claim_id is not None:
            place = Place(self.document.id, claim_id)
            self.nav.update_current(place)
            if self.app.remember_places:
                run_in_worker(self, "place", self.remember, place)

    def detail_pane(self) -> ClaimDetail | None:
        """The detail pane, once it has been shown."""
        found = self.query(ClaimDetail)
        return found.first() if found else None

    def refresh_detail(self) -> None:
        """Show the current claim in the detail pane (if it has been shown)."""
        pane = self.detail_pane()
        if pane is not None:
            pane.show(self.current_claim(), self.document, self.location())

    def remember(self, place: Place) -> None:
        """Save ``place`` as the last one viewed (worker thread)."""
        save_last_place(self.app.state_file, self.store.path, place)
