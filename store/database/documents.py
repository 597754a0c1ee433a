"""Inserting, listing and removing documents with their sentence rows (data only: no extraction).

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> store.add_text("Officials said 40 people died.", title="Report").added
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from claimdesk.store.database import removal
from claimdesk.store.database.document_extras import DocumentExtras, insert_extras
from claimdesk.store.database.generation import bump_generation
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import DOCUMENT_COLUMNS, document_from_row, named_cursor
from claimdesk.store.database.sentence_rows import (
    ClaimRow,
    SpooledRows,
    count_claims,
    insert_claim_rows,
)
from claimdesk.store.database.source_lines import mark_repeated_lines, source_key
from claimdesk.store.extract.language import extraction_note
from claimdesk.store.folding import nfc
from claimdesk.store.models import AddResult, Document

ALREADY_STORED = "already in the store"
"""The reason given for a text that is stored already (same content hash)."""


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256_of(text: str) -> str:
    """The content hash that makes adding the same text twice a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_by_hash(db: Database, digest: str) -> int | None:
    """The id of the document with content hash ``digest``, if stored."""
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [digest]).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class NewDocument:
    """A document ready to insert: NFC text, its metadata, its language and its
    :func:`claim_rows`; ``extras`` are its origin and page or cue marks, ``names`` its name
    words (:func:`claimdesk.store.related.proper_names.names_column`, found by the writer);
    ``disclaimer`` is a note shown with it, never part of its text."""

    text: str
    rows: list[ClaimRow] | SpooledRows
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""
    extras: DocumentExtras | None = None
    names: str = ""
    language: str = ""
    disclaimer: str = ""


def insert_documents(db: Database, docs: Iterable[NewDocument]) -> list[AddResult]:
    """Insert documents and their sentences, in order; the caller owns the transaction.

    The caller has looked each content hash up already (the writer of
    :mod:`claimdesk.store.ingest.writer` does, once, before extracting); a text
    another writer stored since then is not added again (the unique hash index
    keeps it out, and its result says where it is). The sentences of all the
    documents go in together, hundreds a statement.
    """
    results: list[AddResult] = []
    claims: list[tuple[int, list[ClaimRow] | SpooledRows]] = []
    pending: dict[int, list[ClaimRow]] = {}  # rows not yet written, by document
    for doc in docs:
        digest = sha256_of(doc.text)
        title = doc.title or default_title(doc.text)
        cur = db.execute(
            "INSERT INTO documents (sha256, title, source, url, published, path, added, text,"
            " length, names, language, disclaimer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (sha256) DO NOTHING RETURNING id",
            [
                digest,
                title,
                doc.source,
                doc.url,
                doc.published,
                doc.path,
                now_iso(),
                doc.text,
                len(doc.text),
                doc.names,
                doc.language,
                doc.disclaimer,
            ],
        )
        inserted = cur.fetchone()
        if inserted is None:  # stored by another writer after the caller looked
            existing = find_by_hash(db, digest)
            reason = ALREADY_STORED
            results.append(AddResult(existing, False, doc.title, reason=reason, path=doc.path))
            continue
        doc_id: int = inserted[0]
        rows: list[ClaimRow] | SpooledRows = doc.rows
        if not isinstance(rows, SpooledRows):
            # a long document (spooled) is not compared line by line with its source's others
            key = source_key(doc.source, doc.url)
            rows = mark_repeated_lines(db, doc_id, key, doc.text, list(rows), pending)
            pending[doc_id] = rows
        claims.append((doc_id, rows))
        if doc.extras is not None:
            insert_extras(db, doc_id, doc.extras)
        bump_generation(db)
        results.append(
            AddResult(
                doc_id=doc_id,
                added=True,
                title=title,
                sentences=len(rows),
                language=doc.language,
                note=extraction_note(doc.language),
                path=doc.path,
            )
        )
    insert_claim_rows(db, claims)
    # Claims are counted once every document of the batch is marked: a later document can
    # make an earlier one's line boilerplate for their source.
    counts = {doc_id: count_claims(rows) for doc_id, rows in claims}
    return [
        replace(r, claims=counts[r.doc_id]) if r.added and r.doc_id is not None else r
        for r in results
    ]


def default_title(text: str) -> str:
    """The first non-empty line (a Markdown heading's text), cut to 120 characters."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return "(untitled)"


def list_documents(
    db: Database, after_id: int = 0, ids: Sequence[int] | None = None
) -> list[Document]:
    """Every document (with an id above ``after_id``; or those with ``ids`` that exist),
    oldest first, without text."""
    cursor = named_cursor(db)
    if ids is None:
        rows = cursor.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id > ? ORDER BY d.id", [after_id]
        ).fetchall()
    else:
        marks = ",".join("?" * len(ids))
        rows = cursor.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id IN ({marks}) ORDER BY d.id",
            list(ids),
        ).fetchall()
    return [document_from_row(r) for r in rows]


def get_document(db: Database, doc_id: int) -> Document:
    """One document with its full text; :class:`NotFoundError` if missing."""
    row = (
        named_cursor(db)
        .execute(
            f"SELECT {DOCUMENT_COLUMNS}, d.text AS text FROM documents d WHERE d.id = ?", [doc_id]
        )
        .fetchone()
    )
    if row is None:
        raise removal.missing(db, "documents", doc_id)
    return document_from_row(row, text=row["text"])


def delete_document(db: Database, doc_id: int) -> str:
    """Remove a document and its sentences; returns its title (the caller holds the
    write transaction).

    Review events stay in the history; the document's id and its claims' ids
    are recorded as removed, and an older version it replaced takes its place
    again.
    """
    row = db.execute("SELECT title FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise removal.missing(db, "documents", doc_id)
    removal.record_removal(db, doc_id, now_iso())
    db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    db.execute("UPDATE documents SET replaced_by = NULL WHERE replaced_by = ?", [doc_id])
    db.execute("DELETE FROM anchors WHERE doc_id = ?", [doc_id])
    bump_generation(db)
    title: str = row[0]
    return title


def normalise_input_text(text: str) -> str:
    """NFC and newline-normalise text before it is hashed and stored."""
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
