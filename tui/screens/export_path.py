"""The export dialog: the file an export goes to, suggested and editable; the result is the
path (``~`` expanded, relative to the working folder) or ``None`` when cancelled.

A file that exists already is only replaced when enter is pressed a second time on
the same name.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from claimdesk.store.safe_text import one_line_safe
from claimdesk.tui.bindings import EXPORT_BINDINGS
from claimdesk.tui.widgets.css import css_beside

HINT = "enter: write the file    escape: cancel"
"""What the dialog says under the file name."""


def chosen_path(typed: str, folder: Path) -> Path | None:
    """The file ``typed`` names (``~`` expanded, relative to ``folder``), or ``None`` if empty.

    >>> chosen_path(" out.md ", Path("/tmp")), chosen_path("  ", Path("/tmp"))
    (PosixPath('/tmp/out.md'), None)
    """
    typed = typed.strip()
    if not typed:
        return None
    return folder / Path(typed).expanduser()


class ExportPathScreen(ModalScreen[Path | None]):
    """Ask where the export of ``what`` goes, starting from ``suggested``."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(EXPORT_BINDINGS)

    def __init__(self, what: str, suggested: Path, folder: Path):
        super().__init__()
        self.what = what
        self.suggested = suggested
        self.folder = folder
        self._replace: Path | None = None

    def compose(self) -> ComposeResult:
        """The title, the file name and the keys."""
        with Vertical(classes="dialog"):
            yield Static(Text(one_line_safe(f"Export {self.what}")), classes="dialog--title")
            yield Input(str(self.suggested), id="export-path")
            yield Static(HINT, id="export-hint", classes="dialog--hint")

    def on_mount(self) -> None:
        """Start in the file name."""
        self.query_one(Input).focus()

    def on_input_changed(self) -> None:
        """Another name: forget an earlier "replace?"."""
        self._replace = None
        self.query_one("#export-hint", Static).update(HINT)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Close with the file, once it is known that an existing one may be replaced."""
        path = chosen_path(event.value, self.folder)
        hint = self.query_one("#export-hint", Static)
        if path is None:
            hint.update("type the name of the file to write")
        elif path.is_dir():
            hint.update(Text(one_line_safe(f"{path} is a folder: add a file name")))
        elif path.exists() and self._replace != path:
            self._replace = path
            hint.update("this file exists: enter again replaces it    escape: cancel")
        else:
            self.dismiss(path)

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
