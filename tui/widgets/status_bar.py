"""The status bar: store, counts, active filter and the last action; below, the main keys.

(A plain two-line widget rather than Textual's Footer: it costs one widget,
which keeps the first paint fast.)
"""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from claimdesk.store.models import StoreSummary
from claimdesk.tui.bindings import binding_for, display_keys
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import StatusStyled

HINTS: tuple[str, ...] = (
    "help",
    "search",
    "next-claim",
    "flag",
    "note",
    "undo",
    "filter",
    "back",
    "quit",
)
"""Binding ids shown in the key line, in order."""


def store_name(path: str) -> str:
    """A short name for the store: the file name, or "memory"."""
    if path.startswith("file:") and "mode=memory" in path:
        return "memory"
    return Path(path).name


class StatusBar(StatusStyled, Static):
    """Two lines at the bottom of the main screen."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, store_path: str, **kwargs):
        super().__init__("", **kwargs)
        self.store_path = store_path
        self.summary: StoreSummary | None = None
        self.filter_text = ""
        self.last_action = ""

    def on_mount(self) -> None:
        """Draw the first state."""
        self.redraw()

    def set_summary(self, summary: StoreSummary) -> None:
        """Show fresh counts."""
        self.summary = summary
        self.redraw()

    def set_filter(self, description: str) -> None:
        """Show the active filter (empty: none)."""
        self.filter_text = description
        self.redraw()

    def set_action(self, action: str) -> None:
        """Show what was done last."""
        self.last_action = action
        self.redraw()

    def key_hints(self) -> Text:
        """The main keys, as remapped by the config file."""
        hints = Text(no_wrap=True, overflow="ellipsis")
        for binding_id in HINTS:
            binding = binding_for(binding_id)
            hints.append(display_keys(self.app, binding).split(",")[0], style="bold")
            hints.append(f" {binding.description.lower()}  ", style=self.muted_style())
        return hints

    def redraw(self) -> None:
        """Rebuild both lines from the current state."""
        muted = self.muted_style()
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(one_line(store_name(self.store_path)), style="bold")
        if self.summary is not None:
            s = self.summary
            counts = f"  {s.documents} docs {s.claims} claims {s.flagged} flagged {s.notes} notes"
            line.append(counts, style=muted)
            if s.orphaned:
                # notes and flags of replaced versions that found no sentence in the new one
                line.append(f"  {s.orphaned} orphaned", style=self.status_style("needs-check"))
        if self.filter_text:
            line.append("  filter: ", style=muted)
            line.append(self.filter_text, style=self.status_style("needs-check") + Style(bold=True))
        if self.last_action:
            line.append("  ")
            line.append(one_line(self.last_action), style=self.status_style("verified"))
        line.append("\n")
        line.append_text(self.key_hints())
        self.update(line)
