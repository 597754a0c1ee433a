"""The document pane's gutter: where a PDF's pages start and when a transcript's paragraphs
were said.

A PDF gets ``p. 4`` beside the line where page 4 starts (every page, as pages
are few and a reader cites them). A transcript gets the cue time beside the
first line of each paragraph only: a cue starts every few words, and a label on
every line would bury the text. Labels are data from the file, so they are made
safe, kept to one line and cut to :data:`MAX_LABEL` cells.

    >>> from claimdesk.store.models import Mark
    >>> text = "Page one.\\nPage two starts here."
    >>> marks = gutter_marks(text, [Mark(0, "page", "1"), Mark(10, "page", "2")])
    >>> marks
    [(0, 'p. 1'), (10, 'p. 2')]
    >>> gutter_labels([(0, 9), (10, 19), (19, 31)], marks)
    {0: 'p. 1', 1: 'p. 2'}
    >>> cues = [Mark(0, "cue", "00:00:01"), Mark(4, "cue", "00:00:03"), Mark(9, "cue", "00:01:10")]
    >>> gutter_marks("One two.\\nThree.", cues)
    [(0, '00:00:01'), (9, '00:01:10')]
"""

from __future__ import annotations

from collections.abc import Sequence

from claimdesk.store.locations import mark_at, of_kind
from claimdesk.store.models import CUE, PAGE, Mark
from claimdesk.store.safe_text import display_safe
from claimdesk.tui.widgets.line_layout import line_of_offset

MAX_LABEL = 9
"""The widest gutter label, in characters ("p. " and a six-character page label)."""


def _label(text: str) -> str:
    flat = display_safe(text, tab_size=1).replace("\n", " ").strip()
    return flat if len(flat) <= MAX_LABEL else flat[: MAX_LABEL - 1] + "…"


def gutter_marks(text: str, marks: Sequence[Mark]) -> list[tuple[int, str]]:
    """``(offset, label)`` for what the gutter shows: every page start of a PDF, else the
    cue holding each paragraph's start; empty for documents with neither."""
    pages = of_kind(marks, PAGE)
    if pages:
        return [(m.start, _label(f"p. {m.label}")) for m in pages]
    cues = of_kind(marks, CUE)
    if not cues:
        return []
    starts = [m.start for m in cues]
    shown: list[tuple[int, str]] = []
    start = 0
    while start <= len(text):
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        cue = mark_at(cues, start, starts) if end > start else None
        if cue is not None and (not shown or shown[-1][1] != _label(cue.label)):
            shown.append((start, _label(cue.label)))
        if newline < 0:
            break
        start = newline + 1
    return shown


def gutter_labels(
    lines: Sequence[tuple[int, int]], marks: Sequence[tuple[int, str]]
) -> dict[int, str]:
    """Which screen line (of ``lines``, as wrapped) shows each label; the first wins."""
    labels: dict[int, str] = {}
    if not lines:
        return labels
    line_list = list(lines)
    for offset, label in marks:
        labels.setdefault(line_of_offset(line_list, offset), label)
    return labels
