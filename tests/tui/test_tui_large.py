"""Large material: a 5,000-sentence document and a store with many documents stay usable."""

from __future__ import annotations

from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_view import DocumentView

from .conftest import make_app, settle


async def test_five_thousand_sentence_document_moves_claim_to_claim(store):
    text = " ".join(f"Report {i} said {i % 97} soldiers crossed the river." for i in range(5000))
    store.add_text(text, title="long")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        view = screen.query_one(DocumentView)
        assert len(view.sentences) >= 5000
        claims = screen.query_one(ClaimsList)
        claims.focus()
        await pilot.press("end")
        last = claims.items[-1]
        assert screen.current_id == last.id
        first_line, last_line = view._current_lines
        top = view.scroll_offset.y
        assert top <= first_line < top + view.size.height
        shown = " ".join(view.render_line(y - top).text for y in range(first_line, last_line + 1))
        assert "4999" in shown
        await pilot.press("k")
        assert screen.current_id == claims.items[-2].id
        assert len(view._cache) < 200  # only lines that were on screen were rendered


async def test_many_documents_are_listed_without_widgets_per_row(store):
    for i in range(300):
        store.add_text(f"Agency {i} said {i} people were evacuated on Monday.", title=f"Doc {i}")
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        documents = screen.query_one("#documents")
        assert len(documents.items) == 300
        assert len(documents.children) == 0
        await pilot.press("1", "end", "enter")
        await settle(pilot)
        assert screen.document.title == "Doc 299"
