"""Removed documents: what they were, which ids they had, and telling a missing id from damage.

Ids are never given out twice (AUTOINCREMENT), and removing a document records
its id, title and claim ids. So an id that cannot be found either was never
given out, belongs to a removed document, or sits on a damaged page of the
file: only the last is news, and it gets :class:`StoreDamagedError`.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> doc = store.add_text("Officials said 40 people died.", title="Flood")
    >>> claim = store.claims(doc.doc_id)[0].id
    >>> store.remove_document(doc.doc_id)
    >>> str(missing(store.db, "claims", claim))
    "claim 1 was in a removed document (1: 'Flood')"
    >>> str(missing(store.db, "claims", 99))
    'no claim with id 99'
"""

from __future__ import annotations

from dataclasses import dataclass

from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.handle import Database
from claimdesk.store.errors import StoreDamagedError
from claimdesk.store.models import NotFoundError


@dataclass(frozen=True)
class RemovedDocument:
    """A document that was removed: its old id, title and when it went."""

    id: int
    title: str
    source: str
    path: str
    url: str
    removed: str


def id_ranges(ids: list[int]) -> list[tuple[int, int]]:
    """Sorted ids as ``(first, last)`` runs of consecutive ids.

    >>> id_ranges([3, 4, 5, 9, 11, 12])
    [(3, 5), (9, 9), (11, 12)]
    """
    ranges: list[tuple[int, int]] = []
    for i in ids:
        if ranges and i == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], i)
        else:
            ranges.append((i, i))
    return ranges


def record_removal(db: Database, doc_id: int, when: str) -> None:
    """Remember document ``doc_id`` and the ids of its claims before it is deleted
    (the caller holds the write transaction)."""
    row = db.execute(
        "SELECT title, source, path, url FROM documents WHERE id = ?", [doc_id]
    ).fetchone()
    if row is None:
        return
    db.execute(
        "INSERT INTO removed_documents (id, title, source, path, url, removed)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
        " source = excluded.source, path = excluded.path, url = excluded.url,"
        " removed = excluded.removed",
        [doc_id, *row, when],
    )
    ids = [r[0] for r in db.execute("SELECT id FROM claims WHERE doc_id = ? ORDER BY id", [doc_id])]
    db.conn.executemany(
        "INSERT INTO removed_claims (first, last, doc_id) VALUES (?, ?, ?)"
        " ON CONFLICT (first) DO UPDATE SET last = excluded.last, doc_id = excluded.doc_id",
        [(first, last, doc_id) for first, last in id_ranges(ids)],
    )


def removed_document(db: Database, doc_id: int) -> RemovedDocument | None:
    """What document ``doc_id`` was, if it was removed."""
    row = db.execute(
        "SELECT id, title, source, path, url, removed FROM removed_documents WHERE id = ?",
        [doc_id],
    ).fetchone()
    return RemovedDocument(*row) if row else None


def removed_claim_document(db: Database, claim_id: int) -> int | None:
    """The id of the removed document claim ``claim_id`` belonged to (0 if unknown), or
    ``None`` if the claim was not removed."""
    row = db.execute(
        "SELECT last, doc_id FROM removed_claims WHERE first <= ? ORDER BY first DESC LIMIT 1",
        [claim_id],
    ).fetchone()
    if row is None or row[0] < claim_id:
        return None
    return row[1] or 0


def _given_out(db: Database, table: str) -> int:
    row = db.execute(dialect_of(db).ids_given_out, [table]).fetchone()
    return row[0] if row else 0


def missing(db: Database, table: str, row_id: int) -> Exception:
    """The error for a claim or document id that is not in ``table`` (``claims``/``documents``).

    :class:`NotFoundError` when the id was never given out or was removed;
    :class:`StoreDamagedError` when it should be there (a damaged page hides it).
    """
    noun = "claim" if table == "claims" else "document"
    if row_id < 1 or row_id > _given_out(db, table):
        return NotFoundError(f"no {noun} with id {row_id}")
    doc_id = (
        removed_claim_document(db, row_id)
        if table == "claims"
        else (row_id if removed_document(db, row_id) else None)
    )
    if doc_id is None:
        return StoreDamagedError()
    gone = removed_document(db, doc_id) if doc_id else None
    what = f" ({gone.id}: {gone.title!r})" if gone and gone.title else ""
    if table == "documents":
        return NotFoundError(f"document {row_id} was removed{what}")
    return NotFoundError(f"claim {row_id} was in a removed document{what}")
