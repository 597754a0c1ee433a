"""Inserting, listing and removing documents with their sentence rows (data only: no extraction).

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> store.add_text("Officials said 40 people died.", title="Report").added
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter

import sqlite_utils

from claimdesk.store.database.document_extras import DocumentExtras, insert_extras
from claimdesk.store.database.generation import bump_generation
from claimdesk.store.database.row_mapping import DOCUMENT_COLUMNS, document_from_row, named_cursor
from claimdesk.store.database.sentence_rows import IS_CLAIM, ClaimRow, insert_claim_rows
from claimdesk.store.folding import nfc
from claimdesk.store.models import AddResult, Document, NotFoundError


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256_of(text: str) -> str:
    """The content hash that makes adding the same text twice a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_by_hash(db: sqlite_utils.Database, digest: str) -> int | None:
    """The id of the document with content hash ``digest``, if stored."""
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [digest]).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class NewDocument:
    """A document ready to insert: NFC text, its metadata and its :func:`claim_rows`;
    ``extras`` are its origin and page or cue marks, ``names`` its name words
    (:func:`claimdesk.store.related.proper_names.names_column`, found by the writer)."""

    text: str
    rows: list[ClaimRow]
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""
    extras: DocumentExtras | None = None
    names: str = ""


def insert_documents(db: sqlite_utils.Database, docs: Iterable[NewDocument]) -> list[AddResult]:
    """Insert documents and their sentences, in order; the caller owns the transaction.

    The caller has made sure that none is stored yet (the writer of
    :mod:`claimdesk.store.ingest.writer` looks each content hash up once): a
    text already stored breaks the unique hash index. The sentences of all the
    documents go in together, hundreds a statement.
    """
    results: list[AddResult] = []
    claims: list[tuple[int, list[ClaimRow]]] = []
    for doc in docs:
        title = doc.title or default_title(doc.text)
        cur = db.execute(
            "INSERT INTO documents (sha256, title, source, url, published, path, added, text,"
            " length, names) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                sha256_of(doc.text),
                title,
                doc.source,
                doc.url,
                doc.published,
                doc.path,
                now_iso(),
                doc.text,
                len(doc.text),
                doc.names,
            ],
        )
        doc_id = cur.lastrowid
        assert doc_id is not None  # an INSERT into a rowid table always sets it
        claims.append((doc_id, doc.rows))
        if doc.extras is not None:
            insert_extras(db, doc_id, doc.extras)
        bump_generation(db)
        results.append(
            AddResult(
                doc_id=doc_id,
                added=True,
                title=title,
                claims=sum(map(itemgetter(IS_CLAIM), doc.rows)),
                sentences=len(doc.rows),
                path=doc.path,
            )
        )
    insert_claim_rows(db, claims)
    return results


def default_title(text: str) -> str:
    """The first non-empty line (a Markdown heading's text), cut to 120 characters."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return "(untitled)"


def list_documents(db: sqlite_utils.Database, after_id: int = 0) -> list[Document]:
    """Every document (with an id above ``after_id``), oldest first, without text."""
    rows = (
        named_cursor(db)
        .execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id > ? ORDER BY d.id", [after_id]
        )
        .fetchall()
    )
    return [document_from_row(r) for r in rows]


def get_document(db: sqlite_utils.Database, doc_id: int) -> Document:
    """One document with its full text; :class:`NotFoundError` if missing."""
    row = (
        named_cursor(db)
        .execute(
            f"SELECT {DOCUMENT_COLUMNS}, d.text AS text FROM documents d WHERE d.id = ?", [doc_id]
        )
        .fetchone()
    )
    if row is None:
        raise NotFoundError(f"no document with id {doc_id}")
    return document_from_row(row, text=row["text"])


def delete_document(db: sqlite_utils.Database, doc_id: int) -> None:
    """Remove a document and its sentences (review events stay in the history)."""
    cur = db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    if cur.rowcount == 0:
        raise NotFoundError(f"no document with id {doc_id}")
    bump_generation(db)


def normalise_input_text(text: str) -> str:
    """NFC and newline-normalise text before it is hashed and stored."""
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
