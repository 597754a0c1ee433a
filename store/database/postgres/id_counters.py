"""The id counters of a PostgreSQL store: each table's identity sequence, read and raised.

Used when rows arrive with their ids (``claimdesk copy``): the counters must then start
past every id the rows carry and every id the source had given out, so an id is never
given out twice, in the copy either.
"""

from __future__ import annotations

from claimdesk.store.database.postgres.adapter import PostgresDatabase


def identity_sequences(db: PostgresDatabase, tables: tuple[str, ...]) -> dict[str, str]:
    """The sequence behind each of ``tables``' ``id`` column (tables without one left out)."""
    found = {}
    for table in tables:
        has_id = db.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? AND column_name = 'id'",
            [table],
        ).fetchone()
        if has_id:
            sequence = db.execute("SELECT pg_get_serial_sequence(?, 'id')", [table]).fetchone()[0]
            if sequence:
                found[table] = sequence
    return found


def ids_given_out(db: PostgresDatabase, tables: tuple[str, ...]) -> dict[str, int]:
    """The highest id each of ``tables``' counters has given out (0: none yet)."""
    given = {}
    for table, sequence in identity_sequences(db, tables).items():
        last, called = db.execute(f"SELECT last_value, is_called FROM {sequence}").fetchone()
        given[table] = int(last) if called else 0
    return given


def raise_id_counters(db: PostgresDatabase, tables: tuple[str, ...], given: dict[str, int]) -> None:
    """Make each of ``tables``' counters start past ``given`` and past every id the table
    holds, never lowering one that is higher."""
    for table, sequence in identity_sequences(db, tables).items():
        top = db.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]
        top = max(top, given.get(table, 0), ids_given_out(db, (table,)).get(table, 0))
        db.execute("SELECT setval(?, ?, ?)", [sequence, max(top, 1), top > 0])
