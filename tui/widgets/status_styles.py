"""Status glyphs and theme-derived styles for statuses, relations and muted text.

Colours come from the running theme's variables (``$success``, ``$error``, ...),
computed once per theme and shared by every widget: a palette lookup is far
cheaper than a CSS component class per status on every widget.

    >>> STATUS_GLYPHS["verified"]
    '✓'
    >>> STATUS_THEME_COLOURS["false"]
    'error'
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color

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

NOTE_MARK = "✎"
"""Marks notes wherever they are shown or counted (claims, documents, the status bar)."""

STATUS_THEME_COLOURS: dict[str, str] = {
    "unreviewed": "primary",
    "needs-check": "warning",
    "verified": "success",
    "false": "error",
    "misleading": "error-lighten-2",
    "disputed": "accent",
    "unverifiable": "secondary",
}
"""The theme variable that colours each status."""


def _colour(variables: dict[str, str], name: str, fallback: Color) -> Color:
    try:
        return Color.parse(variables[name])
    except (KeyError, ValueError, TypeError):
        return fallback


@dataclass(frozen=True)
class Palette:
    """Rich styles for one theme."""

    statuses: dict[str, Style]
    status_colours: dict[str, Color]
    relations: dict[str, Style]
    muted: Style
    match: Style
    background: Color
    label: Style = Style(reverse=True, bold=True)
    """A label that sets a kind of item apart (the theme's accent behind contrasting text)."""

    @classmethod
    def from_variables(cls, variables: dict[str, str]) -> Palette:
        """Build the palette from a theme's CSS variables (``App.theme_variables``)."""
        background = _colour(variables, "surface", Color(0, 0, 0))
        foreground = _colour(variables, "foreground", Color(255, 255, 255))
        colours = {
            status: _colour(variables, name, foreground)
            for status, name in STATUS_THEME_COLOURS.items()
        }
        error = _colour(variables, "error", foreground)
        warning = _colour(variables, "warning", foreground)
        success = _colour(variables, "success", foreground)
        muted = background.blend(foreground, 0.6)
        accent = _colour(variables, "accent", foreground)
        return cls(
            statuses={s: Style(color=c.rich_color) for s, c in colours.items()},
            status_colours=colours,
            relations={
                "contradicts": Style(
                    color=error.get_contrast_text().rich_color, bgcolor=error.rich_color, bold=True
                ),
                "differs": Style(color=warning.rich_color, bold=True),
                "agrees": Style(color=success.rich_color, bold=True),
                "related": Style(color=muted.rich_color),
            },
            muted=Style(color=muted.rich_color),
            match=Style(bgcolor=_colour(variables, "warning", foreground).rich_color, bold=True),
            background=background,
            label=Style(
                color=accent.get_contrast_text().rich_color, bgcolor=accent.rich_color, bold=True
            ),
        )

    def status(self, status: str) -> Style:
        """The style of ``status`` (unknown statuses look unreviewed)."""
        return self.statuses.get(status, self.statuses["unreviewed"])

    def relation(self, relation: str) -> Style:
        """The style of a relation; contradictions are loud, differences marked."""
        return self.relations.get(relation, self.relations["related"])


_palettes: dict[int, tuple[str, Palette]] = {}


def palette_for(app) -> Palette:
    """The palette of ``app``'s current theme (cached until the theme changes)."""
    cached = _palettes.get(id(app))
    if cached is None or cached[0] != app.theme:
        cached = (app.theme, Palette.from_variables(app.theme_variables))
        _palettes[id(app)] = cached
    return cached[1]


class StatusStyled:
    """Mixin giving a widget the styles of the app's palette."""

    @property
    def palette(self) -> Palette:
        """The current theme's palette."""
        return palette_for(self.app)  # type: ignore[attr-defined]

    def status_style(self, status: str) -> Style:
        """The theme style of ``status``."""
        return self.palette.status(status)

    def relation_style(self, relation: str) -> Style:
        """The theme style of a relation."""
        return self.palette.relation(relation)

    def muted_style(self) -> Style:
        """Muted text."""
        return self.palette.muted

    def match_style(self) -> Style:
        """Search terms found in a result."""
        return self.palette.match
