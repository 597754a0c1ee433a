"""Sorting and filtering the documents pane: one key a sort or a filter, two fields to type in.

Keys work while the choices have the focus; tab moves to the source and date
fields (enter there applies what was typed). Closes with the new
:class:`~claimdesk.tui.documents_order.DocumentsOrder`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from claimdesk.tui.bindings import DOCUMENTS_ORDER_BINDINGS, binding_for, display_keys
from claimdesk.tui.documents_order import SORTS, DocumentsOrder
from claimdesk.tui.widgets.css import css_beside


class DocumentsChooser(ModalScreen[DocumentsOrder]):
    """Shows the order and the filters and changes them as keys are pressed."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(DOCUMENTS_ORDER_BINDINGS)

    def __init__(self, order: DocumentsOrder):
        super().__init__()
        self.order = order

    def compose(self) -> ComposeResult:
        """The choices, the two fields and a hint."""
        with Vertical(classes="dialog"):
            yield Static("Documents: sort and filter", classes="dialog--title")
            yield Static(id="choices")
            yield Input(self.order.source, placeholder="source contains…", id="source")
            yield Input(self.order.since, placeholder="dated on or after (2024-12-01)…", id="since")
            yield Static("tab: the fields    enter / escape: close", classes="dialog--hint")

    def on_mount(self) -> None:
        """Draw the state; keys act at once."""
        self.query_one("#choices", Static).can_focus = True
        self.query_one("#choices", Static).focus()
        self.redraw()

    def _key(self, binding_id: str) -> str:
        return display_keys(self.app, binding_for(binding_id))

    def redraw(self) -> None:
        """Each sort and filter with a mark when it is on."""
        order = self.order
        lines = Text()
        for sort, (label, _) in SORTS.items():
            on_now = order.sort == sort
            arrow = (" ↑" if order.reverse else "") if on_now else ""
            lines.append(
                f" {self._key('documents-sort-' + sort):>5}  {'●' if on_now else '○'} {label}{arrow}\n"
            )
        for name, label in (
            ("with_notes", "only with notes"),
            ("flagged_only", "only flagged"),
            ("new_only", "only new since the last update"),
        ):
            key = self._key("documents-" + name.replace("_", "-"))
            lines.append(f" {key:>5}  {'●' if getattr(order, name) else '○'} {label}\n")
        lines.append(f" {self._key('documents-clear'):>5}    clear all")
        self.query_one("#choices", Static).update(lines)

    def change(self, order: DocumentsOrder) -> None:
        """Adopt ``order`` and redraw."""
        self.order = order
        self.redraw()

    def action_sort(self, sort: str) -> None:
        """Sort by ``sort`` (again: the other way round)."""
        self.change(self.order.sorted_by(sort))

    def action_toggle(self, name: str) -> None:
        """Switch a filter."""
        self.change(self.order.toggled(name))

    def action_clear(self) -> None:
        """The default order, no filters."""
        self.query_one("#source", Input).value = ""
        self.query_one("#since", Input).value = ""
        self.change(DocumentsOrder())

    @on(Input.Changed)
    def typed(self) -> None:
        """The source and date fields filter as they are typed."""
        source = self.query_one("#source", Input).value.strip()
        since = self.query_one("#since", Input).value.strip()
        self.change(replace(self.order, source=source, since=since))

    @on(Input.Submitted)
    def submitted(self) -> None:
        """Enter in a field closes with the order."""
        self.dismiss(self.order)

    def action_close(self) -> None:
        """Close with the order."""
        self.dismiss(self.order)
