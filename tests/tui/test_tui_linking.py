"""Linked panes: claims move the document, the document moves the claims, related opens, back/forward."""

from __future__ import annotations

from dataclasses import replace

from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.related_list import RelatedList

from .conftest import make_app, settle


async def test_start_shows_first_document_with_a_claim_selected(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        first_claim = filled_store.claims()[0]
        assert screen.document.id == first_claim.doc_id
        assert screen.current_id == first_claim.id
        assert pilot.app.screen.query_one(DocumentView).current_id == first_claim.id
        related = screen.query_one(RelatedList)
        assert related.items or related.empty_text


async def test_moving_in_claims_pane_moves_document(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        claims = screen.query_one(ClaimsList)
        claims.focus()
        await pilot.press("down")
        await settle(pilot)
        assert claims.cursor == 1
        assert screen.current_id == claims.items[1].id
        assert screen.query_one(DocumentView).current_id == claims.items[1].id


async def test_next_claim_key_moves_claims_pane(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        screen.query_one(DocumentView).focus()
        await pilot.press("j")
        await settle(pilot)
        claims = screen.query_one(ClaimsList)
        assert claims.cursor == 1
        assert screen.current_id == claims.items[1].id
        await pilot.press("k")
        assert screen.current_id == claims.items[0].id


async def test_clicking_a_sentence_selects_it(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        view = screen.query_one(DocumentView)
        target = screen.sentences[1]  # the question, third line of the text
        line = next(
            i for i, (s, e) in enumerate(view._lines) if s <= target.start < e or s == target.start
        )
        await pilot.click(DocumentView, offset=(3, line))
        await settle(pilot)
        assert screen.current_id == target.id


async def test_choosing_related_claim_opens_its_document_then_back_and_forward(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        start_doc, start_claim = screen.document.id, screen.current_id
        related = screen.query_one(RelatedList)
        assert related.items, "the fixed store has related claims for the first claim"
        target = related.items[0].claim
        await pilot.press("4", "enter")
        await settle(pilot)
        assert (screen.document.id, screen.current_id) == (target.doc_id, target.id)
        await pilot.press("b")
        await settle(pilot)
        assert (screen.document.id, screen.current_id) == (start_doc, start_claim)
        await pilot.press("B")
        await settle(pilot)
        assert (screen.document.id, screen.current_id) == (target.doc_id, target.id)


async def test_documents_pane_opens_a_document(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        await pilot.press("1", "end", "enter")
        await settle(pilot)
        last = filled_store.documents()[-1]
        assert screen.document.id == last.id
        assert screen.query_one(ClaimsList).items[0].doc_id == last.id


async def test_related_pane_shows_contradicts_and_differs_distinctly(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        related = app.main_screen.query_one(RelatedList)
        item = next(i for i in related.items if i.relation == "contradicts")
        head = related.render_item(item, 100)[0].plain
        assert "CONTRADICTS" in head and "Second account of the clash" in head
        styles = {
            r: related.relation_style(r) for r in ("contradicts", "differs", "agrees", "related")
        }
        assert len(set(styles.values())) == 4
        old = related.render_item(replace(item, relation="conflicts"), 100)[0].plain
        assert "CONTRADICTS" in old  # a relation named by an older version still reads right
