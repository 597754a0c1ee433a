"""The related pane: claims elsewhere that agree with, differ from, contradict or relate to
the current one.

Three lines an item: relation (contradicts in the theme's error colour, reversed and
bold; differs in the warning colour), score and source document; the claim; the
explanation.
"""

from __future__ import annotations

from rich.text import Text

from claimdesk.store.models import RelatedClaim, relation_name
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


class RelatedList(StatusStyled, VirtualList):
    """Related claims of the current claim; enter or a click opens one."""

    DEFAULT_CSS = css_beside(__file__)
    item_height = 3

    def render_item(self, item: RelatedClaim, width: int) -> list[Text]:
        """Relation, score and document; claim text; why."""
        head = Text()
        relation = relation_name(item.relation)
        head.append(RELATION_LABELS.get(relation, relation), style=self.relation_style(relation))
        head.append(f" {item.score:3.0f} ", style="bold")
        head.append(
            STATUS_GLYPHS.get(item.claim.status, "·") + " ",
            style=self.status_style(item.claim.status),
        )
        where = "this document" if item.same_document else one_line(item.doc_title)
        head.append(where, style=self.muted_style())
        body = Text("  " + one_line(item.claim.text))
        why = Text("  " + one_line(item.why), style=self.muted_style())
        return [head, body, why]
