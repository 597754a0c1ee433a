"""The main reading screen: documents, document, claims and related claims, linked.

All store work runs in thread workers (``claimdesk.tui.store_calls``) that post typed
messages back; handlers here only update widgets. Review actions (flag, notes,
promote, dismiss, undo, filters) live in :class:`~claimdesk.tui.screens.review_actions.ReviewActions`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer

from claimdesk.store import Store
from claimdesk.store.models import Claim, Document
from claimdesk.tui import messages, store_calls
from claimdesk.tui.bindings import MAIN_BINDINGS
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.navigation import NavigationHistory, Place
from claimdesk.tui.screens.moving import MovingActions
from claimdesk.tui.screens.related_actions import RelatedActions
from claimdesk.tui.screens.review_actions import ReviewActions
from claimdesk.tui.state import save_last_place
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList, one_line
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar
from claimdesk.tui.widgets.virtual_list import VirtualList

NARROW_WIDTH = 110
"""Below this many columns the panes stack."""

LOADING_DELAY = 0.12
"""Seconds before the related pane says it is loading (quick answers never flicker)."""

DOCUMENTS_PANE_WIDTH = 140
"""Below this many columns the documents pane starts hidden (``d`` shows it)."""


class MainScreen(MovingActions, ReviewActions, RelatedActions, Screen):
    """Reading, linking, searching and back/forward navigation."""

    CSS = css_beside(__file__)
    BINDINGS: ClassVar[list[BindingType]] = list(MAIN_BINDINGS)

    def __init__(self, store: Store, initial: Place | None = None):
        super().__init__()
        self.store = store
        self.initial = initial
        self.documents: list[Document] = []
        self.document: Document | None = None
        self.sentences: list[Claim] = []
        self.current_id: int | None = None
        self.claim_filter = ClaimFilter()
        self.conflicting: frozenset[int] = frozenset()
        self.nav = NavigationHistory()
        self.search_query = ""
        self.search_hits: list = []
        self.search_index = -1
        self._wanted_doc: int | None = None
        self._documents_shown: bool | None = None
        self._painted = False
        self._related_for: int | None = None
        self._loading_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Four panes and the status bar."""
        with Horizontal(id="panes"):
            yield DocumentsList(id="documents", classes="pane", empty_text="loading…")
            yield DocumentView(id="document", classes="pane")
            with Vertical(id="side"):
                yield ClaimsList(id="claims", classes="pane", empty_text="loading…")
                yield RelatedList(id="related", classes="pane", empty_text="")
        yield StatusBar(self.store.path, id="status")

    def on_mount(self) -> None:
        """Start loading; the first document opens as soon as it is read."""
        self.query_one("#documents").border_title = "Documents"
        self.query_one("#claims").border_title = "Claims"
        self.query_one("#related").border_title = "Related"
        self.query_one("#document").border_title = "Document"
        self.apply_width(self.app.size.width)
        self.run_store("documents", store_calls.load_documents, self.store)
        place = self.initial
        self.open_place(place.doc_id if place else None, place.claim_id if place else None)
        self.query_one(ClaimsList).focus()

    def on_resize(self) -> None:
        """Stack the panes on narrow terminals."""
        self.apply_width(self.app.size.width)

    def apply_width(self, width: int) -> None:
        """Switch between the side-by-side and the stacked layout."""
        narrow = width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        if self._documents_shown is None:
            self.query_one(DocumentsList).set_class(width < DOCUMENTS_PANE_WIDTH, "-hidden")

    # workers ---------------------------------------------------------------
    def run_store(self, group: str, call: Callable, *args, exclusive: bool = True) -> None:
        """Run ``call(*args)`` on a worker thread and post the message it returns."""
        self._store_worker(group, call, args, exclusive)

    def _store_worker(self, group: str, call: Callable, args: tuple, exclusive: bool) -> None:
        def job() -> None:
            try:
                message = call(*args)
            except Exception as exc:  # any store failure becomes a visible message
                message = messages.StoreFailed(group, f"{type(exc).__name__}: {exc}")
            if message is not None:
                self.post_message(message)

        self.run_worker(job, thread=True, group=group, exclusive=exclusive, exit_on_error=False)

    # opening documents and claims ---------------------------------------------
    def open_place(self, doc_id: int | None, claim_id: int | None, record: bool = True) -> None:
        """Open ``doc_id`` (``None``: the first) with ``claim_id`` selected."""
        if self.document is not None and doc_id == self.document.id:
            if record:
                self.nav.visit(Place(doc_id, claim_id))
            if claim_id is not None:
                self.select_claim(claim_id)
            return
        self._wanted_doc = doc_id
        self.query_one(RelatedList).show_related([], empty_text="loading related claims…")
        self.run_store("document", store_calls.load_document, self.store, doc_id, claim_id, record)

    def on_document_loaded(self, message: messages.DocumentLoaded) -> None:
        """Show a freshly read document and select its claim."""
        document = message.document
        if self._wanted_doc is not None and document.id != self._wanted_doc:
            return
        self.document, self.sentences = document, message.sentences
        self.conflicting = frozenset()
        wanted = message.claim_id
        if wanted is None or all(s.id != wanted for s in self.sentences):
            visible = self.visible_claims()
            wanted = (
                visible[0].id if visible else (self.sentences[0].id if self.sentences else None)
            )
        if message.record_history:
            self.nav.visit(Place(document.id, wanted))
        view = self.query_one(DocumentView)
        view.border_title = Text(one_line(document.title) or "(untitled)")
        view.show(document, self.sentences, wanted)
        self.refresh_claims()
        self.select_claim(wanted)
        documents = self.query_one(DocumentsList)
        index = documents.index_of(document.id)
        if index is not None:
            documents.move_cursor(index)
        if self.claim_filter.conflicts_only:
            self.request_conflicts()

    def on_documents_loaded(self, message: messages.DocumentsLoaded) -> None:
        """Fill the documents pane and the counts."""
        self.documents = message.documents
        documents = self.query_one(DocumentsList)
        current = self.document.id if self.document else None
        index = next((i for i, d in enumerate(self.documents) if d.id == current), 0)
        documents.set_items(
            self.documents, cursor=index, empty_text="no documents: add some with `claimdesk add`"
        )
        self.query_one(StatusBar).set_summary(message.summary)
        if not self.documents:
            self.query_one(DocumentView).empty_text = "no documents in this store"
            self.query_one(DocumentView).refresh()
            self.query_one(ClaimsList).set_items([], empty_text="no claims")

    def on_summary_loaded(self, message: messages.SummaryLoaded) -> None:
        """Show fresh counts."""
        self.query_one(StatusBar).set_summary(message.summary)

    def visible_claims(self) -> list[Claim]:
        """The current document's claims that pass the filter."""
        accepts = self.claim_filter.accepts
        return [s for s in self.sentences if s.is_claim and accepts(s, self.conflicting)]

    def refresh_claims(self) -> None:
        """Rebuild the claims pane from the sentences and the filter."""
        claims = self.query_one(ClaimsList)
        claims.conflicting = self.conflicting
        visible = self.visible_claims()
        empty = (
            "no claims match the filter"
            if self.claim_filter.active
            else "no claims in this document"
        )
        index = next((i for i, c in enumerate(visible) if c.id == self.current_id), 0)
        claims.set_items(visible, cursor=index, empty_text=empty)
        claims.border_title = f"Claims {len(visible)}"

    def select_claim(self, claim_id: int | None, *, scroll_document: bool = True) -> None:
        """Make ``claim_id`` current in every pane and ask for its related claims."""
        self.current_id = claim_id
        self.query_one(DocumentView).set_current(claim_id, scroll=scroll_document)
        claims = self.query_one(ClaimsList)
        index = claims.index_of(claim_id)
        if index is not None:
            claims.move_cursor(index)
        if self.document is None or claim_id is None:
            self.query_one(RelatedList).show_related([], empty_text="")
            return
        place = Place(self.document.id, claim_id)
        self.nav.update_current(place)
        # Cached answers arrive within a frame or two; say "loading" only when they do not.
        if self._loading_timer is not None:
            self._loading_timer.stop()
        self._loading_timer = self.set_timer(LOADING_DELAY, partial(self.show_loading, claim_id))
        if self._painted:
            self.request_related(claim_id, store_calls.now())
        else:  # the first document is drawn before any matching starts
            self.call_after_refresh(self.request_related, claim_id, store_calls.now())
        if self.app.remember_places:
            self.run_store("place", self.remember, place)

    def show_loading(self, claim_id: int) -> None:
        """Show that related claims are on their way (if they still are)."""
        if claim_id == self.current_id and self._related_for != claim_id:
            self.query_one(RelatedList).show_related([], empty_text="loading related claims…")

    def request_related(self, claim_id: int, requested_at: float) -> None:
        """Load the related claims of ``claim_id`` unless the reader has moved on."""
        if claim_id == self.current_id:
            self.run_store("related", store_calls.load_related, self.store, claim_id, requested_at)

    def remember(self, place: Place) -> None:
        """Save ``place`` as the last one viewed (worker thread)."""
        save_last_place(self.app.state_file, self.store.path, place)

    def on_related_loaded(self, message: messages.RelatedLoaded) -> None:
        """Fill the related pane, unless the reader has moved on."""
        if message.claim_id != self.current_id:
            return
        again = self._related_for == message.claim_id
        self._related_for = message.claim_id
        related = self.query_one(RelatedList)
        if message.related is None:
            related.show_related([], empty_text=message.error)
        else:
            related.show_related(
                message.related, empty_text="no related claims found", keep_cursor=again
            )
        self.app.record_latency("related", store_calls.now() - message.requested_at)
        nearby = self.neighbour_claims(message.claim_id)
        if nearby and message.related is not None:
            self.run_store("prefetch", store_calls.prefetch_related, self.store, nearby)

    def neighbour_claims(self, claim_id: int) -> list[int]:
        """The ids of the next and the previous visible claim (prefetched, as j / k go there)."""
        visible = self.visible_claims()
        index = next((i for i, c in enumerate(visible) if c.id == claim_id), None)
        if index is None:
            return []
        return [visible[i].id for i in (index + 1, index - 1) if 0 <= i < len(visible)]

    def current_claim(self) -> Claim | None:
        """The current sentence (claim or not)."""
        return next((s for s in self.sentences if s.id == self.current_id), None)

    def replace_sentence(self, claim: Claim) -> None:
        """Put a changed claim everywhere it is shown."""
        self.sentences = [claim if s.id == claim.id else s for s in self.sentences]
        self.query_one(DocumentView).update_sentence(claim)
        self.refresh_claims()
        if self.document is not None and claim.doc_id == self.document.id:
            flagged = sum(1 for s in self.sentences if s.is_claim and s.status != "unreviewed")
            count = sum(1 for s in self.sentences if s.is_claim)
            self.document = replace(self.document, flagged=flagged, claims=count)
            documents = self.query_one(DocumentsList)
            index = documents.index_of(self.document.id)
            if index is not None:
                documents.replace_item(index, self.document)

    # linking ------------------------------------------------------------------
    @on(VirtualList.Highlighted, "#claims")
    def claim_highlighted(self, event: VirtualList.Highlighted) -> None:
        """Moving in the claims pane moves the document."""
        self.select_claim(event.item.id)

    @on(VirtualList.Selected, "#documents")
    def document_chosen(self, event: VirtualList.Selected) -> None:
        """Open the chosen document."""
        self.open_place(event.item.id, None)

    @on(VirtualList.Selected, "#related")
    def related_chosen(self, event: VirtualList.Selected) -> None:
        """Open the related claim in its document."""
        self.open_place(event.item.claim.doc_id, event.item.claim.id)

    def on_document_view_sentence_clicked(self, event: DocumentView.SentenceClicked) -> None:
        """Clicking a sentence in the document selects it."""
        self.select_claim(event.claim_id, scroll_document=False)

    def on_document_view_painted(self, event: DocumentView.Painted) -> None:
        """Tell the app that a document is on screen (timed starts exit here)."""
        self._painted = True
        self.app.document_painted()

    def on_store_failed(self, message: messages.StoreFailed) -> None:
        """Show a failed store call in the status bar."""
        self.query_one(StatusBar).set_action(f"{message.action} failed: {message.error}")
