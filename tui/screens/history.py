"""Who changed a claim, what and when: the claim's append-only history."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from claimdesk.store import Store
from claimdesk.store.models import Claim, Event
from claimdesk.tui import messages, store_calls
from claimdesk.tui.bindings import CLOSE_BINDINGS
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line

KIND_NAMES: dict[str, str] = {
    "status": "flag",
    "note": "note",
    "claim": "is a claim",
    "doc-note": "document note",
    "link": "related link",
}
"""How event kinds are named on screen."""


def describe_value(kind: str, value: str) -> str:
    """An event value as a reader would say it."""
    if kind == "claim":
        return "yes" if value == "1" else "no"
    return one_line(value) if value else "(empty)"


class HistoryScreen(ModalScreen[None]):
    """A table of the claim's events, oldest first, loaded on a worker thread."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(CLOSE_BINDINGS)

    def __init__(self, store: Store, claim: Claim):
        super().__init__()
        self.store = store
        self.claim = claim

    def compose(self) -> ComposeResult:
        """Title, the claim and the table."""
        with Vertical(classes="dialog"):
            yield Static("History of the claim", classes="dialog--title")
            yield Static(Text(one_line(self.claim.text)), id="history-claim")
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield Static("escape: close", classes="dialog--hint")

    def on_mount(self) -> None:
        """Prepare the table and load the events."""
        table = self.query_one(DataTable)
        table.add_columns("when", "who", "what", "from", "to")
        table.loading = True
        claim_id = self.claim.id

        def job() -> None:
            try:
                self.post_message(store_calls.load_history(self.store, claim_id))
            except Exception as exc:  # shown in place of the table
                self.post_message(messages.StoreFailed("history", str(exc)))

        self.run_worker(job, thread=True, group="history", exclusive=True, exit_on_error=False)

    def on_history_loaded(self, message: messages.HistoryLoaded) -> None:
        """Fill the table."""
        table = self.query_one(DataTable)
        table.loading = False
        undone = {e.undo_of for e in message.events if e.undo_of is not None}
        for event in message.events:
            table.add_row(*self.row(event, event.id in undone))
        if not message.events:
            table.add_row(Text("no changes yet"), Text(""), Text(""), Text(""), Text(""))

    def row(self, event: Event, undone: bool) -> list[Text]:
        """One event as table cells (always ``Text``, never markup)."""
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
            Text(event.at.replace("T", " ")[:19]),
            Text(one_line(event.actor)),
            Text(what),
            Text(describe_value(event.kind, event.old)),
            Text(describe_value(event.kind, event.new)),
        ]

    def on_store_failed(self, message: messages.StoreFailed) -> None:
        """Say that the history could not be read."""
        table = self.query_one(DataTable)
        table.loading = False
        self.query_one("#history-claim", Static).update(
            Text(f"history unavailable: {message.error}")
        )

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
