"""Status glyphs and the theme-coloured styles of statuses and relations.

Widgets that show claims mix in :class:`StatusStyled` and include
``status_styles.tcss`` in their CSS, so every colour comes from the theme.

    >>> STATUS_GLYPHS["verified"]
    '✓'
"""

from __future__ import annotations

from rich.style import Style

from store.models import RELATIONS, STATUSES

STATUS_GLYPHS: dict[str, str] = {
    "unreviewed": "·",
    "needs-check": "?",
    "verified": "✓",
    "false": "✗",
    "misleading": "~",
    "disputed": "!",
    "unverifiable": "∅",
}
"""One glyph a status, shown before each claim."""

STATUS_CSS = "status_styles.tcss"
"""The shared CSS file that colours statuses (pass to ``css_beside``)."""

STATUS_COMPONENTS: set[str] = {f"status--{s}" for s in STATUSES} | {
    f"relation--{r}" for r in RELATIONS
} | {"list--muted", "list--match"}
"""Component classes a :class:`StatusStyled` widget declares."""


class StatusStyled:
    """Mixin for widgets with ``STATUS_COMPONENTS`` in their ``COMPONENT_CLASSES``."""

    def status_style(self, status: str) -> Style:
        """The theme style of ``status`` (unknown statuses look unreviewed)."""
        name = status if status in STATUS_GLYPHS else "unreviewed"
        return self.get_component_rich_style(f"status--{name}")  # type: ignore[attr-defined]

    def relation_style(self, relation: str) -> Style:
        """The theme style of a relation; conflicts are loud."""
        name = relation if relation in RELATIONS else "related"
        return self.get_component_rich_style(f"relation--{name}")  # type: ignore[attr-defined]

    def muted_style(self) -> Style:
        """The theme's muted text style."""
        return self.get_component_rich_style("list--muted")  # type: ignore[attr-defined]

    def match_style(self) -> Style:
        """The style of search terms found in a result."""
        return self.get_component_rich_style("list--match")  # type: ignore[attr-defined]
