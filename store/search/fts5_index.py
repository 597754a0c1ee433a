"""The SQLite side of the full-text index seam: FTS5 tables ``claims_fts`` and
``factchecks_fts`` (migrations ``m001``, ``m002``, ``m003``; tokenizer ``unicode61
remove_diacritics 2``) and their ``fts5vocab`` views.

A match expression (see :mod:`~claimdesk.store.search.text_index`) is FTS5 syntax
already, so it is passed to ``MATCH`` as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import sqlite_utils

from claimdesk.store.database.row_mapping import named_cursor

if TYPE_CHECKING:
    from claimdesk.store.search.text_index import IndexedTable, SortKey


class Fts5Index:
    """The FTS5 index of ``table`` on the SQLite connection ``db``."""

    expanded_from = 4
    """Prefixes of one to three letters have FTS5 prefix indexes of their own (migration
    ``m002``): only longer ones are expanded..."""
    most_expanded = 64
    """...into at most this many terms."""

    def __init__(self, db: sqlite_utils.Database, table: IndexedTable) -> None:
        self.db = db
        self.table: IndexedTable = table
        self.fts = f"{table}_fts"

    def term_counts(self) -> list[tuple[str, int, int]]:
        """Every term with its row and occurrence counts, from an ``fts5vocab`` table (kept in
        the connection's temp schema, so no migration is needed); one scan of the index."""
        self.db.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{self.fts}_terms"
            f" USING fts5vocab(main, {self.fts}, row)"
        )
        rows: list[tuple[str, int, int]] = self.db.execute(
            f"SELECT term, doc, cnt FROM temp.{self.fts}_terms"
        ).fetchall()
        return rows

    def postings(self, match: str) -> list[int]:
        """Ids of the rows matching ``match``."""
        fts = self.fts
        # one string per phrase: far cheaper than a Python row per posting
        found = self.db.execute(
            f"SELECT group_concat(rowid) FROM {fts} WHERE {fts} MATCH ?", [match]
        ).fetchone()[0]
        return list(map(int, found.split(","))) if found else []

    def postings_many(self, matches: Sequence[str]) -> list[list[int]]:
        """:meth:`postings` of each of ``matches``, one after the other (in process, a query
        costs no round trip)."""
        return [self.postings(match) for match in matches]

    def any_match(self, match: str) -> bool:
        """Whether any row matches ``match``."""
        fts = self.fts
        row = self.db.execute(f"SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT 1", [match])
        return row.fetchone() is not None

    def newest_matches(
        self,
        match: str,
        phrase: str,
        cap: int,
        where: str,
        word_rows: Sequence[int] | None = None,
        typed: str | None = None,
    ) -> list[SortKey]:
        """Sort keys of the newest ``cap`` matching rows that satisfy ``where``: FTS5 walks its
        index newest first and stops there (``word_rows`` and ``typed`` are not needed)."""
        fts = self.fts
        rows: list[SortKey] = self.db.execute(
            "SELECT instr(c.norm, ?) = 0, length(c.norm), -c.id"
            f" FROM {fts} JOIN {self.table} c ON c.id = {fts}.rowid"
            f" WHERE {fts} MATCH ? AND {where}"
            f" ORDER BY {fts}.rowid DESC LIMIT ?",
            [phrase, match, cap],
        ).fetchall()
        return rows

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
        """The best ``best`` of the newest ``cap`` matching rows, best first: ``columns`` over
        the table aliased ``c`` and ``joins`` (an ``IN`` list: SQLite plans it in no time)."""
        keys = self.newest_matches(match, phrase, cap, where)
        keys.sort()
        ids = [-key[2] for key in keys[:best]]
        if not ids:
            return []
        rows = (
            named_cursor(self.db)
            .execute(
                f"SELECT c.id AS best_row, {columns} FROM {self.table} c {joins}"
                f" WHERE c.id IN ({', '.join('?' * len(ids))})",
                ids,
            )
            .fetchall()
        )
        by_id = {row["best_row"]: row for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def best_matches(self, match: str, limit: int) -> list[int]:
        """Ids of the best ``limit`` matching rows by FTS5's bm25."""
        fts = self.fts
        rows = self.db.execute(
            f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT ?", [match, limit]
        ).fetchall()
        return [r[0] for r in rows]
