"""The stored facts of claims, as :mod:`.relations` compares them.

Figures and dates are read at ingest and stored with each sentence (``numbers`` and
``dates``); a claim's :class:`~claimdesk.store.related.relations.Side` adds its names and
its document's title and published date. Sentences stored before typed facts (below the
id that migration ``m007`` recorded) are read again from their text, by the same functions
ingest uses, so an older store is compared like a new one.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> _ = store.add_text("At least 100 soldiers were killed in Kursk on Monday.",
    ...                    title="Kursk", published="2024-12-18")
    >>> side = StoredFacts(store.connections).side(store.claims()[0])
    >>> [(f.text, f.window) for f in side.figures], sorted(side.names)
    ([('At least 100', 'day:2024-12-16..2024-12-16')], ['kursk'])
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache

from claimdesk.store.database.connections import Connections
from claimdesk.store.extract.facts import read_facts
from claimdesk.store.models import (
    Claim,
    DateMention,
    Figure,
    date_from_dict,
    figure_from_dict,
)
from claimdesk.store.related.sides import Side, name_keys, title_names

FACTS_FROM = "facts_from_claim"
"""``meta`` key: the first claim id whose figures and dates were stored as typed facts."""

CACHE_SIZE = 8192
"""How many claims' sides are kept."""


@lru_cache(maxsize=4096)
def reread(
    text: str, start: int, published: str
) -> tuple[tuple[Figure, ...], tuple[DateMention, ...]]:
    """The typed figures and dates of a sentence stored before typed facts."""
    figures, dates = read_facts(text, start, published=published)
    return (
        tuple(figure_from_dict(f) for f in figures),
        tuple(date_from_dict(d) for d in dates),
    )


class StoredFacts:
    """The :class:`Side` of stored claims, cached; :meth:`clear` when documents change."""

    def __init__(self, connections: Connections) -> None:
        self.store = connections
        self._lock = threading.Lock()
        self._documents: dict[int, tuple[str, str]] = {}
        self._sides: OrderedDict[int, Side] = OrderedDict()
        self._first_typed: int | None = None

    def clear(self) -> None:
        """Forget cached documents and sides (documents were added or removed)."""
        with self._lock:
            self._documents.clear()
            self._sides.clear()

    def first_typed(self) -> int:
        """The first claim id stored with typed facts (0: every claim)."""
        if self._first_typed is None:
            row = self.store.db.execute(
                "SELECT value FROM meta WHERE key = ?", [FACTS_FROM]
            ).fetchone()
            self._first_typed = int(row[0]) if row else 0
        return self._first_typed

    def document(self, doc_id: int) -> tuple[str, str]:
        """``(title, published)`` of a document."""
        found = self._documents.get(doc_id)
        if found is None:
            row = self.store.db.execute(
                "SELECT title, published FROM documents WHERE id = ?", [doc_id]
            ).fetchone()
            found = (row[0] or "", row[1] or "") if row else ("", "")
            with self._lock:
                self._documents[doc_id] = found
        return found

    def side(self, claim: Claim) -> Side:
        """The :class:`Side` of a stored claim (its facts as stored, or read again if older)."""
        cached = self._sides.get(claim.id)
        if cached is not None and cached.text == claim.text:
            return cached
        title, published = self.document(claim.doc_id)
        figures, dates = claim.numbers, claim.dates
        if claim.id < self.first_typed():
            figures, dates = reread(claim.text, claim.start, published)
        own = name_keys(claim.entities)
        side = Side(
            text=claim.text,
            figures=figures,
            dates=dates,
            names=own | title_names(title),
            title=title,
            published=published,
            hedge=claim.hedge,
            own_names=own,
        )
        with self._lock:
            self._sides[claim.id] = side
            if len(self._sides) > CACHE_SIZE:
                self._sides.popitem(last=False)
        return side
