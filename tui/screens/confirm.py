"""A yes/no question; the result is ``True`` for yes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from claimdesk.store.safe_text import one_line_safe
from claimdesk.tui.bindings import CONFIRM_BINDINGS
from claimdesk.tui.widgets.css import css_beside


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``: y answers yes, n or escape no."""

    CSS = css_beside(__file__, "modal.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(CONFIRM_BINDINGS)

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and the keys."""
        with Vertical(classes="dialog"):
            yield Static(Text(one_line_safe(self.question)), classes="dialog--title")
            yield Static("y: yes    n / escape: no", classes="dialog--hint")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
