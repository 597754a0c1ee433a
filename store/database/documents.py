"""Adding, listing and removing documents, with their extracted sentences.

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

from claimdesk.store.database.row_mapping import DOCUMENT_COLUMNS, document_from_row
from claimdesk.store.database.sentence_rows import IS_CLAIM, ClaimRow, claim_rows, insert_claim_rows
from claimdesk.store.extract.extractor import ExtractedSentence, extract
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
    """A document ready to insert: NFC text, its metadata and its :func:`claim_rows`."""

    text: str
    rows: list[ClaimRow]
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""


def insert_document(
    db: sqlite_utils.Database,
    text: str,
    *,
    title: str = "",
    source: str = "",
    url: str = "",
    published: str = "",
    path: str = "",
    sentences: Iterable[ExtractedSentence] | None = None,
) -> AddResult:
    """Insert one document and its sentences; the caller owns the transaction.

    ``text`` must already be NFC; pass ``sentences`` when they were extracted
    elsewhere, otherwise they are extracted here.
    """
    if find_by_hash(db, sha256_of(text)) is not None:
        rows: list[ClaimRow] = []  # not stored again: no need to extract
    else:
        rows = claim_rows(extract(text, published) if sentences is None else sentences)
    fields = {"title": title, "source": source, "url": url, "published": published, "path": path}
    return insert_documents(db, [NewDocument(text, rows, **fields)])[0]


def insert_documents(db: sqlite_utils.Database, docs: Iterable[NewDocument]) -> list[AddResult]:
    """Insert documents and their sentences, in order; the caller owns the transaction.

    The same rows and results as :func:`insert_document` for each in turn (a
    text already stored, or repeated in ``docs``, is not added again), but the
    sentences of all the documents go in together, hundreds a statement.
    """
    results: list[AddResult] = []
    claims: list[tuple[int, list[ClaimRow]]] = []
    for doc in docs:
        digest = sha256_of(doc.text)
        existing = find_by_hash(db, digest)
        if existing is not None:
            reason = "already in the store"
            results.append(AddResult(existing, False, doc.title, reason=reason, path=doc.path))
            continue
        title = doc.title or default_title(doc.text)
        cur = db.execute(
            "INSERT INTO documents (sha256, title, source, url, published, path, added, text,"
            " length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ],
        )
        claims.append((cur.lastrowid, doc.rows))
        bump_generation(db)
        results.append(
            AddResult(
                doc_id=cur.lastrowid,
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


def bump_generation(db: sqlite_utils.Database) -> None:
    """Mark the corpus as changed, so cached related-claims results are dropped."""
    db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")


def generation(db: sqlite_utils.Database) -> int:
    """How many times documents were added or removed in this store."""
    row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def list_documents(db: sqlite_utils.Database) -> list[Document]:
    """Every document, oldest first, without text."""
    rows = db.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents d ORDER BY d.id").fetchall()
    return [document_from_row(r) for r in rows]


def get_document(db: sqlite_utils.Database, doc_id: int) -> Document:
    """One document with its full text; :class:`NotFoundError` if missing."""
    row = db.execute(
        f"SELECT {DOCUMENT_COLUMNS}, d.text FROM documents d WHERE d.id = ?", [doc_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {doc_id}")
    return document_from_row(row[:-1], text=row[-1])


def delete_document(db: sqlite_utils.Database, doc_id: int) -> None:
    """Remove a document and its sentences (review events stay in the history)."""
    cur = db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    if cur.rowcount == 0:
        raise NotFoundError(f"no document with id {doc_id}")
    bump_generation(db)


def normalise_input_text(text: str) -> str:
    """NFC and newline-normalise text before it is hashed and stored."""
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
