"""The full-text index seam: everything keystroke search, related matching and the
fact-check matcher ask the database about the words of the stored sentences.

Two tables are indexed, each over its ``norm`` column (see
:func:`~claimdesk.store.folding.fold`): ``claims`` and ``factchecks``. Each backend
implements :class:`TextIndex` once: SQLite with FTS5
(:class:`~claimdesk.store.search.fts5_index.Fts5Index`), PostgreSQL with a ``tsvector``
GIN index and a term table kept by triggers
(:class:`~claimdesk.store.database.postgres.search_index.PostgresTextIndex`). Scoring,
spelling and completion stay in Python over :meth:`TextIndex.term_counts`, so both
backends give the same results for the same corpus.

**Match expressions** are strings in a small grammar both backends read (it is the subset
of FTS5's query syntax the store writes; nothing typed by a user is passed through
unquoted):

- a phrase: index tokens in double quotes, ``"korea s"``; a trailing ``*`` makes its last
  token a prefix, ``"sol"*``;
- ``A AND B``, ``A OR B`` (AND binds tighter) and parentheses.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> _ = store.add_text("North Korea said so.", title="t")
>>> index = text_index(store.db, "claims")
>>> index.postings('"korea" AND "sa"*'), sorted(index.term_counts())[0]
([1], ('korea', 1, 1))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Protocol

import sqlite_utils

from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.handle import Database
from claimdesk.store.search.fts5_index import Fts5Index

IndexedTable = Literal["claims", "factchecks"]
"""The tables with a full-text index over their ``norm`` column."""

SortKey = tuple[Any, int, int]
"""How :meth:`TextIndex.newest_matches` ranks a row: ``(typed phrase absent, length of the
norm in characters, -id)``, ascending."""


class TextIndex(Protocol):
    """The full-text index of one table (``claims`` or ``factchecks``), on one connection."""

    table: IndexedTable
    expanded_from: int
    """The shortest prefix that costs less as the terms it begins, ORed, than looked up as a
    prefix (see :func:`~claimdesk.store.search.searcher.completer`)..."""
    most_expanded: int
    """...if it begins at most this many."""

    def term_counts(self) -> list[tuple[str, int, int]]:
        """Every indexed term as ``(term, rows containing it, occurrences)``, in any order."""
        ...

    def postings(self, match: str) -> list[int]:
        """Ids of every row matching the match expression ``match``, in any order."""
        ...

    def postings_many(self, matches: Sequence[str]) -> list[list[int]]:
        """:meth:`postings` of each of ``matches``, in order (one round trip to a server)."""
        ...

    def any_match(self, match: str) -> bool:
        """Whether any row matches ``match``."""
        ...

    def newest_matches(
        self,
        match: str,
        phrase: str,
        cap: int,
        where: str,
        word_rows: Sequence[int] | None = None,
        typed: str | None = None,
    ) -> list[SortKey]:
        """The sort keys (see :data:`SortKey`) of the newest ``cap`` rows matching ``match``
        that also satisfy the SQL condition ``where`` on the table aliased ``c``; ``phrase`` is
        the typed words, for the first part of the key. Newest first. ``word_rows``: at
        most how many rows hold each of the words ``match`` ANDs, when known (it may choose
        how the rows are found, never which); ``typed``: ``match`` as typed, before its
        prefixes were expanded into the terms they begin (the same rows match)."""
        ...

    def best_rows(
        self,
        match: str,
        phrase: str,
        cap: int,
        where: str,
        best: int,
        columns: str,
        joins: str = "",
        word_rows: Sequence[int] | None = None,
        typed: str | None = None,
    ) -> list[Any]:
        """The best ``best`` of the newest ``cap`` rows :meth:`newest_matches` finds, by
        :data:`SortKey`, best first: each row ``columns`` (selected over the table aliased
        ``c`` and ``joins``), read by name."""
        ...

    def best_matches(self, match: str, limit: int) -> list[int]:
        """Ids of the ``limit`` rows matching ``match`` with the best bm25 score (FTS5's:
        k1 1.2, b 0.75), best first."""
        ...


def text_index(db: Database, table: IndexedTable) -> TextIndex:
    """The full-text index of ``table`` on the connection ``db``, for its backend."""
    if dialect_of(db).is_postgres:
        from claimdesk.store.database.postgres.search_index import PostgresTextIndex

        return PostgresTextIndex(db, table)
    assert isinstance(db, sqlite_utils.Database)  # the one other backend
    return Fts5Index(db, table)


def forget_lookups(db: Database) -> None:
    """Forget what earlier lookups on ``db`` found, where the backend plans lookups from them
    (PostgreSQL; see :class:`~claimdesk.store.database.postgres.lookup_memory.LookupMemory`)."""
    if dialect_of(db).is_postgres:
        from claimdesk.store.database.postgres.search_index import forget_lookups as forget

        forget(db)
