"""An edited document added again is a new version: linked to the old one, its notes and flags
moved to the matching sentences (exact, moved, fuzzy) or listed as orphaned, and the old
version out of related claims."""

from __future__ import annotations

from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.tui.cli import cli

OLD = (
    "Officials said 40 people died in the flood on Monday.\n\n"
    "The mayor said 12 homes were lost in the old town.\n\n"
    "Rescue teams reached the village on Tuesday morning.\n\n"
    "The army said 300 soldiers were sent to help.\n\n"
    "Roads were closed for three days after the storm.\n\n"
    "Schools will reopen next week, the council said.\n\n"
    "Donations can be made at the town hall.\n"
)
NEW = (
    "Update: the river is falling, officials said on Wednesday.\n\n"
    "Officials said 40 people died in the flood on Monday.\n\n"
    "Rescue teams reached the flooded village on Tuesday morning.\n\n"
    "The army said 500 soldiers were sent to help.\n\n"
    "Roads were closed for three days after the storm.\n\n"
    "Schools will reopen next week, the council said.\n\n"
    "Donations can be made at the town hall.\n\n"
    "The mayor said 12 homes were lost in the old town.\n"
)


def _review(store: Store, doc_id: int) -> dict[str, int]:
    ids = {c.text.split()[1]: c.id for c in store.sentences(doc_id)}
    store.set_status(ids["said"], "false")  # "Officials said 40 ..."
    store.set_note(ids["said"], "check the 40")
    store.set_note(ids["mayor"], "call the mayor")
    store.set_status(ids["teams"], "needs-check")
    store.set_status(ids["army"], "verified")
    return ids


def test_a_new_version_takes_over_the_review(store_location, tmp_path):
    store = Store.open(store_location)
    path = tmp_path / "flood.md"
    path.write_text(OLD, encoding="utf-8")
    old = store.add_file(path)
    ids = _review(store, old.doc_id)
    path.write_text(NEW, encoding="utf-8")
    new = store.add_file(path)

    assert new.added and new.version is not None
    link = new.version
    assert (link.replaces, link.exact, link.moved, link.fuzzy, link.orphaned) == (
        old.doc_id,
        1,
        1,
        1,
        1,
    )
    by_text = {c.text: c for c in store.sentences(new.doc_id)}
    officials = by_text["Officials said 40 people died in the flood on Monday."]
    assert (officials.status, officials.note) == ("false", "check the 40")
    assert by_text["The mayor said 12 homes were lost in the old town."].note == "call the mayor"
    reworded = by_text["Rescue teams reached the flooded village on Tuesday morning."]
    assert reworded.status == "needs-check"
    changed = by_text["The army said 500 soldiers were sent to help."]
    assert changed.status == "unreviewed"  # a changed figure is not the claim that was verified
    assert [c.id for c in store.orphans()] == [ids["army"]]
    assert store.summary().orphaned == 1
    assert [(e.kind, e.new) for e in store.history(officials.id)] == [
        ("status", "false"),
        ("note", "check the 40"),
    ]

    documents = {d.id: d for d in store.documents()}
    assert documents[old.doc_id].replaced_by == new.doc_id
    assert documents[new.doc_id].replaces == old.doc_id
    related = store.related(officials.id)
    assert all(r.claim.doc_id != old.doc_id for r in related)

    store.set_status(ids["army"], "unreviewed")  # dealt with on the old version
    assert store.summary().orphaned == 0


def test_same_title_and_source_but_another_story_is_not_a_version(store):
    store.add_text(OLD, title="Daily briefing", source="Wire")
    other = store.add_text(
        "Markets rose 3 percent on Friday. The bank said rates stay at 4 percent.",
        title="Daily briefing",
        source="Wire",
    )
    assert other.version is None
    assert all(d.replaced_by is None for d in store.documents())


def test_add_reports_carried_and_orphaned_counts(store_location, tmp_path):
    db = store_location
    path = tmp_path / "flood.md"
    path.write_text(OLD, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "add", str(path)]).exit_code == 0
    store = Store.open(db)
    ids = _review(store, store.documents()[0].id)
    store.close()
    path.write_text(NEW, encoding="utf-8")
    result = runner.invoke(cli, ["--db", db, "add", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        "1 new version of stored documents: 3 reviewed claims carried over"
        " (1 exact, 1 moved, 1 fuzzy), 1 orphaned (claimdesk orphans lists them)"
    ) in result.stdout
    orphans = runner.invoke(cli, ["--db", db, "orphans", "--json"])
    assert [line for line in orphans.stdout.splitlines() if str(ids["army"]) in line]
