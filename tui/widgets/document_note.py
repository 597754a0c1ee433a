"""The document's note, shown above its text (hidden when the document has none)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from claimdesk.store.models import Document
from claimdesk.store.safe_text import display_safe
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.status_styles import NOTE_MARK


class DocumentNote(Static):
    """A few wrapped lines of the note; the note editor (``E``) has the rest."""

    DEFAULT_CSS = css_beside(__file__)

    def show(self, document: Document | None) -> None:
        """Show ``document``'s note, or hide when it has none."""
        note = document.note.strip() if document is not None else ""
        self.display = bool(note)
        if note:
            self.update(Text.assemble((f"{NOTE_MARK} ", "bold"), display_safe(note, tab_size=1)))
