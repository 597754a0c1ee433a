"""The linked panes of the reader: documents, document, claims, details and related claims.

What the reader has open lives in reactive attributes (:attr:`ReaderScreen.reading`,
``current_id``, ``claim_filter``, ``conflicting``, ``documents``, ``documents_order``);
each watcher refreshes exactly the panes that show that attribute. Store reads
run on workers (:func:`~claimdesk.tui.store_calls.run_in_worker`) and come back as
typed messages; writes go through one :class:`~claimdesk.tui.ordered_writer.OrderedWriter`,
which also brings in what other processes changed. The actions that open
dialogs and write live in :class:`~claimdesk.tui.screens.main_screen.MainScreen`.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer

from claimdesk.store import Store
from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.store.models import PAGE, ChangePosition, Claim, Document
from claimdesk.tui import messages, store_calls
from claimdesk.tui.citation import openable_url
from claimdesk.tui.documents_order import DocumentsOrder
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.navigation import NavigationHistory, Place
from claimdesk.tui.ordered_writer import OrderedWriter
from claimdesk.tui.reading import Reading
from claimdesk.tui.state import save_last_place
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.claim_detail import ClaimDetail
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.document_note import DocumentNote
from claimdesk.tui.widgets.document_origin import DocumentOriginLine
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList, one_line
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar
from claimdesk.tui.widgets.virtual_list import VirtualList

NARROW_WIDTH = 110
"""Below this many columns the panes stack."""

WIDE_WIDTH = 180
"""From this many columns the detail pane is always shown."""

DOCUMENTS_PANE_WIDTH = 140
"""Below this many columns the documents pane starts hidden (``d`` shows it)."""

LOADING_DELAY = 0.12
"""Seconds before the related pane says it is loading (quick answers never flicker)."""

WATCH_INTERVAL = 0.25
"""Seconds between looks for other processes' changes (they show within about this; a look
costs a ``PRAGMA data_version`` on a worker)."""

NOT_A_CLAIM = "not a claim: p makes it one, then its related claims show here"
"""What the related pane says for a sentence that is not a claim."""


def changed_elsewhere(events) -> str:
    """What the status bar says about changes another reader or a script made.

    >>> from claimdesk.store.models import Event
    >>> flag = Event(1, "", "bob", "status", 7, 1, "unreviewed", "false")
    >>> changed_elsewhere([flag]), changed_elsewhere([flag, flag]), changed_elsewhere([])
    ('bob: claim 7 flagged false', '2 changes by bob', 'documents added or removed elsewhere')
    """
    if not events:
        return "documents added or removed elsewhere"
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


class ReaderScreen(Screen):
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

    def begin_watching(self) -> None:
        """Start bringing in other processes' changes, from before the first reads (once the
        first document is on screen: the start is not slowed)."""
        if self._watching or self._read_from is None:
            return
        self._watching = True
        self.writer.start(self._read_from)
        self.set_interval(WATCH_INTERVAL, self.writer.check)

    def read_from(self, position: ChangePosition | None) -> None:
        """Remember the oldest position the first reads were made at."""
        if position is not None and not self._watching:
            known = self._read_from
            self._read_from = position if known is None else min(known, position)

    def on_unmount(self) -> None:
        """Let go of the store watcher."""
        self.writer.close()

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

    # opening documents and claims ------------------------------------------------------
    def open_place(self, doc_id: int | None, claim_id: int | None, record: bool = True) -> None:
        """Open ``doc_id`` (``None``: the first) with ``claim_id`` selected."""
        if self.document is not None and doc_id == self.document.id:
            if record:
                self.nav.visit(Place(doc_id, claim_id))
            if claim_id is not None:
                self.current_id = claim_id
            return
        self._wanted_doc = doc_id
        self.query_one(RelatedList).show_related([], empty_text="loading related claims…")
        run_in_worker(
            self, "document", store_calls.load_document, self.store, doc_id, claim_id, record
        )

    def on_document_loaded(self, message: messages.DocumentLoaded) -> None:
        """Show a freshly read document and select its claim."""
        self.read_from(message.position)
        document = message.document
        if self._wanted_doc is not None and document.id != self._wanted_doc:
            return
        self.conflicting = frozenset()
        self.reading = Reading(document, tuple(message.sentences), message.marks, message.origin)
        wanted = message.claim_id
        if self.reading.sentence(wanted) is None:
            visible = self.visible_claims()
            first = visible[0] if visible else (self.sentences[0] if self.sentences else None)
            wanted = first.id if first else None
        if message.record_history:
            self.nav.visit(Place(document.id, wanted))
        self.current_id = wanted
        self.show_document_in_list()
        if self.claim_filter.conflicts_only:
            self.request_conflicts()

    def watch_reading(self, old: Reading | None, new: Reading | None) -> None:
        """Redraw the document pane (a new document, or new statuses) and the claims pane."""
        view = self.query_one(DocumentView)
        pane = self.query_one("#document")
        if new is None:
            view.clear()
            self.query_one(DocumentNote).show(None)
            self.refresh_origin()
            pane.border_title = "Document"
            return
        if old is None or old.document.id != new.document.id:
            pane.border_title = Text(one_line(new.document.title) or "(untitled)")
            view.show(new.document, new.sentences, None, new.marks)
            self.refresh_origin()
        else:
            view.update_sentences(new.sentences)
        self.query_one(DocumentNote).show(new.document)
        self.refresh_claims()
        self.refresh_detail()

    def refresh_origin(self) -> None:
        """Say above the text how the open document came in (the e-mail an attachment came
        with, by title once the documents are known)."""
        reading = self.reading
        titles = {d.id: d.title for d in self.documents}
        pages = sum(m.kind == PAGE for m in reading.marks) if reading else 0
        self.query_one(DocumentOriginLine).show(reading.origin if reading else None, titles, pages)

    def location(self, claim: Claim | None = None) -> str:
        """Where ``claim`` (default: the current one) sits in its source ("p. 4")."""
        if self.reading is None:
            return ""
        return self.reading.location(claim or self.current_claim())

    def on_documents_loaded(self, message: messages.DocumentsLoaded) -> None:
        """Fill the documents pane (new documents marked) and the counts."""
        self.read_from(message.position)
        news = (message.new_ids, message.last_update) != (self.new_ids, self.last_update)
        self.new_ids, self.last_update = message.new_ids, message.last_update
        documents = tuple(message.documents)
        if news and documents == self.documents:
            self.refresh_documents()
        self.documents = documents
        self.query_one(StatusBar).set_summary(message.summary)
        if not self.documents or self._painted:
            self.begin_watching()  # no document to wait for
        open_now = self.document
        if open_now is not None and all(d.id != open_now.id for d in self.documents):
            self.query_one(StatusBar).set_action("this document was removed elsewhere")
            self.reading = None
            self.open_place(None, None)
        if not self.documents:
            view = self.query_one(DocumentView)
            view.empty_text = "no documents in this store"
            view.refresh()
            self.query_one(ClaimsList).set_items([], empty_text="no claims")

    def watch_documents(self) -> None:
        """Redraw the documents pane (and the open document's links, which name titles)."""
        self.refresh_documents()
        self.refresh_origin()

    def watch_documents_order(self) -> None:
        """Redraw the documents pane in the new order."""
        self.refresh_documents()

    def refresh_documents(self) -> None:
        """Rebuild the documents pane, keeping its cursor on the same document."""
        pane = self.query_one(DocumentsList)
        shown = self.documents_order.apply(self.documents, self.new_ids)
        under = pane.current.id if pane.current is not None else None
        if under is None and self.document is not None:
            under = self.document.id
        same = [d.id for d in shown] == [d.id for d in pane.items]
        index = next((i for i, d in enumerate(shown) if d.id == under), 0)
        empty = (
            "no documents match"
            if self.documents
            else "no documents: add some with `claimdesk add`"
        )
        if self.documents_order.new_only and not self.new_ids:
            empty = "nothing new since the last update" if self.last_update else "no update yet"
        pane.new_ids = self.new_ids
        pane.set_items(shown, cursor=index, empty_text=empty, keep_scroll=same)
        described = self.documents_order.describe()
        count = (
            f"{len(shown)}/{len(self.documents)}"
            if self.documents_order.filtering
            else f"{len(shown)}"
        )
        fresh = f" · {len(self.new_ids)} new" if self.new_ids else ""
        pane.border_title = f"Documents {count}{fresh}" + (f" · {described}" if described else "")

    def show_document_in_list(self) -> None:
        """Put the documents pane's cursor on the open document."""
        pane = self.query_one(DocumentsList)
        index = pane.index_of(self.document.id) if self.document else None
        if index is not None:
            pane.move_cursor(index)

    # the claims pane ------------------------------------------------------------------
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

    def remember(self, place: Place) -> None:
        """Save ``place`` as the last one viewed (worker thread)."""
        save_last_place(self.app.state_file, self.store.path, place)

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

    # what changed in the store ------------------------------------------------------------
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
        if changes.documents_changed:
            run_in_worker(self, "documents", store_calls.load_documents, self.store)
        self.query_one(StatusBar).set_summary(message.summary)
        related = self.query_one(RelatedList)
        touched = {c.id for c in changes.claims}
        shown = {r.claim.id for r in related.related_items} | {self.current_id}
        if touched & shown or changes.documents_changed:
            self.refresh_related()
        if message.external:
            self.query_one(StatusBar).set_action(changed_elsewhere(changes.events))
        else:
            self.follow_filter()

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

    # moving ----------------------------------------------------------------------------
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
