"""Who changed a claim, what and when: the claim's append-only history, every value in full.

Each change shows when, who, what and the value before and after it
(``unreviewed → disputed``; a note's old and new text wrapped in full).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from claimdesk.store import Store
from claimdesk.store.models import Claim, Event
from claimdesk.store.safe_text import display_safe
from claimdesk.tui import messages, store_calls
from claimdesk.tui.bindings import CLOSE_BINDINGS
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import StatusStyled

KIND_NAMES: dict[str, str] = {
    "status": "flag",
    "note": "note",
    "claim": "is a claim",
    "doc-note": "document note",
    "link": "related link",
}
"""How event kinds are named on screen."""


def describe_value(kind: str, value: str) -> str:
    """An event value as a reader would say it (notes in full, lines kept).

    >>> describe_value("claim", "1"), describe_value("note", ""), describe_value("status", "false")
    ('yes', '(empty)', 'false')
    """
    if kind == "claim":
        return "yes" if value == "1" else "no"
    return display_safe(value, tab_size=1) if value else "(empty)"


def local_time(at: str) -> str:
    """An event's UTC time as this computer's local time, to the minute.

    >>> len(local_time("2024-12-27T10:32:05+00:00")), local_time("yesterday")
    (16, 'yesterday')
    """
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return one_line(at)


def describe_change(event: Event) -> Text:
    """Old -> new: on one line for flags, on two ("was" / "now") for longer values."""
    old, new = describe_value(event.kind, event.old), describe_value(event.kind, event.new)
    if "\n" not in old + new and len(old) + len(new) <= 48:
        return Text(f"{old} → {new}")
    return Text.assemble(("was: ", "italic"), old, "\n", ("now: ", "italic"), new)


class HistoryScreen(StatusStyled, ModalScreen[None]):
    """The claim's changes, oldest first, loaded on a worker thread."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(CLOSE_BINDINGS)

    def __init__(self, store: Store, claim: Claim):
        super().__init__()
        self.store = store
        self.claim = claim
        self.events: list[Event] = []

    def compose(self) -> ComposeResult:
        """Title, the claim and the changes."""
        with Vertical(classes="dialog"):
            yield Static("History of the claim", classes="dialog--title")
            yield Static(Text(one_line(self.claim.text)), id="history-claim")
            with VerticalScroll(id="history-scroll"):
                yield Static(Text("loading…"), id="history-events")
            yield Static("escape: close", classes="dialog--hint")

    def on_mount(self) -> None:
        """Load the events."""
        run_in_worker(self, "history", store_calls.load_history, self.store, self.claim.id)

    def on_history_loaded(self, message: messages.HistoryLoaded) -> None:
        """Show every change."""
        self.events = message.events
        body = self.query_one("#history-events", Static)
        if not message.events:
            body.update(Text("no changes yet", style=self.muted_style()))
            return
        undone = {e.undo_of for e in message.events if e.undo_of is not None}
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True, style=self.muted_style())
        table.add_column(no_wrap=True, style="bold")
        table.add_column(no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        for event in message.events:
            table.add_row(*self.row(event, event.id in undone))
        body.update(table)

    def row(self, event: Event, undone: bool) -> list[Text]:
        """One change as cells: when, who, what, old -> new (always ``Text``, never markup)."""
        what = KIND_NAMES.get(event.kind, event.kind)
        if event.other_id is not None:
            what = f"{what} to claim {event.other_id}"
        if event.undo_of is not None:
            what = f"undo {what}"
        elif undone:
            what = f"{what} (undone)"
        if event.removed:  # made to a removed document's claim that had this id before
            what = f"{what} (removed document)"
        return [
            Text(local_time(event.at)),
            Text(one_line(event.actor) or "?"),
            Text(what),
            describe_change(event),
        ]

    def on_store_failed(self, message: messages.StoreFailed) -> None:
        """Say that the history could not be read."""
        self.query_one("#history-events", Static).update(
            Text(f"history unavailable: {message.error}")
        )

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
