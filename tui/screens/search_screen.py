"""Search every claim as you type; enter jumps to the chosen claim.

The result is a :class:`SearchOutcome` (also on escape, so ``n`` / ``N`` can
step through the results later), or ``None`` when nothing was searched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from claimdesk.store import Store
from claimdesk.store.models import SearchHit
from claimdesk.tui import messages, store_calls
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.search_bar import SearchBar
from claimdesk.tui.widgets.search_results import SearchResultsList
from claimdesk.tui.widgets.virtual_list import VirtualList


@dataclass(frozen=True)
class SearchOutcome:
    """The query, its hits, and the chosen hit's index (-1: none chosen)."""

    query: str
    hits: list[SearchHit] = field(default_factory=list)
    index: int = -1


class SearchScreen(ModalScreen[SearchOutcome | None]):
    """A search bar over a list of results, refreshed on every keystroke."""

    CSS = css_beside(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search-close"),
        Binding("down", "move(1)", "Next result", show=False, id="search-down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search-up"),
    ]

    def __init__(self, store: Store, query: str = ""):
        super().__init__()
        self.store = store
        self.query_text = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        """The bar, the results and a hint."""
        with Vertical(id="search-dialog"):
            yield SearchBar(self.query_text, id="search-input")
            yield SearchResultsList(id="search-results", empty_text="type to search all claims")
            yield Static("enter: open   ↑/↓: choose   escape: close", id="search-hint")

    def on_mount(self) -> None:
        """Focus the bar and search the remembered query again."""
        self.query_one(SearchBar).focus()
        if self.query_text:
            self.start_search(self.query_text)

    @on(Input.Changed, "#search-input")
    def typed(self, event: Input.Changed) -> None:
        """Search again on every keystroke (older searches are cancelled)."""
        self.query_text = event.value
        self.start_search(event.value)

    def start_search(self, query: str) -> None:
        """Ask the store on a worker thread."""
        results = self.query_one(SearchResultsList)
        if not query.strip():
            self.hits = []
            results.set_items([], empty_text="type to search all claims")
            return
        run_in_worker(self, "search", store_calls.search, self.store, query, store_calls.now())

    def on_search_results(self, message: messages.SearchResults) -> None:
        """Show results that answer the current query."""
        if message.query != self.query_text:
            return
        self.hits = message.hits
        self.query_one(SearchResultsList).set_items(self.hits, empty_text="no claims match")
        self.app.record_latency("search", store_calls.now() - message.requested_at)

    def on_store_failed(self, message: messages.StoreFailed) -> None:
        """Say that the search failed."""
        self.query_one(SearchResultsList).set_items(
            [], empty_text=f"search failed: {message.error}"
        )

    def action_move(self, step: int) -> None:
        """Move the results cursor while typing."""
        self.query_one(SearchResultsList).action_move(step)

    @on(Input.Submitted, "#search-input")
    def submitted(self) -> None:
        """Enter opens the result under the cursor."""
        results = self.query_one(SearchResultsList)
        if results.current is not None:
            self.dismiss(SearchOutcome(self.query_text, self.hits, results.cursor))

    @on(VirtualList.Selected, "#search-results")
    def chosen(self, event: VirtualList.Selected) -> None:
        """A click or enter on a result opens it."""
        self.dismiss(SearchOutcome(self.query_text, self.hits, event.index))

    def action_close(self) -> None:
        """Close, remembering the search for n / N."""
        self.dismiss(SearchOutcome(self.query_text, self.hits) if self.query_text else None)
