"""Reading whole tables as of one moment and writing rows in bulk, on either backend.

What :mod:`~claimdesk.store.database.store_copy` needs that SQLite and PostgreSQL do
differently: a read snapshot (SQLite: a read transaction in WAL mode; PostgreSQL: a
``REPEATABLE READ`` transaction), a bulk insert (``executemany``; ``COPY`` on
PostgreSQL), and the id counters (of SQLite's AUTOINCREMENT tables, kept by
:mod:`~claimdesk.store.database.schema`; PostgreSQL's identity sequences).

    >>> from claimdesk.store.database.connections import connect
    >>> from claimdesk.store.database.schema import migrate
    >>> db = connect(":memory:")
    >>> migrate(db)
    >>> insert_rows(db, "documents", ["id", "sha256", "added", "text"], [(7, "a1", "now", "x")])
    >>> counted = ("documents", "claims")
    >>> ids_given_out(db, counted)
    {'documents': 7, 'claims': 0}
    >>> keep_ids_given_out(db, counted, {"documents": 9, "claims": 40})
    >>> ids_given_out(db, counted)
    {'documents': 9, 'claims': 40}
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

import sqlite_utils

from claimdesk.store.database import schema
from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.handle import Database

BATCH = 2000
"""Rows read and written at a time."""


def quoted(name: str) -> str:
    """``name`` as a quoted identifier (``"end"`` is a keyword on both backends)."""
    return '"' + name.replace('"', '""') + '"'


@contextmanager
def snapshot(db: Database) -> Iterator[Database]:
    """Read ``db`` as of one moment for the whole block (a read-only transaction)."""
    postgres = dialect_of(db).is_postgres
    db.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" if postgres else "BEGIN")
    try:
        yield db
    finally:
        db.conn.execute("ROLLBACK")


def read_batches(db: Database, table: str, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    """Every row of ``table`` (``columns`` in that order), :data:`BATCH` rows at a time."""
    names = ", ".join(quoted(c) for c in columns)
    rows = iter(db.execute(f"SELECT {names} FROM {quoted(table)}"))
    while batch := [tuple(row) for row in islice(rows, BATCH)]:
        yield batch


def insert_rows(
    db: Database, table: str, columns: list[str], rows: list[tuple[Any, ...]], upsert: str = ""
) -> None:
    """Insert ``rows`` into ``table``; ``upsert``: the key column whose rows already there
    are replaced (otherwise a row with a key already there is an error)."""
    names = ", ".join(quoted(c) for c in columns)
    if dialect_of(db).is_postgres and not upsert:
        raw = db.conn.raw  # type: ignore[attr-defined]  # PostgresConnection's psycopg connection
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {quoted(table)} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    sql = f"INSERT INTO {quoted(table)} ({names}) VALUES ({', '.join('?' for _ in columns)})"
    if upsert:
        updates = ", ".join(f"{quoted(c)} = excluded.{quoted(c)}" for c in columns if c != upsert)
        sql += f" ON CONFLICT ({quoted(upsert)}) DO UPDATE SET {updates}"
    db.conn.executemany(sql, rows)


def after_bulk_load(db: Database) -> None:
    """Bring the planner's statistics up to date after a bulk load, search index tables
    included (PostgreSQL plans from them, and autovacuum analyses a freshly filled table
    only some time later). SQLite keeps the plans it had."""
    if dialect_of(db).is_postgres:
        db.execute("ANALYZE")


def ids_given_out(db: Database, tables: tuple[str, ...]) -> dict[str, int]:
    """The highest id each of ``tables``' counters has given out (removed rows' ids
    included), for the tables that have a counter."""
    if isinstance(db, sqlite_utils.Database):
        return {t: n for t, n in schema.id_counters(db).items() if t in tables}
    from claimdesk.store.database.postgres import id_counters
    from claimdesk.store.database.postgres.adapter import PostgresDatabase

    assert isinstance(db, PostgresDatabase)
    return id_counters.ids_given_out(db, tables)


def keep_ids_given_out(db: Database, tables: tuple[str, ...], given: dict[str, int]) -> None:
    """Make the counter of each of ``tables`` start past ``given`` and past every id the
    table holds (never lowering one that is higher); tables without one are left alone."""
    if isinstance(db, sqlite_utils.Database):
        schema.raise_id_counters(db, tables, given)
        return
    from claimdesk.store.database.postgres import id_counters
    from claimdesk.store.database.postgres.adapter import PostgresDatabase

    assert isinstance(db, PostgresDatabase)
    id_counters.raise_id_counters(db, tables, given)
