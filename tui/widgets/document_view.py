"""The full text of a document with every claim highlighted, drawn line by line.

Only the lines on screen are rendered, each from an LRU cache keyed by line,
width and highlight state, so a 5,000-sentence document scrolls and moves from
claim to claim without lag. Text passes through ``display_safe`` (tabs as one
space, so offsets stay aligned) and is only ever shown as ``rich.text.Text``.
Markdown documents show their headings and emphasis as structure: the markers
are found in the text (:mod:`~claimdesk.tui.widgets.markdown_marks`) and left out
when a line is drawn; offsets are never changed. A PDF's pages and a transcript's
cue times are labelled in a gutter left of the text
(:mod:`~claimdesk.tui.widgets.source_gutter`): "p. 4" on the line where page 4
starts, the cue time on the first line of each paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimdesk.store.models import Claim, Document, Mark
from claimdesk.store.safe_text import display_safe
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.line_layout import line_of_offset, wrap_lines
from claimdesk.tui.widgets.markdown_marks import Marks, find_marks, is_markdown
from claimdesk.tui.widgets.source_gutter import gutter_labels, gutter_marks
from claimdesk.tui.widgets.status_styles import StatusStyled


class DocumentView(StatusStyled, ScrollView, can_focus=True):
    """Shows one document; claims are tinted by status, stronger for higher scores."""

    DEFAULT_CSS = css_beside(__file__)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-view--current",
        "document-view--sentence",
        "document-view--empty",
        "document-view--heading",
        "document-view--strong",
        "document-view--emphasis",
        "document-view--gutter",
    }

    class SentenceClicked(Message):
        """The user clicked the sentence ``claim_id``."""

        def __init__(self, claim_id: int):
            super().__init__()
            self.claim_id = claim_id

    class Painted(Message):
        """A document has been drawn on screen (used for start-up timing)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.document: Document | None = None
        self.sentences: list[Claim] = []
        self.marks = Marks()
        self._gutter_marks: list[tuple[int, str]] = []
        self._gutter: dict[int, str] = {}
        self._gutter_width = 0
        self._starts: list[int] = []
        self._index_of: dict[int, int] = {}
        self._display = ""
        self._lines: list[tuple[int, int]] = []
        self._layout_width = 0
        self.current_id: int | None = None
        self._current_lines = (-1, -1)
        self._style_version = 0
        self._claim_styles: dict[tuple[str, int], Style] = {}
        self._cache: LRUCache[tuple, Strip] = LRUCache(2048)
        self.empty_text = "loading…"

    def on_mount(self) -> None:
        """Repaint with the new colours when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.restyle())

    # content --------------------------------------------------------------
    def show(
        self,
        document: Document,
        sentences: Sequence[Claim],
        current_id: int | None,
        source_marks: Sequence[Mark] = (),
    ) -> None:
        """Display ``document`` with its ``sentences`` and select ``current_id``;
        ``source_marks`` (its pages or cues) label the gutter."""
        self.document = document
        self.sentences = list(sentences)
        self._starts = [s.start for s in sentences]
        self._index_of = {s.id: i for i, s in enumerate(sentences)}
        self._display = display_safe(document.text or "", tab_size=1)
        text = document.text or ""
        self.marks = find_marks(text) if is_markdown(document.path, text) else Marks()
        self._gutter_marks = gutter_marks(text, source_marks)
        self._gutter_width = max((len(label) + 1 for _, label in self._gutter_marks), default=0)
        self.empty_text = "(empty document)"
        self._layout_width = 0
        self.current_id = None
        self._relayout()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.set_current(current_id)
        self.call_after_refresh(self.post_message, self.Painted())

    def clear(self) -> None:
        """Show no document (it was removed)."""
        self.document = None
        self.sentences = []
        self.marks = Marks()
        self._gutter_marks, self._gutter, self._gutter_width = [], {}, 0
        self._starts, self._index_of, self._display, self._lines = [], {}, "", []
        self.current_id = None
        self._current_lines = (-1, -1)
        self._cache.clear()
        self.virtual_size = Size(self.size.width, 0)
        self.refresh()

    def update_sentences(self, sentences: Sequence[Claim]) -> None:
        """Show changed sentences of this document (new status, promoted, dismissed)."""
        changed = False
        for claim in sentences:
            index = self._index_of.get(claim.id)
            if index is not None and self.sentences[index] != claim:
                self.sentences[index] = claim
                changed = True
        if changed:
            self.restyle()

    def restyle(self) -> None:
        """Forget every cached line and colour (statuses or the theme changed)."""
        self._style_version += 1
        self._claim_styles.clear()
        self._cache.clear()
        self.refresh()

    def set_current(self, claim_id: int | None, scroll: bool = True) -> None:
        """Make ``claim_id`` the highlighted sentence and scroll it into view."""
        self.current_id = claim_id
        index = self._index_of.get(claim_id) if claim_id is not None else None
        if index is None or not self._lines:
            self._current_lines = (-1, -1)
            self.refresh()
            return
        sentence = self.sentences[index]
        first = line_of_offset(self._lines, sentence.start)
        last = line_of_offset(self._lines, max(sentence.start, sentence.end - 1))
        old_first, old_last = self._current_lines
        self._current_lines = (first, last)
        if old_first >= 0:  # repaint only the lines of the old and the new current sentence
            self.refresh_lines(old_first, old_last - old_first + 1)
        self.refresh_lines(first, last - first + 1)
        if scroll:
            self.scroll_to_lines(first, last)

    def scroll_to_lines(self, first: int, last: int) -> None:
        """Scroll so that lines ``first``..``last`` are on screen (a third down if moving)."""
        top, height = self.scroll_offset.y, max(self.size.height, 1)
        if first >= top and last < top + height:
            return
        self.scroll_to(y=max(0, first - height // 3), animate=False, immediate=True)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._layout_width:
            return
        self._layout_width = width
        text_width = max(width - self._gutter_width, 1)
        shown = self.document and self._display
        self._lines = wrap_lines(self._display, text_width) if shown else []
        self._gutter = gutter_labels(self._lines, self._gutter_marks)
        self._cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        if self.current_id is not None:
            self.set_current(self.current_id)

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again at the new width."""
        self._relayout()

    # rendering --------------------------------------------------------------
    def _claim_style(self, claim: Claim) -> Style:
        key = (claim.status, round(max(0.0, min(claim.score, 1.0)) * 10))
        style = self._claim_styles.get(key)
        if style is None:
            base = self.background_colors[1]
            tint = self.palette.status_colours.get(claim.status, base)
            strength = 0.18 + 0.04 * key[1]
            style = Style(bgcolor=base.blend(tint, strength).rich_color)
            self._claim_styles[key] = style
        return style

    def _line_text(self, number: int) -> Text:
        return self._with_gutter(number, self._text_line(number))

    def _with_gutter(self, number: int, text: Text) -> Text:
        """``text`` (screen line ``number``) after its gutter label, if the document has one."""
        if not self._gutter_width:
            return text
        label = self._gutter.get(number, "").ljust(self._gutter_width)
        style = self.get_component_rich_style("document-view--gutter")
        return Text.assemble((label, style), text, no_wrap=True, end="")

    def _text_line(self, number: int) -> Text:
        """The document's own text of screen line ``number``, styled."""
        start, end = self._lines[number]
        text = Text(self._display[start:end], no_wrap=True, end="")
        for a, b, kind in self.marks.styled_in(start, end):
            style = self.get_component_rich_style(f"document-view--{kind}", partial=True)
            text.stylize(style, max(a, start) - start, min(b, end) - start)
        i = max(0, bisect_right(self._starts, start) - 1)
        current = self.get_component_rich_style("document-view--current")
        pointed = self.get_component_rich_style("document-view--sentence")
        while i < len(self.sentences) and self._starts[i] < end:
            sentence = self.sentences[i]
            i += 1
            if sentence.end <= start:
                continue
            if sentence.id == self.current_id:
                style = current if sentence.is_claim else pointed
            elif sentence.is_claim:
                style = self._claim_style(sentence)
            else:
                continue
            text.stylize(style, max(sentence.start, start) - start, min(sentence.end, end) - start)
        return self._without_markers(text, start, end)

    def _without_markers(self, text: Text, start: int, end: int) -> Text:
        """``text`` (the line ``start``..``end``) without its Markdown markers."""
        hidden = self.marks.hidden_in(start, end)
        if not hidden:
            return text
        pieces, at = [], start
        for a, b in hidden:
            pieces.append(text[at - start : a - start])
            at = b
        pieces.append(text[at - start :])
        return Text("", no_wrap=True, end="").join(pieces)

    def render_line(self, y: int) -> Strip:
        """One screen line of the document."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = self.scroll_offset.y + y
        if not self._lines:
            if y == 0:
                style = self.get_component_rich_style("document-view--empty")
                return self._strip(Text(self.empty_text, style=style), width, base)
            return Strip.blank(width, base)
        if number >= len(self._lines):
            return Strip.blank(width, base)
        first, last = self._current_lines
        key = (number, width, self._style_version, first <= number <= last and self.current_id)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._strip(self._line_text(number), width, base)
            self._cache[key] = strip
        return strip

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        segments = Segment.apply_style(text.render(self.app.console), base)
        return Strip(list(segments)).crop_extend(0, width, base)

    # mouse -----------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        """Clicking a sentence selects it."""
        offset = event.get_content_offset(self)
        if offset is None or not self._lines or not self.sentences:
            return
        number = self.scroll_offset.y + offset.y
        if number >= len(self._lines):
            return
        start, end = self._lines[number]
        x = max(0, offset.x - self._gutter_width)
        hidden = {i for a, b in self.marks.hidden_in(start, end) for i in range(a, b)}
        position, cells = start, 0
        while position < end:
            width = 0 if position in hidden else cell_len(self._display[position])
            if cells + width > x:
                break
            cells += width
            position += 1
        i = max(0, bisect_right(self._starts, position) - 1)
        self.post_message(self.SentenceClicked(self.sentences[i].id))
