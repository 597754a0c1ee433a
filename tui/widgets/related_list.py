"""The related pane: claims elsewhere that agree with, conflict with or relate to the current one.

Three lines an item: relation (conflicts in the theme's error colour, reversed
and bold), score and source document; the claim; the explanation. The item under
the cursor is shown whole: the claim and the reason wrapped to the pane's width.
Each part is built by its own method (:meth:`RelatedList.head`, ``body``, ``reason``),
so marks can be added to an item without touching the layout.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from claimdesk.store.models import RelatedClaim
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import STATUS_GLYPHS, StatusStyled
from claimdesk.tui.widgets.virtual_list import VirtualList

RELATION_LABELS: dict[str, str] = {
    "conflicts": " ✗ CONFLICTS ",
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


class RelatedList(StatusStyled, VirtualList):
    """Related claims of the current claim; enter or a click opens one."""

    DEFAULT_CSS = css_beside(__file__)
    item_height = 3
    expand_cursor = True

    def head(self, item: RelatedClaim) -> Text:
        """Relation, score, the related claim's status and where it is."""
        head = Text()
        head.append(
            RELATION_LABELS.get(item.relation, item.relation),
            style=self.relation_style(item.relation),
        )
        head.append(f" {item.score:3.0f} ", style="bold")
        head.append(
            STATUS_GLYPHS.get(item.claim.status, "·") + " ",
            style=self.status_style(item.claim.status),
        )
        where = "this document" if item.same_document else one_line(item.doc_title)
        head.append(where, style=self.muted_style())
        return head

    def body(self, item: RelatedClaim) -> Text:
        """The related claim's text."""
        return Text(one_line(item.claim.text))

    def reason(self, item: RelatedClaim) -> Text:
        """Why it was found."""
        return Text(one_line(item.why), style=self.muted_style())

    def render_item(self, item: RelatedClaim, width: int) -> list[Text]:
        """Relation, score and document; claim text; why (each cut at the pane's edge)."""
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
