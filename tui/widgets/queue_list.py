"""The review queue's list: a claim a row with its document; the row under the cursor whole.

Two lines an item: status glyph, score, note mark and the claim; then the
document's title, source and date (and why a conflicting claim is listed). The
item under the cursor shows the whole claim, its note and the reason, wrapped.
"""

from __future__ import annotations

from rich.text import Text

from claimdesk.store.models import QueueItem
from claimdesk.store.safe_text import display_safe
from claimdesk.tui.filters import shown_score
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.related_list import wrapped
from claimdesk.tui.widgets.status_styles import NOTE_MARK, STATUS_GLYPHS, StatusStyled
from claimdesk.tui.widgets.virtual_list import VirtualList


class QueueList(StatusStyled, VirtualList):
    """Claims across the store; enter opens one in its document."""

    DEFAULT_CSS = css_beside(__file__)
    item_height = 2
    expand_cursor = True

    def index_of(self, claim_id: int) -> int | None:
        """The position of claim ``claim_id`` in the list, if listed."""
        return next((i for i, item in enumerate(self.items) if item.claim.id == claim_id), None)

    def head(self, item: QueueItem) -> Text:
        """Status glyph, score, note mark."""
        claim = item.claim
        head = Text()
        head.append(STATUS_GLYPHS.get(claim.status, "·"), style=self.status_style(claim.status))
        head.append(f" {shown_score(claim):3d} ", style=self.muted_style())
        head.append(NOTE_MARK if claim.note.strip() else " ")
        head.append(" ")
        return head

    def where(self, item: QueueItem) -> Text:
        """The document: title, source and date."""
        parts = [one_line(item.doc_title) or "(untitled)", one_line(item.doc_source)]
        parts.append(one_line((item.doc_published or item.doc_added)[:10]))
        return Text(" · ".join(p for p in parts if p), style=self.muted_style())

    def render_item(self, item: QueueItem, width: int) -> list[Text]:
        """The claim; its document (and the reason, for a conflict)."""
        first = self.head(item) + Text(one_line(item.claim.text))
        second = Text.assemble("      ", self.where(item))
        if item.reason:
            second.append(f"  {one_line(item.reason)}", style=self.status_style("false"))
        return [first, second]

    def render_expanded(self, item: QueueItem, width: int) -> list[Text]:
        """The claim, its note and the reason whole."""
        console = self.app.console
        head = self.head(item)
        text = head + Text(one_line(item.claim.text), style="bold")
        lines = wrapped(text, width, console, " " * len(head), first="")
        if item.claim.note.strip():
            note = Text(display_safe(item.claim.note, tab_size=1))
            lines += wrapped(note, width, console, "        ", first=f"      {NOTE_MARK} ")
        lines += wrapped(self.where(item), width, console, "      ")
        if item.reason:
            reason = Text(one_line(item.reason), style=self.status_style("false"))
            lines += wrapped(reason, width, console, "      ")
        return lines
