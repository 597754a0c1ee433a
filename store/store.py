"""The :class:`Store`: claimdesk's Python API over one SQLite file.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> result = store.add_text("Officials said 40 people died on Monday.", title="Flood")
>>> [c.text for c in store.claims(result.doc_id)]
['Officials said 40 people died on Monday.']
>>> store.set_status(store.claims()[0].id, "verified").status
'verified'
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from claimdesk.store import review
from claimdesk.store.database import documents, schema
from claimdesk.store.database.connections import Connections
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row
from claimdesk.store.models import (
    STATUSES,
    AddResult,
    Claim,
    ConflictPair,
    Document,
    Event,
    NotFoundError,
    RelatedClaim,
    SearchHit,
    StoreSummary,
    UnknownStatusError,
)
from claimdesk.store.search import searcher
from claimdesk.store.search.vocabulary import VocabularyCache

_MEMORY_NAMES = itertools.count(1)


class Store:
    """One claimdesk database. Safe to share across threads (a connection per thread)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path == ":memory:":
            # A shared in-memory database so every thread sees the same data; named by a
            # counter, not id(): a collected store's database lives on while a connection
            # to it waits for the garbage collector, and a reused id would reopen it.
            self.path = f"file:claimdesk-{next(_MEMORY_NAMES)}?mode=memory&cache=shared"
        self._conns = Connections(self.path)
        self._search_vocabulary = VocabularyCache(self.path)
        self._dead_ends = searcher.DeadEnds()

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating and migrating as needed) the store at ``path``."""
        if str(path) != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            path = Path(path).expanduser()
        store = cls(path)
        schema.migrate(store.db)
        return store

    @property
    def db(self):
        """This thread's sqlite-utils ``Database``."""
        return self._conns.db

    def close(self) -> None:
        """Close this thread's connection."""
        self._conns.close()

    # documents -----------------------------------------------------------
    def add_text(
        self,
        text: str,
        *,
        title: str = "",
        source: str = "",
        url: str = "",
        published: str = "",
        path: str = "",
    ) -> AddResult:
        """Store ``text`` as a document and extract its claims (a no-op if already stored)."""
        text = documents.normalise_input_text(text)
        if not text.strip():
            return AddResult(doc_id=None, added=False, reason="empty document", path=path)
        with self.db.atomic():
            return documents.insert_document(
                self.db, text, title=title, source=source, url=url, published=published, path=path
            )

    def add_file(self, path: str | Path) -> AddResult:
        """Read one file (txt, md, html) and add it; refusals come back as ``reason``."""
        from claimdesk.store.ingest.inputs import add_file

        return add_file(self, Path(path))

    def add_paths(
        self,
        paths,
        progress=None,
        batch_size: int = 50,
        max_bytes: int | None = None,
        workers: int | None = None,
    ) -> list[AddResult]:
        """Add files, folders (recursively) and globs, ``batch_size`` documents a transaction.

        One :class:`AddResult` per file in input order; refused inputs have
        ``doc_id is None`` and a one-line ``reason``. ``progress(done, total,
        result)`` is called as each input is finished. Large ingests extract
        claims in ``workers`` processes (default: one per core from 500 files).
        """
        from claimdesk.store.ingest.inputs import add_paths
        from claimdesk.store.ingest.readers import DEFAULT_MAX_BYTES

        return add_paths(
            self,
            paths,
            progress=progress,
            batch_size=batch_size,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            workers=workers,
        )

    def add_bytes(self, raw: bytes, *, name: str = "", **metadata) -> AddResult:
        """Add raw bytes (standard input): decoded, front matter read.

        ``metadata`` (``title``, ``source``, ``url``, ``published``) overrides the
        front matter; ``max_bytes`` lowers or raises the 20 MB limit.
        """
        from claimdesk.store.ingest.inputs import add_bytes

        return add_bytes(self, raw, name=name, **metadata)

    def remove_document(self, doc_id: int) -> None:
        """Delete a document and its sentences; review history is kept."""
        with self.db.atomic():
            documents.delete_document(self.db, doc_id)

    def documents(self) -> list[Document]:
        """Every document (without text), oldest first."""
        return documents.list_documents(self.db)

    def document(self, doc_id: int) -> Document:
        """One document with its full text."""
        return documents.get_document(self.db, doc_id)

    def generation(self) -> int:
        """A counter that changes whenever documents are added or removed."""
        return documents.generation(self.db)

    # claims ----------------------------------------------------------------
    def claims(
        self,
        doc_id: int | None = None,
        status: str | None = None,
        *,
        include_sentences: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Claim]:
        """Claims in reading order, optionally of one document and/or one status.

        ``include_sentences=True`` also returns the sentences that are not claims
        (everything the document view shows).
        """
        where, args = [], []
        if not include_sentences:
            where.append("is_claim = 1")
        if doc_id is not None:
            where.append("doc_id = ?")
            args.append(doc_id)
        if status is not None:
            if status not in STATUSES:
                raise UnknownStatusError(status)
            where.append("status = ?")
            args.append(status)
        sql = f"SELECT {CLAIM_COLUMNS} FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY doc_id, ordinal"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [claim_from_row(r) for r in self.db.execute(sql, args).fetchall()]

    def sentences(self, doc_id: int) -> list[Claim]:
        """Every sentence of a document, claims and non-claims, in reading order."""
        return self.claims(doc_id, include_sentences=True)

    def claim(self, claim_id: int) -> Claim:
        """One claim (or sentence) by id; :class:`NotFoundError` if missing."""
        row = self.db.execute(
            f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        return claim_from_row(row)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Claims matching ``query`` as typed (last word a prefix), best first."""
        return searcher.search_claims(
            self.db,
            query,
            limit,
            vocabulary=self._search_vocabulary,
            generation=self.generation(),
            dead_ends=self._dead_ends,
            edits=review.last_event_id(self.db),
        )

    # related claims ------------------------------------------------------------
    def related(
        self, claim_id: int, limit: int = 10, *, include_sentences: bool = False
    ) -> list[RelatedClaim]:
        """Claims that say the same as claim ``claim_id``, differ from it or contradict it, best first.

        Other documents come first, then the same document (``same_document``);
        each has a 0..100 ``score``, a ``relation`` (agrees/differs/contradicts/related) and
        a ``why``. Cached per claim until documents are added or removed.
        """
        from claimdesk.store.related import related_to_claim

        return related_to_claim(self, claim_id, limit, include_sentences=include_sentences)

    def related_text(self, text: str, limit: int = 10) -> list[RelatedClaim]:
        """Stored claims related to free ``text`` (not itself stored), best first."""
        from claimdesk.store.related import related_to_text

        return related_to_text(self, text, limit)

    def conflicts(
        self,
        limit: int | None = None,
        *,
        since: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[ConflictPair]:
        """Every pair of claims whose figures or dates contradict each other, then every pair
        whose figures differ; most check-worthy first within each.

        ``since`` (ISO date or time): only pairs involving a document added since then.
        ``progress(done, total)``: called as the claims are looked up.
        """
        from claimdesk.store.related.conflicts import find_conflicts

        return find_conflicts(self, limit, since=since, progress=progress)

    def aliases(self) -> list[tuple[str, str, str]]:
        """Every alias as ``(alias, canonical, origin)``; origin is ``user`` or ``corpus``."""
        from claimdesk.store.related import aliases

        return aliases.list_aliases(self.db)

    def add_alias(self, alias: str, canonical: str) -> bool:
        """Make ``alias`` match ``canonical`` (``"DPRK"``, ``"North Korea"``); False if known."""
        from claimdesk.store.related import aliases

        with self.db.atomic():
            return aliases.add_alias(self.db, alias, canonical)

    def remove_alias(self, alias: str, canonical: str | None = None) -> int:
        """Forget ``alias`` (only its link to ``canonical`` if given); returns rows removed."""
        from claimdesk.store.related import aliases

        with self.db.atomic():
            return aliases.remove_alias(self.db, alias, canonical)

    def prepare_search(self) -> None:
        """Load the search vocabulary now (it serves prefixes and misspellings), for
        example in a worker at start-up, so the first keystrokes need not wait."""
        self._search_vocabulary.get(self.db, self.generation())

    # review ----------------------------------------------------------------
    def set_status(self, claim_id: int, status: str) -> Claim:
        """Flag a claim; unknown statuses raise :class:`UnknownStatusError` and write nothing."""
        review.change_claim(self.db, claim_id, "status", status)
        return self.claim(claim_id)

    def set_note(self, claim_id: int, text: str) -> Claim:
        """Replace a claim's note (empty text clears it)."""
        review.change_claim(self.db, claim_id, "note", text)
        return self.claim(claim_id)

    def set_document_note(self, doc_id: int, text: str) -> Document:
        """Replace a document's note."""
        review.change_document_note(self.db, doc_id, text)
        return self.document(doc_id)

    def promote(self, claim_id: int) -> Claim:
        """Make a sentence that the extractor passed over a claim (reversible)."""
        review.change_claim(self.db, claim_id, "claim", "1")
        return self.claim(claim_id)

    def dismiss(self, claim_id: int) -> Claim:
        """Mark a claim as not a claim: kept as a sentence, hidden from claim lists."""
        review.change_claim(self.db, claim_id, "claim", "0")
        return self.claim(claim_id)

    def history(self, claim_id: int | None = None, *, doc_id: int | None = None) -> list[Event]:
        """The append-only change log of a claim, a document, or the whole store."""
        if claim_id is not None:
            self.claim(claim_id)
        return review.history(self.db, claim_id, doc_id)

    def undo(self) -> Event | None:
        """Revert the newest change not yet undone; returns the undo event or ``None``."""
        return review.undo_last(self.db)

    # overview --------------------------------------------------------------
    def summary(self) -> StoreSummary:
        """Counts of documents, sentences, claims, flags and notes."""
        db = self.db
        docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        sents, claims, flagged, notes = db.execute(
            "SELECT count(*), coalesce(sum(is_claim), 0),"
            " coalesce(sum(is_claim AND status != 'unreviewed'), 0),"
            " coalesce(sum(note != ''), 0) FROM claims"
        ).fetchone()
        by_status = dict(
            db.execute(
                "SELECT status, count(*) FROM claims WHERE is_claim = 1 GROUP BY status"
            ).fetchall()
        )
        return StoreSummary(
            path=self.path,
            documents=docs,
            sentences=sents,
            claims=claims,
            flagged=flagged,
            notes=notes,
            by_status=by_status,
        )


__all__ = ["Store", "NotFoundError", "UnknownStatusError", "STATUSES"]
