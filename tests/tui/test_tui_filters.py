"""Filters from keys and the palette, the help screen filter, and remapped keys."""

from __future__ import annotations

from textual.widgets import DataTable

from claimdesk.store.models import DISAGREEMENTS
from claimdesk.tui.screens.filter_chooser import FilterChooser
from claimdesk.tui.screens.help import HelpScreen
from claimdesk.tui.screens.status_chooser import StatusChooser
from claimdesk.tui.widgets.claims_list import ClaimsList

from .conftest import make_app, settle


async def test_filter_by_status_notes_score_and_clear(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        claims = screen.query_one(ClaimsList)
        total = len(claims.items)
        assert total >= 2
        await pilot.press("s", "v")
        await settle(pilot)
        await pilot.press("f", "3", "enter")
        assert isinstance(app.screen, type(screen))
        assert [c.status for c in claims.items] == ["verified"]
        assert "verified" in screen.query_one("#status").filter_text
        await pilot.press("F")
        assert len(claims.items) == total
        await pilot.press("f", "n", "escape")
        assert claims.items == [] and claims.empty_text == "no claims match the filter"
        await pilot.press("F", "f", "s", "s", "s")
        assert isinstance(app.screen, FilterChooser)
        assert app.screen.claim_filter.min_score == 90
        await pilot.press("enter")
        assert "score ≥ 90" in screen.query_one("#status").filter_text
        assert all(round(c.score * 100) >= 90 for c in claims.items)
        await pilot.press("F")
        assert len(claims.items) == total


async def test_conflicts_only_filter(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        await pilot.press("f", "c", "enter")
        await settle(pilot)
        shown = screen.query_one(ClaimsList).items
        assert shown
        for claim in shown:
            assert any(
                r.relation in DISAGREEMENTS and not r.same_document
                for r in filled_store.related(claim.id, limit=10)
            )
        assert screen.claim_filter.conflicts_only


async def test_help_screen_filters_bindings(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        everything = table.row_count
        await pilot.press(*"undo")
        assert 0 < table.row_count < everything
        assert any(str(table.get_row_at(i)[3]) == "undo" for i in range(table.row_count))
        await pilot.press("escape")
        assert app.screen is app.main_screen


async def test_remapped_key_from_config_file(filled_store, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('theme = "textual-light"\n[keys]\nflag = "g"\n', encoding="utf-8")
    app = make_app(filled_store, config_path=config)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("s")
        assert app.screen is app.main_screen
        await pilot.press("g")
        assert isinstance(app.screen, StatusChooser)
        await pilot.press("escape", "question_mark", *"flag")
        table = app.screen.query_one(DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["reading", "g", "Flag", "flag"] in rows


async def test_palette_offers_actions_and_documents(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        from claimdesk.tui.commands import ClaimdeskCommands

        provider = ClaimdeskCommands(app.screen)
        names = [hit.text async for hit in provider.search("unrelated market")]
        assert "Open document: Unrelated market news" in names
        flagged = [hit async for hit in provider.search("filter notes")]
        assert flagged
        flagged[0].command()
        assert app.main_screen.claim_filter.with_notes
