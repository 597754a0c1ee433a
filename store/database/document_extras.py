"""What a document carries beside its text: its origin and its page or cue marks.

Written in the same transaction as the document (see
:func:`claimdesk.store.database.documents.insert_documents`), so a document is
never stored without its pages.

    >>> from claimdesk.store import Store
    >>> from claimdesk.store.models import Mark
    >>> store = Store.open(":memory:")
    >>> with store.db.atomic():
    ...     doc_id = store.db.execute(
    ...         "INSERT INTO documents (sha256, text, added) VALUES ('x', 'One. Two.', '')").lastrowid
    ...     insert_extras(store.db, doc_id, DocumentExtras(
    ...         kind="pdf", marks=(Mark(0, "page", "1"), Mark(5, "page", "2"))))
    >>> location(store.db, doc_id, 5, 9)
    'p. 2'
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from claimdesk.store.locations import location_in
from claimdesk.store.models import DocumentOrigin, Mark


@dataclass(frozen=True)
class DocumentExtras:
    """A new document's origin and marks; ``parent_sha256`` names the e-mail it came with,
    ``children_sha256`` the attachments an e-mail brought, ``feed_entry`` the
    ``(feed id, entry key, link)`` that brought it."""

    kind: str = ""
    author: str = ""
    fetched: str = ""
    parent_sha256: str = ""
    children_sha256: tuple[str, ...] = ()
    marks: tuple[Mark, ...] = ()
    feed_entry: tuple[int, str, str] | None = None


def insert_extras(db: sqlite_utils.Database, doc_id: int, extras: DocumentExtras) -> None:
    """Store a new document's origin, marks and feed entry; the caller owns the transaction."""
    parent_id = None
    if extras.parent_sha256:
        row = db.execute(
            "SELECT id FROM documents WHERE sha256 = ?", [extras.parent_sha256]
        ).fetchone()
        parent_id = row[0] if row else None
    if extras.kind or extras.author or extras.fetched or parent_id is not None:
        db.execute(
            "INSERT INTO document_origins (doc_id, kind, author, fetched, parent_id)"
            " VALUES (?, ?, ?, ?, ?)",
            [doc_id, extras.kind, extras.author, extras.fetched, parent_id],
        )
    if extras.marks:
        db.conn.executemany(
            "INSERT OR REPLACE INTO document_marks (doc_id, kind, start, label) VALUES (?, ?, ?, ?)",
            [(doc_id, m.kind, m.start, m.label) for m in extras.marks],
        )
    if extras.children_sha256:  # attachments stored before their e-mail: link them now
        holes = ", ".join("?" * len(extras.children_sha256))
        children = f"SELECT id FROM documents WHERE sha256 IN ({holes})"
        db.execute(
            f"INSERT OR IGNORE INTO document_origins (doc_id) {children}",
            list(extras.children_sha256),
        )
        db.execute(
            "UPDATE document_origins SET parent_id = ?"
            f" WHERE parent_id IS NULL AND doc_id != ? AND doc_id IN ({children})",
            [doc_id, doc_id, *extras.children_sha256],
        )
    if extras.feed_entry is not None:
        from claimdesk.store.database import feed_rows

        feed_id, key, link = extras.feed_entry
        feed_rows.record_entry(db, feed_id, key, link, doc_id)


def marks(db: sqlite_utils.Database, doc_id: int, kind: str | None = None) -> list[Mark]:
    """A document's marks in text order (of one ``kind`` if given)."""
    sql = "SELECT start, kind, label FROM document_marks WHERE doc_id = ?"
    args: list[object] = [doc_id]
    if kind is not None:
        sql += " AND kind = ?"
        args.append(kind)
    rows = db.execute(sql + " ORDER BY start, kind", args).fetchall()
    return [Mark(start, mark_kind, label) for start, mark_kind, label in rows]


def location(db: sqlite_utils.Database, doc_id: int, start: int, end: int | None = None) -> str:
    """Where ``start`` (to ``end``) is: ``"p. 4"``, ``"pp. 4–5"``, ``"at 00:03:12"``, or ``""``."""
    return location_in(marks(db, doc_id), start, end)


def origin(db: sqlite_utils.Database, doc_id: int) -> DocumentOrigin:
    """How a document came in (empty fields for text added through the API)."""
    row = db.execute(
        "SELECT kind, author, fetched, parent_id FROM document_origins WHERE doc_id = ?", [doc_id]
    ).fetchone()
    children = tuple(
        r[0]
        for r in db.execute(
            "SELECT doc_id FROM document_origins WHERE parent_id = ? ORDER BY doc_id", [doc_id]
        ).fetchall()
    )
    feed = db.execute(
        "SELECT f.title, f.url FROM feed_entries e JOIN feeds f ON f.id = e.feed_id"
        " WHERE e.doc_id = ? ORDER BY e.id LIMIT 1",
        [doc_id],
    ).fetchone()
    kind, author, fetched, parent_id = row or ("", "", "", None)
    return DocumentOrigin(
        doc_id=doc_id,
        kind=kind,
        author=author,
        fetched=fetched,
        parent_id=parent_id,
        attachment_ids=children,
        feed=(feed[0] or feed[1]) if feed else "",
    )
