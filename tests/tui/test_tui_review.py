"""Flags, notes (save, cancel, confirm), undo, history, promote and dismiss."""

from __future__ import annotations

from textual.widgets import TextArea

from claimdesk.tui.screens.confirm import ConfirmScreen
from claimdesk.tui.screens.history import HistoryScreen
from claimdesk.tui.screens.note_editor import NoteEditor
from claimdesk.tui.screens.status_chooser import StatusChooser
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.status_styles import STATUS_GLYPHS

from .conftest import make_app, rendered_text, settle


async def test_flag_changes_store_and_glyph_at_once(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        claim_id = app.main_screen.current_id
        await pilot.press("s")
        assert isinstance(app.screen, StatusChooser)
        await pilot.press("v")
        await settle(pilot)
        assert filled_store.claim(claim_id).status == "verified"
        claims = app.main_screen.query_one(ClaimsList)
        assert claims.current.status == "verified"
        assert claims.render_line(0).text.startswith(STATUS_GLYPHS["verified"])
        assert "flagged verified" in app.main_screen.query_one("#status").last_action


async def test_note_saved_with_key(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        claim_id = app.main_screen.current_id
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"check the ministry", "enter", *"figure")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert filled_store.claim(claim_id).note == "check the ministry\nfigure"
        assert [e.kind for e in filled_store.history(claim_id)] == ["note"]


async def test_unedited_note_cancels_without_asking(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("e", "escape")
        await settle(pilot)
        assert app.screen is app.main_screen
        assert filled_store.history() == []


async def test_edited_note_asks_before_dropping(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        claim_id = app.main_screen.current_id
        await pilot.press("e", *"draft")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert app.screen is app.main_screen
        assert filled_store.claim(claim_id).note == ""


async def test_undo_reverts_last_flag(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        claim_id = app.main_screen.current_id
        await pilot.press("s", "f")
        await settle(pilot)
        assert filled_store.claim(claim_id).status == "false"
        await pilot.press("u")
        await settle(pilot)
        assert filled_store.claim(claim_id).status == "unreviewed"
        assert app.main_screen.query_one(ClaimsList).current.status == "unreviewed"


async def test_history_shows_old_and_new_for_every_change_in_full(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        long_note = "The ministry's figure " + "differs from the wire's account " * 6 + "END"
        await pilot.press("s", "d")
        await settle(pilot)
        await pilot.press("e", *long_note, "ctrl+s")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        shown = rendered_text(app.screen.query_one("#history-events"))
        assert "unreviewed → disputed" in shown
        assert filled_store.actor in shown
        flat = " ".join(shown.split())
        assert "now: " + long_note in flat  # wrapped, never cut at the dialog's edge
        await pilot.press("escape")
        assert app.screen is app.main_screen


async def test_dismiss_and_promote_are_reversible_events(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        claim_id = screen.current_id
        before = len(screen.query_one(ClaimsList).items)
        await pilot.press("x")
        await settle(pilot)
        assert not filled_store.claim(claim_id).is_claim
        assert len(screen.query_one(ClaimsList).items) == before - 1
        assert screen.current_id == claim_id
        await pilot.press("p")
        await settle(pilot)
        assert filled_store.claim(claim_id).is_claim
        assert len(screen.query_one(ClaimsList).items) == before
        assert [e.kind for e in filled_store.history(claim_id)] == ["claim", "claim"]


async def test_any_sentence_can_be_promoted(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        plain = next((s for s in screen.sentences if not s.is_claim), None)
        assert plain is not None, "the fixed store has a sentence that is not a claim"
        while screen.current_id != plain.id:
            await pilot.press("J")
        await pilot.press("p")
        await settle(pilot)
        assert filled_store.claim(plain.id).is_claim
        assert plain.id in [c.id for c in screen.query_one(ClaimsList).items]


async def test_document_note_saved(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        doc_id = app.main_screen.document.id
        await pilot.press("E", *"two accounts differ", "ctrl+s")
        await settle(pilot)
        assert filled_store.document(doc_id).note == "two accounts differ"


async def test_quitting_with_an_edited_note_asks_first(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("s", "v", "e", *"unsaved")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert app._exit
    assert filled_store.claims()[0].status == "verified"
