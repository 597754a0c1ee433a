"""What the store's code may ask of a database connection, on either backend.

A :class:`Database` is what :attr:`Connections.db
<claimdesk.store.database.connections.Connections.db>` hands out: a sqlite-utils
``Database`` on SQLite, a :class:`~claimdesk.store.database.postgres.adapter.PostgresDatabase`
on PostgreSQL. Code written against this protocol runs on both; code that needs more of
sqlite-utils (the SQLite schema, its health checks) takes ``sqlite_utils.Database``.

SQL passed through it is the portable subset both speak: ``?`` placeholders,
``INSERT ... ON CONFLICT``, ``RETURNING id``; where the two differ, the
:class:`~claimdesk.store.database.dialect.Dialect` says how.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Cursor(Protocol):
    """The result of one statement: its rows, and how many rows it changed."""

    @property
    def rowcount(self) -> int:
        """Rows the statement changed (-1 when unknown)."""

    @property
    def description(self) -> Any:
        """The result's columns (their names first), or ``None`` for no result."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor:
        """Run ``sql`` on this cursor."""

    def fetchone(self) -> Any:
        """The next row, or ``None``."""

    def fetchall(self) -> list[Any]:
        """Every remaining row."""

    def __iter__(self) -> Iterator[Any]:
        """The remaining rows, one by one."""


class Connection(Protocol):
    """The driver connection beneath a :class:`Database`."""

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open on this connection."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor:
        """Run one statement."""

    def executemany(self, sql: str, parameters: Any, /) -> Cursor:
        """Run one statement once for each parameter row."""

    def cursor(self) -> Cursor:
        """A new cursor."""

    def close(self) -> None:
        """Close the connection."""


class Database(Protocol):
    """One thread's connection to the store, as the store's code uses it."""

    @property
    def conn(self) -> Connection:
        """The driver connection."""

    def execute(self, sql: str, parameters: Any = None) -> Cursor:
        """Run one statement with ``?`` placeholders."""

    def atomic(self) -> AbstractContextManager[Any]:
        """A block whose statements commit together (a savepoint when nested)."""
