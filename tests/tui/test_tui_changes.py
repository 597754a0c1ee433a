"""No stale pane: every change refreshes what shows it, including another process's writes, and
undo only ever reverts the user's own changes."""

from __future__ import annotations

import asyncio
import sys

from textual.widgets import TextArea

from claimdesk.store import Store
from claimdesk.tui.screens.note_editor import NoteEditor
from claimdesk.tui.screens.reader_screen import NOT_A_CLAIM
from claimdesk.tui.widgets.claim_detail import ClaimDetail
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList
from claimdesk.tui.widgets.related_list import RelatedList

from .conftest import make_app, settle, wait_until


def documents_row(screen, doc_id: int):
    pane = screen.query_one(DocumentsList)
    return pane.items[pane.index_of(doc_id)]


def panes_agree(screen) -> bool:
    """The document, the claims pane, the details and the related pane are on one claim."""
    claims = screen.query_one(ClaimsList)
    related = screen.query_one(RelatedList)
    return (
        screen.query_one(DocumentView).current_id == screen.current_id
        and claims.current is not None
        and claims.current.id == screen.current_id
        and (screen.detail_pane() is None or screen.detail_pane().claim.id == screen.current_id)
        and screen._related_for == screen.current_id
        and all(r.claim.id != screen.current_id for r in related.items)
    )


async def test_undo_refreshes_counts_glyphs_details_and_the_documents_pane(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        doc_id, claim_id = screen.document.id, screen.current_id
        await pilot.press("s", "d")
        await settle(pilot)
        assert documents_row(screen, doc_id).flagged == 1
        await pilot.press("u")
        await settle(pilot)
        assert filled_store.claim(claim_id).status == "unreviewed"
        assert documents_row(screen, doc_id).flagged == 0
        assert screen.query_one(ClaimsList).current.status == "unreviewed"
        assert screen.query_one(ClaimDetail).claim.status == "unreviewed"
        assert screen.query_one(DocumentView).sentences[0].status == "unreviewed"
        assert screen.query_one("#status").summary.flagged == 0
        assert "undid the flag" in screen.query_one("#status").last_action


async def test_undo_of_a_change_in_another_document_updates_its_row(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        first_doc = screen.document.id
        await pilot.press("s", "v")
        await settle(pilot)
        await pilot.press("1", "end", "enter")
        await settle(pilot)
        assert screen.document.id != first_doc
        await pilot.press("u")
        await settle(pilot)
        assert documents_row(screen, first_doc).flagged == 0
        assert screen.document.id != first_doc  # nothing moved


async def test_dismiss_clears_the_related_pane_and_the_claim_from_others(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        related = screen.query_one(RelatedList)
        assert related.items
        dismissed = screen.current_id
        other = related.items[0].claim
        await pilot.press("x")
        await settle(pilot)
        assert related.items == [] and related.empty_text == NOT_A_CLAIM
        screen.open_place(other.doc_id, other.id)
        await settle(pilot)
        assert dismissed not in [r.claim.id for r in related.items]
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("p")  # promoted again: its related claims come back
        await settle(pilot)
        assert screen.current_id == dismissed
        assert other.id in [r.claim.id for r in related.items]
        assert panes_agree(screen)


async def test_a_filter_moves_every_pane_to_a_claim_it_shows(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        await pilot.press("j", "j")  # witnesses and tanks: nothing conflicts with it
        await settle(pilot)
        before = screen.current_id
        await pilot.press("f", "c", "enter")
        await settle(pilot)
        shown = screen.query_one(ClaimsList).items
        assert shown and before not in [c.id for c in shown]
        assert screen.current_id in [c.id for c in shown]
        assert panes_agree(screen)
        await pilot.press("F", "f", "2", "enter")  # needs-check: none yet
        await settle(pilot)
        assert screen.query_one(ClaimsList).items == []


async def test_flagging_out_of_a_status_filter_moves_on_to_the_next_claim(filled_store):
    for claim in filled_store.claims():
        filled_store.set_status(claim.id, "needs-check")
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        await pilot.press("f", "2", "enter")
        first = screen.current_id
        await pilot.press("s", "v")
        await settle(pilot)
        assert screen.current_id != first
        assert first not in [c.id for c in screen.query_one(ClaimsList).items]
        assert panes_agree(screen)


async def test_another_process_write_shows_without_moving_the_cursor(filled_store):
    """The reader is open; ``claimdesk flag`` runs in another process."""
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        await pilot.press("j")
        await settle(pilot)
        current, cursor = screen.current_id, screen.query_one(ClaimsList).cursor
        target = next(c for c in screen.sentences if c.is_claim and c.id != current)
        cli = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "claimdesk", "--db", filled_store.path, "--as", "bob"),
            *("flag", str(target.id), "false"),
        )
        assert await cli.wait() == 0
        claims = screen.query_one(ClaimsList)
        await wait_until(
            pilot, lambda: any(c.id == target.id and c.status == "false" for c in claims.items)
        )
        assert (screen.current_id, claims.cursor) == (current, cursor)
        assert screen.query_one(DocumentView).current_id == current
        assert documents_row(screen, screen.document.id).flagged == 1
        assert screen.query_one("#status").summary.flagged == 1


async def test_another_process_write_keeps_an_open_note_edit(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        claim_id = screen.current_id
        await pilot.press("e", *"half written")
        other = Store.open(filled_store.path, actor="bob")
        other.set_status(claim_id, "disputed")
        await wait_until(pilot, lambda: screen.current_claim().status == "disputed")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "half written"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert filled_store.claim(claim_id).note == "half written"
        assert filled_store.claim(claim_id).status == "disputed"


async def test_undo_never_reverts_another_actors_change(tmp_path):
    path = tmp_path / "shared.db"
    alice = Store.open(path, actor="alice")
    bob = Store.open(path, actor="bob")
    from .conftest import fill

    fill(alice)
    first, second = alice.claims()[:2]
    app = make_app(alice)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        bob.set_status(second.id, "false")
        await pilot.press("u")
        await settle(pilot)
        assert alice.claim(second.id).status == "false"
        assert "nothing of alice's to undo" in screen.query_one("#status").last_action
        await pilot.press("s", "v")  # alice flags the first claim, bob changes it again
        await settle(pilot)
        bob.set_status(first.id, "disputed")
        await pilot.press("u")
        await settle(pilot)
        assert alice.claim(first.id).status == "disputed"
        assert "changed since by bob" in screen.query_one("#status").last_action
        await wait_until(pilot, lambda: screen.current_claim().status == "disputed")


async def test_documents_added_or_removed_elsewhere_show_and_the_open_one_is_replaced(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        pane = screen.query_one(DocumentsList)
        other = Store.open(filled_store.path, actor="bob")
        other.add_text("The port said 12 ships were turned away on Friday.", title="Port report")
        await wait_until(pilot, lambda: len(pane.items) == 4)
        assert pane.items[-1].title == "Port report"
        removed = screen.document.id
        other.remove_document(removed)
        await wait_until(
            pilot, lambda: screen.document is not None and screen.document.id != removed
        )
        assert removed not in [d.id for d in pane.items]
        assert screen.query_one(DocumentView).document.id == screen.document.id


async def test_the_status_line_counts_the_documents_added_or_removed_elsewhere(
    filled_store, tmp_path
):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, text in (
        ("dam.txt", "Engineers said the dam held back 2 million cubic metres of water."),
        ("port.txt", "The port said 12 ships were turned away on Friday."),
        ("rail.txt", "The rail operator said 30 trains were cancelled on Sunday."),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        pane = screen.query_one(DocumentsList)
        status = screen.query_one("#status")
        await wait_until(pilot, lambda: screen._watching)
        other = Store.open(filled_store.path, actor="bob")
        try:
            added = await asyncio.to_thread(other.add_paths, [folder])  # one transaction
            assert [r.added for r in added] == [True, True, True]
            await wait_until(pilot, lambda: status.last_action == "3 documents added elsewhere")
            assert len(pane.items) == 6

            gone = added[1].doc_id
            assert gone != screen.document.id
            other.remove_document(gone)
            await wait_until(pilot, lambda: status.last_action == "1 document removed elsewhere")
            assert gone not in [d.id for d in pane.items] and len(pane.items) == 5
        finally:
            other.close()
