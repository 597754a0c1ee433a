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

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path

from claimdesk.store import review
from claimdesk.store.database import (
    document_extras,
    documents,
    feed_rows,
    removal,
    schema,
    versions,
)
from claimdesk.store.database.connections import Connections, open_first, write_transaction
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row
from claimdesk.store.errors import ReadOnlyStoreError, StoreError, store_error
from claimdesk.store.models import (
    PAGE,
    STATUSES,
    AddResult,
    Claim,
    ConflictPair,
    Document,
    DocumentOrigin,
    Event,
    Feed,
    FeedUpdate,
    LinkFeedback,
    Mark,
    NotFoundError,
    RelatedClaim,
    SearchHit,
    StoreSummary,
    UnknownStatusError,
)
from claimdesk.store.search import searcher
from claimdesk.store.search.vocabulary import VocabularyCache


def _in_store_terms(method):
    """Report SQLite and disk failures of ``method`` as :class:`StoreError` lines
    ("disk full", "the store is damaged; run claimdesk check")."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.Error, OSError) as exc:
            translated = store_error(exc, self.path)
            if translated is None:
                raise
            raise translated from exc

    return wrapper


class Store:
    """One claimdesk database. Safe to share across threads (a connection per thread)."""

    def __init__(self, path: str | Path, mode: str = "rw"):
        self.path = str(path)
        if self.path == ":memory:":
            # A shared in-memory database so every thread sees the same data.
            self.path = f"file:claimdesk-{id(self)}?mode=memory&cache=shared"
        self._conns = Connections(self.path, mode)
        self._search_vocabulary = VocabularyCache(self.path, mode)
        self._dead_ends = searcher.DeadEnds()

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True) -> Store:
        """Open (creating and migrating as needed) the store at ``path``.

        A store in a read-only file or folder opens for reading (:attr:`read_only`);
        one written by a newer claimdesk raises :class:`NewerStoreError`.
        ``migrate=False`` leaves an older schema as it is (for :meth:`check`).
        """
        if str(path) != ":memory:":
            path = Path(path).expanduser()
            if not path.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise ReadOnlyStoreError(
                        f"cannot create the store {path}: {exc.strerror or exc}"
                    ) from exc
        store = cls(path)
        try:
            db, mode = open_first(store.path)
            store._conns.mode = mode
            store._search_vocabulary.mode = mode
            store._conns.adopt(db)
            if mode == "rw" and migrate:
                schema.migrate(db, store.path)
            elif not migrate:
                schema.check_not_newer(db, store.path)
            else:
                schema.check_not_newer(db, store.path)
                if schema.migrations.pending(db):
                    raise ReadOnlyStoreError(
                        f"the store {store.path} is read-only and was written by an older"
                        " claimdesk: open it once where it can be written, to upgrade it"
                    )
        except (sqlite3.Error, OSError) as exc:
            translated = store_error(exc, store.path)
            if translated is None:
                if not Path(store.path).exists() and isinstance(exc, sqlite3.OperationalError):
                    raise ReadOnlyStoreError(
                        f"cannot create the store {store.path}: {exc}"
                    ) from exc
                raise
            raise translated from exc
        return store

    @property
    def db(self):
        """This thread's sqlite-utils ``Database``."""
        return self._conns.db

    @property
    def read_only(self) -> bool:
        """Whether the store could only be opened for reading (changes fail with
        :class:`ReadOnlyStoreError`)."""
        return self._conns.read_only

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
        with write_transaction(self.db):
            result = documents.insert_document(
                self.db, text, title=title, source=source, url=url, published=published, path=path
            )
            return versions.link_new_version(self.db, result)

    def add_file(self, path: str | Path) -> AddResult:
        """Read one file (text, Markdown, HTML, PDF, Word, OpenDocument, e-mail, subtitles)
        and add it; refusals come back as ``reason``."""
        from claimdesk.store.ingest.inputs import add_file

        return add_file(self, Path(path))

    def add_paths(
        self,
        paths,
        progress=None,
        batch_size: int = 50,
        max_bytes: int | None = None,
        workers: int | None = None,
        timeout: float | None = None,
    ) -> list[AddResult]:
        """Add files, folders (recursively), globs and ``http(s)://`` URLs, ``batch_size``
        documents a transaction.

        One :class:`AddResult` per input in input order (an e-mail's attachments follow
        it); refused inputs have ``doc_id is None`` and a one-line ``reason``; files a
        folder walk passed over are ``skipped``. ``progress(done, total, result)`` is
        called as each input is finished. Large ingests extract claims in ``workers``
        processes (default: one per core from 500 files). ``timeout`` is in seconds, for
        each URL.
        """
        from claimdesk.store.ingest.inputs import add_paths
        from claimdesk.store.ingest.readers import DEFAULT_MAX_BYTES
        from claimdesk.store.ingest.web_fetch import DEFAULT_TIMEOUT

        return add_paths(
            self,
            paths,
            progress=progress,
            batch_size=batch_size,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            workers=workers,
            timeout=timeout or DEFAULT_TIMEOUT,
        )

    def add_bytes(self, raw: bytes, *, name: str = "", **metadata) -> AddResult:
        """Add raw bytes (standard input): decoded, front matter read.

        ``metadata`` (``title``, ``source``, ``url``, ``published``) overrides the
        front matter; ``max_bytes`` lowers or raises the 20 MB limit.
        """
        from claimdesk.store.ingest.inputs import add_bytes

        return add_bytes(self, raw, name=name, **metadata)

    def add_stream(self, stream, *, name: str = "", **metadata) -> AddResult:
        """Add what a binary ``stream`` (standard input) holds, as :meth:`add_bytes` does,
        reading no more than the size limit (``max_bytes``) allows."""
        from claimdesk.store.ingest.inputs import add_stream

        return add_stream(self, stream, name=name, **metadata)

    def remove_document(self, doc_id: int) -> None:
        """Delete a document and its sentences; review history is kept (see :meth:`history`).

        Its ids are never given out again.
        """
        with write_transaction(self.db):
            title = documents.delete_document(self.db, doc_id)
            review.record(self.db, "doc-removed", claim_id=None, doc_id=doc_id, old=title, new="")

    def documents(self) -> list[Document]:
        """Every document (without text), oldest first."""
        return documents.list_documents(self.db)

    def document(self, doc_id: int) -> Document:
        """One document with its full text."""
        return documents.get_document(self.db, doc_id)

    def origin(self, doc_id: int) -> DocumentOrigin:
        """How a document came in: what it was read as, its author, when it was fetched,
        the e-mail it was attached to or the attachments it brought, the feed it came from."""
        self.document_exists(doc_id)
        return document_extras.origin(self.db, doc_id)

    def marks(self, doc_id: int) -> list[Mark]:
        """Where a document's pages (PDF) or cues (subtitles) start, in text order."""
        return document_extras.marks(self.db, doc_id)

    def page_at(self, doc_id: int, offset: int) -> str | None:
        """The page (its label: ``"4"``, ``"iv"``) holding ``offset`` of a PDF's text, else ``None``."""
        found = document_extras.mark_at(document_extras.marks(self.db, doc_id, PAGE), offset)
        return found.label if found else None

    def location(self, doc_id: int, start: int, end: int | None = None) -> str:
        """Where a span of a document is, as a reader says it: ``"p. 4"``, ``"pp. 4–5"``,
        ``"at 00:03:12"`` (subtitles), or ``""`` for documents without pages or cues."""
        return document_extras.location(self.db, doc_id, start, end)

    def document_exists(self, doc_id: int) -> None:
        """:class:`NotFoundError` unless document ``doc_id`` exists."""
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is None:
            raise NotFoundError(f"no document with id {doc_id}")

    # feeds -------------------------------------------------------------------
    def follow(self, url: str, *, timeout: float | None = None) -> tuple[Feed, int]:
        """Follow the RSS/Atom feed at ``url`` (or the feed a page there names).

        Returns the feed and how many entries it lists; fetches nothing else until
        :meth:`update_feeds`. :class:`ValueError` (one line) if ``url`` is no feed.
        """
        from claimdesk.store.ingest.feeds import follow_feed
        from claimdesk.store.ingest.web_fetch import DEFAULT_TIMEOUT

        return follow_feed(self, url, timeout=timeout or DEFAULT_TIMEOUT)

    def unfollow(self, feed_id: int) -> None:
        """Stop following a feed (the documents it brought stay)."""
        with self.db.atomic():
            feed_rows.unfollow(self.db, feed_id)

    def feeds(self) -> list[Feed]:
        """Every followed feed with its entry and document counts."""
        return feed_rows.list_feeds(self.db)

    def update_feeds(
        self,
        *,
        progress=None,
        on_feed: Callable[[FeedUpdate], None] | None = None,
        timeout: float | None = None,
    ) -> list[FeedUpdate]:
        """Fetch every followed feed and add its new entries (the linked article pages).

        ``progress(done, total, result)`` over all new entries; ``on_feed(update)`` as
        each feed is done. Entries already stored are never fetched again.
        """
        from claimdesk.store.ingest.feeds import update_feeds
        from claimdesk.store.ingest.web_fetch import DEFAULT_TIMEOUT

        return update_feeds(
            self, progress=progress, on_feed=on_feed, timeout=timeout or DEFAULT_TIMEOUT
        )

    def last_update(self) -> str | None:
        """When the newest finished :meth:`update_feeds` started (ISO UTC), or ``None``."""
        run = feed_rows.last_update(self.db)
        return run.started if run else None

    def new_since_last_update(self) -> list[Document]:
        """Documents that arrived since the newest :meth:`update_feeds` began: what it
        brought, and anything added after it (every document if there was no update)."""
        run = feed_rows.last_update(self.db)
        return documents.list_documents(self.db, run.last_doc_before if run else 0)

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
            raise removal.missing(self.db, "claims", claim_id)
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
        self,
        claim_id: int,
        limit: int = 10,
        *,
        include_sentences: bool = False,
        weaker: bool = False,
        hidden: bool = False,
    ) -> list[RelatedClaim]:
        """Claims in other reports of the same incident that say the same as claim
        ``claim_id`` or contradict it, best first (at most ``limit``).

        Each has a 0..100 ``score``, a ``relation`` (agrees/conflicts/related), a ``why``,
        and the same-incident ``evidence`` (0..1) with ``evidence_why``. ``weaker=True``
        appends up to ``limit`` weaker matches (``shown`` false; the same document's claims
        are among them); ``hidden=True`` also keeps links marked wrong. Identical sentences
        of several documents are one row (``copies``, ``also_in``). Cached per claim until
        documents are added or removed; verdicts (:meth:`mark_link`) count at once.
        """
        from claimdesk.store.related import related_to_claim

        return related_to_claim(
            self,
            claim_id,
            limit,
            include_sentences=include_sentences,
            weaker=weaker,
            hidden=hidden,
        )

    def mark_link(
        self,
        claim_id: int,
        other_id: int,
        verdict: str,
        *,
        relation: str = "",
        score: float | None = None,
    ) -> bool:
        """Record the reader's verdict on the related link ``claim_id`` - ``other_id``:
        ``wrong`` (hidden from then on, in the related pane and in :meth:`conflicts`),
        ``right``, ``contradicts`` (a confirmed contradiction), or ``""`` to clear it.

        An append-only ``link`` event, undone by :meth:`undo`. ``relation`` and ``score``
        keep what the matcher said. Returns False when the verdict was already that.
        """
        return review.change_link(
            self.db, claim_id, other_id, verdict, relation=relation, score=score
        )

    def link_feedback(self) -> list[LinkFeedback]:
        """Every current verdict on a related link, oldest first."""
        return review.link_feedback(self.db)

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
        """Every pair of claims whose figures or dates conflict, most check-worthy first.

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

        with write_transaction(self.db):
            return aliases.add_alias(self.db, alias, canonical)

    def remove_alias(self, alias: str, canonical: str | None = None) -> int:
        """Forget ``alias`` (only its link to ``canonical`` if given); returns rows removed."""
        from claimdesk.store.related import aliases

        with write_transaction(self.db):
            return aliases.remove_alias(self.db, alias, canonical)

    def prepare_search(self) -> None:
        """Load the search vocabulary now (it serves prefixes and misspellings), for
        example in a worker at start-up, so the first keystrokes need not wait."""
        self._search_vocabulary.get(self.db, self.generation())

    # known fact-checks -----------------------------------------------------------
    def import_factchecks(
        self, path: str | Path, *, columns: dict[str, str] | None = None, reviewer: str = ""
    ):
        """Import one file of published fact-checks (ClaimReview JSON-LD, fact-check search
        results or CSV; ``columns`` maps fields to CSV headers); returns an ``ImportReport``.
        A fact-check imported again is updated, never duplicated."""
        from claimdesk.store.factchecks import import_file

        return import_file(self, path, columns=columns, reviewer=reviewer)

    def factchecks(self, *, verdict: str | None = None, limit: int | None = None, offset: int = 0):
        """Stored fact-checks (``FactCheck``), newest review first; ``verdict``: one status."""
        from claimdesk.store.factchecks.factcheck_table import listing

        return listing(self.db, verdict=verdict, limit=limit, offset=offset)

    def factcheck_count(self) -> int:
        """How many fact-checks are stored."""
        from claimdesk.store.factchecks.factcheck_table import count

        return count(self.db)

    def search_factchecks(self, query: str, limit: int = 20):
        """Fact-checks whose claim or title holds every word of ``query``, best first."""
        from claimdesk.store.factchecks.factcheck_table import search

        return search(self.db, query, limit)

    def checked_before(self, claim_id: int, limit: int = 5, *, include_weak: bool = False):
        """Known fact-checks (``KnownCheck``) of claim ``claim_id``, best first: only confident
        matches unless ``include_weak``. The related pane shows these first."""
        from claimdesk.store.factchecks import known_checks

        return known_checks(self, self.claim(claim_id).text, limit, include_weak=include_weak)

    def checked_before_text(self, text: str, limit: int = 5, *, include_weak: bool = False):
        """Known fact-checks of the claim free ``text`` makes (see :meth:`checked_before`)."""
        from claimdesk.store.factchecks import known_checks

        return known_checks(self, text, limit, include_weak=include_weak)

    # exports -----------------------------------------------------------------
    def export(self, kind: str, selection=None, **options) -> str:
        """The desk's work as ``claimreview``, ``annotations``, ``csv`` or ``markdown`` text;
        ``selection`` (an ``exports.Selection``) picks the claims, flagged or noted ones by
        default. ``options``: ``organisation``, ``bom``, ``by``, ``title``."""
        from claimdesk.store.exports import Selection, export_text

        return export_text(self, kind, selection or Selection(), **options)

    def import_annotations(self, data, *, replace: bool = False):
        """Re-attach exported notes and flags (parsed Web Annotation JSON) to these documents;
        returns an ``ImportOutcome`` (placed, unchanged, conflicts, unplaced)."""
        from claimdesk.store.exports import import_annotations

        return import_annotations(self, data, replace=replace)

    # review ----------------------------------------------------------------
    def set_status(
        self, claim_id: int, status: str, *, expected_version: int | None = None
    ) -> Claim:
        """Flag a claim; unknown statuses raise :class:`UnknownStatusError` and write nothing.

        ``expected_version``: the :attr:`Claim.status_version` the caller saw; if the
        status changed since, :class:`VersionConflictError` is raised and nothing written.
        """
        review.change_claim(self.db, claim_id, "status", status, expected_version=expected_version)
        return self.claim(claim_id)

    def set_note(self, claim_id: int, text: str, *, expected_version: int | None = None) -> Claim:
        """Replace a claim's note (empty text clears it); ``expected_version`` as for
        :meth:`set_status` (:attr:`Claim.note_version`)."""
        review.change_claim(self.db, claim_id, "note", text, expected_version=expected_version)
        return self.claim(claim_id)

    def set_document_note(
        self, doc_id: int, text: str, *, expected_version: int | None = None
    ) -> Document:
        """Replace a document's note; ``expected_version`` as for :meth:`set_status`."""
        review.change_document_note(self.db, doc_id, text, expected_version=expected_version)
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
        """The append-only change log of a claim, a document, or the whole store.

        The history of a claim of a removed document is still there, its events
        marked ``removed``; an id that never existed raises :class:`NotFoundError`.
        """
        events = review.history(self.db, claim_id, doc_id)
        if claim_id is not None and not events:
            self.claim(claim_id)
        return events

    def removed_document_of(self, claim_id: int):
        """The :class:`~claimdesk.store.database.removal.RemovedDocument` claim ``claim_id``
        was in, if that document was removed (``None`` otherwise or when unknown)."""
        doc_id = removal.removed_claim_document(self.db, claim_id)
        return removal.removed_document(self.db, doc_id) if doc_id else None

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
            orphaned=versions.orphan_count(db),
        )

    def orphans(self, doc_id: int | None = None) -> list[Claim]:
        """Reviewed claims of replaced versions whose note or flag found no sentence in the
        new version (of document ``doc_id``, the new version, or of every document)."""
        return versions.orphans(self.db, doc_id)

    def check(self):
        """Check the file, its indexes and its search index; a
        :class:`~claimdesk.store.database.health.CheckReport` saying what is damaged."""
        from claimdesk.store.database import health

        return health.check(self.db)

    def repair(self) -> None:
        """Rebuild every index and the search index from the tables (what
        :meth:`check` calls repairable damage)."""
        from claimdesk.store.database import health

        health.repair(self.db)


for _name, _method in list(vars(Store).items()):
    if callable(_method) and not _name.startswith("_") and _name != "open":
        setattr(Store, _name, _in_store_terms(_method))

__all__ = ["Store", "StoreError", "NotFoundError", "UnknownStatusError", "STATUSES"]
