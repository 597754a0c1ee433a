"""How SQLite and PostgreSQL differ, in the few places the store's SQL must say it.

The store writes SQL once, in the subset both databases speak. Where they must
differ, call sites ask :func:`dialect_of` for the database's :class:`Dialect`
instead of looking at the driver themselves.

>>> SQLITE.begin, POSTGRES.begin
('BEGIN IMMEDIATE', 'BEGIN')
>>> POSTGRES.for_update
' FOR UPDATE'
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from claimdesk.store.database.handle import Database


@dataclass(frozen=True)
class Dialect:
    """The differences between the two backends that the store's SQL depends on."""

    name: str
    """``"sqlite"`` or ``"postgresql"``."""
    begin: str
    """The statement that opens a write transaction (SQLite takes the write lock at once)."""
    for_update: str
    """Appended to a ``SELECT`` that reads a row about to be changed, to lock it until
    the transaction ends (SQLite's write transaction already holds the only write lock)."""
    max_parameters: int
    """The most ``?`` one statement may carry."""
    digits_pattern: str
    """A condition true when the column ``{column}`` holds an ASCII digit."""
    case_insensitive_like: str
    """``LIKE`` that ignores ASCII case (SQLite's ``LIKE`` does; PostgreSQL's does not)."""
    ids_given_out: str
    """A query of the highest id ever given out in the table named by its one parameter
    (removed rows' ids included): ids are never given out twice."""
    ordered_join: str
    """An inner join that keeps the written table order (SQLite's ``CROSS JOIN`` does;
    PostgreSQL's planner orders joins itself)."""

    @property
    def is_postgres(self) -> bool:
        """Whether this is PostgreSQL."""
        return self.name == "postgresql"

    def has_digit(self, column: str) -> str:
        """A condition: ``column`` holds at least one digit 0-9.

        >>> SQLITE.has_digit("c.text"), POSTGRES.has_digit("c.text")
        ("c.text GLOB '*[0-9]*'", "c.text ~ '[0-9]'")
        """
        return self.digits_pattern.format(column=column)


SQLITE = Dialect(
    name="sqlite",
    begin="BEGIN IMMEDIATE",
    for_update="",
    max_parameters=32766,
    digits_pattern="{column} GLOB '*[0-9]*'",
    case_insensitive_like="LIKE",
    ids_given_out="SELECT seq FROM sqlite_sequence WHERE name = ?",
    ordered_join="CROSS JOIN",
)
"""SQLite (3.35 or newer: ``ON CONFLICT`` and ``RETURNING``)."""

POSTGRES = Dialect(
    name="postgresql",
    begin="BEGIN",
    for_update=" FOR UPDATE",
    max_parameters=65535,
    digits_pattern="{column} ~ '[0-9]'",
    case_insensitive_like="ILIKE",
    ids_given_out="SELECT coalesce(last_value, 0) FROM pg_sequences"
    " WHERE schemaname = current_schema() AND sequencename = ? || '_id_seq'",
    ordered_join="JOIN",
)
"""PostgreSQL (13 or newer) through psycopg 3."""


def dialect_of(db: Database) -> Dialect:
    """The dialect ``db`` speaks (only PostgreSQL connections are not sqlite-utils ones)."""
    return SQLITE if isinstance(db, sqlite_utils.Database) else POSTGRES


def is_postgres_url(target: str) -> bool:
    """Whether ``target`` names a PostgreSQL database rather than a SQLite file.

    >>> is_postgres_url("postgresql://desk@db.example/claims"), is_postgres_url("news.db")
    (True, False)
    """
    return target.startswith(("postgresql://", "postgres://"))


def redacted(target: str) -> str:
    """``target`` to show: a URL's password replaced by ``***``.

    >>> redacted("postgresql://desk:secret@db.example:5432/claims")
    'postgresql://desk:***@db.example:5432/claims'
    >>> redacted("news.db")
    'news.db'
    """
    if not is_postgres_url(target):
        return target
    scheme, _, rest = target.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not at or ":" not in userinfo:
        return target
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}"
