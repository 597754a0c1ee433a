"""The note editor: a multi-line TextArea; ctrl+s saves, escape cancels (asking first
when the note was edited). The result is the new text, or ``None`` when cancelled."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from claimdesk.store.safe_text import display_safe
from claimdesk.tui.bindings import NOTE_BINDINGS, binding_for, display_keys
from claimdesk.tui.screens.confirm import ConfirmScreen
from claimdesk.tui.widgets.css import css_beside


class NoteEditor(ModalScreen[str | None]):
    """Edit ``note`` about ``subject`` (a claim's text or a document's title)."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(NOTE_BINDINGS)

    def __init__(self, heading: str, subject: str, note: str):
        super().__init__()
        self.heading = heading
        self.subject = subject
        self.original = note

    def compose(self) -> ComposeResult:
        """Heading, the subject, the editor and the keys."""
        with Vertical(classes="dialog"):
            yield Static(Text(self.heading), classes="dialog--title")
            subject = display_safe(self.subject, tab_size=1).replace("\n", " ")
            yield Static(Text(subject), id="subject")
            yield TextArea(self.original, id="note", soft_wrap=True, show_line_numbers=False)
            save = display_keys(self.app, binding_for("note-save"))
            cancel = display_keys(self.app, binding_for("note-cancel"))
            yield Static(f"{save}: save    {cancel}: cancel", classes="dialog--hint")

    def on_mount(self) -> None:
        """Type straight away, at the end of the note."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """What is in the editor now."""
        return self.query_one(TextArea).text

    @property
    def edited(self) -> bool:
        """Whether the note differs from the one stored."""
        return self.text != self.original

    def action_save(self) -> None:
        """Close with the edited note."""
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        """Close without saving; ask first if the note was edited."""
        if not self.edited:
            self.dismiss(None)
            return

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Drop the edited note?"), answered)
