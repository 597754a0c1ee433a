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
def m007_facts_read_at_ingest(db: sqlite_utils.Database) -> None:
    """Sentences are stored with typed facts from here on: each figure's unit, bound,
    counted thing, outcome, time window and place, each date's resolved days and event
    (in the ``numbers`` and ``dates`` columns). Sentences stored before were read by the
    previous reader: the first id past them is recorded (``meta``: ``facts_from_claim``),
    and matching reads those again from their text rather than trust the old fields.
    """
    first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]
    db["meta"].insert({"key": "facts_from_claim", "value": str(first)}, replace=True)


def migrate(db: sqlite_utils.Database) -> None:
    """Apply every pending migration (a new file gets them all)."""
    migrations.apply(db)
