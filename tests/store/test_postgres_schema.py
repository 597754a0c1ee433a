"""The PostgreSQL store's schema: the same tables and columns as the SQLite schema, numbered
migrations recorded once and a newer store refused, the event log append-only even for
its owner, and ``?`` placeholders read as psycopg's."""

from __future__ import annotations

import psycopg
import pytest

from claimdesk.store import Store
from claimdesk.store.database.connections import connect
from claimdesk.store.database.postgres import migrations
from claimdesk.store.database.postgres.adapter import PostgresDatabase, to_pyformat
from claimdesk.store.database.schema import migrate
from claimdesk.store.errors import NewerStoreError

SQLITE_ONLY_TABLES = {"_sqlite_migrations", "sqlite_sequence"}
"""SQLite's own bookkeeping; the full-text index tables (``*_fts*``) are the search index's."""

TYPE_CLASSES = {
    "INTEGER": "integer",
    "BIGINT": "integer",
    "REAL": "real",
    "DOUBLE PRECISION": "real",
    "TEXT": "text",
    "BLOB": "bytes",
    "BYTEA": "bytes",
}


def sqlite_columns() -> dict[str, dict[str, tuple[str, bool]]]:
    db = connect(":memory:")
    migrate(db)
    tables = {}
    for table in db.table_names():
        if table in SQLITE_ONLY_TABLES or "_fts" in table:
            continue
        rows = db.execute(f"PRAGMA table_info({table})").fetchall()
        tables[table] = {
            name: (TYPE_CLASSES[kind.upper()], bool(notnull or pk))
            for _, name, kind, notnull, _, pk in rows
        }
    return tables


def postgres_columns(db: PostgresDatabase) -> dict[str, dict[str, tuple[str, bool]]]:
    tables: dict[str, dict[str, tuple[str, bool]]] = {}
    rows = db.execute(
        "SELECT table_name, column_name, upper(data_type), is_nullable"
        " FROM information_schema.columns WHERE table_schema = current_schema()"
    ).fetchall()
    for table, name, kind, nullable in rows:
        tables.setdefault(table, {})[name] = (TYPE_CLASSES[kind], nullable == "NO")
    return tables


def records_only(url: str) -> PostgresDatabase:
    """A database holding the records steps' tables and nothing else."""
    db = PostgresDatabase.connect(url)
    for step in migrations.RECORDS_STEPS:
        with db.atomic():
            step.apply(db)
    return db


def test_the_records_tables_mirror_the_sqlite_schema(pg_dsn):
    desk = postgres_columns(records_only(pg_dsn))
    assert sorted(desk) == sorted(sqlite_columns())
    for table, columns in sqlite_columns().items():
        assert desk[table] == columns, table


def test_migrations_are_recorded_once_and_a_newer_store_is_refused(pg_dsn):
    store = Store.open(pg_dsn)
    names = [step.name for step in migrations.all_steps()]
    assert migrations.applied(store.db) == names
    store.close()
    again = Store.open(pg_dsn)  # nothing pending: nothing applied twice
    assert migrations.applied(again.db) == names
    again.db.execute("INSERT INTO claimdesk_migrations (name) VALUES ('p999_from_the_future')")
    again.close()
    with pytest.raises(NewerStoreError, match="p999_from_the_future"):
        Store.open(pg_dsn)


def test_the_event_log_refuses_updates_and_deletes_even_from_its_owner(pg_dsn):
    store = Store.open(pg_dsn, actor="ana")
    doc = store.add_text("Officials said 40 people died on Monday.", title="Flood")
    claim = store.claims(doc.doc_id)[0]
    store.set_status(claim.id, "verified")
    for sql in ("UPDATE events SET actor = 'mallory'", "DELETE FROM events", "TRUNCATE events"):
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            store.db.execute(sql)
    assert [(e.actor, e.new) for e in store.history(claim.id)] == [("ana", "verified")]


def test_the_actor_is_the_database_role_unless_named(pg_dsn):
    assert Store.open(pg_dsn).actor == "postgres"
    assert Store.open(pg_dsn, actor="ana").actor == "ana"


def test_placeholders_outside_quotes_become_psycopg_ones():
    assert to_pyformat("SELECT '?', \"a?\" FROM t WHERE x = ? AND y LIKE '5%'") == (
        "SELECT '?', \"a?\" FROM t WHERE x = %s AND y LIKE '5%%'"
    )
