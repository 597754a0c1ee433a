"""The documents pane: title (marked when the document is new since the last feed update, and
when it has a note), then claim, flagged and note counts, source and date."""

from __future__ import annotations

from rich.text import Text

from claimdesk.store.extract.emphasis import without_emphasis
from claimdesk.store.models import Document
from claimdesk.store.safe_text import display_safe
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.status_styles import NOTE_MARK, StatusStyled
from claimdesk.tui.widgets.virtual_list import VirtualList

NEW_MARK = "●"
"""Shown before the title of a document new since the last ``claimdesk update``."""


def one_line(text: str) -> str:
    """``text`` made safe and flattened onto one line, Markdown emphasis markers dropped."""
    return display_safe(without_emphasis(text), tab_size=1).replace("\n", " ")


class DocumentsList(StatusStyled, VirtualList):
    """Every document in the store, two lines each, drawn only when on screen."""

    DEFAULT_CSS = css_beside(__file__)
    item_height = 2

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.new_ids: frozenset[int] = frozenset()

    def index_of(self, doc_id: int) -> int | None:
        """The position of document ``doc_id`` in the list."""
        for i, document in enumerate(self.items):
            if document.id == doc_id:
                return i
        return None

    def render_item(self, item: Document, width: int) -> list[Text]:
        """Title; then counts, source and date."""
        title = Text()
        if item.id in self.new_ids:
            title.append(f"{NEW_MARK} ", style=self.relation_style("agrees"))
        if item.note.strip():
            title.append(f"{NOTE_MARK} ", style=self.status_style("needs-check"))
        title.append(one_line(item.title) or "(untitled)", style="bold")
        details = Text(f" {item.claims} claims", style=self.muted_style())
        if item.flagged:
            details.append(f" {item.flagged} flagged", style=self.status_style("needs-check"))
        if item.noted:
            details.append(f" {item.noted} {NOTE_MARK}", style=self.muted_style())
        facts = [one_line(item.source), one_line(item.published[:10])]
        details.append("".join(f" · {f}" for f in facts if f))
        return [title, details]
