"""A small store that holds a row in every kind of record table, for copy tests."""

from __future__ import annotations

from pathlib import Path

from claimdesk.store import Store

FLOOD = (
    "---\ntitle: Flood toll\nsource: Daily Ledger\npublished: 2024-05-02\n---\n\n"
    "Officials said 40 people died in the floods on Monday.\n\n"
    "The ministry said 1,200 homes were destroyed in Valencia.\n"
)
FLOOD_AGAIN = FLOOD.replace("40 people", "41 people")
WIRE = (
    "Rescuers said 38 people died in the Valencia floods, the regional government said.\n\n"
    "The mayor said 1,000 homes were destroyed.\n"
)
NEWEST = "The army said 12 soldiers were wounded near the border on Tuesday.\n"


def fill(store: Store, folder: Path) -> dict[str, int]:
    """Documents (one replaced by a new version, one removed), flags, notes, an undo, a link
    verdict, an alias and a fact-check; returns a few ids the tests look at again."""
    first = store.add_text(FLOOD, title="Flood toll").doc_id
    wire = store.add_text(WIRE, title="Wire", source="Harbour Wire").doc_id
    assert first is not None and wire is not None
    a, b = store.claims(first)[0].id, store.claims(wire)[0].id
    store.set_status(a, "needs-check")
    store.set_note(a, "Ask the ministry for the list.")
    store.set_status(b, "verified")
    store.undo()
    store.set_document_note(wire, "Wire copy, second hand.")
    store.mark_link(a, b, "contradicts", relation="differs", score=71.5)
    store.add_alias("MoH", "ministry of health")
    checks = folder / "checks.csv"
    checks.write_text(
        "claim,rating,reviewer,url\nTea cures insomnia,False,Cup Desk,https://cup.example/tea\n",
        encoding="utf-8",
    )
    store.import_factchecks(checks)
    store.add_text(FLOOD_AGAIN, title="Flood toll")
    newest = store.add_text(NEWEST, title="Border").doc_id
    assert newest is not None
    removed_claim = store.claims(newest)[0].id
    store.remove_document(newest)
    return {"flagged": a, "wire": wire, "removed": newest, "removed_claim": removed_claim}
