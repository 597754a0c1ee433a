"""A keyboard list that renders only the rows on screen (the Line API with a cache).

Rows are built on demand by :meth:`VirtualList.render_item`, so a list of
100,000 items costs no more to show than a list of ten. Every item takes
``item_height`` lines, except that a list with ``expand_cursor`` shows the item
under the cursor whole (:meth:`VirtualList.render_expanded`, as many lines as it
needs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimdesk.tui.widgets.css import css_beside


class VirtualList(ScrollView, can_focus=True):
    """A scrolling list of items with a cursor; subclasses say how an item looks."""

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor", "virtual-list--empty"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    item_height: ClassVar[int] = 1
    """Lines per item."""

    expand_cursor: ClassVar[bool] = False
    """Whether the item under the cursor is shown whole (see :meth:`render_expanded`)."""

    class Highlighted(Message):
        """The cursor moved to ``item`` (by the user)."""

        def __init__(self, source: VirtualList, index: int, item: Any):
            super().__init__()
            self.source = source
            self.index = index
            self.item = item

        @property
        def control(self) -> VirtualList:
            """The list that sent the message."""
            return self.source

    class Selected(Highlighted):
        """The user chose ``item`` (enter or a click)."""

    def __init__(self, empty_text: str = "", **kwargs: Any):
        super().__init__(**kwargs)
        self._items: list[Any] = []
        self.cursor = 0
        self.empty_text = empty_text
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._version = 0
        self._expanded: list[Text] | None = None
        self._expanded_width = 0

    # data -------------------------------------------------------------
    @property
    def items(self) -> Sequence[Any]:
        """The items shown."""
        return self._items

    @property
    def current(self) -> Any | None:
        """The item under the cursor, if any."""
        return self._items[self.cursor] if 0 <= self.cursor < len(self._items) else None

    def set_items(
        self,
        items: Sequence[Any],
        cursor: int = 0,
        empty_text: str | None = None,
        *,
        keep_scroll: bool = False,
    ):
        """Replace the items and put the cursor at ``cursor`` (no message is sent).

        ``keep_scroll``: leave the list where it is scrolled (the same items, refreshed)
        rather than bring the cursor to a third of the height.
        """
        self._items = list(items)
        if empty_text is not None:
            self.empty_text = empty_text
        self.cursor = max(0, min(cursor, len(self._items) - 1))
        self.changed()
        if keep_scroll:
            self.scroll_to_cursor()
            return
        self.scroll_to_cursor(center=True)
        # The new virtual size only bounds scrolling after the next layout pass.
        self.call_after_refresh(self.scroll_to_cursor, center=True)

    def replace_item(self, index: int, item: Any) -> None:
        """Swap one item in place (for example after a flag changed)."""
        self._items[index] = item
        self.changed()

    def changed(self) -> None:
        """Drop cached rows and repaint (call when what items look like changed)."""
        self._version += 1
        self._cache.clear()
        self._expanded = None
        self._resize_virtual()
        self.refresh()

    # heights --------------------------------------------------------------
    def _expanded_lines(self) -> list[Text]:
        """The lines of the item under the cursor when it is shown whole (at the width the
        list has now: a scrollbar that comes or goes changes it without a resize)."""
        # a column is kept for the scrollbar, which the taller item may bring
        width = max(self.size.width - 1, 1)
        if self._expanded is None or self._expanded_width != width:
            item = self.current
            self._expanded = [] if item is None else self.render_expanded(item, width)
            self._expanded_width = width
        return self._expanded

    def _extra(self) -> int:
        """How many more lines the cursor item takes than the others."""
        if not self.expand_cursor or not self._items:
            return 0
        return max(0, len(self._expanded_lines()) - self.item_height)

    def _resize_virtual(self) -> None:
        height = len(self._items) * self.item_height + self._extra()
        self.virtual_size = Size(self.size.width, height)

    def _check_virtual(self) -> None:
        """Grow or shrink the scrollable height when the cursor item was wrapped anew."""
        height = len(self._items) * self.item_height + self._extra()
        if height != self.virtual_size.height:
            self._resize_virtual()
            self.refresh()

    def top_of(self, index: int) -> int:
        """The first line of item ``index``."""
        return index * self.item_height + (self._extra() if index > self.cursor else 0)

    def locate(self, line: int) -> tuple[int, int]:
        """``(item index, line within the item)`` of list line ``line``."""
        height, extra = self.item_height, self._extra()
        start = self.cursor * height
        if not extra or line < start:
            return divmod(line, height)
        if line < start + height + extra:
            return self.cursor, line - start
        return divmod(line - extra, height)

    def move_cursor(self, index: int, *, notify: bool = False) -> None:
        """Put the cursor on ``index``; ``notify`` sends :class:`Highlighted`."""
        if not self._items:
            return
        index = max(0, min(index, len(self._items) - 1))
        if index != self.cursor:
            height = self.item_height
            if self.expand_cursor:  # the rows below the old and the new cursor item move
                self.cursor = index
                self._expanded = None
                self._resize_virtual()
                self.refresh()
            else:
                self.refresh_lines(self.cursor * height, height)  # only the two rows that change
                self.cursor = index
                self.refresh_lines(index * height, height)
            if notify:
                self.post_message(self.Highlighted(self, index, self._items[index]))
        self.scroll_to_cursor()

    def scroll_to_cursor(self, center: bool = False) -> None:
        """Scroll so that the cursor item is visible (its start, when it is taller than the list)."""
        top = self.top_of(self.cursor)
        lines = self.item_height + self._extra()
        height = max(self.size.height, 1)
        if center:
            self.scroll_to(y=max(0, top - height // 3), animate=False, immediate=True)
        elif top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + lines > self.scroll_offset.y + height:
            bottom = top + lines - height
            self.scroll_to(y=min(top, bottom), animate=False, immediate=True)

    # actions ------------------------------------------------------------
    def action_move(self, step: int) -> None:
        """Move the cursor ``step`` items."""
        self.move_cursor(self.cursor + step, notify=True)

    def action_page(self, direction: int) -> None:
        """Move the cursor by a screenful."""
        page = max(1, self.size.height // self.item_height - 1)
        self.move_cursor(self.cursor + direction * page, notify=True)

    def action_move_to(self, index: int) -> None:
        """Move to an index (``-1``: the last)."""
        self.move_cursor(len(self._items) - 1 if index < 0 else index, notify=True)

    def action_select(self) -> None:
        """Choose the item under the cursor."""
        if self.current is not None:
            self.post_message(self.Selected(self, self.cursor, self.current))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the item and chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index, _ = self.locate(self.scroll_offset.y + offset.y)
        if 0 <= index < len(self._items):
            self.move_cursor(index, notify=True)
            self.post_message(self.Selected(self, index, self._items[index]))

    def on_resize(self, event: events.Resize) -> None:
        """Rows depend on the width: rebuild them."""
        self.changed()
        self.call_after_refresh(self.scroll_to_cursor)

    # rendering -----------------------------------------------------------
    def render_item(self, item: Any, width: int) -> list[Text]:
        """The ``item_height`` lines of one item (subclasses override)."""
        return [Text(str(item))]

    def render_expanded(self, item: Any, width: int) -> list[Text]:
        """Every line of the item under the cursor, when ``expand_cursor`` is set (subclasses
        override; lines longer than ``width`` are cut)."""
        return self.render_item(item, width)

    def render_line(self, y: int) -> Strip:
        """One screen line, built from the cache when possible."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = self.scroll_offset.y + y
        if not self._items:
            if line == 0 and self.empty_text:
                text = Text(
                    self.empty_text, style=self.get_component_rich_style("virtual-list--empty")
                )
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        index, sub = self.locate(line)
        if index >= len(self._items):
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        key = (index, sub, width, is_cursor, self.has_focus, self._version)
        strip = self._cache.get(key)
        if strip is None:
            if is_cursor and self.expand_cursor:
                lines = self._expanded_lines()
                self.call_later(self._check_virtual)
            else:
                lines = self.render_item(self._items[index], width)
            text = lines[sub] if sub < len(lines) else Text("")
            cursor_style = None
            if is_cursor:
                found = self.get_component_rich_style("virtual-list--cursor")
                cursor_style = Style(bgcolor=found.bgcolor, bold=found.bold)
            strip = self._strip(text, width, base, cursor_style)
            self._cache[key] = strip
        return strip

    def _strip(self, text: Text, width: int, base: Style, cursor: Style | None = None) -> Strip:
        text = text.copy()
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = Segment.apply_style(text.render(self.app.console), base, cursor)
        fill = base + cursor if cursor else base
        return Strip(list(segments)).crop_extend(0, width, fill)

    def on_focus(self) -> None:
        """The cursor looks different with focus."""
        self.refresh()

    def on_blur(self) -> None:
        """The cursor looks different without focus."""
        self.refresh()
