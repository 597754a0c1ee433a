"""Several processes writing one store at once: no lost or duplicated event, no lost update."""

from __future__ import annotations

import pytest

from claimdesk.store import Store
from tests.desk_writers import prepare, problems, run_writers, seconds_until_seen

WRITERS = 8
OPS = 500
"""Saves per writer, half of them notes on four claims everyone notes."""


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_target(request, tmp_path) -> str:
    """Where the writers write: a store file, or a database on the test server."""
    if request.param == "postgresql":
        dsn: str = request.getfixturevalue("pg_dsn")
        return dsn
    return str(tmp_path / "desk.db")


def test_writers_lose_no_event_and_no_update(desk_target):
    ids = prepare(desk_target)
    outcome = run_writers(desk_target, ids, WRITERS, OPS)
    store = Store.open(desk_target)
    assert problems(store, outcome) == []
    assert outcome.saves + outcome.conflicts + outcome.unchanged == WRITERS * OPS
    # the notes collide: some saves were refused, and some of every writer went through
    assert outcome.conflicts > 0
    assert all(r.saves for r in outcome.results)


def test_a_reader_sees_another_process_change_within_a_second(desk_target):
    claim_id = prepare(desk_target)[0]
    seconds, statuses = seconds_until_seen(desk_target, claim_id, "disputed")
    assert statuses == ["disputed"]
    assert seconds < 1.0
