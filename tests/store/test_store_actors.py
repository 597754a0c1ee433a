"""Who makes a change, and undo that only ever reverts the actor's own changes."""

from __future__ import annotations

import pytest

from claimdesk.store import ChangedSinceError, Store

TEXT = (
    "Officials said 40 people died in the flood on Monday. "
    "The mayor reportedly asked for 200 more tents."
)


@pytest.fixture
def pair(store_location):
    """Two stores on one file (or desk database), as two people (or two windows) would open it."""
    alice = Store.open(store_location, actor="alice")
    bob = Store.open(store_location, actor="bob")
    alice.add_text(TEXT, title="Flood")
    yield alice, bob
    alice.close()
    bob.close()


def test_changes_are_recorded_under_the_actor(pair):
    alice, bob = pair
    claim = alice.claims()[0]
    alice.set_status(claim.id, "needs-check")
    bob.set_note(claim.id, "ask the ministry")
    assert [(e.actor, e.kind) for e in alice.history(claim.id)] == [
        ("alice", "status"),
        ("bob", "note"),
    ]


@pytest.mark.sqlite_only(
    "on PostgreSQL the default actor is the database role (test_postgres_schema)"
)
def test_the_login_name_is_the_default_actor(store):
    assert store.actor and store.actor == Store(store.path).actor


def test_undo_skips_other_actors_changes(pair):
    alice, bob = pair
    first, second = alice.claims()
    alice.set_status(first.id, "needs-check")
    bob.set_status(second.id, "false")  # bob's change is newer
    undone = alice.undo()
    assert undone is not None and undone.actor == "alice"
    assert alice.claim(first.id).status == "unreviewed"
    assert alice.claim(second.id).status == "false"
    assert alice.undo() is None  # nothing of alice's left; bob's flag stays
    assert alice.claim(second.id).status == "false"


def test_undo_never_throws_away_a_later_change_by_someone_else(pair):
    alice, bob = pair
    claim = alice.claims()[0]
    alice.set_status(claim.id, "verified")
    bob.set_status(claim.id, "disputed")
    events_before = len(alice.history(claim.id))
    with pytest.raises(ChangedSinceError, match="changed since by bob"):
        alice.undo()
    assert alice.claim(claim.id).status == "disputed"
    assert len(alice.history(claim.id)) == events_before
    # bob can still undo his own, which brings back alice's flag
    assert bob.undo().undo_of is not None
    assert bob.claim(claim.id).status == "verified"


def test_a_change_undone_by_its_author_frees_the_older_one(pair):
    alice, bob = pair
    claim = alice.claims()[0]
    alice.set_status(claim.id, "verified")
    bob.set_status(claim.id, "false")
    bob.undo()  # back to verified, as alice left it
    alice.undo()
    assert alice.claim(claim.id).status == "unreviewed"


def test_document_notes_are_undone_by_their_author_only(pair):
    alice, bob = pair
    doc_id = alice.documents()[0].id
    bob.set_document_note(doc_id, "two accounts differ")
    assert alice.undo() is None
    assert alice.document(doc_id).note == "two accounts differ"
    bob.undo()
    assert alice.document(doc_id).note == ""


def test_a_link_verdict_is_undone_only_by_its_actor(pair):
    alice, bob = pair
    first, second = alice.claims()[:2]
    alice.mark_link(first.id, second.id, "wrong")
    assert bob.undo() is None
    assert [f.verdict for f in bob.link_feedback()] == ["wrong"]
    assert [e.actor for e in alice.history(first.id) if e.kind == "link"] == ["alice"]
    undone = alice.undo()
    assert undone is not None and undone.kind == "link" and undone.actor == "alice"
    assert alice.link_feedback() == []


def test_undoing_a_link_verdict_changed_since_by_another_names_them(pair):
    alice, bob = pair
    first, second = alice.claims()[:2]
    alice.mark_link(first.id, second.id, "wrong")
    bob.mark_link(second.id, first.id, "right")
    with pytest.raises(ChangedSinceError, match="bob"):
        alice.undo()
    assert [f.verdict for f in alice.link_feedback()] == ["right"]
