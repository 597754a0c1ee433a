"""Copying a whole store: every record, its ids and history, checked table by table."""

from __future__ import annotations

import pytest

from claimdesk.store import Store
from claimdesk.store.database.store_copy import (
    RECORD_TABLES,
    CopyError,
    copy_store,
    row_counts,
    table_digest,
)
from tests.store.store_with_history import fill

DERIVED_PREFIXES = ("claims_fts", "factchecks_fts", "factcheck_meaning", "sqlite_", "_sqlite_")


@pytest.fixture
def filled(tmp_path) -> tuple[Store, dict[str, int]]:
    """A store with a row in every kind of record table."""
    source = Store.open(tmp_path / "source.db", actor="ana")
    ids = fill(source, tmp_path)
    yield source, ids
    source.close()


def test_every_table_is_either_copied_or_derived(tmp_path):
    store = Store.open(tmp_path / "s.db")
    tables = set(store.db.table_names())
    derived = {t for t in tables if t.startswith(DERIVED_PREFIXES)}
    assert tables - derived == set(RECORD_TABLES)


def test_every_postgresql_table_is_either_copied_or_derived(pg_dsn):
    desk = Store.open(pg_dsn)
    tables = set(desk.db.table_names())
    derived = {t for t in tables if t.endswith(("_search", "_terms"))} | {
        "claimdesk_migrations",
        "factcheck_meaning",
    }
    assert tables - derived == set(RECORD_TABLES)


def test_copy_keeps_every_row_id_and_event(filled, tmp_path):
    source, ids = filled
    target = Store.open(tmp_path / "copy.db", actor="ana")
    counts = row_counts(source.db)
    report = copy_store(source, target)
    assert report.matched, report.mismatched()
    assert {t.name: t.target_rows for t in report.tables} == counts
    # the store held something in every table the fill touches
    for table in (
        "documents",
        "claims",
        "events",
        "aliases",
        "removed_documents",
        "removed_claims",
        "source_lines",
        "link_feedback",
        "factchecks",
    ):
        assert counts[table] > 0, table
    assert [d.id for d in target.documents()] == [d.id for d in source.documents()]
    assert target.history() == source.history()
    assert target.link_feedback() == source.link_feedback()
    flagged = ids["flagged"]
    assert target.claim(flagged) == source.claim(flagged)
    assert target.document(ids["wire"]).note == "Wire copy, second hand."


def test_copy_is_searchable_and_gives_out_no_old_id(filled, tmp_path):
    source, ids = filled
    target = Store.open(tmp_path / "copy.db", actor="ana")
    copy_store(source, target)
    assert [h.claim.id for h in target.search("valencia")] == [
        h.claim.id for h in source.search("valencia")
    ]
    assert target.factcheck_count() == 1
    added = target.add_text("Police said 3 people were hurt on Friday.", title="Later")
    assert added.doc_id is not None and added.doc_id > ids["removed"]
    # the copy still knows the removed document's claims were removed, not lost
    gone = target.removed_document_of(ids["removed_claim"])
    assert gone is not None and gone.id == ids["removed"]
    later = target.claims(added.doc_id)[0].id
    assert later > ids["removed_claim"]


def test_undo_in_the_copy_undoes_the_actors_last_change(filled, tmp_path):
    source, ids = filled
    target = Store.open(tmp_path / "copy.db", actor="ana")
    copy_store(source, target)
    undone = target.undo()
    expected = source.undo()
    assert undone is not None and expected is not None
    assert (undone.kind, undone.claim_id, undone.doc_id) == (
        expected.kind,
        expected.claim_id,
        expected.doc_id,
    )


def test_a_destination_holding_records_is_refused(filled, tmp_path):
    source, _ = filled
    target = Store.open(tmp_path / "busy.db")
    target.add_text("The mayor said 9 bridges closed.", title="Bridges")
    with pytest.raises(CopyError, match=r"not empty \(1 documents, 1 claims"):
        copy_store(source, target)
    assert [d.title for d in target.documents()] == ["Bridges"]


def test_a_changed_row_changes_the_checksum(filled):
    source, ids = filled
    before = table_digest(source.db, "claims")
    source.set_note(ids["flagged"], "Ask the ministry for the full list.")
    after = table_digest(source.db, "claims")
    assert before.rows == after.rows and before.hexdigest() != after.hexdigest()


def test_sqlite_to_postgresql_and_back_gives_the_same_tables(filled, tmp_path, pg_dsn):
    source, ids = filled
    desk = Store.open(pg_dsn, actor="ana")
    there = copy_store(source, desk)
    assert there.matched, there.mismatched()
    assert desk.history() == source.history()
    assert desk.claim(ids["flagged"]) == source.claim(ids["flagged"])
    assert [h.claim.id for h in desk.search("valencia")] == [
        h.claim.id for h in source.search("valencia")
    ]
    back = Store.open(tmp_path / "back.db", actor="ana")
    again = copy_store(desk, back)
    assert again.matched, again.mismatched()
    # the round trip holds exactly what the source held, table by table
    assert [(t.name, t.source_rows, t.source_checksum) for t in again.tables] == [
        (t.name, t.source_rows, t.source_checksum) for t in there.tables
    ]
    for store in (desk, back):
        added = store.add_text("Police said 3 people were hurt on Friday.", title="Later")
        assert added.doc_id is not None and added.doc_id > ids["removed"]
        claim_id = store.claims(added.doc_id)[0].id
        assert claim_id > ids["removed_claim"]
        store.set_status(claim_id, "verified")
        assert store.history()[-1].id == len(source.history()) + 1


def test_a_postgresql_destination_holding_records_is_refused(filled, pg_dsn):
    source, _ = filled
    desk = Store.open(pg_dsn)
    desk.add_text("The mayor said 9 bridges closed.", title="Bridges")
    with pytest.raises(CopyError, match="not empty"):
        copy_store(source, desk)
    assert [d.title for d in desk.documents()] == ["Bridges"]
