"""Seeing what another connection changed: the watcher, changes since a position, fresh related claims."""

from __future__ import annotations

from claimdesk.store import Store

REPORTS = (
    ("Officials said 100 soldiers were killed near Kursk on Monday.", "Wire"),
    ("Ukraine said 3,000 soldiers were killed near Kursk on Monday.", "Paper"),
)


def fill(store: Store) -> None:
    for text, title in REPORTS:
        store.add_text(text, title=title)


def test_the_watcher_sees_commits_by_other_connections_only_once(tmp_path):
    reader = Store.open(tmp_path / "s.db")
    fill(reader)
    writer = Store.open(tmp_path / "s.db", actor="script")
    watcher = reader.watch()
    assert not watcher.changed()
    writer.set_status(writer.claims()[0].id, "needs-check")
    assert watcher.changed()
    assert not watcher.changed()
    reader.set_note(reader.claims()[0].id, "seen")  # this process's writes count as well
    assert watcher.changed()
    watcher.close()


def test_changes_since_names_the_events_and_the_rows_they_touched(tmp_path):
    reader = Store.open(tmp_path / "s.db")
    fill(reader)
    seen = reader.change_position()
    writer = Store.open(tmp_path / "s.db", actor="script")
    claim = writer.claims()[1]
    writer.set_status(claim.id, "disputed")
    writer.set_document_note(claim.doc_id, "figures differ")
    changes = reader.changes_since(seen)
    assert [(e.kind, e.actor) for e in changes.events] == [
        ("status", "script"),
        ("doc-note", "script"),
    ]
    assert [(c.id, c.status) for c in changes.claims] == [(claim.id, "disputed")]
    [document] = changes.documents
    assert (document.id, document.flagged, document.note) == (claim.doc_id, 1, "figures differ")
    assert not changes.documents_changed and not changes.empty
    again = reader.changes_since(changes.position)
    assert again.empty and again.position == changes.position


def test_added_documents_move_the_generation(tmp_path):
    reader = Store.open(tmp_path / "s.db")
    fill(reader)
    seen = reader.change_position()
    Store.open(tmp_path / "s.db").add_text("The bank raised rates by 0.5 percent.", title="Rates")
    changes = reader.changes_since(seen)
    assert changes.documents_changed and not changes.events


def test_related_claims_show_current_flags_and_drop_dismissed_claims(store):
    fill(store)
    first, second = store.claims()
    assert [r.claim.id for r in store.related(first.id)] == [second.id]  # now cached
    store.set_status(second.id, "false")
    assert store.related(first.id)[0].claim.status == "false"
    store.dismiss(second.id)
    assert store.related(first.id) == []
    assert [r.claim.id for r in store.related(first.id, include_sentences=True)] == [second.id]


def test_summary_counts_document_notes(store):
    fill(store)
    doc_id = store.documents()[0].id
    store.set_document_note(doc_id, "check the wire")
    summary = store.summary()
    assert (summary.document_notes, summary.notes) == (1, 0)


def test_a_finished_feed_update_is_a_change_even_when_it_adds_nothing(tmp_path, web):
    web.serve(
        "/rss.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title>'
        f"<link>{web.url('/')}</link></channel></rss>",
        "application/rss+xml",
    )
    reader = Store.open(tmp_path / "s.db")
    fill(reader)
    writer = Store.open(tmp_path / "s.db", actor="script")
    writer.follow(web.url("/rss.xml"))
    seen = reader.change_position()
    assert seen.update_run == 0
    (update,) = writer.update_feeds()
    assert update.added == 0
    changes = reader.changes_since(seen)
    assert changes.update_finished and not changes.documents_changed and not changes.events
    assert not changes.empty and changes.position.update_run > 0
    assert changes.position == reader.change_position()
    assert reader.changes_since(changes.position).empty
