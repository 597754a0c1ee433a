"""Snapshots of the main screen, the help screen, the note editor and the 80x24 layout.

The store content is fixed (built here), the store file name is always
``test.db`` and no time is shown, so the pictures are deterministic. Update them
with ``pytest tests/tui --snapshot-update`` after an intended change.
"""

from __future__ import annotations

import pytest

from claimdesk.tui.navigation import Place
from claimdesk.tui.state import save_last_place

from .conftest import make_app, settle


@pytest.fixture
def app(filled_store, tmp_path):
    """The reader reopening the market news document, as remembered from a last session.

    (Its related claims share a single word, so their explanations never vary.)
    """
    market = filled_store.documents()[-1]
    claim = filled_store.claims(market.id)[0]
    state = tmp_path / "state.json"
    save_last_place(state, filled_store.path, Place(market.id, claim.id))
    return make_app(filled_store, remember_places=True, state_file=state)


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
        await pilot.press("e", *"Ask the ministry for the source.")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 30), run_before=open_editor)
