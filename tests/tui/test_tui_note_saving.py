"""The note editor: escapes never reach the terminal; a note changed meanwhile is not
overwritten (both versions shown); a save that fails keeps the editor open with the text."""

from __future__ import annotations

from textual import events
from textual.widgets import Static, TextArea

from claimdesk.tui.screens.note_editor import NoteEditor

from .conftest import make_app, read_only_store, settle

HOSTILE = "\x1b]0;pwned title\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m\x9c\x9d"


def shown_text(widget, lines: int = 12) -> str:
    """Everything ``widget`` draws in its first ``lines`` lines, segment by segment."""
    return "".join(seg.text for y in range(lines) for seg in widget.render_line(y))


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ord(ch) < 0x20 and ch not in "\n\t" or 0x7F <= ord(ch) < 0xA0]


async def test_the_editor_never_draws_escape_sequences(filled_store):
    claim = filled_store.claims()[0]
    filled_store.set_note(claim.id, f"stored {HOSTILE} note")
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main_screen.open_place(claim.doc_id, claim.id)
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one(TextArea)
        app.post_message(events.Paste(f" pasted {HOSTILE}"))
        await pilot.pause()
        assert area.text.startswith("stored ␛]0;pwned title␇␛]52;c;cm0gLXJmIH4=␇␛[2J")
        assert area.text.count(" pasted ␛]0;pwned title␇") == 1
        assert raw_controls(area.text) == []
        assert raw_controls(shown_text(area)) == []
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert raw_controls(filled_store.claim(claim.id).note) == []


async def test_a_note_changed_meanwhile_is_not_overwritten(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        claim_id = app.main_screen.current_id
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        filled_store.set_note(claim_id, "X: written from the command line")  # meanwhile
        await pilot.press(*"mine from the reader", "ctrl+s")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)  # still open, with the text
        assert editor.text == "mine from the reader"
        assert filled_store.claim(claim_id).note == "X: written from the command line"
        problem = str(editor.query_one("#note-problem", Static).render())
        assert "not saved" in problem and "X: written from the command line" in problem
        await pilot.press("ctrl+s")  # knowingly, over theirs
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
    assert filled_store.claim(claim_id).note == "mine from the reader"
    assert [e.new for e in filled_store.history(claim_id)] == [
        "X: written from the command line",
        "mine from the reader",
    ]


async def test_a_failed_save_keeps_the_editor_and_the_text(tmp_path):
    read_only = read_only_store(tmp_path)
    app = make_app(read_only)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        claim_id = app.main_screen.current_id
        await pilot.press("e", *"typed with care", "ctrl+s")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "typed with care"
        assert "read-only" in str(editor.query_one("#note-problem", Static).render())
    assert read_only.claim(claim_id).note == ""
