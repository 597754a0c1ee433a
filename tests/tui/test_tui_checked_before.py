""" "Checked before": known fact-checks of the current claim head the related pane (only the
confident ones), set apart by their label; a key opens the fact-check's URL."""

from __future__ import annotations

import json

import pytest

from claimdesk.store.factchecks import checked_before
from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.store.factchecks.sentence_model import load_model, why_unavailable
from claimdesk.store.models import RelatedClaim
from claimdesk.tui.app import ClaimdeskApp
from claimdesk.tui.widgets.related_list import CHECKED_LABEL, RelatedList
from claimdesk.tui.widgets.status_bar import StatusBar

from .conftest import settle

KURSK_URL = "https://checks.example/kursk-100"

FEED = [
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": KURSK_URL,
        "claimReviewed": "Officials said 100 soldiers were killed near Kursk.",
        "author": {"@type": "Organization", "name": "Border Checks"},
        "datePublished": "2024-12-30",
        "reviewRating": {"@type": "Rating", "alternateName": "Mostly false"},
    },
    {  # shares "soldiers" and "Kursk" with the first claim: a weak match, not shown
        "@type": "ClaimReview",
        "url": "https://checks.example/tanks",
        "claimReviewed": "Soldiers near Kursk were given new tanks in the spring.",
        "author": {"name": "Arms Watch"},
        "datePublished": "2024-05-01",
        "reviewRating": {"alternateName": "Unproven"},
    },
    {
        "@type": "ClaimReview",
        "url": "https://checks.example/bleach",
        "claimReviewed": "Drinking bleach cures the coronavirus.",
        "author": {"name": "Health Checks"},
        "reviewRating": {"alternateName": "False"},
    },
]
"""Published fact-checks, imported through the store as a user's file would be."""


class RecordingApp(ClaimdeskApp):
    """The reader, with the URLs it would hand to the browser written down instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opened: list[str] = []

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Write the URL down."""
        self.opened.append(url)


@pytest.fixture
def checked_store(filled_store, tmp_path):
    """The fixed reports with :data:`FEED` imported as known fact-checks."""
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FEED), encoding="utf-8")
    report = filled_store.import_factchecks(feed)
    assert report.added == len(FEED)
    return filled_store


def pane_text(pane: RelatedList) -> str:
    """What the related pane shows now, line by line."""
    return "\n".join(pane.render_line(y).text.rstrip() for y in range(pane.size.height))


def recording_app(store) -> RecordingApp:
    return RecordingApp(store, config_path=None, remember_places=False)


def kursk_claim(store):
    return next(c for c in store.claims() if c.text.startswith("Officials said 100"))


async def test_a_known_check_heads_the_related_pane(checked_store):
    claim = kursk_claim(checked_store)
    weak = checked_store.checked_before(claim.id, include_weak=True)
    assert [k.confident for k in weak] == [True, False]  # the rule has something to leave out
    app = recording_app(checked_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        assert screen.current_id == claim.id
        related = screen.query_one(RelatedList)
        first, *rest = related.items
        assert isinstance(first, KnownCheck) and first.factcheck.url == KURSK_URL
        assert rest and all(isinstance(i, RelatedClaim) for i in rest)  # related claims follow
        assert str(related.border_title).startswith("Checked before 1 · Related ")
        shown = " ".join(pane_text(related).split())  # the item under the cursor is wrapped
        assert CHECKED_LABEL.strip() in shown
        assert "Border Checks: Mostly false · 2024-12-30" in shown
        assert KURSK_URL in shown
        assert "Arms Watch" not in shown and "Health Checks" not in shown


async def test_a_claim_that_matches_nothing_shows_no_checked_before(checked_store):
    market = checked_store.documents()[-1]
    claim = checked_store.claims(market.id)[0]
    assert checked_store.checked_before(claim.id, include_weak=True) == []
    app = recording_app(checked_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        screen.open_place(market.id, claim.id)
        await settle(pilot)
        assert screen.current_id == claim.id
        related = screen.query_one(RelatedList)
        assert not any(isinstance(i, KnownCheck) for i in related.items)
        assert str(related.border_title).startswith("Related ")
        assert CHECKED_LABEL.strip() not in pane_text(related)
        await pilot.press("O")
        assert app.opened == []
        assert "no known fact-check" in screen.query_one("#status").last_action


async def test_the_open_key_opens_the_checks_url(checked_store):
    app = recording_app(checked_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("O")  # from the claims pane: the best known check
        assert app.opened == [KURSK_URL]
        await pilot.press("4", "enter")  # in the related pane: the one under the cursor
        assert app.opened == [KURSK_URL, KURSK_URL]
        status = app.main_screen.query_one("#status")
        assert status.last_action == f"opened {KURSK_URL}"


async def test_the_open_key_can_be_remapped(checked_store):
    app = recording_app(checked_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.set_keymap({"open-factcheck": "g"})
        await pilot.press("g")
        assert app.opened == [KURSK_URL]


async def test_a_known_check_takes_no_link_verdict(checked_store):
    claim = kursk_claim(checked_store)
    app = recording_app(checked_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("4", "w")
        await settle(pilot)
        related = app.main_screen.query_one(RelatedList)
        assert isinstance(related.items[0], KnownCheck)  # still shown, nothing hidden
    assert [e.kind for e in checked_store.history(claim.id)] == []


async def test_a_fact_check_without_a_web_address_opens_nothing(filled_store, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(
        json.dumps({**FEED[0], "url": "javascript:alert(1)", "identifier": "kursk-1"}),
        encoding="utf-8",
    )
    filled_store.import_factchecks(feed)
    app = recording_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert isinstance(app.main_screen.query_one(RelatedList).items[0], KnownCheck)
        await pilot.press("O")
        assert app.opened == []
        assert "no web address" in app.main_screen.query_one("#status").last_action


async def test_the_reader_has_the_model_read_unread_fact_checks_in_the_background(
    checked_store, monkeypatch
):
    if load_model() is None:
        pytest.skip(why_unavailable())
    monkeypatch.setattr(checked_before, "INLINE_READ", 1)  # too many to read in a query
    assert checked_store.meaning_pending() == len(FEED)
    app = recording_app(checked_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        status = app.main_screen.query_one(StatusBar)
        assert status.last_action == f"fact-checks read ({len(FEED)}): matching by meaning too"
        assert checked_store.meaning_pending() == 0
        related = app.main_screen.query_one(RelatedList)
        first = related.items[0]  # asked again once read: now with its meaning
        assert isinstance(first, KnownCheck) and "close in meaning" in first.why
