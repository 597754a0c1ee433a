"""The review queue: every claim across the store by status, note, conflict or "new since"."""

from __future__ import annotations

import pytest

from claimdesk.store import QueueQuery, Store, UnknownStatusError

REPORTS = (
    (
        "Border report",
        "2024-12-27",
        "Officials said 100 soldiers were killed near Kursk on Monday. "
        "Witnesses said 40 tanks crossed the river at dawn.",
    ),
    (
        "Second account",
        "2024-12-28",
        "Ukraine said 3,000 soldiers were killed near Kursk on Monday.",
    ),
    ("Markets", "2024-12-20", "The central bank raised interest rates by 0.5 percent in March."),
)


@pytest.fixture
def filled(store: Store) -> Store:
    for title, published, text in REPORTS:
        store.add_text(text, title=title, published=published, source="Desk")
    return store


def texts(page) -> list[str]:
    return [item.claim.text for item in page.items]


def test_a_status_across_every_document_most_check_worthy_first(filled):
    claims = filled.claims()
    for claim in claims:
        filled.set_status(claim.id, "needs-check")
    page = filled.queue(QueueQuery(status="needs-check"))
    assert page.total == len(claims)
    scores = [(i.claim.score, i.claim.id) for i in page.items]
    assert scores == sorted(scores, reverse=True)
    assert {i.doc_title for i in page.items} == {"Border report", "Second account", "Markets"}


def test_newest_document_first_in_reading_order(filled):
    page = filled.queue(QueueQuery(status=None, order="date"))
    assert [i.doc_published for i in page.items] == [
        "2024-12-28",
        "2024-12-27",
        "2024-12-27",
        "2024-12-20",
    ]
    assert texts(page)[1].startswith("Officials") and texts(page)[2].startswith("Witnesses")


def test_flagged_notes_and_paging(filled):
    claims = filled.claims()
    filled.set_status(claims[0].id, "verified")
    filled.set_status(claims[1].id, "false")
    filled.set_note(claims[1].id, "tanks: no source")
    assert filled.queue(QueueQuery(status="flagged")).total == 2
    noted = filled.queue(QueueQuery(status=None, with_notes=True))
    assert texts(noted) == [claims[1].text]
    first = filled.queue(QueueQuery(status=None), limit=2)
    rest = filled.queue(QueueQuery(status=None), limit=2, offset=2)
    assert first.total == rest.total == len(claims)
    assert len({*texts(first), *texts(rest)}) == len(claims)


def test_new_since_and_unknown_status(filled):
    everything = filled.queue(QueueQuery(status=None, since="2000-01-01"))
    assert everything.total == len(filled.claims())
    assert filled.queue(QueueQuery(status=None, since="2999-01-01")).total == 0
    with pytest.raises(UnknownStatusError):
        filled.queue(QueueQuery(status="done"))


def test_conflicting_claims_name_their_counterpart(filled):
    page = filled.queue(QueueQuery(status=None, conflicts=True))
    by_text = {i.claim.text: i.reason for i in page.items}
    officials = "Officials said 100 soldiers were killed near Kursk on Monday."
    ukraine = "Ukraine said 3,000 soldiers were killed near Kursk on Monday."
    assert by_text[officials] == f"conflicts with: {ukraine}"
    assert by_text[ukraine] == f"conflicts with: {officials}"
    assert "The central bank raised interest rates by 0.5 percent in March." not in by_text
