"""A store the reader may read but not change says so, and a refused flag says why."""

from __future__ import annotations

from claimdesk.store import Store
from claimdesk.tui.widgets.status_bar import StatusBar

from .conftest import fill, make_app, read_only_store, rendered_text, settle


async def test_a_read_only_store_says_so_and_a_flag_is_refused_in_words(tmp_path):
    read_only = read_only_store(tmp_path)
    app = make_app(read_only)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        bar = app.main_screen.query_one(StatusBar)
        assert "read-only" in rendered_text(bar).splitlines()[0]
        claim_id = app.main_screen.current_id
        await pilot.press("s", "v")
        await settle(pilot)
        shown = rendered_text(bar)
        assert "read-only" in shown and "cannot be saved" in shown
        assert "Traceback" not in shown
    assert read_only.claim(claim_id).status == "unreviewed"


async def test_a_writable_store_does_not_say_read_only(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "read-only" not in rendered_text(app.main_screen.query_one(StatusBar))


async def test_a_desk_readers_role_says_read_only_and_its_flag_is_refused(pg_dsn):
    from tests.store.test_desk_roles import as_role

    owner = Store.open(pg_dsn, actor="owner")
    fill(owner)
    owner.grant("tui_reader", "reader")
    reader = Store.open(as_role(pg_dsn, "tui_reader"))
    app = make_app(reader)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        bar = app.main_screen.query_one(StatusBar)
        assert "as tui_reader  read-only" in rendered_text(bar).splitlines()[0]
        claim_id = app.main_screen.current_id
        await pilot.press("s", "v")
        await settle(pilot)
        shown = rendered_text(bar)
        assert "your database role may not change this store" in shown
    assert owner.claim(claim_id).status == "unreviewed"
    assert owner.history() == []
