"""Where a span of a document sits in its source, from the document's page and cue marks.

Pure functions over :class:`~claimdesk.store.models.Mark` lists, so that the
store (``Store.location``) and a reader holding a document's marks say the same
thing: ``"p. 4"``, ``"pp. 4–5"``, ``"at 00:03:12"``, or nothing.

    >>> marks = [Mark(0, PAGE, "1"), Mark(40, PAGE, "2")]
    >>> location_in(marks, 10, 20), location_in(marks, 30, 50), location_in([], 0, 5)
    ('p. 1', 'pp. 1–2', '')
    >>> location_in([Mark(0, CUE, "00:00:01"), Mark(28, CUE, "00:03:12")], 30, 40)
    'at 00:03:12'
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from claimdesk.store.models import CUE, PAGE, Mark


def mark_at(found: Sequence[Mark], offset: int, starts: Sequence[int] | None = None) -> Mark | None:
    """The last of ``found`` (sorted, one kind) starting at or before ``offset``; ``starts``
    (their starts, when the caller keeps them) saves building the list on every call.

    >>> mark_at([Mark(0, "page", "1"), Mark(40, "page", "2")], 39).label
    '1'
    """
    index = bisect.bisect_right(starts or [m.start for m in found], offset) - 1
    return found[index] if index >= 0 else None


def of_kind(marks: Sequence[Mark], kind: str) -> list[Mark]:
    """The marks of one ``kind`` (``PAGE`` or ``CUE``), in text order."""
    return sorted((m for m in marks if m.kind == kind), key=lambda m: m.start)


class Locator:
    """A document's marks sorted once, for saying where many spans are (a reader moving
    from claim to claim in a transcript of thousands of cues)."""

    def __init__(self, marks: Sequence[Mark]):
        pages = of_kind(marks, PAGE)
        self.marks = pages or of_kind(marks, CUE)
        self.pages = bool(pages)
        self.starts = [m.start for m in self.marks]

    def mark_at(self, offset: int) -> Mark | None:
        """The page (or, without pages, the cue) holding ``offset``."""
        return mark_at(self.marks, offset, self.starts) if self.marks else None

    def location(self, start: int, end: int | None = None) -> str:
        """Where ``start`` (to ``end``) is: pages win over cues; ``""`` when no mark holds it."""
        first = self.mark_at(start)
        if first is None:
            return ""
        if not self.pages:
            return f"at {first.label}"
        last = self.mark_at(max(start, (end or start) - 1))
        if last is not None and last.label != first.label:
            return f"pp. {first.label}–{last.label}"
        return f"p. {first.label}"


def location_in(marks: Sequence[Mark], start: int, end: int | None = None) -> str:
    """Where ``start`` (to ``end``) is: pages win over cues; ``""`` when no mark holds it."""
    return Locator(marks).location(start, end)
