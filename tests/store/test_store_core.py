"""Documents, sentences, migrations and connections on throwaway databases."""

from __future__ import annotations

import threading

import pytest

from claimdesk.store import Store
from claimdesk.store.database.connections import connect
from claimdesk.store.database.schema import migrate, migrations

TEXT = "Officials said 40 people died on Monday. The river rose by 3 metres overnight."


def test_migrations_apply_to_an_empty_file_and_are_idempotent(tmp_path):
    path = tmp_path / "fresh.db"
    db = connect(path)
    migrate(db)
    first = [m.name for m in migrations.applied(db)]
    migrate(db)
    assert [m.name for m in migrations.applied(db)] == first
    assert {"documents", "claims", "claims_fts", "events", "aliases", "meta"} <= set(
        db.table_names()
    )
    assert migrations.pending(db) == []


@pytest.mark.sqlite_only("SQLite's connection settings")
def test_pragmas(store):
    db = store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_add_text_round_trip_and_offsets(store):
    result = store.add_text(TEXT, title="Flood", source="Wire", url="https://x.test/a")
    assert result.added and result.doc_id
    doc = store.document(result.doc_id)
    assert (doc.title, doc.source, doc.url, doc.text) == ("Flood", "Wire", "https://x.test/a", TEXT)
    sentences = store.sentences(result.doc_id)
    assert sentences
    for s in sentences:
        assert doc.text[s.start : s.end] == s.text
    assert [s.ordinal for s in sentences] == list(range(len(sentences)))


def test_same_content_twice_is_a_no_op(store):
    first = store.add_text(TEXT)
    second = store.add_text(TEXT, title="other title")
    assert not second.added and second.doc_id == first.doc_id
    assert len(store.documents()) == 1


def test_text_is_stored_nfc_with_unix_newlines(store):
    result = store.add_text("Cafe\u0301 owners said 12 shops closed.\r\nPolice said 3 were hurt.")
    text = store.document(result.doc_id).text
    assert "Caf\u00e9" in text and "\r" not in text


def test_empty_text_is_refused(store):
    result = store.add_text("   \n ")
    assert not result.added and result.reason == "empty document"


def test_generation_changes_on_add_and_remove(store):
    g0 = store.generation()
    result = store.add_text(TEXT)
    g1 = store.generation()
    store.remove_document(result.doc_id)
    assert g0 < g1 < store.generation()
    assert store.claims() == []


def test_each_thread_gets_its_own_connection(store):
    store.add_text(TEXT)
    seen = {}

    def read():
        seen["conn"] = store.db.conn
        seen["docs"] = len(store.documents())

    t = threading.Thread(target=read)
    t.start()
    t.join()
    assert seen["docs"] == 1
    assert seen["conn"] is not store.db.conn


def test_memory_store_is_shared_between_threads():
    store = Store.open(":memory:")
    store.add_text(TEXT)
    counts = []
    t = threading.Thread(target=lambda: counts.append(len(store.documents())))
    t.start()
    t.join()
    assert counts == [1]


def test_a_new_memory_store_never_sees_a_freed_ones_data():
    """Stores are freed when dropped (nothing keeps them alive), and a new one may take a
    freed one's place in memory: it must still start empty."""
    paths = set()
    for n in range(30):
        store = Store.open(":memory:")
        assert store.summary().documents == 0
        store.add_text(f"Officials said {n + 10} people died.")
        store.related(store.claims()[0].id)  # builds the related engine and its caches
        paths.add(store.path)
        del store
    assert len(paths) == 30


def test_summary_counts(store):
    store.add_text(TEXT)
    claim = store.claims()[0]
    store.set_status(claim.id, "verified")
    store.set_note(claim.id, "ok")
    summary = store.summary()
    assert summary.documents == 1
    assert summary.flagged == 1 and summary.notes == 1
    assert summary.by_status["verified"] == 1
