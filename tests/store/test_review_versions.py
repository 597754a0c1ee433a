"""Notes and statuses carry a version: a save over a change the writer did not see is refused
(both versions kept), in the store and on the command line (``--force`` overrides)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.tui.cli import cli

TEXT = "Officials said 40 people died on Monday. The mayor said 12 homes were lost."


def test_a_stale_note_save_is_refused_and_writes_nothing(store):
    from claimdesk.store.errors import VersionConflictError

    doc = store.add_text(TEXT, title="Flood")
    claim = store.claims(doc.doc_id)[0]
    assert (claim.note_version, claim.status_version) == (0, 0)
    seen = store.set_note(claim.id, "first").note_version
    store.set_note(claim.id, "written meanwhile", expected_version=seen)
    with pytest.raises(VersionConflictError) as conflict:
        store.set_note(claim.id, "mine", expected_version=seen)
    assert (conflict.value.theirs, conflict.value.yours) == ("written meanwhile", "mine")
    assert (conflict.value.expected, conflict.value.version) == (seen, seen + 1)
    assert store.claim(claim.id).note == "written meanwhile"
    assert [e.new for e in store.history(claim.id)] == ["first", "written meanwhile"]


def test_a_stale_status_and_document_note_are_refused(store):
    from claimdesk.store.errors import VersionConflictError

    doc = store.add_text(TEXT, title="Flood")
    claim = store.claims(doc.doc_id)[0]
    store.set_status(claim.id, "needs-check", expected_version=0)
    with pytest.raises(VersionConflictError, match="status of claim"):
        store.set_status(claim.id, "verified", expected_version=0)
    store.set_document_note(doc.doc_id, "one", expected_version=0)
    with pytest.raises(VersionConflictError, match="document note"):
        store.set_document_note(doc.doc_id, "two", expected_version=0)
    assert store.document(doc.doc_id).note == "one"


def test_saving_the_same_value_is_no_conflict(store):
    doc = store.add_text(TEXT, title="Flood")
    claim = store.claims(doc.doc_id)[0]
    store.set_note(claim.id, "same")
    assert store.set_note(claim.id, "same", expected_version=0).note == "same"


def _as(user: str) -> dict[str, str]:
    return {"LOGNAME": user, "USER": user, "LNAME": user, "USERNAME": user, "COLUMNS": "200"}


def test_cli_does_not_replace_anothers_note_without_force(tmp_path):
    db = str(tmp_path / "v.db")
    store = Store.open(db)
    claim = store.claims(store.add_text(TEXT, title="Flood").doc_id)[0].id
    store.close()
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "note", str(claim), "X"], env=_as("ann")).exit_code == 0
    mine = runner.invoke(cli, ["--db", db, "note", str(claim), "Y"], env=_as("bob"))
    assert mine.exit_code == 1
    assert "not saved: the note of claim" in mine.stderr and "set by ann" in mine.stderr
    assert "'X'" in mine.stderr and "--force" in mine.stderr
    assert Store.open(db).claim(claim).note == "X"
    again = runner.invoke(cli, ["--db", db, "note", str(claim), "Y2"], env=_as("ann"))
    assert again.exit_code == 0  # one's own note is replaced as before
    forced = runner.invoke(cli, ["--db", db, "note", str(claim), "Y", "--force"], env=_as("bob"))
    assert forced.exit_code == 0, forced.output
    assert Store.open(db).claim(claim).note == "Y"


def test_cli_version_option_saves_only_over_the_version_seen(store_location):
    db = store_location
    store = Store.open(db)
    claim = store.claims(store.add_text(TEXT, title="Flood").doc_id)[0].id
    store.set_status(claim, "needs-check")
    store.close()
    runner = CliRunner()
    stale = runner.invoke(cli, ["--db", db, "flag", str(claim), "false", "--version", "0"])
    assert stale.exit_code == 1 and "changed" in stale.stderr and "needs-check" in stale.stderr
    fresh = runner.invoke(cli, ["--db", db, "flag", str(claim), "false", "--version", "1"])
    assert fresh.exit_code == 0 and fresh.stdout.strip() == f"claim {claim}: false"
