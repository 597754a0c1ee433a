"""The review queue: every claim across the store to work through, by status, note, conflict or
"new since", most check-worthy or newest first; enter opens a claim in its document.

Pages of 200 come from the store as the cursor nears the end of what is loaded.
The result is a :class:`QueueOutcome` (the queue is remembered for next time).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from claimdesk.store import QueueQuery, Store
from claimdesk.store.models import Claim
from claimdesk.store.review_queue import QUEUE_STATUSES
from claimdesk.tui import messages, store_calls
from claimdesk.tui.bindings import QUEUE_BINDINGS, binding_for, display_keys
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.queue_list import QueueList
from claimdesk.tui.widgets.virtual_list import VirtualList

SINCE_DAYS: tuple[int | None, ...] = (None, 1, 7, 30)
"""The "new since" choices, in days ago (``None``: any time)."""

PAGE = 200
"""Claims read at a time."""

MORE_AHEAD = 50
"""Read the next page when the cursor is this close to the end of what is loaded."""


@dataclass(frozen=True)
class QueueOutcome:
    """The queue as it was left, and the claim chosen in it (``None``: closed)."""

    query: QueueQuery
    claim: Claim | None = None


def since_days_ago(days: int | None) -> str | None:
    """The ISO time ``days`` days ago (``None`` for any time)."""
    if days is None:
        return None
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


class QueueScreen(Screen[QueueOutcome]):
    """A list of claims across the store, the query above it, the keys below."""

    CSS = css_beside(__file__)
    BINDINGS: ClassVar[list[BindingType]] = list(QUEUE_BINDINGS)

    def __init__(self, store: Store, query: QueueQuery | None = None, opened_at: float = 0.0):
        super().__init__()
        self.store = store
        self.query_state = query or QueueQuery()
        self.since_days: int | None = None
        self.total = 0
        self.loading = False
        self.opened_at = opened_at or store_calls.now()
        self._painted = False

    def compose(self) -> ComposeResult:
        """The query, the list and the keys."""
        with Vertical(id="queue-pane"):
            yield Static(id="queue-title")
            yield QueueList(id="queue-list", empty_text="loading…")
        yield Static(id="queue-keys")

    def on_mount(self) -> None:
        """Read the first page."""
        self.query_one("#queue-pane").border_title = "Review queue"
        self.query_one(QueueList).focus()
        self.query_one("#queue-keys", Static).update(self.key_line())
        self.load(0)

    def key_line(self) -> Text:
        """The queue's keys, as remapped by the config file."""
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("enter", style="bold")
        line.append(" open  ")
        for binding in QUEUE_BINDINGS:
            line.append(display_keys(self.app, binding_for(binding.id or "")), style="bold")
            line.append(f" {binding.description.lower()}  ")
        return line

    def load(self, offset: int) -> None:
        """Ask for the page at ``offset`` (0: the queue from its start)."""
        self.loading = True
        if offset == 0:
            self.show_title("loading…")
        run_in_worker(
            self,
            "queue",
            store_calls.load_queue,
            self.store,
            self,
            self.query_state,
            offset,
            store_calls.now(),
        )

    def show_title(self, status: str = "") -> None:
        """The query and how many claims it holds."""
        title = Text(self.query_state.describe(), style="bold")
        title.append(f"   {status or f'{self.total:,} claims'}")
        self.query_one("#queue-title", Static).update(title)

    def on_queue_loaded(self, message: messages.QueueLoaded) -> None:
        """Show a page (the first replaces the list, later ones extend it)."""
        if message.query != self.query_state:
            return
        self.loading = False
        page = message.page
        self.total = page.total
        listed = self.query_one(QueueList)
        if page.offset == 0:
            before = listed.current.claim.id if listed.current is not None else None
            index = next((i for i, it in enumerate(page.items) if it.claim.id == before), 0)
            empty = f"no claims: {self.query_state.describe()}"
            listed.set_items(page.items, cursor=index, empty_text=empty)
        elif page.offset == len(listed.items):
            listed.set_items([*listed.items, *page.items], cursor=listed.cursor, keep_scroll=True)
        self.show_title()
        if not self._painted:
            self._painted = True
            self.call_after_refresh(self.painted)

    def painted(self) -> None:
        """Keep the time from opening the queue to its first page on screen."""
        self.app.record_latency("queue", store_calls.now() - self.opened_at)

    def on_queue_progress(self, message: messages.QueueProgress) -> None:
        """Show how far a conflicts queue has looked."""
        if message.query == self.query_state:
            self.show_title(f"looking for conflicts: {message.done:,} of {message.total:,} claims")

    def on_store_failed(self, message: messages.StoreFailed) -> None:
        """Say that the queue could not be read."""
        self.loading = False
        self.query_one(QueueList).set_items([], empty_text=f"queue unavailable: {message.error}")

    def store_changed(self) -> None:
        """Something changed in the store: read the queue again, keeping the cursor's claim."""
        if not self.query_state.conflicts:
            self.load(0)

    @on(VirtualList.Highlighted, "#queue-list")
    def moved(self, event: VirtualList.Highlighted) -> None:
        """Read the next page before the cursor reaches the end of what is loaded."""
        loaded = len(self.query_one(QueueList).items)
        if not self.loading and loaded < self.total and event.index >= loaded - MORE_AHEAD:
            self.load(loaded)

    @on(VirtualList.Selected, "#queue-list")
    def chosen(self, event: VirtualList.Selected) -> None:
        """Open the chosen claim in its document."""
        self.dismiss(QueueOutcome(self.query_state, event.item.claim))

    def change(self, query: QueueQuery) -> None:
        """Adopt ``query`` and read its first page."""
        self.query_state = query
        self.query_one(QueueList).set_items([], empty_text="loading…")
        self.load(0)

    def action_cycle_status(self) -> None:
        """The next status: needs-check, disputed, flagged, ..., any."""
        statuses = list(QUEUE_STATUSES)
        index = (
            statuses.index(self.query_state.status) if self.query_state.status in statuses else -1
        )
        self.change(replace(self.query_state, status=statuses[(index + 1) % len(statuses)]))

    def action_toggle_notes(self) -> None:
        """Only claims with a note, or not."""
        self.change(replace(self.query_state, with_notes=not self.query_state.with_notes))

    def action_toggle_conflicts(self) -> None:
        """Only claims that conflict with a claim in another document, or not."""
        self.change(replace(self.query_state, conflicts=not self.query_state.conflicts))

    def action_cycle_since(self) -> None:
        """New since: any time, a day, a week, a month."""
        index = SINCE_DAYS.index(self.since_days) if self.since_days in SINCE_DAYS else 0
        self.since_days = SINCE_DAYS[(index + 1) % len(SINCE_DAYS)]
        self.change(replace(self.query_state, since=since_days_ago(self.since_days)))

    def action_toggle_order(self) -> None:
        """Most check-worthy first, or newest first."""
        order = "date" if self.query_state.order == "score" else "score"
        self.change(replace(self.query_state, order=order))

    def action_close(self) -> None:
        """Back to reading, remembering the queue."""
        self.dismiss(QueueOutcome(self.query_state))
