"""What an export holds: the claims chosen by a filter, each with its document and who did what.

By default an export holds the desk's work: claims with a review status or a note.
``everything`` takes every claim of the scope (the whole store or one document);
``status``, ``notes`` and ``since`` narrow it.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> doc = store.add_text("Officials said 40 people died in the flood.", title="Flood")
>>> _ = store.set_status(store.claims()[0].id, "verified")
>>> [(item.claim.status, item.document.title) for item in select(store, Selection())]
[('verified', 'Flood')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row, named_cursor
from claimdesk.store.models import STATUSES, Claim, Document, UnknownStatusError

if TYPE_CHECKING:  # the Store imports this module to call it
    from claimdesk.store.store import Store


@dataclass(frozen=True)
class Selection:
    """Which claims to export: one document or all, and filters.

    ``since`` is an ISO date or time: claims whose status or note changed since then.
    """

    doc_id: int | None = None
    status: str | None = None
    notes: bool = False
    since: str | None = None
    everything: bool = False

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUSES:
            raise UnknownStatusError(self.status)


@dataclass(frozen=True)
class Change:
    """The latest change of one kind (status or note) to a claim: who and when."""

    actor: str
    at: str


@dataclass(frozen=True)
class ExportItem:
    """One exported claim with its document (text included) and its latest review changes."""

    claim: Claim
    document: Document
    status_change: Change | None = None
    note_change: Change | None = None

    @property
    def who(self) -> str:
        """Who made the latest review change (status or note)."""
        change = self.latest
        return change.actor if change else ""

    @property
    def when(self) -> str:
        """When the latest review change was made (ISO time)."""
        change = self.latest
        return change.at if change else ""

    @property
    def latest(self) -> Change | None:
        """The later of the status and the note change."""
        changes = [c for c in (self.status_change, self.note_change) if c is not None]
        return max(changes, key=lambda c: c.at) if changes else None


def _latest_changes(db: Database, claim_ids: list[int]) -> dict[tuple[int, str], Change]:
    found: dict[tuple[int, str], Change] = {}
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT claim_id, kind, actor, at FROM events WHERE claim_id IN ({marks})"
            " AND kind IN ('status', 'note') ORDER BY id",
            chunk,
        ).fetchall()
        for claim_id, kind, actor, at in rows:
            found[(claim_id, kind)] = Change(actor or "", at)
    return found


def select(store: Store, selection: Selection) -> list[ExportItem]:
    """The claims ``selection`` picks, in document and reading order."""
    where: list[str] = ["is_claim = 1"]
    args: list[object] = []
    if selection.doc_id is not None:
        store.document(selection.doc_id)  # a clear error for an unknown id
        where.append("doc_id = ?")
        args.append(selection.doc_id)
    if selection.status is not None:
        where.append("status = ?")
        args.append(selection.status)
    if selection.notes:
        where.append("note != ''")
    if not (selection.everything or selection.status or selection.notes):
        where.append("(status != 'unreviewed' OR note != '')")
    if selection.since:
        where.append(
            "id IN (SELECT claim_id FROM events WHERE kind IN ('status', 'note') AND at >= ?)"
        )
        args.append(selection.since)
    rows = (
        named_cursor(store.db)
        .execute(
            f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE {' AND '.join(where)}"
            " ORDER BY doc_id, ordinal",
            args,
        )
        .fetchall()
    )
    claims = [claim_from_row(r) for r in rows]
    changes = _latest_changes(store.db, [c.id for c in claims])
    documents: dict[int, Document] = {}
    items = []
    for claim in claims:
        if claim.doc_id not in documents:
            documents[claim.doc_id] = store.document(claim.doc_id)
        items.append(
            ExportItem(
                claim=claim,
                document=documents[claim.doc_id],
                status_change=changes.get((claim.id, "status")),
                note_change=changes.get((claim.id, "note")),
            )
        )
    return items
