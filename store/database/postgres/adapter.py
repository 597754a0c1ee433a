"""A psycopg 3 connection dressed as the part of a sqlite-utils ``Database`` the store uses.

The store's SQL uses ``?`` placeholders; :func:`to_pyformat` turns them into psycopg's
``%s`` (and doubles every literal ``%``), once per statement text. The connection runs
in autocommit mode: a statement outside :func:`~claimdesk.store.database.connections.write_transaction`
or :meth:`PostgresDatabase.atomic` commits on its own, as on SQLite.

>>> to_pyformat("SELECT id FROM claims WHERE text LIKE '%?%' AND id > ?")
"SELECT id FROM claims WHERE text LIKE '%%?%%' AND id > %s"
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import pq
from psycopg.adapt import Loader
from psycopg.rows import RowMaker


@functools.lru_cache(maxsize=4096)
def to_pyformat(sql: str) -> str:
    """``sql`` with ``?`` placeholders as ``%s`` and literal ``%`` as ``%%``.

    A ``?`` inside a quoted string or identifier is text, not a placeholder.
    """
    out: list[str] = []
    quote = ""
    for ch in sql:
        if ch == "%":
            out.append("%%")
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append(ch)
    return "".join(out)


class NumericLoader(Loader):
    """``numeric`` values (``sum`` of integers, for one) as ``int`` when whole, else ``float``:
    what SQLite returns for the same query."""

    def load(self, data: Any) -> int | float:
        """Read one ``numeric`` value from its text form."""
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


class NamedRow(tuple[Any, ...]):
    """A row read by position or by column name, like :class:`sqlite3.Row`."""

    _index: dict[str, int]
    _names: tuple[str, ...]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        """The column names, in order."""
        return list(self._names)


@functools.lru_cache(maxsize=256)
def _row_type(names: tuple[bytes, ...]) -> type[NamedRow]:
    decoded = tuple(name.decode() for name in names)
    index: dict[str, int] = {}
    for i, name in enumerate(decoded):
        index.setdefault(name, i)
    return type("Row", (NamedRow,), {"_index": index, "_names": decoded})


def named_rows(cursor: psycopg.Cursor[Any]) -> RowMaker[NamedRow]:
    """A psycopg row factory making :class:`NamedRow` rows (one row type per list of column
    names, read from the result itself: the cursor's description builds an object per
    column, a tenth of a millisecond for a claim's 25 on every statement). A name selected
    twice reads its first column, as :class:`sqlite3.Row` does."""
    result = cursor.pgresult
    names = tuple(result.fname(i) or b"" for i in range(result.nfields)) if result else ()
    row_type = _row_type(names)

    def make(values: Sequence[Any]) -> NamedRow:
        row: NamedRow = row_type(values)
        return row

    return make


class PostgresCursor:
    """A psycopg cursor taking ``?`` placeholders."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self.raw = cursor

    @property
    def rowcount(self) -> int:
        """Rows the last statement changed or returned."""
        return self.raw.rowcount

    @property
    def description(self) -> Any:
        """The result's columns."""
        return self.raw.description

    def execute(self, sql: str, parameters: Any = None, /) -> PostgresCursor:
        """Run ``sql`` (``?`` placeholders) with ``parameters``."""
        if parameters is None:
            self.raw.execute(sql)
        else:
            self.raw.execute(to_pyformat(sql), _params(parameters))
        return self

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> PostgresCursor:
        """Run ``sql`` once for each row of ``parameters``."""
        self.raw.executemany(to_pyformat(sql), [_params(p) for p in parameters])
        return self

    def fetchone(self) -> Any:
        """The next row, or ``None``."""
        return self.raw.fetchone()

    def fetchall(self) -> list[Any]:
        """Every remaining row."""
        return self.raw.fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self.raw)


def _params(parameters: Any) -> Any:
    if isinstance(parameters, dict):
        return parameters
    return tuple(parameters)


class PostgresConnection:
    """The connection beneath a :class:`PostgresDatabase` (what ``db.conn`` is)."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open (or failed and not yet rolled back)."""
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def cursor(self) -> PostgresCursor:
        """A new cursor."""
        return PostgresCursor(self.raw.cursor())

    def named_cursor(self) -> PostgresCursor:
        """A new cursor whose rows are read by column name too."""
        return PostgresCursor(self.raw.cursor(row_factory=named_rows))

    def execute(self, sql: str, parameters: Any = None, /) -> PostgresCursor:
        """Run one statement."""
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> PostgresCursor:
        """Run one statement for each parameter row."""
        return self.cursor().executemany(sql, parameters)

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()


class PostgresDatabase:
    """One thread's connection to a PostgreSQL store, shaped like the sqlite-utils
    ``Database`` subset of :class:`~claimdesk.store.database.handle.Database`."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.conn = PostgresConnection(raw)

    @classmethod
    def connect(cls, url: str) -> PostgresDatabase:
        """Open a connection to the database at ``url`` (autocommit; numerics as numbers)."""
        raw = psycopg.connect(url, autocommit=True)
        raw.adapters.register_loader("numeric", NumericLoader)
        return cls(raw)

    def execute(self, sql: str, parameters: Any = None) -> PostgresCursor:
        """Run one statement with ``?`` placeholders."""
        return self.conn.execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any]) -> PostgresCursor:
        """Run one statement for each parameter row."""
        return self.conn.executemany(sql, parameters)

    @contextmanager
    def atomic(self) -> Iterator[PostgresDatabase]:
        """A transaction (a savepoint inside one) that commits when the block ends."""
        conn = self.conn
        if conn.in_transaction:
            name = f"a{secrets.token_hex(8)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def table_names(self) -> list[str]:
        """The store's tables (in the connection's schema), sorted."""
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            " ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]
