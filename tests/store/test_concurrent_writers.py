"""Several processes writing one store at once: no lost or duplicated event, no lost update."""

from __future__ import annotations

from claimdesk.store import Store
from tests.desk_writers import prepare, problems, run_writers, seconds_until_seen

WRITERS = 8
OPS = 500
"""Saves per writer, half of them notes on four claims everyone notes."""


def test_writers_lose_no_event_and_no_update(store_location):
    ids = prepare(store_location)
    outcome = run_writers(store_location, ids, WRITERS, OPS)
    store = Store.open(store_location)
    assert problems(store, outcome) == []
    assert outcome.saves + outcome.conflicts + outcome.unchanged == WRITERS * OPS
    # the notes collide: some saves were refused, and some of every writer went through
    assert outcome.conflicts > 0
    assert all(r.saves for r in outcome.results)


def test_a_reader_sees_another_process_change_within_a_second(store_location):
    claim_id = prepare(store_location)[0]
    seconds, statuses = seconds_until_seen(store_location, claim_id, "disputed")
    assert statuses == ["disputed"]
    assert seconds < 1.0
