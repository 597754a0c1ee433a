"""Search as you type, jump to a result, step through remembered results with n / N."""

from __future__ import annotations

from claimdesk.tui.screens.search_screen import SearchScreen
from claimdesk.tui.widgets.search_results import SearchResultsList

from .conftest import make_app, settle


async def test_search_as_you_type_and_jump(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"villa")
        await settle(pilot)
        results = app.screen.query_one(SearchResultsList)
        texts = [hit.claim.text for hit in results.items]
        assert texts and all("villages" in t for t in texts)
        assert "villa" in results.render_line(0).text or "villages" in results.render_line(0).text
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.main_screen
        assert app.screen is screen
        chosen = results.items[1]
        assert (screen.document.id, screen.current_id) == (chosen.claim.doc_id, chosen.claim.id)
        await pilot.press("n")
        await settle(pilot)
        first = results.items[0]
        assert (screen.document.id, screen.current_id) == (first.claim.doc_id, first.claim.id)
        await pilot.press("N")
        await settle(pilot)
        assert screen.current_id == chosen.claim.id
        assert app.latencies["search"]


async def test_search_is_remembered(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"soldiers", "escape")
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert app.screen.query_one("#search-input").value == "soldiers"
        assert app.screen.query_one(SearchResultsList).items
