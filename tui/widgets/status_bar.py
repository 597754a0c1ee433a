"""The status bar: store (and whether it is read-only), counts, active filter and the last
action; below, the main keys.

(A plain two-line widget rather than Textual's Footer: it costs one widget,
which keeps the first paint fast.) The key line shows as many keys as fit, the
most needed first (quit and help always), in a fixed order.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
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
    "details",
    "queue",
    "back",
    "quit",
)
"""Binding ids shown in the key line, in order."""

HINT_PRIORITY: tuple[str, ...] = (
    "quit",
    "help",
    "search",
    "flag",
    "next-claim",
    "note",
    "undo",
    "queue",
    "details",
    "filter",
    "back",
)
"""The same ids, most needed first: on a narrow terminal the last ones are left out."""


def store_name(path: str) -> str:
    """A short name for the store: the file name, or "memory"."""
    if path.startswith("file:") and "mode=memory" in path:
        return "memory"
    return Path(path).name


class StatusBar(StatusStyled, Static):
    """Two lines at the bottom of the main screen."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, store_path: str, actor: str = "", *, read_only: bool = False, **kwargs):
        super().__init__("", **kwargs)
        self.store_path = store_path
        self.actor = actor
        self.read_only = read_only
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

    def on_resize(self, event: events.Resize) -> None:
        """Fit the key line to the new width."""
        self.redraw()

    def key_hints(self, width: int) -> Text:
        """The main keys (as remapped by the config file) that fit in ``width`` cells."""
        shown: dict[str, tuple[str, str]] = {}
        for binding_id in HINTS:
            binding = binding_for(binding_id)
            shown[binding_id] = (
                display_keys(self.app, binding).split(",")[0].strip(),
                f" {binding.description.lower()}  ",
            )
        kept, used = set(), 0
        for binding_id in HINT_PRIORITY:
            key, what = shown[binding_id]
            cells = cell_len(key) + cell_len(what)
            if used + cells - 2 <= width:  # the last hint needs no trailing spaces
                kept.add(binding_id)
                used += cells
        hints = Text(no_wrap=True, overflow="ellipsis")
        for binding_id in HINTS:
            if binding_id in kept:
                key, what = shown[binding_id]
                hints.append(key, style="bold")
                hints.append(what, style=self.muted_style())
        hints.rstrip()
        return hints

    def redraw(self) -> None:
        """Rebuild both lines from the current state; on a narrow terminal the filter and
        the last action come before the counts, which are cut first."""
        muted = self.muted_style()
        width = self.content_region.width or self.size.width
        head = Text()
        head.append(one_line(store_name(self.store_path)), style="bold")
        if self.actor:
            head.append(f" as {one_line(self.actor)}", style=muted)
        if self.read_only:
            # a read-only file, or a desk role that may read and search but not change
            head.append("  read-only", style=self.status_style("needs-check") + Style(bold=True))
        counts = Text()
        if self.summary is not None:
            s = self.summary
            counts.append(
                f"  {s.documents} docs {s.claims} claims {s.flagged} flagged {s.notes} notes",
                style=muted,
            )
            if s.document_notes:
                plural = "s" * (s.document_notes != 1)
                counts.append(f" {s.document_notes} doc note{plural}", style=muted)
            if s.orphaned:
                # notes and flags of replaced versions that found no sentence in the new one
                counts.append(f"  {s.orphaned} orphaned", style=self.status_style("needs-check"))
        news = Text()
        if self.filter_text:
            news.append("  filter: ", style=muted)
            news.append(self.filter_text, style=self.status_style("needs-check") + Style(bold=True))
        if self.last_action:
            news.append("  ")
            news.append(one_line(self.last_action), style=self.status_style("verified"))
        parts = [head, counts, news]
        if sum(part.cell_len for part in parts) > width:
            parts = [head, news, counts]
        line = Text("", no_wrap=True, overflow="ellipsis").join(parts)
        line.truncate(max(width, 1), overflow="ellipsis")
        line.append("\n")
        line.append_text(self.key_hints(width))
        self.update(line)
