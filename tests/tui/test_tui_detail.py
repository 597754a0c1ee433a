"""The detail pane: the claim in full with its note, figures, dates, attribution and document;
opening the document's URL and copying the claim with its citation."""

from __future__ import annotations

import sys
import webbrowser

from claimdesk.tui.screens.reader_screen import NOT_A_CLAIM
from claimdesk.tui.widgets.claim_detail import ClaimDetail
from claimdesk.tui.widgets.related_list import RelatedList

from .conftest import make_app, rendered_text, settle, wait_until

REPORT = (
    "Officials said more than 3,000 soldiers were reportedly killed near Kursk on 26 December.\n\n"
    "Why does this matter?"
)


def add_report(store, url="https://example.org/kursk-report"):
    result = store.add_text(
        REPORT, title="Kursk losses", source="Northern Ledger", url=url, published="2024-12-27"
    )
    return store.claims(result.doc_id)[0]


async def test_details_toggle_and_show_everything_known(store):
    claim = add_report(store)
    store.set_note(claim.id, "Ministry gives 100, not 3,000. " * 4 + "Ask Seoul.")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        assert screen.detail_pane() is None  # mounted when first shown
        await pilot.press("i")
        await settle(pilot)
        detail = screen.query_one(ClaimDetail)
        assert detail.display
        shown = rendered_text(detail.query_one("#detail-body"))
        flat = " ".join(shown.split())
        assert "Officials said more than 3,000 soldiers were reportedly killed near Kursk" in flat
        assert "Ask Seoul." in flat  # the whole note, wrapped
        assert "unreviewed" in flat and f"claim {claim.id}" in flat
        assert '"more than 3,000" = 3,000 soldiers (more than)' in flat
        assert '"26 December" = --12-26' in flat
        assert "Officials (said), hedged: reportedly" in flat
        assert "Kursk losses" in flat and "Northern Ledger · 2024-12-27" in flat
        assert "https://example.org/kursk-report" in flat
        await pilot.press("i")
        await settle(pilot)
        assert not detail.display


async def test_details_follow_the_current_claim_and_are_always_on_when_wide(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        detail = screen.query_one(ClaimDetail)
        assert detail.display
        await pilot.press("j")
        await settle(pilot)
        assert detail.claim.id == screen.current_id
        shown = " ".join(rendered_text(detail.query_one("#detail-body")).split())
        assert screen.current_claim().text[:40] in shown
        await pilot.press("i")
        assert detail.display
        assert "always shown" in screen.query_one("#status").last_action


async def test_narrow_details_take_the_related_panes_place(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        related = screen.query_one(RelatedList)
        assert related.display and screen.detail_pane() is None
        await pilot.press("i")
        await settle(pilot)
        assert screen.query_one(ClaimDetail).display and not related.display
        assert screen.query_one(ClaimDetail).region.width > 30


async def test_copy_puts_the_claim_and_its_citation_on_the_clipboard(store):
    add_report(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == (
            '"Officials said more than 3,000 soldiers were reportedly killed near Kursk on'
            ' 26 December." (Northern Ledger, "Kursk losses", 2024-12-27,'
            " https://example.org/kursk-report)"
        )


async def test_open_url_hands_the_documents_address_to_the_browser(store, tmp_path, monkeypatch):
    """``$BROWSER`` names the browser; here a script that writes down what it was given."""
    add_report(store)
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(
        f"import sys, pathlib\npathlib.Path({str(opened)!r}).write_text(sys.argv[1])\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("BROWSER", f"{sys.executable} {browser} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read $BROWSER afresh
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await wait_until(pilot, opened.exists)
        assert opened.read_text() == "https://example.org/kursk-report"


async def test_a_document_without_a_web_address_opens_nothing(store):
    add_report(store, url="javascript:alert(1)")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert "no web address" in app.main_screen.query_one("#status").last_action


async def test_a_sentence_that_is_not_a_claim_says_so(store):
    add_report(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i", "J")
        await settle(pilot)
        screen = app.main_screen
        assert not screen.current_claim().is_claim
        assert "not a claim" in rendered_text(screen.query_one("#detail-body"))
        assert screen.query_one(RelatedList).empty_text == NOT_A_CLAIM
