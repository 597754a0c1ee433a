"""How the statements of a PostgreSQL keystroke lookup (see
:mod:`~claimdesk.store.database.postgres.newest_lookup`) return what they found: every
matching row's sort key (:class:`KeyReader`), or only the best few rows, whole, with how
many matched (:class:`BestReader`).

A keystroke search ranks the newest 250 matching claims and shows the best 50: read
whole in the lookup's own statement, they cost no statement of their own (a round trip,
and 0.75 ms of a keystroke's 7 on the benchmark's server). The best of all the rows a
lookup's statements found are among the best of each statement's, so nothing is lost
when a lookup takes more than one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import named_cursor
from claimdesk.store.search.text_index import SortKey

SORT_KEY = "strpos(c.norm, ?) = 0, length(c.norm), -c.id"
"""A row's :data:`~claimdesk.store.search.text_index.SortKey` (the typed phrase its
parameter), over the indexed table aliased ``c``."""


@dataclass
class Batch:
    """What one statement found: how many rows (at most its cap), the lowest id among them,
    how many rows matched in all when it counted them, and its keys or rows."""

    count: int = 0
    lowest: int = 0
    matched: int = 0
    items: list[Any] = field(default_factory=list)


@dataclass
class Inner:
    """A lookup statement's rows: ``source`` (after ``FROM``, the indexed table aliased
    ``c``, newest first), its ``params``, ``cap`` (its rows beyond it are not the lookup's),
    and a ``WITH`` list before it (``before``, ``before_params``) whose ``m`` counts the
    matches in all when ``counted``."""

    source: str
    params: list[object]
    cap: int
    before: str = ""
    before_params: list[object] = field(default_factory=list)
    counted: bool = False


class Reader(Protocol):
    """Runs a lookup statement and reads what it found."""

    def read(self, db: Database, table: str, phrase: str, inner: Inner) -> Batch:
        """The :class:`Batch` of ``inner`` in ``table`` for the typed ``phrase``."""
        ...


class KeyReader:
    """Reads every row's sort key."""

    def read(self, db: Database, table: str, phrase: str, inner: Inner) -> Batch:
        """The sort keys of ``inner``'s rows, newest first."""
        counted = ", (SELECT count(*) FROM m)" if inner.counted else ""
        before = f"WITH {inner.before} " if inner.before else ""
        rows = db.execute(
            f"{before}SELECT {SORT_KEY}{counted} FROM {inner.source}",
            [*inner.before_params, phrase, *inner.params],
        ).fetchall()[: inner.cap]
        keys: list[SortKey] = [(bool(r[0]), int(r[1]), int(r[2])) for r in rows]
        matched = int(rows[0][3]) if rows and inner.counted else 0
        return Batch(len(keys), -keys[-1][2] if keys else 0, matched, keys)


@dataclass(frozen=True)
class BestReader:
    """Reads the ``best`` rows by sort key, whole: ``columns`` selected over the indexed
    table aliased ``c`` and ``joins`` after it (each row also holds its key as
    ``sort_absent``, ``sort_length`` and ``sort_id``)."""

    best: int
    columns: str
    joins: str = ""

    def read(self, db: Database, table: str, phrase: str, inner: Inner) -> Batch:
        """The best rows of ``inner``, best first, and how many rows it found."""
        counted = ", (SELECT count(*) FROM m) AS m" if inner.counted else ", 0 AS m"
        before = f"WITH {inner.before}, " if inner.before else "WITH "
        rows = (
            named_cursor(db)
            .execute(
                f"{before}k AS MATERIALIZED (SELECT strpos(c.norm, ?) = 0 AS a,"
                f" length(c.norm) AS n, -c.id AS i{counted} FROM {inner.source}),"
                " p AS (SELECT k.*, row_number() OVER (ORDER BY k.i) AS pos FROM k),"
                " b AS (SELECT p.*, count(*) OVER () AS found_rows, max(p.i) OVER () AS"
                f" found_last FROM p WHERE p.pos <= ? ORDER BY p.a, p.n, p.i LIMIT {self.best})"
                " SELECT b.a AS sort_absent, b.n AS sort_length, b.i AS sort_id, b.found_rows,"
                f" b.found_last, b.m AS found_matched, {self.columns} FROM b"
                f" JOIN {table} c ON c.id = -b.i {self.joins} ORDER BY b.a, b.n, b.i",
                [*inner.before_params, phrase, *inner.params, inner.cap],
            )
            .fetchall()
        )
        if not rows:
            return Batch()
        first = rows[0]
        return Batch(
            int(first["found_rows"]), -int(first["found_last"]), int(first["found_matched"]), rows
        )


def sort_key(row: Any) -> SortKey:
    """The sort key a :class:`BestReader` row holds."""
    return bool(row["sort_absent"]), int(row["sort_length"]), int(row["sort_id"])
