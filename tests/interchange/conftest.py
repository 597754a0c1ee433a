"""A small store with three invented reports, some claims flagged and noted, for export tests."""

from __future__ import annotations

import pytest

from claimdesk.store import Store
from tests.conftest import BACKENDS, store_location_for

REPORTS = [
    (
        "Harbour flood toll rises",
        "Coastal Ledger",
        "https://ledger.example/flood",
        "2025-03-02",
        "The harbour master said 40 people died in the Port Alder flood on Monday. "
        "Rescue teams from Kestrel Bay reached the old quay on Tuesday. "
        "Officials said 12 boats were lost, and the mayor asked for 200 more tents.",
    ),
    (
        "Flood: a second count",
        "Bay Courier",
        "",
        "2025-03-02",  # the same day: "on Monday" is the same Monday in both reports
        "Hospital staff said at least 55 people died in the Port Alder harbour flood on Monday. "
        "Teams from Kestrel Bay are still searching. "
        "The mayor asked for 200 more tents, officials said. "
        'A *new* levee = "the plan", says the council.',
    ),
    (
        "Notes from the quay",
        "",
        "",
        "",
        "The ferry company said its boats run on kelp fuel. The ferry company said its boats run on kelp fuel.",
    ),
]


def make_store(path) -> Store:
    """A fresh store holding :data:`REPORTS` (same texts every time)."""
    store = Store.open(path)
    for title, source, url, published, text in REPORTS:
        store.add_text(text, title=title, source=source, url=url, published=published)
    return store


@pytest.fixture(params=BACKENDS)
def desk(request, tmp_path) -> Store:
    """:func:`make_store` with a verdict, a tag, notes (one on a repeated sentence), once on
    each backend."""
    store = make_store(store_location_for(request.param, tmp_path, request))
    claims = store.claims()
    by_text = {}
    for c in claims:
        by_text.setdefault(c.text, []).append(c)
    died = next(c for c in claims if c.text.startswith("The harbour master"))
    second = next(c for c in claims if c.text.startswith("Hospital staff"))
    levee = next(c for c in store.sentences(2) if "levee" in c.text)
    kelp = [c for c in store.sentences(3) if "kelp" in c.text]
    store.set_status(died.id, "verified")
    store.set_note(died.id, 'Matches the coroner\'s list; "40" confirmed by phone.')
    store.set_status(second.id, "false")
    store.set_note(second.id, "=SUM(A1) is not a formula here")
    store.set_status(levee.id, "needs-check")
    store.set_status(kelp[1].id, "unverifiable")
    store.set_note(kelp[1].id, "The second mention, not the first.")
    yield store
    store.close()
