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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimdesk.store.database.bulk_rows import (
    after_bulk_load,
    ids_given_out,
    insert_rows,
    keep_ids_given_out,
    quoted,
    read_batches,
    snapshot,
)
from claimdesk.store.database.connections import write_transaction
from claimdesk.store.database.handle import Database
from claimdesk.store.database.table_checksums import TableDigest
from claimdesk.store.errors import StoreError

if TYPE_CHECKING:
    from claimdesk.store.store import Store

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
counters, the migrations applied, the fact-checks' meaning vectors) and is rebuilt, not
copied."""

SETTINGS_TABLE = "meta"
"""Holds settings a fresh store already has: copied rows replace the destination's."""

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


def columns_of(db: Database, table: str) -> list[str]:
    """The column names of ``table``, in name order."""
    cursor = db.execute(f"SELECT * FROM {quoted(table)} LIMIT 0")
    return sorted(column[0] for column in cursor.description)


def row_counts(db: Database, tables: tuple[str, ...] = RECORD_TABLES) -> dict[str, int]:
    """How many rows each of ``tables`` holds."""
    return {t: db.execute(f"SELECT count(*) FROM {quoted(t)}").fetchone()[0] for t in tables}


def records_held(db: Database) -> dict[str, int]:
    """The record tables that hold rows, with their counts (settings aside: a new store
    has them). Empty for a store nothing was written to."""
    counts = row_counts(db, tuple(t for t in RECORD_TABLES if t != SETTINGS_TABLE))
    return {t: n for t, n in counts.items() if n}


def table_digest(db: Database, table: str, columns: list[str] | None = None) -> TableDigest:
    """Row count and content checksum of ``table`` (``columns``: all of them by default)."""
    digest = TableDigest()
    for batch in read_batches(db, table, columns or columns_of(db, table)):
        digest.add_all(batch)
    return digest


def _check_columns(source: Database, target: Database) -> dict[str, list[str]]:
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


def copy_store(source: Store, target: Store, progress: Progress | None = None) -> CopyReport:
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
                upsert = "key" if table == SETTINGS_TABLE else ""
                for batch in read_batches(src, table, columns):
                    insert_rows(dst, table, columns, batch, upsert)
                    digest.add_all(batch)
                    done += len(batch)
                    if progress is not None:
                        progress(table, done, total)
            keep_ids_given_out(dst, RECORD_TABLES, ids_given_out(src, RECORD_TABLES))
    after_bulk_load(dst)
    report = CopyReport()
    for table, columns in layout.items():
        after = table_digest(dst, table, columns)
        before = digests[table]
        report.tables.append(
            TableCopy(table, before.rows, after.rows, before.hexdigest(), after.hexdigest())
        )
    report.seconds = time.perf_counter() - started
    return report
