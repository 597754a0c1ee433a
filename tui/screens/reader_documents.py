"""The documents pane and the open document: opening a place, showing what was read.

:class:`ReaderDocuments` is mixed into
:class:`~claimdesk.tui.screens.reader_screen.ReaderScreen`: it opens documents on a
worker, shows the one that comes back (its text, note and origin line), and keeps the
documents pane (order, filter, new marks, counts) in step with ``documents``.
"""

from __future__ import annotations

from rich.text import Text

from claimdesk.store.models import PAGE, Claim
from claimdesk.tui import messages, store_calls
from claimdesk.tui.navigation import Place
from claimdesk.tui.reading import Reading
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_note import DocumentNote
from claimdesk.tui.widgets.document_origin import DocumentOriginLine
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList, one_line
from claimdesk.tui.widgets.related_list import RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar


class ReaderDocuments:
    """Opening documents and the documents pane (a mixin of the reader screen)."""

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
        # an update's start time has whole seconds: two quick updates differ only by run
        run = message.position.update_run if message.position else 0
        update_ran, self._update_run = run != self._update_run, run
        news = (message.new_ids, message.last_update) != (self.new_ids, self.last_update)
        self.new_ids, self.last_update = message.new_ids, message.last_update
        documents = tuple(message.documents)
        if news and documents == self.documents:
            self.refresh_documents()
        self.documents = documents
        self._documents_read = True
        self.query_one(StatusBar).set_summary(message.summary)
        self.say_documents_changed(message, update_ran)
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
