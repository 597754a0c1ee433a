"""What a feed update brought: marked in the documents pane, reached with one key or the
palette, filtered to; and brought in live when another process runs the update."""

from __future__ import annotations

import asyncio

from claimdesk.store import Store
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.documents_list import NEW_MARK, DocumentsList

from .conftest import fill, make_app, rendered_text, settle, wait_until


def _article(title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Valley Courier"></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )


ARTICLES = {
    "/news/governor.html": _article(
        "Governor gives death toll",
        "The regional governor said on Tuesday that 37 people died when the dam failed.",
    ),
    "/news/hospital.html": _article(
        "Hospital count is higher",
        "The hospital said on Wednesday that 112 people died when the dam failed.",
    ),
    "/news/bridges.html": _article(
        "Bridges destroyed", "Engineers said 15 bridges were destroyed across the valley."
    ),
}


def _following(store, web, *, updated: bool = True) -> None:
    """``store`` filled and following the feed, which holds the governor's article; with
    ``updated``, one update has run (it brought that article)."""
    fill(store)
    _serve(web, ["/news/governor.html"])
    store.follow(web.url("/rss.xml"))
    if updated:
        store.update_feeds()


def _serve(web, paths: list[str]) -> None:
    for path, page in ARTICLES.items():
        web.serve(path, page)
    items = "".join(
        f"<item><title>{path}</title><link>{web.url(path)}</link><guid>{path}</guid></item>"
        for path in paths
    )
    web.serve(
        "/rss.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title>'
        f"<link>{web.url('/')}</link>{items}</channel></rss>",
        "application/rss+xml",
    )


def _titles(pane: DocumentsList) -> list[str]:
    return [d.title for d in pane.items]


async def test_no_document_is_marked_new_before_any_update(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        pane = screen.query_one(DocumentsList)
        assert pane.new_ids == frozenset() and "new" not in str(pane.border_title)
        assert NEW_MARK not in rendered_text(pane)
        await pilot.press("a")
        assert screen.query_one("#status").last_action == "no update yet"


async def test_documents_an_update_brought_are_marked_and_reached_with_a_key(store, web):
    _following(store, web)
    _serve(web, [*ARTICLES])
    store.update_feeds()  # the second update brings the hospital and bridges articles
    new = {d.id: d.title for d in store.new_since_last_update()}
    assert sorted(new.values()) == ["Bridges destroyed", "Hospital count is higher"]
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        pane = screen.query_one(DocumentsList)
        assert pane.new_ids == frozenset(new)
        assert pane.border_title == "Documents 6 · 2 new"
        marked = [line for line in rendered_text(pane).splitlines() if NEW_MARK in line]
        assert [line.split(NEW_MARK)[1].strip(" │") for line in marked] == [
            "Hospital count is higher",
            "Bridges destroyed",
        ]

        await pilot.press("a")
        await settle(pilot)
        assert screen.document.title == "Hospital count is higher"
        assert screen.query_one("#status").last_action.startswith("new document 1 of 2")
        await pilot.press("a")
        await settle(pilot)
        assert screen.document.title == "Bridges destroyed"
        await pilot.press("a")  # after the last, the first again
        await settle(pilot)
        assert screen.document.title == "Hospital count is higher"

        await pilot.press("D", "w", "escape")  # sort and filter: only new
        await settle(pilot)
        assert _titles(pane) == ["Hospital count is higher", "Bridges destroyed"]
        assert pane.border_title == "Documents 2/6 · 2 new · new since the update"


async def test_the_palette_filters_to_new_documents_and_goes_to_the_next(store, web):
    from claimdesk.tui.commands import ClaimdeskCommands

    _following(store, web)
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        pane = app.main_screen.query_one(DocumentsList)
        provider = ClaimdeskCommands(app.screen)
        hits = [hit async for hit in provider.search("documents only new since the last update")]
        assert hits[0].text == "Documents: only new since the last update"
        hits[0].command()
        await settle(pilot)
        assert _titles(pane) == ["Governor gives death toll"]
        hits = [hit async for hit in provider.search("next new document")]
        assert hits[0].text == "Next new document"
        await hits[0].command()  # key actions run as the palette runs them: awaited
        await settle(pilot)
        assert app.main_screen.document.title == "Governor gives death toll"


async def test_an_update_in_another_process_shows_marked_new_and_the_cursor_stays(store, web):
    _following(store, web, updated=False)
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        pane = screen.query_one(DocumentsList)
        claims = screen.query_one(ClaimsList)
        await pilot.press("j")
        await settle(pilot)
        doc_id, claim_id = screen.document.id, screen.current_id
        await wait_until(pilot, lambda: screen._watching)

        other = Store.open(store.path, actor="script")
        try:
            _serve(web, [*ARTICLES])
            (result,) = await asyncio.to_thread(other.update_feeds)
        finally:
            other.close()
        assert result.added == 3

        await wait_until(pilot, lambda: len(pane.items) == 6 and len(pane.new_ids) == 3)
        await settle(pilot)
        assert pane.border_title == "Documents 6 · 3 new"
        assert (screen.document.id, screen.current_id) == (doc_id, claim_id)
        assert pane.current.id == doc_id and claims.current.id == claim_id


async def test_an_update_elsewhere_that_adds_nothing_clears_the_new_marks(store, web):
    _following(store, web)
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        pane = screen.query_one(DocumentsList)
        status = screen.query_one("#status")
        assert [pane.items[pane.index_of(i)].title for i in pane.new_ids] == [
            "Governor gives death toll"
        ]
        await wait_until(pilot, lambda: screen._watching)

        other = Store.open(store.path, actor="script")
        try:
            _serve(web, [*ARTICLES])
            (brought,) = await asyncio.to_thread(other.update_feeds)
            await wait_until(pilot, lambda: status.last_action.startswith("update elsewhere"))
            await settle(pilot)
            assert brought.added == 2
            assert status.last_action == "update elsewhere: 2 new documents"
            assert sorted(pane.items[pane.index_of(i)].title for i in pane.new_ids) == [
                "Bridges destroyed",
                "Hospital count is higher",
            ]
            assert pane.border_title == "Documents 6 · 2 new"

            (nothing,) = await asyncio.to_thread(other.update_feeds)
        finally:
            other.close()
        assert nothing.added == 0
        await wait_until(pilot, lambda: status.last_action == "update elsewhere: nothing new")
        await settle(pilot)
        assert pane.new_ids == frozenset() and pane.border_title == "Documents 6"
        assert NEW_MARK not in rendered_text(pane)
        await pilot.press("a")
        assert status.last_action == "nothing new since the last update"
