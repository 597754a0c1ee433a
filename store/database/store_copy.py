"""Copying a whole store into an empty one, table by table, ids and history kept.

:func:`copy_store` reads every record table of the source in one snapshot (what other
people commit meanwhile is not half-copied) and writes it into the destination in one
transaction (a copy that fails leaves the destination as it was). Rows keep their ids;
the id counters are carried over too, so an id given out once is never given again in
the copy either. The search indexes are not copied: the destination's own triggers
index the rows as they arrive. At the end every table's row count and content checksum
(:mod:`~claimdesk.store.database.table_checksums`) is read on both sides and compared.

    >>> from claimdesk.store import Store
    >>> source, target = Store.open(":memory:"), Store.open(":memory:")
    >>> _ = source.add_text("Officials said 40 people died on Monday.", title="Flood")
    >>> report = copy_store(source, target)
    >>> report.matched, report.table("claims").source_rows
    (True, 1)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from claimdesk.store.database.connections import write_transaction
from claimdesk.store.database.table_checksums import TableDigest
from claimdesk.store.errors import StoreError

RECORD_TABLES = (
    "meta",
    "documents",
    "claims",
    "events",
    "aliases",
    "removed_documents",
    "removed_claims",
    "anchors",
    "source_lines",
    "link_feedback",
    "factchecks",
    "document_origins",
    "document_marks",
    "feeds",
    "feed_entries",
    "feed_updates",
)
"""Every table that holds the desk's records, in an order that inserts a row after the rows
it refers to. Everything else in a store is derived from these (search indexes, id
counters, the migrations applied) and is rebuilt, not copied."""

SETTINGS_TABLE = "meta"
"""Holds settings a fresh store already has: copied rows replace the destination's."""

BATCH = 2000
"""Rows read and written at a time."""

Progress = Callable[[str, int, int], None]
"""Called with the table being copied, rows copied so far (all tables) and rows in all."""


class CopyError(StoreError):
    """A copy that cannot start or did not come out equal; the message is one line."""


@dataclass(frozen=True)
class TableCopy:
    """One table's rows and content checksum on both sides."""

    name: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def matched(self) -> bool:
        """Whether the destination holds exactly the source's rows."""
        return (self.source_rows, self.source_checksum) == (
            self.target_rows,
            self.target_checksum,
        )


@dataclass
class CopyReport:
    """What :func:`copy_store` copied, how long it took, and whether every table matched."""

    tables: list[TableCopy] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def matched(self) -> bool:
        """Whether every table's count and checksum agree."""
        return all(t.matched for t in self.tables)

    @property
    def rows(self) -> int:
        """Rows copied, all tables."""
        return sum(t.source_rows for t in self.tables)

    def table(self, name: str) -> TableCopy:
        """The figures of table ``name``."""
        return next(t for t in self.tables if t.name == name)

    def mismatched(self) -> list[str]:
        """Names of the tables whose count or checksum differ."""
        return [t.name for t in self.tables if not t.matched]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns_of(db: Any, table: str) -> list[str]:
    """The column names of ``table``, in name order."""
    cursor = db.execute(f"SELECT * FROM {_quoted(table)} LIMIT 0")
    return sorted(column[0] for column in cursor.description)


def row_counts(db: Any, tables: tuple[str, ...] = RECORD_TABLES) -> dict[str, int]:
    """How many rows each of ``tables`` holds."""
    return {t: db.execute(f"SELECT count(*) FROM {_quoted(t)}").fetchone()[0] for t in tables}


def records_held(db: Any) -> dict[str, int]:
    """The record tables that hold rows, with their counts (settings aside: a new store
    has them). Empty for a store nothing was written to."""
    counts = row_counts(db, tuple(t for t in RECORD_TABLES if t != SETTINGS_TABLE))
    return {t: n for t, n in counts.items() if n}


def _rows(db: Any, table: str, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    names = ", ".join(_quoted(c) for c in columns)
    cursor = db.execute(f"SELECT {names} FROM {_quoted(table)}")
    while batch := cursor.fetchmany(BATCH):
        yield [tuple(row) for row in batch]


def table_digest(db: Any, table: str, columns: list[str] | None = None) -> TableDigest:
    """Row count and content checksum of ``table`` (``columns``: all of them by default)."""
    digest = TableDigest()
    for batch in _rows(db, table, columns or columns_of(db, table)):
        digest.add_all(batch)
    return digest


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(_quoted(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})"
    if table == SETTINGS_TABLE:
        sql += " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    return sql


def _insert_many(db: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
    db.conn.executemany(sql, rows)


def ids_given_out(db: Any) -> dict[str, int]:
    """The highest id each table's counter has given out (removed rows' ids included)."""
    rows = db.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    return {name: int(seq) for name, seq in rows if name in RECORD_TABLES}


def keep_ids_given_out(db: Any, given: dict[str, int]) -> None:
    """Make every counter start past ``given`` (never lower one that is already higher)."""
    for table, top in given.items():
        updated = db.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", [top, table]
        )
        if updated.rowcount == 0:
            db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, top])


@contextmanager
def snapshot(db: Any) -> Iterator[Any]:
    """Read ``db`` as of one moment for the whole block (a read transaction)."""
    db.execute("BEGIN")
    try:
        yield db
    finally:
        db.execute("ROLLBACK")


def _check_columns(source: Any, target: Any) -> dict[str, list[str]]:
    layout = {}
    for table in RECORD_TABLES:
        mine, theirs = columns_of(source, table), columns_of(target, table)
        if mine != theirs:
            only = sorted(set(mine) ^ set(theirs))
            raise CopyError(
                f"cannot copy: table {table} has different columns in the source and the"
                f" destination ({', '.join(only)}); open both with this claimdesk first"
            )
        layout[table] = mine
    return layout


def copy_store(source: Any, target: Any, progress: Progress | None = None) -> CopyReport:
    """Copy every record of the store ``source`` into the empty store ``target``.

    Raises :class:`CopyError` if ``target`` already holds records or the two schemas
    differ. The report says whether every table's count and checksum matched; the caller
    decides what a mismatch means (the command says so and fails).
    """
    started = time.perf_counter()
    src, dst = source.db, target.db
    held = records_held(dst)
    if held:
        what = ", ".join(f"{n} {t}" for t, n in held.items())
        raise CopyError(f"cannot copy: the destination is not empty ({what})")
    layout = _check_columns(src, dst)
    digests: dict[str, TableDigest] = {}
    with snapshot(src):
        counts = row_counts(src)
        total, done = sum(counts.values()), 0
        with write_transaction(dst):
            for table, columns in layout.items():
                digest = digests[table] = TableDigest()
                sql = _insert_sql(table, columns)
                for batch in _rows(src, table, columns):
                    _insert_many(dst, sql, batch)
                    digest.add_all(batch)
                    done += len(batch)
                    if progress is not None:
                        progress(table, done, total)
            keep_ids_given_out(dst, ids_given_out(src))
    report = CopyReport()
    for table, columns in layout.items():
        after = table_digest(dst, table, columns)
        before = digests[table]
        report.tables.append(
            TableCopy(table, before.rows, after.rows, before.hexdigest(), after.hexdigest())
        )
    report.seconds = time.perf_counter() - started
    return report
