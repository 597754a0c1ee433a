"""Flags, notes, promote/dismiss, history and undo on a throwaway store."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from claimdesk.store import STATUSES, NotFoundError, Store, UnknownStatusError

TEXT = (
    "Officials said 40 people died in the flood on Monday. "
    "Rescue teams reached the village on Tuesday. What now\n\n"
    "The mayor reportedly asked for 200 more tents."
)


@pytest.fixture
def doc(store: Store):
    return store.add_text(TEXT, title="Flood")


def first_claim(store: Store, doc):
    return store.claims(doc.doc_id)[0]


def test_every_status_round_trips(store, doc):
    claim = first_claim(store, doc)
    for status in (*STATUSES[1:], STATUSES[0]):
        assert store.set_status(claim.id, status).status == status
    assert [e.new for e in store.history(claim.id)] == [*STATUSES[1:], "unreviewed"]


def test_unknown_status_writes_nothing(store, doc):
    claim = first_claim(store, doc)
    with pytest.raises(UnknownStatusError, match="unknown status 'fake'"):
        store.set_status(claim.id, "fake")
    assert store.claim(claim.id).status == "unreviewed"
    assert store.history(claim.id) == []


def test_note_change_is_an_event_with_old_and_new(store, doc):
    claim = first_claim(store, doc)
    store.set_note(claim.id, "call the ministry")
    store.set_note(claim.id, "ministry confirmed 38")
    events = store.history(claim.id)
    assert [(e.kind, e.old, e.new) for e in events] == [
        ("note", "", "call the ministry"),
        ("note", "call the ministry", "ministry confirmed 38"),
    ]
    assert all(e.actor for e in events)
    assert store.claim(claim.id).note == "ministry confirmed 38"


def test_setting_the_same_value_records_nothing(store, doc):
    claim = first_claim(store, doc)
    store.set_status(claim.id, "verified")
    store.set_status(claim.id, "verified")
    assert len(store.history(claim.id)) == 1


def test_undo_walks_back_one_change_at_a_time(store, doc):
    claim = first_claim(store, doc)
    store.set_status(claim.id, "needs-check")
    store.set_note(claim.id, "check the toll")
    undo_note = store.undo()
    assert undo_note.kind == "note" and undo_note.undo_of is not None
    assert store.claim(claim.id).note == ""
    assert store.claim(claim.id).status == "needs-check"
    store.undo()
    assert store.claim(claim.id).status == "unreviewed"
    assert store.undo() is None
    # the history keeps all four rows: nothing was erased
    assert len(store.history(claim.id)) == 4


def test_dismiss_and_promote_are_reversible_events(store, doc):
    claim = first_claim(store, doc)
    store.dismiss(claim.id)
    assert claim.id not in [c.id for c in store.claims(doc.doc_id)]
    assert store.claim(claim.id).is_claim is False
    assert store.claim(claim.id).extracted is True
    store.promote(claim.id)
    assert claim.id in [c.id for c in store.claims(doc.doc_id)]
    assert [e.kind for e in store.history(claim.id)] == ["claim", "claim"]


def test_document_notes_are_events_too(store, doc):
    store.set_document_note(doc.doc_id, "single source")
    assert store.document(doc.doc_id).note == "single source"
    assert [e.kind for e in store.history(doc_id=doc.doc_id)] == ["doc-note"]
    store.undo()
    assert store.document(doc.doc_id).note == ""


def test_events_are_append_only(store, doc):
    claim = first_claim(store, doc)
    store.set_status(claim.id, "false")
    refused = (sqlite3.IntegrityError, psycopg.errors.RestrictViolation)
    with pytest.raises(refused, match="append-only"):
        store.db.execute("UPDATE events SET new = 'verified'")
    with pytest.raises(refused, match="append-only"):
        store.db.execute("DELETE FROM events")
    assert [e.new for e in store.history(claim.id)] == ["false"]


def test_history_survives_document_removal(store, doc):
    claim = first_claim(store, doc)
    store.set_note(claim.id, "keep me")
    store.remove_document(doc.doc_id)
    with pytest.raises(NotFoundError):
        store.claim(claim.id)
    events = store.history(doc_id=doc.doc_id)
    assert [(e.kind, e.old, e.new) for e in events] == [
        ("note", "", "keep me"),
        ("doc-removed", "Flood", ""),
    ]
    assert all(e.removed for e in events)


def test_missing_ids_raise_not_found(store):
    with pytest.raises(NotFoundError):
        store.set_status(999, "verified")
    with pytest.raises(NotFoundError):
        store.document(999)
    with pytest.raises(NotFoundError):
        store.set_document_note(999, "x")
