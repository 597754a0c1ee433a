"""Ids are never given out twice: the history of a removed document stays with nothing live,
is shown as a removed document's, and undo never replays it onto a new claim."""

from __future__ import annotations

import pytest

from claimdesk.store import AddResult, NotFoundError, Store
from claimdesk.store.database.connections import connect
from claimdesk.store.database.documents import now_iso, sha256_of
from claimdesk.store.database.schema import migrate, migrations
from claimdesk.store.extract.extractor import extract

FIRST = "The council said 3 bridges were closed on Friday. Traffic was heavy."
REPORT = (
    "The ministry said 38 people were hurt in the blast on Monday. "
    "Police said 12 arrests were made. Officials said the road reopened. "
    "Witnesses said 5 cars burned."
)
SPORTS = (
    "The club said ticket sales rose 15 percent. The coach said 3 players were injured. "
    "Fans said the stadium was full. The league said 2 matches were moved."
)


def test_a_removed_documents_ids_never_come_back(store):
    store.add_text(FIRST, title="Council")
    report = store.add_text(REPORT, title="Blast")
    claims = [c.id for c in store.sentences(report.doc_id)]
    noted = claims[0]
    store.set_note(noted, "A1: Ministry says 38")
    store.set_status(noted, "false")
    store.remove_document(report.doc_id)

    sports = store.add_text(SPORTS, title="Sports")
    assert sports.doc_id > report.doc_id
    new_claims = [c.id for c in store.sentences(sports.doc_id)]
    assert min(new_claims) > max(claims)

    # the old claim's history is still there, attached to nothing live
    history = store.history(noted)
    assert [(e.kind, e.new) for e in history] == [
        ("note", "A1: Ministry says 38"),
        ("status", "false"),
    ]
    assert all(e.removed for e in history)
    with pytest.raises(NotFoundError, match="removed document"):
        store.claim(noted)
    gone = store.removed_document_of(noted)
    assert (gone.id, gone.title) == (report.doc_id, "Blast")
    for claim_id in new_claims:
        assert store.history(claim_id) == []

    # undo never writes the removed claim's old values onto anything
    assert store.undo() is None
    assert all(c.note == "" and c.status == "unreviewed" for c in store.sentences(sports.doc_id))


def test_undo_skips_changes_of_removed_documents(store):
    kept = store.add_text(FIRST, title="Council")
    gone = store.add_text(REPORT, title="Blast")
    kept_claim = store.claims(kept.doc_id)[0].id
    store.set_note(kept_claim, "call the council")
    store.set_note(store.claims(gone.doc_id)[0].id, "about the blast")
    store.remove_document(gone.doc_id)
    event = store.undo()
    assert event is not None and event.claim_id == kept_claim
    assert store.claim(kept_claim).note == ""


def test_cli_history_of_a_removed_claim_says_so(store_location):
    from click.testing import CliRunner

    from claimdesk.tui.cli import cli

    db = store_location
    store = Store.open(db)
    report = store.add_text(REPORT, title="Blast")
    claim = store.claims(report.doc_id)[0].id
    store.set_note(claim, "A1: Ministry says 38")
    store.remove_document(report.doc_id)
    store.close()
    result = CliRunner().invoke(cli, ["--db", db, "history", str(claim)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"claim {claim} was in a removed document: {report.doc_id} 'Blast'" in result.stdout
    assert "(removed document)" in result.stdout and "A1: Ministry says 38" in result.stdout


def _old_release_document(db, text: str) -> AddResult:
    """A document as a release before m005 stored it (that release's columns only)."""
    cur = db.execute(
        "INSERT INTO documents (sha256, title, source, url, published, path, added, text, length)"
        " VALUES (?, '', '', '', '', '', ?, ?, ?)",
        [sha256_of(text), now_iso(), text, len(text)],
    )
    for i, s in enumerate(extract(text)):
        db.execute(
            'INSERT INTO claims (doc_id, ordinal, start, "end", text, norm, is_claim,'
            " extracted, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [cur.lastrowid, i, s.start, s.end, s.text, s.norm, s.is_claim, s.is_claim, s.score],
        )
    return AddResult(doc_id=cur.lastrowid, added=True)


def test_an_older_store_migrates_to_ids_that_start_above_its_history(tmp_path):
    """A store written before m005 that already gave a removed claim's id out again keeps
    its rows, and new ids start above every id its history mentions."""
    path = tmp_path / "old.db"
    db = connect(path)
    migrations.apply(db, stop_before="m005_ids_never_reused")
    with db.atomic():
        first = _old_release_document(db, FIRST)
        gone = _old_release_document(db, REPORT)
    top = db.execute("SELECT max(id) FROM claims").fetchone()[0]
    with db.atomic():
        db.execute(  # that release's event columns
            "INSERT INTO events (at, actor, kind, claim_id, doc_id, old, new)"
            " VALUES (?, 'ann', 'note', ?, ?, '', 'kept')",
            [now_iso(), top, gone.doc_id],
        )
        db.execute("DELETE FROM documents WHERE id = ?", [gone.doc_id])
    db.conn.close()

    store = Store.open(path)
    assert migrations.pending(store.db) == []
    assert [d.id for d in store.documents()] == [first.doc_id]
    assert store.search("council")  # the search index kept its entries
    again = store.add_text(SPORTS, title="Sports")
    assert again.doc_id > gone.doc_id
    assert min(c.id for c in store.sentences(again.doc_id)) > top
    assert [e.removed for e in store.history(top)] == [True]
    store.db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
    assert store.check().ok


def test_migrating_twice_changes_nothing(tmp_path):
    store = Store.open(tmp_path / "s.db")
    store.add_text(FIRST, title="Council")
    migrate(store.db)
    assert [d.title for d in store.documents()] == ["Council"]
