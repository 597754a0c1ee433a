"""Desk roles on PostgreSQL: a reader reads and searches and the server refuses its changes."""

from __future__ import annotations

import pytest

from claimdesk.store import Store
from claimdesk.store.errors import ReadOnlyStoreError, StoreError


def as_role(dsn: str, role: str) -> str:
    """``dsn`` logged in as ``role`` (the test server trusts every local login)."""
    scheme, rest = dsn.split("://", 1)
    return f"{scheme}://{role}@{rest.split('@', 1)[1]}"


@pytest.fixture
def desk(pg_dsn) -> Store:
    """A desk store with two documents, opened by its owner."""
    store = Store.open(pg_dsn, actor="owner")
    store.add_text("Officials said 40 people died in the floods on Monday.", title="Flood")
    store.add_text("Rescuers said 38 people died in the floods.", title="Wire")
    yield store
    store.close()


def test_a_reader_reads_and_searches_and_cannot_change_anything(desk, pg_dsn):
    assert desk.grant("intern_r", "reader") is True
    reader = Store.open(as_role(pg_dsn, "intern_r"))
    assert reader.actor == "intern_r" and reader.read_only
    claim = reader.claims()[0]
    assert [h.claim.id for h in reader.search("floods")] == [
        h.claim.id for h in desk.search("floods")
    ]
    assert [r.claim.id for r in reader.related(claim.id)] == [
        r.claim.id for r in desk.related(claim.id)
    ]
    with pytest.raises(ReadOnlyStoreError, match="^your database role may not change this store"):
        reader.set_status(claim.id, "verified")
    with pytest.raises(ReadOnlyStoreError):
        reader.set_note(claim.id, "mine")
    with pytest.raises(ReadOnlyStoreError):
        reader.add_text("The mayor said 9 bridges closed.", title="Bridges")
    # the server, not claimdesk, refuses: the same holds for any program on that login
    with pytest.raises(Exception, match="permission denied"):
        reader.db.execute("UPDATE claims SET status = 'false'")
    assert desk.claim(claim.id).status == "unreviewed" and desk.history() == []
    reader.close()


def test_a_reader_can_copy_the_whole_desk_to_a_file(desk, pg_dsn, tmp_path):
    from claimdesk.store.database.store_copy import copy_store

    desk.set_status(desk.claims()[0].id, "verified")
    desk.grant("backup_r", "reader")
    reader = Store.open(as_role(pg_dsn, "backup_r"))
    report = copy_store(reader, Store.open(tmp_path / "backup.db"))
    assert report.matched and report.table("events").target_rows == 1


def test_a_writer_flags_and_notes_but_never_rewrites_history(desk, pg_dsn):
    desk.grant("ana_w", "writer")
    writer = Store.open(as_role(pg_dsn, "ana_w"))
    assert not writer.read_only
    claim = writer.claims()[0]
    writer.set_status(claim.id, "needs-check")
    writer.set_note(claim.id, "Ask the ministry.")
    assert [(e.actor, e.kind) for e in desk.history()] == [("ana_w", "status"), ("ana_w", "note")]
    with pytest.raises(Exception, match="permission denied|append-only"):
        writer.db.execute("DELETE FROM events")
    assert writer.undo() is not None
    assert desk.claim(claim.id).note == ""


def test_granting_again_turns_a_writer_into_a_reader(desk, pg_dsn):
    desk.grant("sam_rw", "writer")
    assert desk.grant("sam_rw", "reader") is False
    reader = Store.open(as_role(pg_dsn, "sam_rw"))
    assert reader.read_only
    with pytest.raises(ReadOnlyStoreError):
        reader.set_status(reader.claims()[0].id, "false")


def test_roles_are_refused_on_a_store_file(tmp_path):
    store = Store.open(tmp_path / "file.db")
    with pytest.raises(StoreError, match="roles are for desk stores on PostgreSQL"):
        store.grant("intern", "reader")
