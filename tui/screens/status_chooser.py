"""The status chooser: one key a status; the result is the chosen status or ``None``."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from claimdesk.store.models import STATUSES
from claimdesk.tui.bindings import STATUS_BINDINGS, STATUS_KEYS, binding_for, display_keys
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.status_styles import STATUS_GLYPHS


class StatusChooser(ModalScreen[str | None]):
    """Pick a review status for a claim by pressing its key."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(STATUS_BINDINGS)

    def __init__(self, current: str):
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        """The statuses with their keys."""
        with Vertical(classes="dialog"):
            yield Static("Flag the claim as…", classes="dialog--title")
            for status in STATUSES:
                key = display_keys(self.app, binding_for(f"status-{status}"))
                line = Text(f" {key:>3}  {STATUS_GLYPHS[status]} {status}")
                if status == self.current:
                    line.append("  (current)", style="italic")
                yield Static(line, id=f"choice-{status}", classes=f"choice status-{status}")
            yield Static("escape: cancel", classes="dialog--hint")

    def action_choose(self, status: str) -> None:
        """Close with ``status``."""
        self.dismiss(status if status in STATUS_KEYS else None)

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
