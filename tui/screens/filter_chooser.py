"""The filter chooser: toggle what the claims pane shows, one key each; closes with the filter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from claimdesk.store.models import STATUSES
from claimdesk.tui.bindings import FILTER_BINDINGS, binding_for, display_keys
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.widgets.css import css_beside


class FilterChooser(ModalScreen[ClaimFilter]):
    """Shows the filter and changes it as keys are pressed; enter or escape closes."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(FILTER_BINDINGS)

    def __init__(self, claim_filter: ClaimFilter):
        super().__init__()
        self.claim_filter = claim_filter

    def compose(self) -> ComposeResult:
        """The choices and the current filter."""
        with Vertical(classes="dialog"):
            yield Static("Show claims…", classes="dialog--title")
            yield Static(id="choices")
            yield Static(id="summary", classes="dialog--hint")

    def on_mount(self) -> None:
        """Draw the state."""
        self.redraw()

    def _key(self, binding_id: str) -> str:
        return display_keys(self.app, binding_for(binding_id))

    def redraw(self) -> None:
        """Show each choice with a mark when it is on."""
        f = self.claim_filter
        lines = Text()
        for status in STATUSES:
            mark = "●" if f.status == status else "○"
            lines.append(f" {self._key('filter-status-' + status):>5}  {mark} status {status}\n")
        lines.append(
            f" {self._key('filter-notes'):>5}  {'●' if f.with_notes else '○'} with notes\n"
        )
        lines.append(f" {self._key('filter-score'):>5}    minimum score {f.min_score} (of 100)\n")
        lines.append(
            f" {self._key('filter-conflicts'):>5}  {'●' if f.conflicts_only else '○'} conflicts only\n"
        )
        lines.append(f" {self._key('filter-clear'):>5}    clear all")
        self.query_one("#choices", Static).update(lines)
        summary = f.describe() or "every claim"
        self.query_one("#summary", Static).update(
            Text(f"showing: {summary}   (enter / escape: close)")
        )

    def change(self, claim_filter: ClaimFilter) -> None:
        """Adopt ``claim_filter`` and redraw."""
        self.claim_filter = claim_filter
        self.redraw()

    def action_status(self, status: str) -> None:
        """Only claims with ``status`` (again: any status)."""
        self.change(self.claim_filter.with_status(status))

    def action_toggle_notes(self) -> None:
        """Only claims with notes, or not."""
        self.change(self.claim_filter.toggled_notes())

    def action_cycle_score(self) -> None:
        """Raise the minimum score (wrapping to none)."""
        self.change(self.claim_filter.next_score())

    def action_toggle_conflicts(self) -> None:
        """Only claims that conflict with a claim elsewhere, or not."""
        self.change(self.claim_filter.toggled_conflicts())

    def action_clear(self) -> None:
        """Clear every condition."""
        self.change(ClaimFilter())

    def action_close(self) -> None:
        """Close with the filter."""
        self.dismiss(self.claim_filter)
