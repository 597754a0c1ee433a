"""The note editor: a multi-line TextArea; ctrl+s saves, escape cancels (asking first
when the note was edited).

Control and escape characters in a note, and in anything typed or pasted, are
shown (and saved) as visible symbols (``␛``), never written to the terminal.

With a ``save`` function the editor saves the note itself, on a worker thread,
and closes only once it is saved: a save that fails (a read-only store, a lock
held too long) keeps the editor open with the text and says why; a note that
someone changed since the editor opened is not overwritten: both versions are
shown, and a second ctrl+s saves this one over the other. The result is then
the message the save returned (``None`` when cancelled). Without ``save`` the
result is the new text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Edit

from claimdesk.store.errors import VersionConflictError
from claimdesk.store.safe_text import display_safe, editable_safe, one_line_safe
from claimdesk.tui.bindings import NOTE_BINDINGS, binding_for, display_keys
from claimdesk.tui.screens.confirm import ConfirmScreen
from claimdesk.tui.widgets.css import css_beside

SaveNote = Callable[[str, "int | None"], object]
"""``save(text, expected_version)``: writes the note (on a worker thread) and returns the
message to post, or raises (:class:`VersionConflictError` when it changed meanwhile)."""

_SHOWN = 300  # characters of the other version shown in a conflict


class SafeTextArea(TextArea):
    """A TextArea in which every edit (typing, pasting) has its control characters made
    visible before it reaches the document, so none reaches the terminal."""

    def edit(self, edit: Edit):
        """Perform ``edit`` with its text made safe."""
        edit.text = editable_safe(edit.text)
        return super().edit(edit)


class NoteEditor(ModalScreen[object]):
    """Edit ``note`` about ``subject`` (a claim's text or a document's title)."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(NOTE_BINDINGS)

    class Saved(Message):
        """The save worker wrote the note; ``result`` is what ``save`` returned."""

        def __init__(self, result: object) -> None:
            super().__init__()
            self.result = result

    class Failed(Message):
        """The save worker could not write the note (``conflict`` when it changed)."""

        def __init__(self, error: str, conflict: VersionConflictError | None = None) -> None:
            super().__init__()
            self.error = error
            self.conflict = conflict

    def __init__(
        self,
        heading: str,
        subject: str,
        note: str,
        version: int | None = None,
        save: SaveNote | None = None,
    ):
        super().__init__()
        self.heading = heading
        self.subject = subject
        self.original = editable_safe(note)
        self.version = version
        self.save = save
        self.saving = False

    def compose(self) -> ComposeResult:
        """Heading, the subject, the editor, a line for problems and the keys."""
        with Vertical(classes="dialog"):
            yield Static(Text(one_line_safe(self.heading)), classes="dialog--title")
            subject = display_safe(self.subject, tab_size=1).replace("\n", " ")
            yield Static(Text(subject), id="subject")
            yield SafeTextArea(self.original, id="note", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="note-problem")
            yield Static(self.keys_hint(), classes="dialog--hint")

    def keys_hint(self, save: str = "save", cancel: str = "cancel") -> str:
        """The key line, naming what the keys do now."""
        save_keys = display_keys(self.app, binding_for("note-save"))
        cancel_keys = display_keys(self.app, binding_for("note-cancel"))
        return f"{save_keys}: {save}    {cancel_keys}: {cancel}"

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

    def show_problem(self, text: Text | str) -> None:
        """Say what went wrong, above the keys."""
        line = self.query_one("#note-problem", Static)
        line.update(text if isinstance(text, Text) else Text(one_line_safe(text)))
        line.display = True

    def action_save(self) -> None:
        """Save the note (or close with the text when the caller saves it)."""
        if self.save is None:
            self.dismiss(self.text)
            return
        if not self.edited:
            self.dismiss(None)  # nothing to write
            return
        if self.saving:
            return
        self.saving = True
        self.show_problem("saving…")
        self.save_in_background(self.text, self.version)

    @work(thread=True, exclusive=True, group="note-save", exit_on_error=False)
    def save_in_background(self, text: str, version: int | None) -> None:
        """Write the note on a worker thread; the outcome comes back as a message."""
        assert self.save is not None
        try:
            result = self.save(text, version)
        except VersionConflictError as exc:
            self.post_message(self.Failed(str(exc), exc))
        except Exception as exc:  # any failure keeps the editor open, with the text
            self.post_message(self.Failed(str(exc)))
        else:
            self.post_message(self.Saved(result))

    def on_note_editor_saved(self, message: Saved) -> None:
        """Close: the note is stored."""
        self.saving = False
        self.dismiss(message.result)

    def on_note_editor_failed(self, message: Failed) -> None:
        """Stay open with the text; say why, and show the other version on a conflict."""
        self.saving = False
        conflict = message.conflict
        if conflict is None:
            self.show_problem(
                f"not saved: {message.error}. Your text is still here: ctrl+s tries again."
            )
            return
        self.version = conflict.version  # a second ctrl+s saves over it, knowingly
        theirs = editable_safe(conflict.theirs)
        if len(theirs) > _SHOWN:
            theirs = theirs[: _SHOWN - 1] + "…"
        shown = Text()
        shown.append(one_line_safe(str(conflict)), style="bold")
        shown.append("\nTheirs (now stored):\n")
        shown.append(theirs or "(empty)")
        shown.append("\nYours is in the editor above: ctrl+s saves it over theirs.")
        self.show_problem(shown)
        self.query_one(".dialog--hint", Static).update(
            self.keys_hint("save yours over theirs", "keep theirs")
        )

    def action_cancel(self) -> None:
        """Close without saving; ask first if the note was edited."""
        if not self.edited:
            self.dismiss(None)
            return

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Drop the edited note?"), answered)
