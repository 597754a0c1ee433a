"""Adding, listing and removing documents, with their extracted sentences.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> store.add_text("Officials said 40 people died.", title="Report").added
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from operator import itemgetter

import sqlite_utils

from claimdesk.store.database.row_mapping import DOCUMENT_COLUMNS, document_from_row
from claimdesk.store.database.sentence_rows import IS_CLAIM, ClaimRow, claim_rows, insert_claim_rows
from claimdesk.store.database.source_lines import mark_repeated_lines, source_key
from claimdesk.store.extract.extractor import ExtractedSentence, extract
from claimdesk.store.extract.language import detect_language, extraction_note
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
    """A document ready to insert: NFC text, its metadata, its language and its :func:`claim_rows`."""

    text: str
    rows: list[ClaimRow]
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""
    language: str = ""
    disclaimer: str = ""


def extract_document(text: str) -> tuple[str, list[ClaimRow]]:
    """``(language, claim rows)`` of a document's text: its language decides what is extracted."""
    language = detect_language(text)
    return language, claim_rows(extract(text, language))


def insert_document(
    db: sqlite_utils.Database,
    text: str,
    *,
    title: str = "",
    source: str = "",
    url: str = "",
    published: str = "",
    path: str = "",
    disclaimer: str = "",
    sentences: Iterable[ExtractedSentence] | None = None,
) -> AddResult:
    """Insert one document and its sentences; the caller owns the transaction.

    ``text`` must already be NFC; pass ``sentences`` when they were extracted
    elsewhere (in English), otherwise the language is detected and they are extracted here.
    """
    language = ""
    if find_by_hash(db, sha256_of(text)) is not None:
        rows: list[ClaimRow] = []  # not stored again: no need to extract
    elif sentences is None:
        language, rows = extract_document(text)
    else:
        language, rows = "en", claim_rows(sentences)
    fields = {"title": title, "source": source, "url": url, "published": published, "path": path}
    new = NewDocument(text, rows, **fields, language=language, disclaimer=disclaimer)
    return insert_documents(db, [new])[0]


def insert_documents(db: sqlite_utils.Database, docs: Iterable[NewDocument]) -> list[AddResult]:
    """Insert documents and their sentences, in order; the caller owns the transaction.

    The same rows and results as :func:`insert_document` for each in turn (a
    text already stored, or repeated in ``docs``, is not added again), but the
    sentences of all the documents go in together, hundreds a statement.
    """
    results: list[AddResult] = []
    claims: list[tuple[int, list[ClaimRow]]] = []
    pending: dict[int, list[ClaimRow]] = {}  # rows not yet written, by document
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
            " length, language, disclaimer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                doc.language,
                doc.disclaimer,
            ],
        )
        doc_id = cur.lastrowid
        key = source_key(doc.source, doc.url)
        rows = mark_repeated_lines(db, doc_id, key, doc.text, list(doc.rows), pending)
        pending[doc_id] = rows
        claims.append((doc_id, rows))
        bump_generation(db)
        results.append(
            AddResult(
                doc_id=doc_id,
                added=True,
                title=title,
                sentences=len(rows),
                path=doc.path,
                language=doc.language,
                note=extraction_note(doc.language),
            )
        )
    insert_claim_rows(db, claims)
    # Claims are counted once every document of the batch is marked: a later document can
    # make an earlier one's line boilerplate for their source.
    counts = {doc_id: sum(map(itemgetter(IS_CLAIM), rows)) for doc_id, rows in claims}
    return [replace(r, claims=counts[r.doc_id]) if r.added else r for r in results]


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
