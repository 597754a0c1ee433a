"""Later migrations: the claims search index follows ``norm`` only, so review changes leave
it alone (m003); the documents list counts claims from an index (m004); link verdicts
and document names (m008)."""

from __future__ import annotations

import pytest

from claimdesk.store import Store
from claimdesk.store.database.connections import connect
from claimdesk.store.database.documents import now_iso, sha256_of
from claimdesk.store.database.schema import migrate, migrations
from claimdesk.store.extract.extractor import extract

pytestmark = pytest.mark.sqlite_only(
    "SQLite's own migrations and FTS5 index (PostgreSQL's: test_postgres_schema)"
)

TEXT = (
    "Officials said 40 people died in the flood on Monday. "
    "Rescue teams reached the village on Tuesday.\n\n"
    "The mayor reportedly asked for 200 more tents."
)


def index_pages(store: Store) -> list[tuple]:
    """Every stored page of the FTS5 index: any re-indexing writes here."""
    return store.db.execute("SELECT id, block FROM claims_fts_data ORDER BY id").fetchall()


def search_texts(store: Store, query: str) -> list[str]:
    return sorted(h.claim.text for h in store.search(query))


def update_trigger_sql(db) -> str:
    return db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'claims_au'"
    ).fetchone()[0]


def test_status_note_and_review_changes_leave_the_index_untouched(store):
    doc = store.add_text(TEXT, title="Flood")
    claim = store.claims(doc.doc_id)[0]
    before = index_pages(store)
    store.set_status(claim.id, "needs-check")
    store.set_note(claim.id, "call the ministry about the tents")
    store.dismiss(claim.id)
    store.promote(claim.id)
    store.set_status(claim.id, "verified")
    store.undo()
    assert index_pages(store) == before
    assert search_texts(store, "flood") == [claim.text]
    assert search_texts(store, "ministry") == []  # notes are not indexed


def test_a_norm_change_reindexes_the_claim(store):
    doc = store.add_text(TEXT, title="Flood")
    claim = store.claims(doc.doc_id)[0]
    before = index_pages(store)
    with store.db.atomic():
        store.db.execute(
            "UPDATE claims SET norm = ? WHERE id = ?", ["landslide in the hills", claim.id]
        )
    assert index_pages(store) != before
    assert search_texts(store, "landslide") == [claim.text]
    assert search_texts(store, "flood") == []
    store.db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")


def test_deleting_a_document_still_removes_its_claims_from_the_index(store):
    doc = store.add_text(TEXT, title="Flood")
    store.remove_document(doc.doc_id)
    assert search_texts(store, "flood") == []
    store.db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")


def test_an_existing_store_migrates_and_keeps_its_index(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    migrations.apply(db, stop_before="m003_claims_fts_update_on_norm_change")
    assert "WHEN" not in update_trigger_sql(db)
    db.conn.close()

    doc_id = write_as_previous_release(path, TEXT)

    store = Store.open(path)
    assert migrations.pending(store.db) == []
    assert "WHEN" in update_trigger_sql(store.db)
    assert store.document(doc_id).language == ""  # stored before detection
    claim = store.claims(doc_id)[0]
    before = index_pages(store)
    store.set_status(claim.id, "false")
    assert index_pages(store) == before
    assert search_texts(store, "rescue village") == [store.claims(doc_id)[1].text]
    # documents stored before their names were kept get them read from their text
    assert store.db.execute("SELECT names FROM documents").fetchall() == [(None,)]
    store.close()


def write_as_previous_release(path, text: str) -> int:
    """Store ``text`` with the columns an older release wrote (no migration run)."""
    db = connect(path)
    with db.atomic():
        doc_id = db.execute(
            "INSERT INTO documents (sha256, title, added, text, length) VALUES (?, ?, ?, ?, ?)",
            [sha256_of(text), "Flood", now_iso(), text, len(text)],
        ).lastrowid
        for i, s in enumerate(extract(text)):
            db.execute(
                'INSERT INTO claims (doc_id, ordinal, start, "end", text, norm, is_claim,'
                " extracted, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, i, s.start, s.end, s.text, s.norm, s.is_claim, s.is_claim, s.score],
            )
    db.conn.close()
    return doc_id


def test_sqlite_utils_still_sees_the_triggers_it_created(tmp_path):
    db = connect(tmp_path / "fts.db")
    migrate(db)
    assert {"claims_ai", "claims_ad", "claims_au"} <= set(db["claims"].triggers_dict)
    assert db["claims"].detect_fts() == "claims_fts"
    db["claims"].disable_fts()
    assert not {"claims_ai", "claims_ad", "claims_au"} & set(db["claims"].triggers_dict)


def test_document_counts_come_from_an_index(store):
    from claimdesk.store.database.row_mapping import DOCUMENT_COLUMNS

    plan = store.db.execute(
        f"EXPLAIN QUERY PLAN SELECT {DOCUMENT_COLUMNS} FROM documents d ORDER BY d.id"
    ).fetchall()
    counts = [detail for *_, detail in plan if detail.startswith("SEARCH c ")]
    assert len(counts) == 3
    assert all("COVERING INDEX claims_doc_review" in detail for detail in counts[:2])
    # claims with a note: a partial index that holds only those (m011)
    assert "INDEX claims_with_notes" in counts[2]


OLD_TEXT = "Kyiv said 100 soldiers were killed in the Sudzha assault at 6 p.m. on Monday."
OLD_NUMBERS = (
    '[{"value": 100.0, "text": "100", "qualifier": "", "counts": "soldiers", "start": 10,'
    ' "end": 13}, {"value": 6.0, "text": "6", "qualifier": "", "counts": "p", "start": 60,'
    ' "end": 61}]'
)


def test_sentences_stored_before_typed_facts_are_read_again(tmp_path):
    from claimdesk.store.related.stored_facts import FACTS_FROM, StoredFacts

    path = tmp_path / "old.db"
    db = connect(path)
    migrations.apply(db, stop_before="m007_facts_read_at_ingest")
    with db.conn:  # as the previous release stored it: figures untyped, a clock time among them
        doc = db.execute(
            "INSERT INTO documents (sha256, title, added, text, length, published)"
            " VALUES ('x', 'Old', '2024-12-20T00:00:00+00:00', ?, ?, '2024-12-18')",
            [OLD_TEXT, len(OLD_TEXT)],
        ).lastrowid
        db.execute(
            'INSERT INTO claims (doc_id, ordinal, start, "end", text, norm, is_claim, extracted,'
            ' score, numbers, entities) VALUES (?, 0, 0, ?, ?, ?, 1, 1, 0.9, ?, \'["Kyiv", "Sudzha"]\')',
            [doc, len(OLD_TEXT), OLD_TEXT, OLD_TEXT.lower(), OLD_NUMBERS],
        )
    db.conn.close()

    store = Store.open(path)
    (old,) = store.claims()
    first_typed = store.db.execute("SELECT value FROM meta WHERE key = ?", [FACTS_FROM]).fetchone()
    assert int(first_typed[0]) == old.id + 1
    assert [f.counts for f in old.numbers] == ["soldiers", "p"]  # the old fields still decode
    side = StoredFacts(store).side(old)
    assert [(f.text, f.unit) for f in side.figures] == [("100", "people"), ("6", "clock")]
    assert side.figures[0].outcome == ("death",)
    assert side.figures[0].window == "day:2024-12-16..2024-12-16"  # Monday, from the published date

    new = store.add_text(
        "Kyiv said more than 3,000 soldiers were killed in the Sudzha assault on Monday.",
        title="New",
        published="2024-12-18",
    )
    (fresh,) = store.claims(new.doc_id)
    assert fresh.numbers[0].bound == "more_than"  # stored typed, not read again
    found = [h for h in store.related(old.id) if h.claim.id == fresh.id]
    assert found and found[0].relation == "contradicts"
    store.close()
