"""SQLite connections: one per thread, WAL, busy timeout, foreign keys on.

:class:`Connections` is the handle the store's parts share: the ingest writer,
keystroke search and the related-claims engine each get it (not the ``Store``)
and ask it for the calling thread's database and the corpus generation.

>>> from claimdesk.store.database.connections import Connections
>>> from claimdesk.store.database.schema import migrate
>>> conns = Connections("file:connections-example?mode=memory&cache=shared")
>>> migrate(conns.db)
>>> conns.generation()
0
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import sqlite_utils

from claimdesk.store.database.generation import generation

BUSY_TIMEOUT_MS = 5000


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open one configured connection to ``path`` (":memory:" allowed)."""
    path = str(path)
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=True, uri=path.startswith("file:")
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if path != ":memory:" and "mode=memory" not in path:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")
    return sqlite_utils.Database(conn)


class Connections:
    """Hands every thread its own connection to one database file.

    Textual workers run in threads; SQLite connections must not cross threads,
    so each thread that touches the store gets (and keeps) its own.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._all: list[sqlite_utils.Database] = []
        self._lock = threading.Lock()

    @property
    def db(self) -> sqlite_utils.Database:
        """The calling thread's connection, opened on first use."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = connect(self.path)
            self._local.db = db
            with self._lock:
                self._all.append(db)
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
