"""The store's schema, as versioned, append-only sqlite-utils migrations.

Never edit a migration that has shipped: add a new one below it.

    >>> from claimdesk.store.database.connections import connect
    >>> db = connect(":memory:")
    >>> migrate(db)
    >>> "claims" in db.table_names()
    True
"""

from __future__ import annotations

import re

import sqlite_utils
from sqlite_utils.migrations import Migrations

from claimdesk.store.database.connections import write_transaction
from claimdesk.store.errors import NewerStoreError

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


def _table_sql(db: sqlite_utils.Database, kind: str, table: str) -> list[str]:
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL"
        " ORDER BY rowid",
        [kind, table],
    ).fetchall()
    return [r[0] for r in rows]


_CREATE_NAME = re.compile(r'^CREATE TABLE\s+(?:"\w+"|\[\w+\]|\w+)', re.I)
_ID_KEY = re.compile(r'(["\[]?id["\]]?\s+INTEGER\s+PRIMARY\s+KEY)(?!\s+AUTOINCREMENT)', re.I)


def _autoincrement_sql(sql: str, new_name: str) -> str:
    """``CREATE TABLE`` ``sql`` renamed to ``new_name``, its ``id`` key made AUTOINCREMENT."""
    sql = _CREATE_NAME.sub(f'CREATE TABLE "{new_name}"', sql, count=1)
    return _ID_KEY.sub(r"\1 AUTOINCREMENT", sql, count=1)


def _removed_ranges(db: sqlite_utils.Database, table: str, upto: int) -> list[tuple[int, int]]:
    """``(first, last)`` id ranges up to ``upto`` that ``table`` no longer holds."""
    ranges = db.execute(
        f"SELECT id + 1, nxt - 1 FROM (SELECT id, lead(id) OVER (ORDER BY id) AS nxt FROM {table})"
        " WHERE nxt > id + 1"
    ).fetchall()
    low, high = db.execute(f"SELECT min(id), max(id) FROM {table}").fetchone()
    if low is None:
        return [(1, upto)] if upto >= 1 else []
    if low > 1:
        ranges.append((1, low - 1))
    if upto > high:
        ranges.append((high + 1, upto))
    return sorted(ranges)


@migrations()
def m005_ids_never_reused(db: sqlite_utils.Database) -> None:
    """Document and claim ids are never given out again once removed (AUTOINCREMENT).

    Before, removing the newest document let the next one take its ids, and the
    review history kept for the removed claims showed up on the new ones. The
    two tables are rebuilt with AUTOINCREMENT keys (rows, indexes and search
    index entries keep their ids), the next id starts above every id the
    history mentions, and the ids of removed documents and claims are recorded
    (``removed_documents``, ``removed_claims``) so that a missing id can be told
    apart from a damaged page.
    """
    events_doc, events_claim = db.execute(
        "SELECT coalesce(max(doc_id), 0), coalesce(max(claim_id), 0) FROM events"
    ).fetchone()
    top_doc = max(
        events_doc, db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
    )
    top_claim = max(
        events_claim, db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
    )
    db.execute(
        "CREATE TABLE removed_documents (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '',"
        " source TEXT NOT NULL DEFAULT '', path TEXT NOT NULL DEFAULT '',"
        " url TEXT NOT NULL DEFAULT '', removed TEXT NOT NULL DEFAULT '')"
    )
    db.execute(
        "CREATE TABLE removed_claims (first INTEGER PRIMARY KEY, last INTEGER NOT NULL,"
        " doc_id INTEGER)"
    )
    for first, last in _removed_ranges(db, "documents", top_doc):
        db.conn.executemany(
            "INSERT INTO removed_documents (id) VALUES (?)", ((i,) for i in range(first, last + 1))
        )
    db.conn.executemany(
        "INSERT INTO removed_claims (first, last) VALUES (?, ?)",
        _removed_ranges(db, "claims", top_claim),
    )
    if "AUTOINCREMENT" not in _table_sql(db, "table", "documents")[0].upper():
        _rebuild_with_autoincrement(db)
    for table, top in (("documents", top_doc), ("claims", top_claim)):
        db.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, top])


def _rebuild_with_autoincrement(db: sqlite_utils.Database) -> None:
    """Copy documents and claims into AUTOINCREMENT tables of the same columns, in place.

    Foreign keys stay on: the new claims table refers to the new documents
    table, so dropping the old ones cascades nothing, and renaming the new
    documents table updates that reference.
    """
    saved = [
        sql
        for table in ("documents", "claims")
        for kind in ("index", "trigger")
        for sql in _table_sql(db, kind, table)
    ]
    documents_sql = _table_sql(db, "table", "documents")[0]
    claims_sql = _table_sql(db, "table", "claims")[0]
    db.execute(_autoincrement_sql(documents_sql, "documents_new"))
    db.execute("INSERT INTO documents_new SELECT * FROM documents")
    claims_sql = re.sub(
        r'REFERENCES\s+"?documents"?\s*\(', 'REFERENCES "documents_new"(', claims_sql, flags=re.I
    )
    db.execute(_autoincrement_sql(claims_sql, "claims_new"))
    db.execute("INSERT INTO claims_new SELECT * FROM claims")
    db.execute("DROP TABLE claims")
    db.execute("DROP TABLE documents")
    db.execute("ALTER TABLE documents_new RENAME TO documents")
    db.execute("ALTER TABLE claims_new RENAME TO claims")
    for sql in saved:
        db.execute(sql)
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"claims without a document after the rebuild: {problems[:3]}")


@migrations()
def m005_review_versions(db: sqlite_utils.Database) -> None:
    """Notes and statuses carry a version, so a save over a change the writer did not see
    is refused instead of silently replacing it; events are indexed by what they undo."""
    db.execute("ALTER TABLE claims ADD COLUMN note_version INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE claims ADD COLUMN status_version INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE documents ADD COLUMN note_version INTEGER NOT NULL DEFAULT 0")
    # undo looks for the newest change not undone yet: "is there an undo of this event"
    db["events"].create_index(["undo_of"], index_name="events_undo_of")


@migrations()
def m005_document_versions(db: sqlite_utils.Database) -> None:
    """A document added again with changes is a new version of the old one.

    ``replaces`` / ``replaced_by`` link the versions; ``anchors`` records where
    each reviewed claim of the old version went in the new one (``exact``,
    ``moved``, ``fuzzy``) or that it found no sentence to go to (``orphaned``).
    """
    db.execute("ALTER TABLE documents ADD COLUMN replaces INTEGER")
    db.execute("ALTER TABLE documents ADD COLUMN replaced_by INTEGER")
    db["documents"].create_index(["path"], index_name="documents_path")
    db["documents"].create_index(["url"], index_name="documents_url")
    db["documents"].create_index(["title", "source"], index_name="documents_title_source")
    db.execute(
        "CREATE TABLE anchors (claim_id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL,"
        " new_claim_id INTEGER, how TEXT NOT NULL, score REAL NOT NULL DEFAULT 0)"
    )
    db["anchors"].create_index(["doc_id"], index_name="anchors_doc")


@migrations()
def m006_language_page_roles_source_lines(db: sqlite_utils.Database) -> None:
    """Each document's language and front-matter disclaimer; each sentence's page role;
    the lines each source has printed, to find its boilerplate.

    ``documents.language`` is an ISO 639-1 code (``""``: stored before detection);
    ``documents.disclaimer`` is the front matter's ``disclaimer:`` (or ``note:``) line,
    shown with the document and never a claim. ``claims.role`` is ``""`` (body text),
    ``"heading"`` or ``"boilerplate"``; ``claims.heading_level`` 1-6 for headings;
    ``claims.boilerplate`` the boilerplate class. ``source_lines`` holds a hash of every
    short line of every document that names its source (its outlet, or its URL's host),
    so a line the same source printed in other documents is found with one index lookup.
    """
    db.execute("ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE documents ADD COLUMN disclaimer TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX documents_language ON documents (language)")
    db.execute("ALTER TABLE claims ADD COLUMN role TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE claims ADD COLUMN heading_level INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE claims ADD COLUMN boilerplate TEXT NOT NULL DEFAULT ''")
    db.execute(
        """
        CREATE TABLE source_lines (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            hash INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX source_lines_lookup ON source_lines (source, hash)")
    db.execute("CREATE INDEX source_lines_doc ON source_lines (doc_id)")


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


@migrations()
def m011_review_queue_indexes(db: sqlite_utils.Database) -> None:
    """Pages of the review queue straight from indexes.

    A status's claims, most check-worthy first, come from ``(status, is_claim,
    score)``, which replaces the ``status`` index it starts with (so ingest keeps as
    many indexes to update); claims with a note (and each document's count of them)
    from a partial index that holds only those; the newest documents first from
    ``(published, id)``.
    """
    db.execute("DROP INDEX IF EXISTS idx_claims_status")
    db["claims"].create_index(
        ["status", "is_claim", "score"], index_name="claims_status_score", if_not_exists=True
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS claims_with_notes ON claims (doc_id, score) WHERE note != ''"
    )
    db["documents"].create_index(
        ["published", "id"], index_name="documents_published", if_not_exists=True
    )


@migrations()
def m012_factcheck_meaning(db: sqlite_utils.Database) -> None:
    """What each known fact-check means, as the sentence model's vector (derived data).

    ``model`` names the model's exact weights and ``digest`` the text it read (claim and
    title), so a vector from another model or of an older wording is computed again.
    Rebuilt, not copied, when a store moves (:mod:`~claimdesk.store.factchecks.meaning`).
    """
    db.execute(
        """
        CREATE TABLE factcheck_meaning (
            factcheck_id INTEGER PRIMARY KEY REFERENCES factchecks (id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            digest TEXT NOT NULL,
            vector BLOB NOT NULL
        )
        """
    )


SCHEMA_VERSION = len(migrations._migrations)
"""The ``user_version`` this claimdesk writes: how many migrations it knows."""


def unknown_migrations(db: sqlite_utils.Database) -> list[str]:
    """Migrations applied to the store that this claimdesk does not know (a newer one wrote it)."""
    known = {m.name for m in migrations._migrations}
    return [m.name for m in migrations.applied(db) if m.name not in known]


def check_not_newer(db: sqlite_utils.Database, path: str = "") -> None:
    """Refuse a store written by a newer claimdesk (:class:`NewerStoreError`)."""
    unknown = unknown_migrations(db)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if unknown or version > SCHEMA_VERSION:
        what = (
            f"changes this version does not know: {', '.join(unknown)}"
            if unknown
            else (f"schema version {version}, this claimdesk knows up to {SCHEMA_VERSION}")
        )
        where = f" {path}" if path else ""
        raise NewerStoreError(
            f"the store{where} was written by a newer claimdesk ({what}); upgrade claimdesk to"
            " open it"
        )


def migrate(db: sqlite_utils.Database, path: str = "") -> None:
    """Apply every pending migration (a new file gets them all), all in one write transaction.

    Raises :class:`NewerStoreError` for a store written by a newer claimdesk.
    """
    check_not_newer(db, path)
    if migrations.applied(db) and not migrations.pending(db):
        return
    with write_transaction(db):
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def id_counters(db: sqlite_utils.Database) -> dict[str, int]:
    """The highest id each AUTOINCREMENT table has given out (removed rows' ids included)."""
    rows = db.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    return {name: int(seq) for name, seq in rows}


def raise_id_counters(
    db: sqlite_utils.Database, tables: tuple[str, ...], given: dict[str, int]
) -> None:
    """Make the counter of each AUTOINCREMENT table of ``tables`` start past ``given``
    (never lowering one that is higher): ``claimdesk copy`` brings rows with their ids,
    and a store never gives an id out twice. Other tables number from their highest row."""
    counted = {
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'"
        ).fetchall()
    }
    for table, top in given.items():
        if table not in counted or table not in tables:
            continue
        updated = db.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", [top, table]
        )
        if updated.rowcount == 0:
            db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, top])
