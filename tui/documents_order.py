"""How the documents pane is sorted and which documents it shows.

Sorted by when a document was added (the default), its date, source, flagged
count or title; filtered to documents with notes, with flagged claims, new since
the last feed update, from a source, or dated on or after a day.

    >>> from claimdesk.store.models import Document
    >>> def doc(i, source, published, flagged=0, note=""):
    ...     return Document(i, f"t{i}", source, "", published, "", "", "", 0, 3, flagged, note)
    >>> docs = [doc(1, "Wire", "2024-12-27", 2), doc(2, "Daily", "2024-12-29"),
    ...         doc(3, "wire desk", "2024-12-28", note="check")]
    >>> [d.id for d in DocumentsOrder(sort="date").apply(docs)]
    [2, 3, 1]
    >>> [d.id for d in DocumentsOrder(source="wire").apply(docs)]
    [1, 3]
    >>> order = DocumentsOrder().sorted_by("flagged").toggled("with_notes")
    >>> order.describe(), [d.id for d in order.apply(docs)]
    ('by flagged, with notes', [3])
    >>> [d.id for d in DocumentsOrder(new_only=True).apply(docs, new_ids=frozenset({2}))]
    [2]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from claimdesk.store.models import Document

SORTS: dict[str, tuple[str, bool]] = {
    "added": ("as added", False),
    "date": ("by date", True),
    "source": ("by source", False),
    "flagged": ("by flagged", True),
    "title": ("by title", False),
}
"""Each sort: how it is described and whether it starts with the largest (newest) first."""

_KEYS: dict[str, Callable[[Document], Any]] = {
    "added": lambda d: d.id,
    "date": lambda d: (d.published or "", d.id),
    "source": lambda d: (d.source.casefold(), d.id),
    "flagged": lambda d: (d.flagged, d.id),
    "title": lambda d: (d.title.casefold(), d.id),
}


@dataclass(frozen=True)
class DocumentsOrder:
    """A sort (``reverse`` flips its usual direction) and filters on the documents list."""

    sort: str = "added"
    reverse: bool = False
    with_notes: bool = False
    flagged_only: bool = False
    source: str = ""
    since: str = ""
    new_only: bool = False

    @property
    def filtering(self) -> bool:
        """Whether any document may be left out."""
        return bool(
            self.with_notes or self.flagged_only or self.source or self.since or self.new_only
        )

    def accepts(self, document: Document, new_ids: frozenset[int] = frozenset()) -> bool:
        """Whether ``document`` passes the filters (``new_ids``: the documents new since the
        last feed update)."""
        if self.with_notes and not (document.note.strip() or document.noted):
            return False
        if self.flagged_only and not document.flagged:
            return False
        if self.new_only and document.id not in new_ids:
            return False
        if self.source and self.source.casefold() not in document.source.casefold():
            return False
        return not (self.since and (document.published or "") < self.since)

    def apply(
        self, documents: Iterable[Document], new_ids: frozenset[int] = frozenset()
    ) -> list[Document]:
        """The documents that pass, in this order."""
        descending = SORTS.get(self.sort, SORTS["added"])[1] != self.reverse
        kept = [d for d in documents if self.accepts(d, new_ids)]
        return sorted(kept, key=_KEYS.get(self.sort, _KEYS["added"]), reverse=descending)

    def sorted_by(self, sort: str) -> DocumentsOrder:
        """Sorted by ``sort``; choosing the current sort again flips its direction."""
        if sort == self.sort:
            return replace(self, reverse=not self.reverse)
        return replace(self, sort=sort, reverse=False)

    def toggled(self, name: str) -> DocumentsOrder:
        """With the filter ``with_notes``, ``flagged_only`` or ``new_only`` switched."""
        return replace(self, **{name: not getattr(self, name)})

    def describe(self) -> str:
        """A few words for the pane's title (empty for the default)."""
        parts = []
        if self != DocumentsOrder(
            with_notes=self.with_notes,
            flagged_only=self.flagged_only,
            source=self.source,
            since=self.since,
            new_only=self.new_only,
        ):
            parts.append(SORTS.get(self.sort, SORTS["added"])[0] + (" ↑" if self.reverse else ""))
        if self.with_notes:
            parts.append("with notes")
        if self.flagged_only:
            parts.append("flagged")
        if self.new_only:
            parts.append("new since the update")
        if self.source:
            parts.append(f"source {self.source!r}")
        if self.since:
            parts.append(f"since {self.since}")
        return ", ".join(parts)
