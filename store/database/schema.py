"""The store's schema, as versioned, append-only sqlite-utils migrations.

Never edit a migration that has shipped: add a new one below it.

    >>> from claimdesk.store.database.connections import connect
    >>> db = connect(":memory:")
    >>> migrate(db)
    >>> "claims" in db.table_names()
    True
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("claimdesk")

FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """Documents, their sentences/claims, the review event log, aliases and metadata."""
    db["documents"].create(
        {
            "id": int,
            "sha256": str,
            "title": str,
            "source": str,
            "url": str,
            "published": str,
            "path": str,
            "added": str,
            "text": str,
            "length": int,
            "note": str,
        },
        pk="id",
        not_null={"sha256", "text", "added"},
        defaults={"title": "", "source": "", "url": "", "published": "", "path": "", "note": ""},
    )
    db["documents"].create_index(["sha256"], unique=True)
    # Every sentence is a row; ``is_claim`` is the effective decision (the
    # extractor's ``extracted`` unless the reader promoted or dismissed it).
    # Raw DDL because sqlite-utils cannot declare ON DELETE CASCADE.
    db.execute(
        """
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            norm TEXT NOT NULL DEFAULT '',
            is_claim INTEGER NOT NULL DEFAULT 0,
            extracted INTEGER NOT NULL DEFAULT 0,
            score REAL NOT NULL DEFAULT 0,
            kind TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            cue TEXT NOT NULL DEFAULT '',
            hedge TEXT NOT NULL DEFAULT '',
            numbers TEXT NOT NULL DEFAULT '[]',
            dates TEXT NOT NULL DEFAULT '[]',
            entities TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'unreviewed',
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db["claims"].create_index(["doc_id", "ordinal"], unique=True)
    db["claims"].create_index(["status"])
    db["claims"].create_index(["is_claim", "score"])
    db["claims"].enable_fts(["norm"], create_triggers=True, tokenize=FTS_TOKENIZE)
    # Append-only: rows are inserted, never updated or deleted. No foreign
    # keys, so removing a document never removes its review history.
    db["events"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "claim_id": int,
            "doc_id": int,
            "kind": str,
            "old": str,
            "new": str,
            "undo_of": int,
        },
        pk="id",
        not_null={"at", "kind"},
    )
    db["events"].create_index(["claim_id"])
    db["events"].create_index(["doc_id"])
    db.execute(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    db["aliases"].create(
        {"id": int, "alias": str, "canonical": str, "origin": str},
        pk="id",
        not_null={"alias", "canonical"},
        defaults={"origin": "user"},
    )
    db["aliases"].create_index(["alias", "canonical"], unique=True)
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["meta"].insert({"key": "generation", "value": "0"})


@migrations()
def m002_claims_fts_prefixes(db: sqlite_utils.Database) -> None:
    """Rebuild the claims index with prefix indexes, so typing one to three letters
    does not merge the postings of every word they start (keystroke search)."""
    db.execute("DROP TABLE claims_fts")
    db.execute(
        'CREATE VIRTUAL TABLE "claims_fts" USING FTS5 ("norm", '
        f"tokenize='{FTS_TOKENIZE}', prefix='1 2 3', content=\"claims\")"
    )
    db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")


@migrations()
def m003_claims_fts_update_on_norm_change(db: sqlite_utils.Database) -> None:
    """Re-index a claim only when its indexed text (``norm``) or its id changes.

    The update trigger that ``enable_fts`` created re-indexed the claim on every
    update, so each flag, note or status change rewrote its index entry. The
    trigger keeps its sqlite-utils name and statements, so sqlite-utils'
    ``disable_fts`` and ``enable_fts(replace=True)`` still recognise it.
    """
    db.execute('DROP TRIGGER IF EXISTS "claims_au"')
    db.execute(
        """
        CREATE TRIGGER "claims_au" AFTER UPDATE ON "claims"
        WHEN old."norm" IS NOT new."norm" OR old.rowid IS NOT new.rowid
        BEGIN
          INSERT INTO "claims_fts" ("claims_fts", rowid, "norm") VALUES('delete', old.rowid, old."norm");
          INSERT INTO "claims_fts" (rowid, "norm") VALUES (new.rowid, new."norm");
        END
        """
    )


@migrations()
def m004_claims_review_counts_index(db: sqlite_utils.Database) -> None:
    """Count each document's claims and reviewed claims from an index alone.

    The documents list counts both for every document; through the
    ``(doc_id, ordinal)`` index that meant reading every claim row, text and all
    (about 2 s at a million claims). This index holds what the counts need.
    """
    db["claims"].create_index(
        ["doc_id", "is_claim", "status"], index_name="claims_doc_review", if_not_exists=True
    )


@migrations()
def m008_related_feedback_and_names(db: sqlite_utils.Database) -> None:
    """The reader's verdicts on related links, the other claim of a link event, and each
    document's proper names.

    ``link_feedback`` holds the current verdict of each pair of claims (stored once, lower
    id first); every change is also an ``events`` row of kind ``link`` whose ``other_id``
    is the other claim. A removed claim takes its verdicts with it; the events stay.
    ``documents.names`` holds the document's name words (written at ingest; ``NULL`` for
    documents stored before, which are read from their text when needed).
    """
    db.execute("ALTER TABLE events ADD COLUMN other_id INTEGER")
    db.execute("ALTER TABLE documents ADD COLUMN names TEXT")
    db.execute(
        """
        CREATE TABLE link_feedback (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            verdict TEXT NOT NULL,
            relation TEXT NOT NULL DEFAULT '',
            score REAL,
            at TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (claim_id, other_id)
        )
        """
    )
    db["link_feedback"].create_index(["other_id"])


@migrations()
def m009_factchecks(db: sqlite_utils.Database) -> None:
    """Known fact-checks: published reviews of claims, imported from ClaimReview, fact-check
    search results or CSV, and matched against the desk's claims ("checked before").

    ``key`` makes re-importing the same review an update: the review's own id, else its URL
    with the claim, else the reviewer with the claim. ``verdict`` is the rating as one of
    claimdesk's statuses where the mapping is clear, else empty; ``norm`` (claim and title,
    folded) is what the full-text index and the matcher read.
    """
    db["factchecks"].create(
        {
            "id": int,
            "key": str,
            "claim": str,
            "claimant": str,
            "claim_date": str,
            "title": str,
            "reviewer": str,
            "reviewer_url": str,
            "rating": str,
            "verdict": str,
            "rating_value": float,
            "best_rating": float,
            "worst_rating": float,
            "url": str,
            "review_date": str,
            "language": str,
            "appearance": str,
            "origin": str,
            "norm": str,
            "added": str,
            "updated": str,
        },
        pk="id",
        not_null={"key", "claim", "norm", "added", "updated"},
        defaults={
            "claimant": "",
            "claim_date": "",
            "title": "",
            "reviewer": "",
            "reviewer_url": "",
            "rating": "",
            "verdict": "",
            "url": "",
            "review_date": "",
            "language": "",
            "appearance": "",
            "origin": "",
        },
    )
    db["factchecks"].create_index(["key"], unique=True)
    db["factchecks"].create_index(["verdict"])
    db["factchecks"].enable_fts(["norm"], create_triggers=True, tokenize=FTS_TOKENIZE)
    db["meta"].upsert({"key": "factchecks_generation", "value": "0"}, pk="key")


@migrations()
def m010_origins_marks_and_feeds(db: sqlite_utils.Database) -> None:
    """Where documents come from, where their pages and cues start, and followed feeds.

    ``document_origins``: how each document was read (pdf, email, web page, ...), its
    author, when it was fetched, and the e-mail it was attached to. ``document_marks``:
    page and cue starts as offsets into the text. ``feeds``, ``feed_entries`` (every entry
    seen, with the document it became) and ``feed_updates`` (one row per ``update``, with
    the highest document id before it: what came after is new since that update).
    Raw DDL because sqlite-utils cannot declare ON DELETE actions.
    """
    db.execute(
        """
        CREATE TABLE document_origins (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            fetched TEXT NOT NULL DEFAULT '',
            parent_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
        )
        """
    )
    db.execute("CREATE INDEX document_origins_parent ON document_origins (parent_id)")
    db.execute(
        """
        CREATE TABLE document_marks (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (doc_id, kind, start)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            followed TEXT NOT NULL,
            checked TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            etag TEXT NOT NULL DEFAULT '',
            modified TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE feed_entries (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            entry_key TEXT NOT NULL,
            link TEXT NOT NULL DEFAULT '',
            doc_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            seen TEXT NOT NULL,
            problem TEXT NOT NULL DEFAULT '',
            UNIQUE (feed_id, entry_key)
        )
        """
    )
    db.execute("CREATE INDEX feed_entries_doc ON feed_entries (doc_id)")
    db.execute(
        """
        CREATE TABLE feed_updates (
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT NOT NULL DEFAULT '',
            last_doc_before INTEGER NOT NULL DEFAULT 0,
            feeds INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0
        )
        """
    )


def migrate(db: sqlite_utils.Database) -> None:
    """Apply every pending migration (a new file gets them all)."""
    migrations.apply(db)
