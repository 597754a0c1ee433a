"""The linked panes of the reader: documents, document, claims, details and related claims.

What the reader has open lives in reactive attributes (:attr:`ReaderScreen.reading`,
``current_id``, ``claim_filter``, ``conflicting``, ``documents``, ``documents_order``);
each watcher refreshes exactly the panes that show that attribute. Store reads
run on workers (:func:`~claimdesk.tui.store_calls.run_in_worker`) and come back as
typed messages; writes go through one :class:`~claimdesk.tui.ordered_writer.OrderedWriter`,
which also brings in what other processes changed. The actions that open
dialogs and write live in :class:`~claimdesk.tui.screens.main_screen.MainScreen`.

The screen is assembled by role: this module holds the reactive state, the layout
and the links between panes; :mod:`~claimdesk.tui.screens.reader_documents` the open
document and the documents pane, :mod:`~claimdesk.tui.screens.reader_claims` the claims
and detail panes, :mod:`~claimdesk.tui.screens.reader_related` the related pane,
:mod:`~claimdesk.tui.screens.reader_moves` the moving actions and
:mod:`~claimdesk.tui.screens.reader_live` the live refresh.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer

from claimdesk.store import Store
from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.store.models import ChangePosition, Claim, Document
from claimdesk.tui import messages, store_calls
from claimdesk.tui.documents_order import DocumentsOrder
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.navigation import NavigationHistory, Place
from claimdesk.tui.ordered_writer import OrderedWriter
from claimdesk.tui.reading import Reading
from claimdesk.tui.screens.reader_claims import ReaderClaims
from claimdesk.tui.screens.reader_documents import ReaderDocuments
from claimdesk.tui.screens.reader_live import WATCH_INTERVAL, ReaderLiveRefresh, changed_elsewhere
from claimdesk.tui.screens.reader_moves import ReaderMoves
from claimdesk.tui.screens.reader_related import LOADING_DELAY, NOT_A_CLAIM, ReaderRelated
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.claim_detail import ClaimDetail
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.document_note import DocumentNote
from claimdesk.tui.widgets.document_origin import DocumentOriginLine
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar
from claimdesk.tui.widgets.virtual_list import VirtualList

__all__ = [
    "DOCUMENTS_PANE_WIDTH",
    "LOADING_DELAY",
    "NARROW_WIDTH",
    "NOT_A_CLAIM",
    "WATCH_INTERVAL",
    "WIDE_WIDTH",
    "ReaderScreen",
    "changed_elsewhere",
]


NARROW_WIDTH = 110
"""Below this many columns the panes stack."""

WIDE_WIDTH = 180
"""From this many columns the detail pane is always shown."""

DOCUMENTS_PANE_WIDTH = 140
"""Below this many columns the documents pane starts hidden (``d`` shows it)."""


class ReaderScreen(
    ReaderDocuments, ReaderClaims, ReaderRelated, ReaderMoves, ReaderLiveRefresh, Screen
):
    """Documents, the open document, its claims, the current claim's details and related claims."""

    CSS = css_beside(__file__)
    # Every rule names ReaderScreen, which subclasses (the main screen) match as well;
    # scoping would tie the rules to the subclass's own name instead.
    SCOPED_CSS = False

    reading: var[Reading | None] = var(None, init=False)
    """The open document and its sentences."""
    current_id: var[int | None] = var(None, init=False, always_update=True)
    """The current sentence (usually a claim)."""
    claim_filter: var[ClaimFilter] = var(ClaimFilter(), init=False)
    """Which claims the claims pane shows."""
    conflicting: var[frozenset[int]] = var(frozenset(), init=False)
    """Claims of the open document known to conflict with a claim elsewhere."""
    documents: var[tuple[Document, ...]] = var((), init=False)
    """Every document of the store (without texts)."""
    documents_order: var[DocumentsOrder] = var(DocumentsOrder(), init=False)
    """How the documents pane is sorted and filtered."""
    detail_on: var[bool] = var(False, init=False)
    """Whether the detail pane was asked for (wide terminals always show it)."""

    def __init__(self, store: Store, initial: Place | None = None):
        super().__init__()
        self.store = store
        self.initial = initial
        self.nav = NavigationHistory()
        self.writer = OrderedWriter(self, store)
        self._wanted_doc: int | None = None
        self._documents_shown: bool | None = None
        self._painted = False
        self._related_for: int | None = None
        self._loading_timer: Timer | None = None
        self._related_asked: tuple[int, float] | None = None
        self._scroll_document = True
        self._read_from: ChangePosition | None = None
        self._watching = False
        self.new_ids: frozenset[int] = frozenset()
        self.last_update: str | None = None
        self._documents_read = False
        self._update_run = 0

    # the open document, as older code and tests name it ----------------------------------
    @property
    def document(self) -> Document | None:
        """The open document."""
        return self.reading.document if self.reading else None

    @property
    def sentences(self) -> tuple[Claim, ...]:
        """Every sentence of the open document."""
        return self.reading.sentences if self.reading else ()

    def current_claim(self) -> Claim | None:
        """The current sentence (claim or not)."""
        return self.reading.sentence(self.current_id) if self.reading else None

    def visible_claims(self) -> list[Claim]:
        """The open document's claims that pass the filter."""
        return self.reading.visible(self.claim_filter, self.conflicting) if self.reading else []

    # layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        """Five panes and the status bar."""
        with Horizontal(id="panes"):
            yield DocumentsList(id="documents", classes="pane", empty_text="loading…")
            with Vertical(id="document", classes="pane"):
                yield DocumentOriginLine(id="document-origin")
                yield DocumentNote(id="document-note")
                yield DocumentView(id="document-text")
            with Vertical(id="side"):
                # the detail pane is mounted when it is first shown (a faster start)
                yield ClaimsList(id="claims", classes="pane", empty_text="loading…")
                yield RelatedList(id="related", classes="pane", empty_text="")
        yield StatusBar(self.store.path, self.store.actor, id="status")

    def on_mount(self) -> None:
        """Start loading; the first document opens as soon as it is read."""
        for name, title in (
            ("documents", "Documents"),
            ("claims", "Claims"),
            ("related", "Related"),
            ("document", "Document"),
        ):
            self.query_one(f"#{name}").border_title = title
        self.apply_width(self.app.size.width)
        run_in_worker(self, "documents", store_calls.load_documents, self.store)
        place = self.initial
        self.open_place(place.doc_id if place else None, place.claim_id if place else None)
        self.query_one(ClaimsList).focus()

    def on_resize(self) -> None:
        """Stack the panes on narrow terminals; show details on wide ones."""
        self.apply_width(self.app.size.width)

    def apply_width(self, width: int) -> None:
        """Switch between the stacked, side-by-side and wide layouts."""
        self.set_class(width < NARROW_WIDTH, "-narrow")
        shown = width >= WIDE_WIDTH or self.detail_on
        self.set_class(shown, "-detail")
        if shown and self.detail_pane() is None:
            pane = ClaimDetail(
                self.current_claim(), self.document, self.location(), id="detail", classes="pane"
            )
            pane.border_title = "Claim"
            self.query_one("#side").mount(pane, before=self.query_one(RelatedList))
        if self._documents_shown is None:
            self.query_one(DocumentsList).set_class(width < DOCUMENTS_PANE_WIDTH, "-hidden")

    def watch_detail_on(self) -> None:
        """Show or hide the detail pane."""
        self.apply_width(self.app.size.width)

    # linking ---------------------------------------------------------------------------
    @on(VirtualList.Highlighted, "#claims")
    def claim_highlighted(self, event: VirtualList.Highlighted) -> None:
        """Moving in the claims pane moves the document."""
        self.current_id = event.item.id

    @on(VirtualList.Selected, "#documents")
    def document_chosen(self, event: VirtualList.Selected) -> None:
        """Open the chosen document."""
        self.open_place(event.item.id, None)

    @on(VirtualList.Selected, "#related")
    def related_chosen(self, event: VirtualList.Selected) -> None:
        """Open the related claim in its document (a known fact-check: its URL)."""
        if isinstance(event.item, KnownCheck):
            self.open_factcheck(event.item)
        else:
            self.open_place(event.item.claim.doc_id, event.item.claim.id)

    def on_document_view_sentence_clicked(self, event: DocumentView.SentenceClicked) -> None:
        """Clicking a sentence in the document selects it."""
        self._scroll_document = False
        self.current_id = event.claim_id

    def on_document_view_painted(self, event: DocumentView.Painted) -> None:
        """Tell the app that a document is on screen (timed starts exit here)."""
        self._painted = True
        self.begin_watching()
        self.app.document_painted()

    def on_store_failed(self, message: messages.StoreFailed) -> None:
        """Show a failed store call in the status bar."""
        self.query_one(StatusBar).set_action(f"{message.action} failed: {message.error}")
