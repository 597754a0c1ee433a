"""Snapshots of the main screen, the help screen, the note editor, the detail pane, the review
queue and the related pane headed by a known fact-check, at 80x24 and at wide sizes.

The store content is fixed (built here), the store file name is always
``test.db``, the user is always "reviewer" and no time is shown, so the pictures
are deterministic. Update them with ``pytest tests/tui --snapshot-update`` after
an intended change, and look at them.
"""

from __future__ import annotations

import json

import pytest
from textual.widgets import TextArea

from claimdesk.tui.navigation import Place
from claimdesk.tui.state import save_last_place
from claimdesk.tui.widgets.status_bar import StatusBar

from .conftest import make_app, rendered_text, settle, wait_until
from .test_tui_checked_before import FEED


@pytest.fixture
def app(filled_store, tmp_path):
    """The reader reopening the market news document, as remembered from a last session.

    (Its related claims share a single word, so their explanations never vary.)
    """
    filled_store.actor = "reviewer"
    market = filled_store.documents()[-1]
    claim = filled_store.claims(market.id)[0]
    state = tmp_path / "state.json"
    save_last_place(state, filled_store.path, Place(market.id, claim.id))
    return make_app(filled_store, remember_places=True, state_file=state)


@pytest.fixture
def reviewed(filled_store, tmp_path):
    """The reader on the border report after some review work: flags, a claim note and a
    document note."""
    filled_store.actor = "reviewer"
    border, second, _ = filled_store.documents()
    first = filled_store.claims(border.id)[0]
    filled_store.set_status(first.id, "disputed")
    filled_store.set_note(
        first.id, "The ministry says 100; the second account says 3,000. Ask both for a source."
    )
    filled_store.set_status(filled_store.claims(border.id)[1].id, "needs-check")
    filled_store.set_status(filled_store.claims(second.id)[0].id, "needs-check")
    filled_store.set_document_note(border.id, "Wire copy, filed before the governor spoke.")
    state = tmp_path / "state.json"
    save_last_place(state, filled_store.path, Place(border.id, first.id))
    return make_app(filled_store, remember_places=True, state_file=state)


@pytest.fixture
def checked(filled_store, tmp_path):
    """The reader on the border report's first claim, with published fact-checks imported:
    one reviews that claim (shown), one is a weak match (left out)."""
    filled_store.actor = "reviewer"
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FEED), encoding="utf-8")
    filled_store.import_factchecks(feed)
    return make_app(filled_store)


async def open_details(pilot):
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)


async def open_queue(pilot):
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("s", "s")  # flagged: every status but unreviewed
    await settle(pilot)


def test_detail_pane_narrow(snap_compare, reviewed):
    assert snap_compare(reviewed, terminal_size=(80, 24), run_before=open_details)


def test_detail_pane_wide(snap_compare, reviewed):
    assert snap_compare(reviewed, terminal_size=(200, 60), run_before=settle)


def test_review_queue_narrow(snap_compare, reviewed):
    assert snap_compare(reviewed, terminal_size=(80, 24), run_before=open_queue)


def test_review_queue_wide(snap_compare, reviewed):
    assert snap_compare(reviewed, terminal_size=(200, 60), run_before=open_queue)


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=(140, 36), run_before=settle)


def test_main_screen_narrow(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_help_screen(snap_compare, app):
    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("question_mark", *"note")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 30), run_before=open_help)


def test_note_editor(snap_compare, app):
    async def open_editor(pilot):
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        # a blinking cursor is drawn or not by a timer: on a busy machine the snapshot
        # caught it in the other phase
        pilot.app.screen.query_one(TextArea).cursor_blink = False
        await pilot.press(*"Ask the ministry for the source.")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 30), run_before=open_editor)


def test_related_pane_with_a_known_check(snap_compare, checked):
    async def focus_related(pilot):
        await settle(pilot)
        # the sentence model reads the fact-checks in a worker started once the first
        # document shows, and the status line says when it is done: wait for it, then for
        # the related claims it asks again
        status = pilot.app.screen.query_one(StatusBar)
        await wait_until(pilot, lambda: "fact-checks read" in rendered_text(status))
        await settle(pilot)
        await pilot.press("4")
        await pilot.pause()

    assert snap_compare(checked, terminal_size=(140, 36), run_before=focus_related)


@pytest.fixture
def attachment(store, tmp_path):
    """The reader on page 2 of a PDF that came attached to an e-mail, beside a text."""
    from email.message import EmailMessage

    from tests.tui.test_tui_sources import _report, _sentence

    store.actor = "reviewer"
    message = EmailMessage()
    message["From"] = "Olena Kravets <olena@example.org>"
    message["Subject"] = "Tip: the ministry's figures"
    message["Date"] = "Thu, 19 Dec 2024 08:15:00 +0200"
    message.set_content("The hospital said 52 people died in the floods on Tuesday.")
    message.add_attachment(_report(), maintype="application", subtype="pdf", filename="report.pdf")
    path = tmp_path / "tip.eml"
    path.write_bytes(bytes(message))
    _, pdf = store.add_paths([path])
    claim = _sentence(store, pdf.doc_id, "The regional governor said 15 bridges")
    state = tmp_path / "state.json"
    save_last_place(state, store.path, Place(pdf.doc_id, claim.id))
    return make_app(store, remember_places=True, state_file=state)


def test_pdf_pages_and_origin(snap_compare, attachment):
    assert snap_compare(attachment, terminal_size=(200, 40), run_before=settle)
