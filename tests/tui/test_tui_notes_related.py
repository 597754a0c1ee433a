"""Document notes where they can be seen, and related items shown whole under the cursor."""

from __future__ import annotations

from claimdesk.tui.widgets.document_note import DocumentNote
from claimdesk.tui.widgets.documents_list import DocumentsList
from claimdesk.tui.widgets.related_list import RelatedList

from .conftest import make_app, rendered_text, settle


async def test_a_document_note_is_marked_shown_above_the_text_and_counted(filled_store):
    first = filled_store.documents()[0]
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        note = screen.query_one(DocumentNote)
        assert not note.display
        await pilot.press("E", *"Two accounts differ: call the ministry.", "ctrl+s")
        await settle(pilot)
        assert note.display
        assert "✎ Two accounts differ: call the ministry." in rendered_text(note)
        listed = screen.query_one(DocumentsList)
        assert listed.render_line(0).text.startswith("✎ " + first.title)
        status = screen.query_one("#status")
        assert status.summary.document_notes == 1
        assert "1 doc note" in rendered_text(status)


async def test_the_related_item_under_the_cursor_shows_its_claim_and_reason_whole(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        related = app.main_screen.query_one(RelatedList)
        assert related.items
        item = related.items[0]
        lines = [related.render_line(y).text for y in range(related.size.height)]
        flat = " ".join(" ".join(lines).split())
        assert item.claim.text in flat
        assert item.why in flat
        assert not any("…" in line for line in lines)  # wrapped, never cut
        assert related.size.width > 40


async def test_moving_in_the_related_pane_expands_the_new_item(store):
    for i in range(4):
        store.add_text(
            f"Report {i}: officials said {100 + i} soldiers were killed near Kursk on Monday "
            "while the regional governor reported that several villages had been evacuated.",
            title=f"Report {i}",
        )
    app = make_app(store)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        related = app.main_screen.query_one(RelatedList)
        assert len(related.items) >= 2
        first_height = len(related.render_expanded(related.items[0], related.size.width - 1))
        assert first_height > related.item_height
        assert related.virtual_size.height == len(related.items) * 3 + first_height - 3
        await pilot.press("4", "down")
        assert related.cursor == 1
        second = related.items[1]
        top = related.top_of(1)
        lines = [related.render_line(y).text for y in range(top, top + 6)]
        assert second.claim.text.split()[-1] in " ".join(" ".join(lines).split())
        assert related.top_of(1) == 3  # the first item is back to three lines
