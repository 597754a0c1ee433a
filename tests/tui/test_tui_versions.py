"""The reader's status line counts the notes and flags a new document version left orphaned."""

from __future__ import annotations

from claimdesk.tui.widgets.status_bar import StatusBar

from .conftest import make_app, settle

OLD = "Officials said 40 people died on Monday.\n\nThe army said 300 soldiers were sent.\n"
NEW = "Officials said 40 people died on Monday.\n\nThe army said 500 soldiers were sent.\n"


async def test_orphaned_notes_and_flags_are_counted_in_the_status_line(store):
    old = store.add_text(OLD, title="Flood", source="Wire")
    army = store.claims(old.doc_id)[-1]
    store.set_status(army.id, "verified")
    new = store.add_text(NEW, title="Flood", source="Wire")
    assert new.version is not None and new.version.orphaned == 1
    app = make_app(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        line = app.main_screen.query_one(StatusBar).render_line(0).text
        assert "1 orphaned" in line
