"""The help screen: every binding with its keys, filtered as you type."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from claimdesk.tui.bindings import (
    APP_BINDINGS,
    CLOSE_BINDINGS,
    CONFIRM_BINDINGS,
    FILTER_BINDINGS,
    MAIN_BINDINGS,
    NOTE_BINDINGS,
    RELATED_BINDINGS,
    STATUS_BINDINGS,
    display_keys,
)
from claimdesk.tui.widgets.css import css_beside

SECTIONS: list[tuple[str, list[Binding]]] = [
    ("everywhere", APP_BINDINGS),
    ("reading", MAIN_BINDINGS),
    ("related pane", RELATED_BINDINGS),
    ("flag chooser", STATUS_BINDINGS),
    ("filter chooser", FILTER_BINDINGS),
    ("note editor", NOTE_BINDINGS),
    ("questions", CONFIRM_BINDINGS),
    ("dialogs", CLOSE_BINDINGS),
]
"""The bindings shown, by where they work."""


class HelpScreen(ModalScreen[None]):
    """A filterable table of where, keys, what and the binding id (for the config file)."""

    CSS = css_beside(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="help-close")]

    def compose(self) -> ComposeResult:
        """Filter input, table and a hint."""
        with Vertical(id="help-dialog"):
            yield Static("Keys  (remap them by id in the config file)", id="help-title")
            yield Input(placeholder="type to filter…", id="help-filter")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static("escape: close", id="help-hint")

    def on_mount(self) -> None:
        """Fill the table and focus the filter."""
        table = self.query_one(DataTable)
        table.add_columns("where", "keys", "what", "id")
        self.show_rows("")
        self.query_one(Input).focus()

    def rows(self) -> list[tuple[str, str, str, str]]:
        """Every binding as (where, keys, what, id)."""
        return [
            (where, display_keys(self.app, b), b.description, b.id or "")
            for where, bindings in SECTIONS
            for b in bindings
        ]

    def show_rows(self, needle: str) -> None:
        """Show the rows containing every word of ``needle``."""
        words = needle.lower().split()
        table = self.query_one(DataTable)
        table.clear()
        for row in self.rows():
            haystack = " ".join(row).lower()
            if all(w in haystack for w in words):
                table.add_row(*(Text(cell) for cell in row))

    @on(Input.Changed, "#help-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        """Filter as the reader types."""
        self.show_rows(event.value)

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
