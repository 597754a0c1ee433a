"""The search input: what the reader types to search every claim."""

from __future__ import annotations

from textual.widgets import Input

from claimdesk.tui.widgets.css import css_beside


class SearchBar(Input):
    """An input for search queries (the search screen reacts to every change)."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(self, value: str = "", **kwargs):
        super().__init__(value=value, placeholder="search all claims…", **kwargs)
