"""Search results: the claim with the searched terms highlighted, then its document."""

from __future__ import annotations

from rich.text import Text

from claimdesk.store.models import SearchHit
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import STATUS_GLYPHS, StatusStyled
from claimdesk.tui.widgets.virtual_list import VirtualList


class SearchResultsList(StatusStyled, VirtualList):
    """Two lines a hit; enter or a click jumps to the claim."""

    DEFAULT_CSS = css_beside(__file__)
    item_height = 2

    def render_item(self, item: SearchHit, width: int) -> list[Text]:
        """The claim (terms highlighted) and its document title."""
        claim = Text()
        claim.append(
            STATUS_GLYPHS.get(item.claim.status, "·") + " ",
            style=self.status_style(item.claim.status),
        )
        claim.append(one_line(item.claim.text))
        words = [t for t in item.terms if t.strip()]
        if words:
            claim.highlight_words(words, self.match_style(), case_sensitive=False)
        where = Text("  " + one_line(item.doc_title), style=self.muted_style())
        if item.fuzzy:
            where.append("  (close match)", style=self.muted_style())
        return [claim, where]
