"""Turning database rows into the store's dataclasses, column by name.

Each table's fields are named once (:data:`CLAIM_FIELDS`, ...); the column lists
selected (``CLAIM_COLUMNS``) are made from those names with an ``AS`` each, and
rows come back as :class:`sqlite3.Row` (:func:`named_cursor`), so a value is read
by the name of its column, never by its place in the list.

    >>> from claimdesk.store.database.connections import connect
    >>> db = connect(":memory:")
    >>> row = named_cursor(db).execute("SELECT 1 AS id, 'x' AS title").fetchone()
    >>> row["title"], row["id"]
    ('x', 1)
"""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlite_utils

from claimdesk.store.database.handle import Cursor, Database
from claimdesk.store.database.postgres.adapter import NamedRow, PostgresDatabase
from claimdesk.store.models import (
    Claim,
    Document,
    Event,
    dates_from_json,
    figures_from_json,
    json_list,
)


def named_cursor(db: Database) -> Cursor:
    """A cursor on ``db`` whose rows are read by column name (:class:`sqlite3.Row` on SQLite)."""
    if isinstance(db, sqlite_utils.Database):
        cursor = db.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor

    assert isinstance(db, PostgresDatabase)
    return db.conn.named_cursor()


def column_list(table: str, fields: tuple[str, ...]) -> str:
    """``table."field" AS "field", ...``: each field of ``table`` (an alias) under its own name.

    >>> column_list("c", ("id", "end"))
    'c."id" AS "id", c."end" AS "end"'
    """
    return ", ".join(f'{table}."{name}" AS "{name}"' for name in fields)


CLAIM_FIELDS: tuple[str, ...] = (
    "id",
    "doc_id",
    "ordinal",
    "start",
    "end",
    "text",
    "is_claim",
    "extracted",
    "score",
    "kind",
    "source",
    "cue",
    "hedge",
    "numbers",
    "dates",
    "entities",
    "status",
    "note",
    "norm",
    "note_version",
    "status_version",
    "role",
    "heading_level",
    "boilerplate",
)
"""The ``claims`` columns that :func:`claim_from_row` reads."""

CLAIM_COLUMNS = column_list("c", CLAIM_FIELDS)
"""The select list for :func:`claim_from_row` (alias ``c`` for claims)."""


def by_name(row: sqlite3.Row | NamedRow) -> dict[str, Any]:
    """A row's values by column name, in one dict: a PostgreSQL row reads a name through a
    Python method (1 us), which was a tenth of a keystroke search's time with 50 hits, and
    :class:`sqlite3.Row` compares names one by one. A name selected twice reads its first
    column, as :class:`sqlite3.Row` does.

    >>> from claimdesk.store.database.connections import connect
    >>> by_name(named_cursor(connect(":memory:")).execute("SELECT 1 AS id, 2 AS id").fetchone())
    {'id': 1}
    """
    return dict(zip(reversed(row.keys()), reversed(tuple(row)), strict=True))


def claim_from_row(row: sqlite3.Row | NamedRow) -> Claim:
    """Build a :class:`Claim` from a row that holds :data:`CLAIM_COLUMNS`."""
    value = by_name(row)
    return Claim(
        id=value["id"],
        doc_id=value["doc_id"],
        ordinal=value["ordinal"],
        start=value["start"],
        end=value["end"],
        text=value["text"],
        is_claim=bool(value["is_claim"]),
        extracted=bool(value["extracted"]),
        score=value["score"],
        kind=value["kind"],
        source=value["source"],
        cue=value["cue"],
        hedge=value["hedge"],
        numbers=figures_from_json(value["numbers"]),
        dates=dates_from_json(value["dates"]),
        entities=tuple(json_list(value["entities"])),
        status=value["status"],
        note=value["note"],
        norm=value["norm"],
        note_version=value["note_version"],
        status_version=value["status_version"],
        role=value["role"],
        heading_level=value["heading_level"],
        boilerplate=value["boilerplate"],
    )


DOCUMENT_FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "source",
    "url",
    "published",
    "path",
    "sha256",
    "added",
    "length",
    "note",
    "note_version",
    "replaces",
    "replaced_by",
    "language",
    "disclaimer",
)
"""The ``documents`` columns that :func:`document_from_row` reads (besides the counts)."""

DOCUMENT_COLUMNS = (
    column_list("d", DOCUMENT_FIELDS) + ", "
    # ``+c.is_claim`` keeps SQLite on the (doc_id, ordinal) index: without statistics it
    # would pick the is_claim index and scan every claim once per document.
    "(SELECT count(*) FROM claims c WHERE c.doc_id = d.id AND +c.is_claim = 1) AS claims, "
    "(SELECT count(*) FROM claims c WHERE c.doc_id = d.id AND +c.is_claim = 1 "
    "AND c.status != 'unreviewed') AS flagged, "
    "(SELECT count(*) FROM claims c WHERE c.doc_id = d.id AND c.note != '') AS noted"
)
"""The select list for :func:`document_from_row` (alias ``d`` for documents)."""


def document_from_row(row: sqlite3.Row | NamedRow, text: str | None = None) -> Document:
    """Build a :class:`Document` from a row that holds :data:`DOCUMENT_COLUMNS`."""
    value = by_name(row)
    return Document(
        id=value["id"],
        title=value["title"],
        source=value["source"],
        url=value["url"],
        published=value["published"],
        path=value["path"],
        sha256=value["sha256"],
        added=value["added"],
        length=value["length"],
        note=value["note"],
        note_version=value["note_version"],
        replaces=value["replaces"],
        replaced_by=value["replaced_by"],
        claims=value["claims"],
        flagged=value["flagged"],
        language=value["language"],
        disclaimer=value["disclaimer"],
        noted=value["noted"],
        text=text,
    )


EVENT_FIELDS: tuple[str, ...] = (
    "id",
    "at",
    "actor",
    "kind",
    "claim_id",
    "doc_id",
    "old",
    "new",
    "undo_of",
    "other_id",
)
"""The ``events`` columns that :func:`event_from_row` reads."""

EVENT_COLUMNS = column_list("e", EVENT_FIELDS)
"""The select list for :func:`event_from_row` (alias ``e`` for events)."""


def event_from_row(row: sqlite3.Row | NamedRow, removed: bool = False) -> Event:
    """Build an :class:`Event` from a row that holds :data:`EVENT_COLUMNS`.

    ``removed``: the event's claim or document has been removed since.
    """
    value = by_name(row)
    return Event(
        id=value["id"],
        at=value["at"],
        actor=value["actor"] or "",
        kind=value["kind"],
        claim_id=value["claim_id"],
        doc_id=value["doc_id"],
        old=value["old"] or "",
        new=value["new"] or "",
        undo_of=value["undo_of"],
        other_id=value["other_id"],
        removed=removed,
    )
