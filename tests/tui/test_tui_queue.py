"""The review queue (every claim across the store to work through) and the documents' order."""

from __future__ import annotations

from claimdesk.tui.screens.documents_chooser import DocumentsChooser
from claimdesk.tui.screens.queue_screen import QueueScreen
from claimdesk.tui.widgets.documents_list import DocumentsList
from claimdesk.tui.widgets.queue_list import QueueList

from .conftest import make_app, settle


def flag_in_every_document(store) -> list:
    """Flag the first claim of each document needs-check; returns those claims."""
    flagged = []
    for document in store.documents():
        claim = store.claims(document.id)[0]
        flagged.append(store.set_status(claim.id, "needs-check"))
    return flagged


async def test_the_queue_lists_claims_across_documents_and_opens_one(filled_store):
    flagged = flag_in_every_document(filled_store)
    app = make_app(filled_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        listed = app.screen.query_one(QueueList)
        assert {i.claim.id for i in listed.items} == {c.id for c in flagged}
        scores = [i.claim.score for i in listed.items]
        assert scores == sorted(scores, reverse=True)
        target = listed.items[-1].claim
        await pilot.press("end", "enter")
        await settle(pilot)
        screen = app.main_screen
        assert app.screen is screen
        assert (screen.document.id, screen.current_id) == (target.doc_id, target.id)
        await pilot.press("v")  # the queue is remembered as it was left
        await settle(pilot)
        assert app.screen.query_state.status == "needs-check"


async def test_queue_keys_change_what_it_holds(filled_store):
    claims = filled_store.claims()
    filled_store.set_status(claims[0].id, "disputed")
    filled_store.set_note(claims[1].id, "ask the governor")
    app = make_app(filled_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        queue = app.screen
        listed = queue.query_one(QueueList)
        assert listed.items == [] and "no claims" in listed.empty_text
        await pilot.press("s")  # disputed
        await settle(pilot)
        assert [i.claim.id for i in listed.items] == [claims[0].id]
        await pilot.press("s", "s", "s", "s", "s", "s", "s")  # ... round to "any status"
        await settle(pilot)
        assert queue.query_state.status is None
        assert len(listed.items) == len(claims)
        await pilot.press("n")
        await settle(pilot)
        assert [i.claim.id for i in listed.items] == [claims[1].id]
        await pilot.press("n", "o")
        await settle(pilot)
        published = [i.doc_published for i in listed.items]
        assert published == sorted(published, reverse=True)
        await pilot.press("t")  # new in the last day: everything was just added
        await settle(pilot)
        assert len(listed.items) == len(claims)
        await pilot.press("c")
        await settle(pilot)
        assert listed.items and all(i.reason.startswith("conflicts with: ") for i in listed.items)
        await pilot.press("escape")
        assert app.screen is app.main_screen


async def test_long_queues_are_read_a_page_at_a_time(store):
    for i in range(6):
        store.add_text(
            " ".join(f"Agency {i} said {j} people were evacuated on Monday." for j in range(60)),
            title=f"Day {i}",
        )
    for claim in store.claims():
        store.set_status(claim.id, "needs-check")
    total = len(store.claims())
    assert total > 300
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        listed = app.screen.query_one(QueueList)
        assert len(listed.items) == 200 and app.screen.total == total
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert len(listed.items) == total
        assert len({i.claim.id for i in listed.items}) == total


async def test_a_write_elsewhere_refreshes_an_open_queue(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        listed = app.screen.query_one(QueueList)
        assert listed.items == []
        claim = filled_store.claims()[2]
        filled_store.set_status(claim.id, "needs-check")  # as a script would
        app.main_screen.writer.check()
        await settle(pilot)
        assert [i.claim.id for i in listed.items] == [claim.id]


async def test_documents_sort_and_filter(filled_store):
    documents = filled_store.documents()
    filled_store.set_status(filled_store.claims(documents[1].id)[0].id, "false")
    filled_store.set_document_note(documents[2].id, "markets: not our beat")
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = app.main_screen.query_one(DocumentsList)
        assert [d.id for d in pane.items] == [d.id for d in documents]
        await pilot.press("D")
        assert isinstance(app.screen, DocumentsChooser)
        await pilot.press("t", "enter")  # newest first
        assert [d.published for d in pane.items] == ["2024-12-29", "2024-12-28", "2024-12-27"]
        await pilot.press("D", "f", "enter")
        assert pane.items[0].id == documents[1].id
        await pilot.press("D", "0", "g", "enter")
        assert [d.id for d in pane.items] == [documents[1].id]
        assert "1/3" in str(pane.border_title)
        await pilot.press("D", "0", "n", "enter")
        assert [d.id for d in pane.items] == [documents[2].id]
        await pilot.press("D", "0", "tab", *"daily", "enter")
        assert [d.source for d in pane.items] == ["Daily paper"]
        await pilot.press("D", "0", "tab", "tab", *"2024-12-28", "enter")
        assert [d.published for d in pane.items] == ["2024-12-28", "2024-12-29"]


async def test_the_palette_sorts_documents(filled_store):
    from claimdesk.tui.commands import ClaimdeskCommands

    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        provider = ClaimdeskCommands(app.screen)
        hits = [hit async for hit in provider.search("documents sort by date")]
        assert hits
        hits[0].command()
        await pilot.pause()
        pane = app.main_screen.query_one(DocumentsList)
        assert [d.published for d in pane.items] == ["2024-12-29", "2024-12-28", "2024-12-27"]
