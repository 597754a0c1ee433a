"""Extracted sentences as ``claims`` rows, and inserting many of them at once.

Extraction (often in a worker process) turns each sentence into a plain tuple
of column values with :func:`claim_rows`; the writer inserts the rows of many
documents with :func:`insert_claim_rows`, hundreds of rows a statement.

    >>> from claimdesk.store.extract.extractor import extract
    >>> claim_rows(extract("Officials said 40 people died."))[0][:6]
    (0, 0, 30, 'Officials said 40 people died.', 'officials said 40 people died.', 1)
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.handle import Database

if TYPE_CHECKING:
    from claimdesk.store.extract.extractor import ExtractedSentence

ClaimRow = tuple[int | float | str, ...]
"""One sentence as column values in :data:`CLAIM_ROW_COLUMNS` order (no document id)."""

CLAIM_ROW_COLUMNS = (
    "ordinal",
    "start",
    '"end"',
    "text",
    "norm",
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
    "role",
    "heading_level",
    "boilerplate",
)
"""The ``claims`` columns a :data:`ClaimRow` fills, in order."""

IS_CLAIM = CLAIM_ROW_COLUMNS.index("is_claim")
"""Position of the claim decision (0 or 1) in a :data:`ClaimRow`."""
EXTRACTED = CLAIM_ROW_COLUMNS.index("extracted")
"""Position of the extractor's own decision in a :data:`ClaimRow`."""
START, END = CLAIM_ROW_COLUMNS.index("start"), CLAIM_ROW_COLUMNS.index('"end"')
"""Positions of a sentence's offsets in a :data:`ClaimRow`."""
ROLE, BOILERPLATE = CLAIM_ROW_COLUMNS.index("role"), CLAIM_ROW_COLUMNS.index("boilerplate")
"""Positions of the page role and the boilerplate class in a :data:`ClaimRow`."""

MAX_ROWS_PER_STATEMENT = 1000
"""Rows inserted by one statement (fewer if SQLite allows fewer parameters)."""

_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)


def claim_rows(sentences: Iterable[ExtractedSentence], first: int = 0) -> list[ClaimRow]:
    """Extracted sentences as claim-row values (figures, dates and names as JSON).

    Worker processes hand these back instead of the sentence objects: plain
    tuples of strings and numbers cross processes several times faster, and the
    JSON encoding is done in parallel rather than by the one writer. ``first``
    is the ordinal of the first sentence (a later part of a long document).
    """
    rows: list[ClaimRow] = []
    for i, s in enumerate(sentences, first):
        claim = int(s.is_claim)
        rows.append(
            (
                i,
                s.start,
                s.end,
                s.text,
                s.norm,
                claim,
                claim,
                float(s.score),
                s.kind,
                s.source,
                s.cue,
                s.hedge,
                _to_json(s.numbers) if s.numbers else "[]",
                _to_json(s.dates) if s.dates else "[]",
                _to_json(s.entities) if s.entities else "[]",
                s.role,
                s.heading_level,
                s.boilerplate,
            )
        )
    return rows


@lru_cache(maxsize=32)
def _insert_sql(count: int) -> str:
    columns = ", ".join(("doc_id", *CLAIM_ROW_COLUMNS))
    row = "(" + ", ".join("?" * (len(CLAIM_ROW_COLUMNS) + 1)) + ")"
    return f"INSERT INTO claims ({columns}) VALUES " + ", ".join([row] * count)


def rows_per_statement(db: Database) -> int:
    """How many claim rows one INSERT carries on this connection."""
    if isinstance(db.conn, sqlite3.Connection):
        limit = db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    else:
        limit = dialect_of(db).max_parameters
    return max(1, min(MAX_ROWS_PER_STATEMENT, limit // (len(CLAIM_ROW_COLUMNS) + 1)))


def insert_claim_rows(db: Database, documents: Iterable[tuple[int, Iterable[ClaimRow]]]) -> None:
    """Insert the claim rows of ``(doc_id, rows)`` documents, in order, many rows a statement.

    Few statements, not one a row: SQLite opens a statement savepoint for each
    statement, and at every savepoint the search index (FTS5, filled by the
    insert trigger) writes its pending terms out as a new segment, so inserting
    row by row costs an index segment, and later merges, for every sentence.
    """
    step = rows_per_statement(db)
    params: list[object] = []
    count = 0
    for doc_id, rows in documents:
        for row in rows:
            params.append(doc_id)
            params.extend(row)
            count += 1
            if count == step:
                db.conn.execute(_insert_sql(count), params)
                params, count = [], 0
    if count:
        db.conn.execute(_insert_sql(count), params)


class SpooledRows:
    """The claim rows of a long document, kept in a file a part at a time, not in memory.

    Iterating reads the parts back one by one; ``len()`` is the number of rows
    and ``claims`` how many are claims. :meth:`discard` removes the file.
    """

    def __init__(self, folder: str | None = None):
        handle, self.path = tempfile.mkstemp(prefix="claimdesk-rows-", dir=folder)
        self._file = os.fdopen(handle, "wb")
        self.count = 0
        self.claims = 0

    def write(self, rows: list[ClaimRow]) -> None:
        """Append one part's rows."""
        pickle.dump(rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += len(rows)
        self.claims += sum(row[IS_CLAIM] for row in rows)  # type: ignore[misc]  # 0 or 1

    def close(self) -> SpooledRows:
        """Finish writing (the rows can then be read, also in another process)."""
        self._file.close()
        return self

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "count": self.count, "claims": self.claims}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._file = None  # type: ignore[assignment]  # a copy in another process only reads

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[ClaimRow]:
        with open(self.path, "rb") as f:
            while True:
                try:
                    part = pickle.load(f)
                except EOFError:
                    return
                yield from part

    def discard(self) -> None:
        """Remove the file."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)


def count_claims(rows: list[ClaimRow] | SpooledRows) -> int:
    """How many of ``rows`` are claims."""
    if isinstance(rows, SpooledRows):
        return rows.claims
    return sum(row[IS_CLAIM] for row in rows)  # type: ignore[misc]  # 0 or 1
