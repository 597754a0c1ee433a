"""The claims pane: the current document's claims in reading order.

Each row: status glyph (theme colour), score, a note marker and the text.
"""

from __future__ import annotations

from rich.text import Text

from claimdesk.store.models import Claim
from claimdesk.tui.filters import shown_score
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import NOTE_MARK, STATUS_GLYPHS, StatusStyled
from claimdesk.tui.widgets.virtual_list import VirtualList

CONFLICT_MARK = "⚡"
"""Shown on claims known to contradict or differ from a claim elsewhere."""


class ClaimsList(StatusStyled, VirtualList):
    """One row a claim; only rows on screen are drawn."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conflicting: frozenset[int] = frozenset()

    def index_of(self, claim_id: int | None) -> int | None:
        """The position of ``claim_id`` in the list, if shown."""
        for i, claim in enumerate(self.items):
            if claim.id == claim_id:
                return i
        return None

    def render_item(self, item: Claim, width: int) -> list[Text]:
        """Glyph, score, note marker and text on one line."""
        row = Text()
        row.append(STATUS_GLYPHS.get(item.status, "·"), style=self.status_style(item.status))
        row.append(f" {shown_score(item):3d} ", style=self.muted_style())
        row.append(NOTE_MARK if item.note.strip() else " ")
        if item.id in self.conflicting:
            row.append(CONFLICT_MARK, style=self.relation_style("contradicts"))
        row.append(" ")
        row.append(one_line(item.text))
        return [row]
