"""The status bar: store, counts, active filter and the last action."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from store.models import StoreSummary

from .css import css_beside
from .documents_list import one_line


def store_name(path: str) -> str:
    """A short name for the store: the file name, or "memory"."""
    if path.startswith("file:") and "mode=memory" in path:
        return "memory"
    return Path(path).name


class StatusBar(Static):
    """One line at the bottom of the main screen."""

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-bar--filter",
        "status-bar--action",
        "status-bar--muted",
    }

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

    def redraw(self) -> None:
        """Rebuild the line from the current state."""
        muted = self.get_component_rich_style("status-bar--muted")
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(one_line(store_name(self.store_path)), style="bold")
        if self.summary is not None:
            s = self.summary
            line.append(f"  {s.documents} docs {s.claims} claims {s.flagged} flagged {s.notes} notes", style=muted)
        if self.filter_text:
            line.append("  filter: ", style=muted)
            line.append(self.filter_text, style=self.get_component_rich_style("status-bar--filter"))
        if self.last_action:
            line.append("  ")
            line.append(one_line(self.last_action), style=self.get_component_rich_style("status-bar--action"))
        self.update(line)
