"""The related pane: claims in other reports of the same incident that agree with, differ
from, contradict or relate to the current one.

Three lines an item: relation (contradicts in the theme's error colour, reversed and
bold; differs in the warning colour), score and source document; the claim; the
explanation and the same-incident evidence. Only the matches the store shows come first;
``m`` lists the weaker ones after them (marked "weaker"). ``w`` marks a link wrong, ``y``
right, ``c`` confirms a contradiction: the screen records the verdict and reloads the pane. The item under the cursor
is shown whole: the claim and the reason wrapped to the pane's width. Each part is
built by its own method (:meth:`RelatedList.head`, ``body``, ``reason``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console
from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from claimdesk.store.models import RelatedClaim, relation_name
from claimdesk.tui.bindings import RELATED_BINDINGS
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import STATUS_GLYPHS, StatusStyled
from claimdesk.tui.widgets.virtual_list import VirtualList

RELATION_LABELS: dict[str, str] = {
    "contradicts": " ✗ CONTRADICTS ",
    "differs": "≠ differs",
    "agrees": "= agrees",
    "related": "~ related",
}
"""How each relation is labelled."""

INDENT = "  "
"""Claim and reason lines start under the relation label."""


def wrapped(
    text: Text, width: int, console: Console, indent: str = INDENT, first: str | None = None
) -> list[Text]:
    """``text`` wrapped to ``width`` cells: the first line starts with ``first`` (default:
    ``indent``), the others with ``indent``.

    >>> from rich.console import Console
    >>> [line.plain for line in wrapped(Text("one two three"), 9, Console())]
    ['  one two', '  three']
    >>> [line.plain for line in wrapped(Text("one two three"), 9, Console(), first="")]
    ['one two', '  three']
    """
    first = indent if first is None else first
    lines = text.wrap(console, max(1, width - max(len(indent), len(first))), overflow="fold")
    return [Text.assemble(first if i == 0 else indent, line) for i, line in enumerate(lines)] or [
        Text(first)
    ]


VERDICT_LABELS: dict[str, str] = {
    "right": " ✓ marked right",
    "contradicts": " ✓ contradiction confirmed",
    "wrong": " ✗ marked wrong",
}
"""How a reader's verdict on a link is shown after the relation."""


def pane_title(items: list[RelatedClaim], show_weaker: bool) -> str:
    """The pane's border title: how many are shown, and the weaker ones behind ``m``.

    >>> pane_title([], False)
    'Related 0'
    """
    shown = sum(1 for i in items if i.shown)
    weaker = len(items) - shown
    if not weaker:
        return f"Related {shown}"
    return f"Related {shown} + {weaker} weaker" + ("" if show_weaker else " (m)")


class RelatedList(StatusStyled, VirtualList):
    """Related claims of the current claim; enter or a click opens one."""

    DEFAULT_CSS = css_beside(__file__)
    BINDINGS: ClassVar[list[BindingType]] = list(RELATED_BINDINGS)
    item_height = 3
    expand_cursor = True

    class Verdict(Message):
        """The reader judged the link to ``item``: ``wrong``, ``right`` or ``contradicts``."""

        def __init__(self, item: RelatedClaim, verdict: str):
            super().__init__()
            self.item = item
            self.verdict = verdict

    def __init__(self, empty_text: str = "", **kwargs) -> None:
        super().__init__(empty_text=empty_text, **kwargs)
        self.all_items: list[RelatedClaim] = []
        self.show_weaker = False
        self._empty = empty_text

    def show_related(
        self, items: list[RelatedClaim], empty_text: str = "", *, keep_cursor: bool = False
    ) -> None:
        """Show ``items`` (shown and weaker ones; the weaker only after ``m``).

        ``keep_cursor``: the same claim's list again (after a verdict), so the cursor stays
        on its item, or where it was when that item is gone.
        """
        keep = self.current if keep_cursor else None
        self.all_items = list(items)
        self._empty = empty_text
        self._refill(keep, self.cursor if keep_cursor else 0, keep_cursor)

    def _refill(
        self, keep: RelatedClaim | None, fallback: int = 0, keep_scroll: bool = False
    ) -> None:
        visible = [i for i in self.all_items if i.shown or self.show_weaker]
        weaker = len(self.all_items) - sum(1 for i in self.all_items if i.shown)
        empty = self._empty
        if not visible and weaker:
            empty = f"no other report of this incident · m: {weaker} weaker match{'es' if weaker != 1 else ''}"
        ids = [i.claim.id for i in visible]
        cursor = ids.index(keep.claim.id) if keep is not None and keep.claim.id in ids else fallback
        self.set_items(visible, cursor=cursor, empty_text=empty, keep_scroll=keep_scroll)
        self.border_title = pane_title(self.all_items, self.show_weaker)

    def action_toggle_weaker(self) -> None:
        """Show or hide the weaker matches."""
        self.show_weaker = not self.show_weaker
        self._refill(self.current, self.cursor, True)

    def action_mark(self, verdict: str) -> None:
        """Ask the screen to record ``verdict`` on the link under the cursor."""
        item = self.current
        if item is not None:
            self.post_message(self.Verdict(item, verdict))

    def head(self, item: RelatedClaim) -> Text:
        """Relation, score, the related claim's status and where it is."""
        head = Text()
        relation = relation_name(item.relation)
        head.append(RELATION_LABELS.get(relation, relation), style=self.relation_style(relation))
        head.append(f" {item.score:3.0f} ", style="bold")
        if not item.shown:
            head.append("weaker ", style=self.muted_style())
        head.append(
            STATUS_GLYPHS.get(item.claim.status, "·") + " ",
            style=self.status_style(item.claim.status),
        )
        where = "this document" if item.same_document else one_line(item.doc_title)
        head.append(where, style=self.muted_style())
        if item.also_in:
            plural = "s" if item.also_in != 1 else ""
            head.append(f" (also in {item.also_in} document{plural})", style=self.muted_style())
        if item.feedback:
            head.append(VERDICT_LABELS.get(item.feedback, item.feedback), style="bold")
        return head

    def body(self, item: RelatedClaim) -> Text:
        """The related claim's text."""
        return Text(one_line(item.claim.text))

    def reason(self, item: RelatedClaim) -> Text:
        """Why it was found, and the same-incident evidence."""
        why = "; ".join(p for p in (item.why, item.evidence_why) if p)
        return Text(one_line(why), style=self.muted_style())

    def render_item(self, item: RelatedClaim, width: int) -> list[Text]:
        """Relation, score and document; claim text; why and the evidence (each cut at the
        pane's edge)."""
        return [
            self.head(item),
            Text.assemble(INDENT, self.body(item)),
            Text.assemble(INDENT, self.reason(item)),
        ]

    def render_expanded(self, item: RelatedClaim, width: int) -> list[Text]:
        """The item under the cursor whole: the claim and the reason wrapped."""
        console = self.app.console
        lines = wrapped(self.head(item), width, console, first="")
        lines += wrapped(self.body(item), width, console)
        lines += wrapped(self.reason(item), width, console)
        return lines
