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
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import sqlite_utils

from claimdesk.store import changes, review, review_queue
from claimdesk.store.changes import ChangeWatcher, Watcher
from claimdesk.store.database import (
    desk_roles,
    document_extras,
    documents,
    feed_rows,
    health,
    removal,
    schema,
    versions,
)
from claimdesk.store.database.claims import get_claim, list_claims
from claimdesk.store.database.connections import Connections, open_first, write_transaction
from claimdesk.store.database.dialect import is_postgres_url, redacted
from claimdesk.store.database.handle import Database
from claimdesk.store.database.health import CheckReport
from claimdesk.store.database.postgres.desk_errors import desk_error, driver_errors
from claimdesk.store.database.removal import RemovedDocument
from claimdesk.store.errors import ReadOnlyStoreError, StoreError, store_error
from claimdesk.store.exports import ImportOutcome, Selection, export_text, import_annotations
from claimdesk.store.factchecks import factcheck_table
from claimdesk.store.factchecks.checked_before import FactCheckMatcher, known_checks
from claimdesk.store.factchecks.factcheck_files import import_file
from claimdesk.store.factchecks.records import FactCheck, ImportReport, KnownCheck
from claimdesk.store.ingest import inputs
from claimdesk.store.ingest.feeds import follow_feed, update_feeds
from claimdesk.store.ingest.readers import DEFAULT_MAX_BYTES, ParsedDocument
from claimdesk.store.ingest.web_fetch import DEFAULT_TIMEOUT
from claimdesk.store.ingest.writer import IngestInterrupted, IngestStopped, Progress, add_document
from claimdesk.store.locations import mark_at
from claimdesk.store.models import (
    PAGE,
    STATUSES,
    AddResult,
    ChangePosition,
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
    QueueItem,
    QueuePage,
    RelatedClaim,
    SearchHit,
    StoreChanges,
    StoreSummary,
    UnknownStatusError,
)
from claimdesk.store.related import aliases
from claimdesk.store.related.conflicts import find_conflicts
from claimdesk.store.related.engine import Engine
from claimdesk.store.review_queue import QueueQuery
from claimdesk.store.search.searcher import ClaimSearch

_Method = TypeVar("_Method", bound=Callable[..., Any])

_DATABASE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, *driver_errors())
"""What a store call may fail with that is said in the store's terms."""


def _in_store_terms(method: _Method) -> _Method:
    """Report SQLite, server and disk failures of ``method`` as :class:`StoreError` lines
    ("disk full", "the store is damaged; run claimdesk check", "read-only")."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except _DATABASE_ERRORS as exc:
            translated = store_error(exc, self.path) or desk_error(exc, self.display_path)
            if translated is None:
                raise
            raise translated from exc

    return wrapper  # type: ignore[return-value]  # the same signature, wrapped


class Store:
    """One claimdesk database. Safe to share across threads (a connection per thread).

    The facade over the parts it owns, each built on the one :class:`Connections`
    handle: ``claim_search`` (keystroke search and its caches), ``related_engine``
    (related claims and theirs) and ``factcheck_matcher`` (known fact-checks, on the
    engine's aliases).

    ``actor`` is who makes the changes made through this object (their history
    names them; :meth:`undo` only ever undoes theirs); by default the login name.
    """

    def __init__(self, path: str | Path, mode: str = "rw", *, actor: str | None = None) -> None:
        self.path = str(path)
        self.actor = (actor or "").strip() or review.login_name()
        if self.path == ":memory:":
            # A shared in-memory database so every thread sees the same data. Named
            # uniquely: an id() comes back once the store is freed, while a connection
            # not yet collected would keep the old database (and its data) alive.
            self.path = f"file:claimdesk-{uuid.uuid4().hex}?mode=memory&cache=shared"
        self.connections = Connections(self.path, mode)
        self.claim_search = ClaimSearch(self.connections)
        self.related_engine = Engine(self.connections)
        self.factcheck_matcher = FactCheckMatcher(self.related_engine)

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True, actor: str | None = None) -> Store:
        """Open (creating and migrating as needed) the store at ``path``; changes are
        made as ``actor`` (default: the login name).

        A store in a read-only file or folder opens for reading (:attr:`read_only`);
        one written by a newer claimdesk raises :class:`NewerStoreError`.
        ``migrate=False`` leaves an older schema as it is (for :meth:`check`).
        """
        if is_postgres_url(str(path)):
            return cls._open_desk(str(path), migrate=migrate, actor=actor)
        if str(path) != ":memory:":
            path = Path(path).expanduser()
            if not path.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise ReadOnlyStoreError(
                        f"cannot create the store {path}: {exc.strerror or exc}"
                    ) from exc
        store = cls(path, actor=actor)
        try:
            db, mode = open_first(store.path)
            store.connections.mode = mode
            store.claim_search.vocabulary.mode = mode
            store.connections.adopt(db)
            db = store.connections.sqlite_db
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

    @classmethod
    def _open_desk(cls, url: str, *, migrate: bool, actor: str | None) -> Store:
        """Open the PostgreSQL store at ``url``; changes are made as ``actor``, else as the
        database role the connection logged in as."""
        from claimdesk.store.database.postgres import migrations as desk_migrations
        from claimdesk.store.database.postgres.adapter import PostgresDatabase

        store = cls(url, actor=actor)
        try:
            db = store.connections.db
            assert isinstance(db, PostgresDatabase)
            if migrate:
                desk_migrations.migrate(db, store.display_path)
            else:
                desk_migrations.check_not_newer(db, store.display_path)
            if not (actor or "").strip():
                store.actor = db.execute("SELECT current_user").fetchone()[0]
            if not desk_roles.may_write(db):
                store.connections.mode = "ro"  # a reader's role: the server refuses changes
        except _DATABASE_ERRORS as exc:
            translated = desk_error(exc, store.display_path)
            if translated is None:
                raise
            raise translated from exc
        return store

    @property
    def display_path(self) -> str:
        """Where the store is, to show: its file, or its server URL without the password."""
        return redacted(self.path)

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.connections.dialect.name

    @property
    def db(self) -> Database:
        """This thread's connection (a sqlite-utils ``Database`` on SQLite)."""
        return self.connections.db

    @property
    def read_only(self) -> bool:
        """Whether the store could only be opened for reading (changes fail with
        :class:`ReadOnlyStoreError`)."""
        return self.connections.read_only

    def close(self) -> None:
        """Close this thread's connection."""
        self.connections.close()

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
        disclaimer: str = "",
    ) -> AddResult:
        """Store ``text`` as a document and extract its claims (a no-op if already stored).

        Its language is detected; claims are extracted from English text only (the
        result's ``note`` says so otherwise). ``disclaimer`` is a note shown with the
        document, never part of its text.
        """
        text = documents.normalise_input_text(text)
        if not text.strip():
            return AddResult(doc_id=None, added=False, reason="empty document", path=path)
        parsed = ParsedDocument(
            text,
            title=title,
            source=source,
            url=url,
            published=published,
            path=path,
            disclaimer=disclaimer,
        )
        try:
            return add_document(self.connections, parsed)
        except (IngestStopped, IngestInterrupted) as stop:
            # one text: what stopped it, as it came (disk full, read-only)
            raise stop.cause from None

    def add_file(self, path: str | Path) -> AddResult:
        """Read one file (text, Markdown, HTML, PDF, Word, OpenDocument, e-mail, subtitles)
        and add it; refusals come back as ``reason``."""
        return inputs.add_file(self.connections, Path(path))

    def add_paths(
        self,
        paths: Iterable[str | Path],
        progress: Progress | None = None,
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
        return inputs.add_paths(
            self.connections,
            paths,
            progress=progress,
            batch_size=batch_size,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            workers=workers,
            timeout=timeout or DEFAULT_TIMEOUT,
        )

    def add_bytes(self, raw: bytes, *, name: str = "", **metadata: Any) -> AddResult:
        """Add raw bytes (standard input): decoded, front matter read.

        ``metadata`` (``title``, ``source``, ``url``, ``published``) overrides the
        front matter; ``max_bytes`` lowers or raises the 20 MB limit.
        """
        return inputs.add_bytes(self.connections, raw, name=name, **metadata)

    def add_stream(self, stream: BinaryIO, *, name: str = "", **metadata: Any) -> AddResult:
        """Add what a binary ``stream`` (standard input) holds, as :meth:`add_bytes` does,
        reading no more than the size limit (``max_bytes``) allows."""
        return inputs.add_stream(self.connections, stream, name=name, **metadata)

    def remove_document(self, doc_id: int) -> None:
        """Delete a document and its sentences; review history is kept (see :meth:`history`).

        Its ids are never given out again.
        """
        with write_transaction(self.db):
            title = documents.delete_document(self.db, doc_id)
            review.record(
                self.db,
                "doc-removed",
                claim_id=None,
                doc_id=doc_id,
                old=title,
                new="",
                actor=self.actor,
            )

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
        found = mark_at(document_extras.marks(self.db, doc_id, PAGE), offset)
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
        return follow_feed(self.connections, url, timeout=timeout or DEFAULT_TIMEOUT)

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
        progress: Progress | None = None,
        on_feed: Callable[[FeedUpdate], None] | None = None,
        timeout: float | None = None,
    ) -> list[FeedUpdate]:
        """Fetch every followed feed and add its new entries (the linked article pages).

        ``progress(done, total, result)`` over all new entries; ``on_feed(update)`` as
        each feed is done. Entries already stored are never fetched again.
        """
        return update_feeds(
            self.connections, progress=progress, on_feed=on_feed, timeout=timeout or DEFAULT_TIMEOUT
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
        return self.connections.generation()

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
        return list_claims(
            self.db,
            doc_id,
            status,
            include_sentences=include_sentences,
            limit=limit,
            offset=offset,
        )

    def sentences(self, doc_id: int) -> list[Claim]:
        """Every sentence of a document, claims and non-claims, in reading order."""
        return self.claims(doc_id, include_sentences=True)

    def claim(self, claim_id: int) -> Claim:
        """One claim (or sentence) by id; :class:`NotFoundError` if missing."""
        return get_claim(self.db, claim_id)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Claims matching ``query`` as typed (last word a prefix), best first."""
        return self.claim_search.search(query, limit)

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
        ``claim_id``, differ from it or contradict it, best first (at most ``limit``).

        Each has a 0..100 ``score``, a ``relation`` (agrees/differs/contradicts/related), a ``why``,
        and the same-incident ``evidence`` (0..1) with ``evidence_why``. ``weaker=True``
        appends up to ``limit`` weaker matches (``shown`` false; the same document's claims
        are among them); ``hidden=True`` also keeps links marked wrong. Identical sentences
        of several documents are one row (``copies``, ``also_in``). Cached per claim until
        documents are added or removed; verdicts (:meth:`mark_link`) count at once.
        """
        found = self.related_engine.for_claim(
            claim_id, limit, include_sentences, weaker=weaker, hidden=hidden
        )
        return changes.with_current_review(self.db, found, include_sentences)

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
            self.db,
            claim_id,
            other_id,
            verdict,
            actor=self.actor,
            relation=relation,
            score=score,
        )

    def link_feedback(self) -> list[LinkFeedback]:
        """Every current verdict on a related link, oldest first."""
        return review.link_feedback(self.db)

    def related_text(self, text: str, limit: int = 10) -> list[RelatedClaim]:
        """Stored claims related to free ``text`` (not itself stored), best first."""
        return self.related_engine.for_text(text, limit)

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
        return find_conflicts(self.related_engine, limit, since=since, progress=progress)

    def aliases(self) -> list[tuple[str, str, str]]:
        """Every alias as ``(alias, canonical, origin)``; origin is ``user`` or ``corpus``."""
        return aliases.list_aliases(self.db)

    def add_alias(self, alias: str, canonical: str) -> bool:
        """Make ``alias`` match ``canonical`` (``"DPRK"``, ``"North Korea"``); False if known."""
        with write_transaction(self.db):
            return aliases.add_alias(self.db, alias, canonical)

    def remove_alias(self, alias: str, canonical: str | None = None) -> int:
        """Forget ``alias`` (only its link to ``canonical`` if given); returns rows removed."""
        with write_transaction(self.db):
            return aliases.remove_alias(self.db, alias, canonical)

    def prepare_search(self) -> None:
        """Load the search vocabulary now (it serves prefixes and misspellings), for
        example in a worker at start-up, so the first keystrokes need not wait."""
        self.claim_search.prepare()

    # known fact-checks -----------------------------------------------------------
    def import_factchecks(
        self, path: str | Path, *, columns: dict[str, str] | None = None, reviewer: str = ""
    ) -> ImportReport:
        """Import one file of published fact-checks (ClaimReview JSON-LD, fact-check search
        results or CSV; ``columns`` maps fields to CSV headers); returns an ``ImportReport``.
        A fact-check imported again is updated, never duplicated."""
        return import_file(self.connections, path, columns=columns, reviewer=reviewer)

    def prepare_meaning(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Have the sentence model read every fact-check that it has not read (``progress``
        is called with how many are done and how many need it); whether "checked before"
        matches by meaning as well as by words (False when no model is installed).
        Importing fact-checks from the CLI calls it, and the reader in the background;
        until it has run a query reads at most a few itself and otherwise matches on words."""
        return self.factcheck_matcher.prepare_meaning(progress)

    def meaning_pending(self) -> int:
        """How many fact-checks the sentence model has yet to read (see :meth:`prepare_meaning`;
        0 without a model). While more than a few are pending, matching is on words alone."""
        return self.factcheck_matcher.meaning_pending()

    def factchecks(
        self, *, verdict: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[FactCheck]:
        """Stored fact-checks (``FactCheck``), newest review first; ``verdict``: one status."""
        return factcheck_table.listing(self.db, verdict=verdict, limit=limit, offset=offset)

    def factcheck_count(self) -> int:
        """How many fact-checks are stored."""
        return factcheck_table.count(self.db)

    def search_factchecks(self, query: str, limit: int = 20) -> list[FactCheck]:
        """Fact-checks whose claim or title holds every word of ``query``, best first."""
        return factcheck_table.search(self.db, query, limit)

    def checked_before(
        self, claim_id: int, limit: int = 5, *, include_weak: bool = False
    ) -> list[KnownCheck]:
        """Known fact-checks (``KnownCheck``) of claim ``claim_id``, best first: only confident
        matches unless ``include_weak``. The related pane shows these first."""
        text = self.claim(claim_id).text
        return known_checks(self.factcheck_matcher, text, limit, include_weak=include_weak)

    def checked_before_text(
        self, text: str, limit: int = 5, *, include_weak: bool = False
    ) -> list[KnownCheck]:
        """Known fact-checks of the claim free ``text`` makes (see :meth:`checked_before`)."""
        return known_checks(self.factcheck_matcher, text, limit, include_weak=include_weak)

    # exports -----------------------------------------------------------------
    def export(self, kind: str, selection: Selection | None = None, **options: Any) -> str:
        """The desk's work as ``claimreview``, ``annotations``, ``csv`` or ``markdown`` text;
        ``selection`` (an ``exports.Selection``) picks the claims, flagged or noted ones by
        default. ``options``: ``organisation``, ``bom``, ``by``, ``title``."""
        return export_text(self, kind, selection or Selection(), **options)

    def import_annotations(self, data: Any, *, replace: bool = False) -> ImportOutcome:
        """Re-attach exported notes and flags (parsed Web Annotation JSON) to these documents;
        returns an ``ImportOutcome`` (placed, unchanged, conflicts, unplaced)."""
        return import_annotations(self, data, replace=replace)

    # review ----------------------------------------------------------------
    def set_status(
        self, claim_id: int, status: str, *, expected_version: int | None = None
    ) -> Claim:
        """Flag a claim; unknown statuses raise :class:`UnknownStatusError` and write nothing.

        ``expected_version``: the :attr:`Claim.status_version` the caller saw; if the
        status changed since, :class:`VersionConflictError` is raised and nothing written.
        """
        review.change_claim(
            self.db, claim_id, "status", status, actor=self.actor, expected_version=expected_version
        )
        return self.claim(claim_id)

    def set_note(self, claim_id: int, text: str, *, expected_version: int | None = None) -> Claim:
        """Replace a claim's note (empty text clears it); ``expected_version`` as for
        :meth:`set_status` (:attr:`Claim.note_version`)."""
        review.change_claim(
            self.db, claim_id, "note", text, actor=self.actor, expected_version=expected_version
        )
        return self.claim(claim_id)

    def set_document_note(
        self, doc_id: int, text: str, *, expected_version: int | None = None
    ) -> Document:
        """Replace a document's note; ``expected_version`` as for :meth:`set_status`."""
        review.change_document_note(
            self.db, doc_id, text, actor=self.actor, expected_version=expected_version
        )
        return self.document(doc_id)

    def promote(self, claim_id: int) -> Claim:
        """Make a sentence that the extractor passed over a claim (reversible)."""
        review.change_claim(self.db, claim_id, "claim", "1", actor=self.actor)
        return self.claim(claim_id)

    def dismiss(self, claim_id: int) -> Claim:
        """Mark a claim as not a claim: kept as a sentence, hidden from claim lists."""
        review.change_claim(self.db, claim_id, "claim", "0", actor=self.actor)
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

    def removed_document_of(self, claim_id: int) -> RemovedDocument | None:
        """The :class:`~claimdesk.store.database.removal.RemovedDocument` claim ``claim_id``
        was in, if that document was removed (``None`` otherwise or when unknown)."""
        doc_id = removal.removed_claim_document(self.db, claim_id)
        return removal.removed_document(self.db, doc_id) if doc_id else None

    def undo(self) -> Event | None:
        """Revert this actor's newest change not yet undone; returns the undo event or ``None``.

        Never another actor's change: when someone changed the same value since,
        :class:`~claimdesk.store.models.ChangedSinceError` says who, and nothing is written.
        """
        return review.undo_last(self.db, self.actor)

    # other writers -----------------------------------------------------------
    def watch(self) -> Watcher:
        """A :class:`~claimdesk.store.changes.Watcher`: whether anything was committed
        since it last looked (another process's flag, an added document), for a few
        microseconds a question (on PostgreSQL: whether a notification has arrived)."""
        if self.connections.dialect.is_postgres:
            from claimdesk.store.database.postgres.notifications import DeskWatcher

            return DeskWatcher(self.path)
        return ChangeWatcher(self.path)

    def change_position(self) -> ChangePosition:
        """How far the store has come: its newest event and its documents' generation."""
        return changes.position(self.db)

    def changes_since(self, position: ChangePosition) -> StoreChanges:
        """The review events after ``position`` and the current rows of what they touched."""
        return changes.changes_since(self.db, position)

    def claims_by_id(self, ids: Iterable[int]) -> list[Claim]:
        """The claims (or sentences) with these ids that exist, in id order."""
        return list(changes.claims_by_id(self.db, ids))

    # the review queue ----------------------------------------------------------
    def queue(
        self,
        query: QueueQuery | None = None,
        limit: int = 200,
        offset: int = 0,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> QueuePage:
        """A page of the review queue: claims across the store by status, note, conflict or
        "new since", most check-worthy or newest first (see :class:`QueueQuery`).

        A conflicts queue goes through :meth:`conflicts` (``progress`` as there), so it
        takes as long; the others are read from indexes.
        """
        query = query or QueueQuery()
        if not query.conflicts:
            return review_queue.queue_page(self.db, query, limit, offset)
        sides: dict[int, tuple[Claim, str]] = {}
        for pair in self.conflicts(since=query.since, progress=progress):
            first, second = pair.claim, pair.other.claim
            sides.setdefault(first.id, (first, f"conflicts with: {second.text}"))
            sides.setdefault(second.id, (second, f"conflicts with: {first.text}"))
        listed = documents.list_documents(
            self.db, ids=sorted({c.doc_id for c, _ in sides.values()})
        )
        by_id = {d.id: d for d in listed}
        items = [
            QueueItem(claim, doc.title, doc.source, doc.published, doc.added, reason)
            for claim, reason in sides.values()
            if (doc := by_id.get(claim.doc_id)) is not None
        ]
        ordered = review_queue.sort_items([i for i in items if query.accepts(i)], query.order)
        return QueuePage(tuple(ordered[offset : offset + limit]), len(ordered), offset)

    # overview --------------------------------------------------------------
    def summary(self) -> StoreSummary:
        """Counts of documents, sentences, claims, flags and notes.

        Read from indexes (statuses from ``(status, is_claim, score)``, notes from the
        partial index of claims with a note): it is asked for after every change.
        """
        db = self.db
        docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        groups = db.execute(
            "SELECT status, is_claim, count(*) FROM claims GROUP BY status, is_claim"
        ).fetchall()
        by_status: dict[str, int] = {}
        for status, is_claim, count in groups:
            if is_claim:
                by_status[status] = by_status.get(status, 0) + count
        sents = sum(count for *_, count in groups)
        claims = sum(by_status.values())
        flagged = claims - by_status.get("unreviewed", 0)
        notes = db.execute("SELECT count(*) FROM claims WHERE note != ''").fetchone()[0]
        document_notes = db.execute("SELECT count(*) FROM documents WHERE note != ''").fetchone()[0]
        return StoreSummary(
            path=self.display_path,
            documents=docs,
            sentences=sents,
            claims=claims,
            flagged=flagged,
            notes=notes,
            by_status=by_status,
            document_notes=document_notes,
            orphaned=versions.orphan_count(db),
        )

    def orphans(self, doc_id: int | None = None) -> list[Claim]:
        """Reviewed claims of replaced versions whose note or flag found no sentence in the
        new version (of document ``doc_id``, the new version, or of every document)."""
        return versions.orphans(self.db, doc_id)

    def grant(self, name: str, access: str, *, password: str | None = None) -> bool:
        """Make the database role ``name`` a ``reader`` (reads and searches, changes nothing)
        or a ``writer`` of this desk store on PostgreSQL, enforced by the server's
        privileges; creates the login role if needed (returns whether it did)."""
        if not self.connections.dialect.is_postgres:
            raise StoreError(
                "roles are for desk stores on PostgreSQL; who may change a store file is"
                " whoever may write the file"
            )
        return desk_roles.grant(self.db, name, access, password)

    def check(self) -> CheckReport:
        """Check the file, its indexes and its search index; a
        :class:`~claimdesk.store.database.health.CheckReport` saying what is damaged.

        A SQLite file only: a PostgreSQL store's pages are its server's to check
        (:class:`StoreError` says so)."""
        return health.check(self._sqlite_file("check"))

    def repair(self) -> None:
        """Rebuild every index and the search index from the tables (what
        :meth:`check` calls repairable damage); a SQLite file only, as :meth:`check`."""
        health.repair(self._sqlite_file("repair"))

    def _sqlite_file(self, what: str) -> sqlite_utils.Database:
        if self.connections.dialect.is_postgres:
            raise StoreError(
                f"{what} reads a SQLite file; a PostgreSQL store is checked by its server"
                " (amcheck, REINDEX)"
            )
        return self.connections.sqlite_db


for _name, _method in list(vars(Store).items()):
    if callable(_method) and not _name.startswith("_") and _name != "open":
        setattr(Store, _name, _in_store_terms(_method))

__all__ = ["Store", "StoreError", "NotFoundError", "UnknownStatusError", "STATUSES"]
