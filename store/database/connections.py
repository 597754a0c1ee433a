"""Connections: one per thread, WAL, busy timeout, foreign keys on; write transactions.

A store at a ``postgresql://`` URL gets psycopg connections instead, one per thread
too, each wrapped in :class:`~claimdesk.store.database.postgres.adapter.PostgresDatabase`;
:attr:`Connections.dialect` says which backend it is.

Every write runs in :func:`write_transaction`, which starts with ``BEGIN
IMMEDIATE``: it takes the write lock first, waiting up to the busy timeout for
another writer to finish, so a transaction never reads and then fails to
upgrade to writing (SQLite gives up at once on an upgrade that would lose a
concurrent write, whatever the timeout).

:class:`Connections` is the handle the store's parts share: the ingest writer,
keystroke search and the related-claims engine each get it (not the ``Store``)
and ask it for the calling thread's database and the corpus generation.

>>> db = connect(":memory:")
>>> with write_transaction(db):
...     _ = db.execute("CREATE TABLE t (x)")
...     _ = db.execute("INSERT INTO t VALUES (1)")
>>> db.execute("SELECT x FROM t").fetchall()
[(1,)]
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from claimdesk.store.database.dialect import POSTGRES, SQLITE, Dialect, dialect_of, is_postgres_url
from claimdesk.store.database.generation import generation
from claimdesk.store.database.handle import Database

BUSY_TIMEOUT_MS = 5000

READ_ONLY_MODES = ("ro", "immutable")
"""How a store that cannot be written is opened: read-only, else as an unchanging file
(a read-only folder, where SQLite cannot create its shared-memory file)."""


def is_memory(path: str) -> bool:
    """Whether ``path`` names an in-memory database."""
    return path == ":memory:" or "mode=memory" in path


def uri_for(path: str, mode: str) -> str:
    """The URI that opens the file ``path`` read-only (``mode`` ``"ro"`` or ``"immutable"``)."""
    absolute = Path(path).expanduser().absolute().as_posix()
    flag = "mode=ro" if mode == "ro" else "immutable=1"
    return f"file:{absolute}?{flag}"


def connect(path: str | Path, mode: str = "rw") -> sqlite_utils.Database:
    """Open one configured connection to ``path`` (":memory:" allowed).

    ``mode`` ``"ro"`` or ``"immutable"`` opens an existing file read-only.
    """
    path = str(path)
    target = path if mode == "rw" else uri_for(path, mode)
    conn = sqlite3.connect(
        target,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=True,
        uri=target.startswith("file:"),
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if mode == "rw" and not is_memory(path):
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")
    return sqlite_utils.Database(conn)


def connect_url(url: str) -> Database:
    """Open one connection to the PostgreSQL database at ``url``."""
    from claimdesk.store.database.postgres.adapter import PostgresDatabase

    return PostgresDatabase.connect(url)


def open_first(path: str) -> tuple[Database, str]:
    """The first connection to ``path`` and the mode it needed: ``"rw"``, else read-only.

    A store in a read-only file or folder still opens, for reading. A PostgreSQL URL
    opens read-write (what its role may do is the server's to say).
    """
    if is_postgres_url(path):
        return connect_url(path), "rw"
    try:
        db = connect(path)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db, "rw"
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorname", "")
        if is_memory(path) or not Path(path).expanduser().exists():
            raise
        if not code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
    error: sqlite3.Error | None = None
    for mode in READ_ONLY_MODES:
        try:
            db = connect(path, mode)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db, mode
        except sqlite3.Error as exc:
            error = exc
    assert error is not None
    raise error


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """Run the block as one write transaction that holds the write lock from its start
    (on PostgreSQL, a transaction: rows about to change are locked as they are read).

    Nested blocks become savepoints of the outer transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        name = f"w{secrets.token_hex(8)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    conn.execute(dialect_of(db).begin)
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def read_snapshot(db: Database) -> Iterator[Database]:
    """Run the block's reads on one snapshot of the store, so rows read by several statements
    agree with each other (on PostgreSQL a repeatable-read, read-only transaction; a
    savepoint inside a transaction already open)."""
    if dialect_of(db).is_postgres and not db.conn.in_transaction:
        conn = db.conn
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield db
        finally:
            if conn.in_transaction:  # read-only: committing and rolling back are the same
                conn.execute("COMMIT")
        return
    with db.atomic():
        yield db


class Connections:
    """Hands every thread its own connection to one database file (or PostgreSQL URL).

    Textual workers run in threads; SQLite connections must not cross threads,
    so each thread that touches the store gets (and keeps) its own. ``mode`` is
    how the file opens (``"rw"``, or read-only: see :func:`open_first`).
    """

    def __init__(self, path: str | Path, mode: str = "rw") -> None:
        self.path = str(path)
        self.mode = mode
        self.dialect: Dialect = POSTGRES if is_postgres_url(self.path) else SQLITE
        self._local = threading.local()
        self._all: list[Database] = []
        self._lock = threading.Lock()

    @property
    def read_only(self) -> bool:
        """Whether the store was opened for reading only."""
        return self.mode != "rw"

    def adopt(self, db: Database) -> None:
        """Use ``db`` (already open) as the calling thread's connection."""
        self._local.db = db
        with self._lock:
            self._all.append(db)

    @property
    def db(self) -> Database:
        """The calling thread's connection, opened on first use."""
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            if self.dialect.is_postgres:
                db = connect_url(self.path)
            else:
                db = connect(self.path, self.mode)
            self.adopt(db)
        return db

    @property
    def sqlite_db(self) -> sqlite_utils.Database:
        """The calling thread's connection, for code that only SQLite runs
        (:class:`TypeError` on PostgreSQL)."""
        db = self.db
        if not isinstance(db, sqlite_utils.Database):
            raise TypeError("this needs a SQLite store")
        return db

    def generation(self) -> int:
        """A counter that changes whenever documents are added or removed."""
        return generation(self.db)

    def close(self) -> None:
        """Close the calling thread's connection (others close when their thread ends)."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None
            with self._lock:
                if db in self._all:
                    self._all.remove(db)
