"""The PostgreSQL side of the full-text index seam: ``tsvector`` + GIN and a term table
kept by triggers (see :mod:`~claimdesk.store.database.postgres.index_migrations`); match
expressions become ``tsquery`` texts (:mod:`~claimdesk.store.database.postgres.tsquery`);
a keystroke's newest matches are found as
:mod:`~claimdesk.store.database.postgres.newest_lookup` plans.
"""

from __future__ import annotations

import math
import time
import weakref
from collections.abc import Sequence
from typing import Any

from claimdesk.store.database.handle import Database
from claimdesk.store.database.postgres.bm25 import bm25_order
from claimdesk.store.database.postgres.lookup_memory import forget_lookups
from claimdesk.store.database.postgres.lookup_readers import BestReader, KeyReader, sort_key
from claimdesk.store.database.postgres.newest_lookup import QUERY, NewestLookup
from claimdesk.store.database.postgres.tsquery import (
    PIECE,
    TOKEN,
    MatchSyntaxError,
    tsquery_text,
)
from claimdesk.store.search.text_index import IndexedTable, SortKey

NEWEST_WINDOW = 2000
"""How many of the newest rows :meth:`PostgresTextIndex.newest_matches` reads first, at
least."""

SIZE_SECONDS = 60.0
"""How long the table's row count (for the window's size) is kept before it is read again."""

_SIZES: weakref.WeakKeyDictionary[Database, dict[str, tuple[float, float, int, bool]]] = (
    weakref.WeakKeyDictionary()
)
"""Per connection and table: its row count (``pg_class.reltuples``), when it was read, its
highest id and whether its rows are bucketed."""

__all__ = ["MatchSyntaxError", "PostgresTextIndex", "forget_lookups", "tsquery_text"]


class PostgresTextIndex:
    """The full-text index of ``table`` on a PostgreSQL connection ``db``; ``window``: how many
    of the newest rows :meth:`newest_matches` tries first."""

    expanded_from = 1
    """Any prefix is expanded into the terms it begins when they are few: a GIN index looks
    a prefix up by merging the posting lists of every term it begins whole, in every bucket
    again (``'people' & 'wo':*``: 3.5 ms in one bucket, its four terms ORed 0.7 ms; through
    the whole index 9.1 and 6.3 ms)..."""
    most_expanded = 8
    """...but not when they are many: every lexeme is looked up in each bucket and checked on
    each row read (``pres``, 49 terms, read from the newest rows: 25.8 ms ORed, 4.2 ms as a
    prefix)."""

    def __init__(self, db: Database, table: IndexedTable, window: int = NEWEST_WINDOW) -> None:
        self.db = db
        self.table: IndexedTable = table
        self.window = window

    def _query(self) -> str:
        return QUERY

    def term_counts(self) -> list[tuple[str, int, int]]:
        """Every term with its row and occurrence counts, from the term table."""
        rows = self.db.execute(f"SELECT term, rows, occurrences FROM {self.table}_terms")
        return [(term, int(n), int(k)) for term, n, k in rows.fetchall()]

    def postings(self, match: str) -> list[int]:
        """Ids of the rows matching ``match`` (one array, not a Python row per posting)."""
        found = self.db.execute(
            f"SELECT array_agg(id) FROM {self.table}_search WHERE vector @@ {self._query()}",
            [tsquery_text(match)],
        ).fetchone()[0]
        return list(found) if found else []

    def postings_many(self, matches: Sequence[str]) -> list[list[int]]:
        """:meth:`postings` of each of ``matches``, in one statement (each looked up in the GIN
        index in turn: one round trip instead of one per expression)."""
        if not matches:
            return []
        rows = self.db.execute(
            f"SELECT (SELECT array_agg(s.id) FROM {self.table}_search s"
            " WHERE s.vector @@ to_tsquery('claimdesk', q.t))"
            " FROM unnest(?::text[]) WITH ORDINALITY AS q (t, i) ORDER BY q.i",
            [[tsquery_text(match) for match in matches]],
        ).fetchall()
        return [list(found) if found else [] for (found,) in rows]

    def any_match(self, match: str) -> bool:
        """Whether any row matches ``match``."""
        row = self.db.execute(
            f"SELECT 1 FROM {self.table}_search WHERE vector @@ {self._query()} LIMIT 1",
            [tsquery_text(match)],
        ).fetchone()
        return row is not None

    def newest_matches(
        self,
        match: str,
        phrase: str,
        cap: int,
        where: str,
        word_rows: Sequence[int] | None = None,
        typed: str | None = None,
    ) -> list[SortKey]:
        """Sort keys of the newest ``cap`` rows matching ``match`` that satisfy ``where``,
        newest first, found as :class:`NewestLookup` plans from ``word_rows`` (at most how
        many rows hold each word ``match`` ANDs) and from what the keystrokes before found
        (remembered by ``typed``, ``match`` before its prefixes were expanded)."""
        lookup = NewestLookup(self, match, phrase, cap, where, word_rows, typed, KeyReader())
        return [key for batch in lookup.run() for key in batch.items]

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
        """The best ``best`` of the newest ``cap`` matching rows (as :meth:`newest_matches`
        finds them), whole and best first: ``columns`` over the table aliased ``c`` and
        ``joins``, read in the lookup's own statements."""
        reader = BestReader(best, columns, joins)
        lookup = NewestLookup(self, match, phrase, cap, where, word_rows, typed, reader)
        rows = [row for batch in lookup.run() for row in batch.items]
        rows.sort(key=sort_key)
        return rows[:best]

    def newest_id(self) -> int:
        """The highest id in the table (read once a minute with the row count: a stretch above
        a stale one holds the rows added since, and is read first)."""
        self.rows()
        return _SIZES[self.db][self.table][2]

    def rows(self) -> float:
        """About how many rows the table has (the planner's figure, read once a minute)."""
        sizes = _SIZES.setdefault(self.db, {})
        known = sizes.get(self.table)
        now = time.monotonic()
        if known is None or now - known[1] > SIZE_SECONDS:
            rows, top, bucketed = self.db.execute(
                f"SELECT (SELECT reltuples FROM pg_class WHERE oid = '{self.table}_search'::regclass),"
                f" (SELECT coalesce(max(id), 0) FROM {self.table}_search),"
                " EXISTS (SELECT 1 FROM pg_attribute WHERE attname = 'bucket'"
                f" AND attrelid = '{self.table}_search'::regclass AND NOT attisdropped)"
            ).fetchone()
            # a table never analysed has no row count (-1): its highest id stands in for it
            counted = float(rows) if rows is not None and rows > 0 else float(top)
            known = sizes[self.table] = (counted, now, int(top), bool(bucketed))
        return known[0]

    def bucketed(self) -> bool:
        """Whether the table's rows are bucketed (step ``p105``; a store opened without its
        migrations, by ``claimdesk check``, may predate it)."""
        self.rows()
        return _SIZES[self.db][self.table][3]

    def best_matches(self, match: str, limit: int) -> list[int]:
        """Ids of the best ``limit`` matching rows by FTS5's bm25, computed here over the
        matching rows' tokens (ties: the lower id first)."""
        rows = self.db.execute(
            f"SELECT c.id, c.norm FROM {self.table}_search s JOIN {self.table} c ON c.id = s.id"
            f" WHERE s.vector @@ {self._query()}",
            [tsquery_text(match)],
        ).fetchall()
        if not rows:
            return []
        phrases = [(TOKEN.findall(p), bool(star)) for p, star, *_ in PIECE.findall(match) if p]
        total, tokens = self.db.execute(
            f"SELECT (SELECT count(*) FROM {self.table}),"
            f" (SELECT coalesce(sum(occurrences), 0) FROM {self.table}_terms)"
        ).fetchone()
        average = int(tokens) / max(int(total), 1)
        weights = [self._idf(words, star, int(total)) for words, star in phrases]
        return bm25_order(rows, phrases, weights, average)[:limit]

    def _idf(self, phrase: list[str], star: bool, total: int) -> float:
        quoted = '"' + " ".join(phrase) + '"' + ("*" if star else "")
        rows = self.db.execute(
            f"SELECT count(*) FROM {self.table}_search WHERE vector @@ {self._query()}",
            [tsquery_text(quoted)],
        ).fetchone()[0]
        return max(math.log((total - rows + 0.5) / (rows + 0.5)), 1e-6)
