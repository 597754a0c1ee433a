"""The review queue: claims across the whole store by status, note or "new since", a page at a time.

A fact-checker's to-do list: every claim marked needs-check, every claim with a
note, everything that came in since this morning; most check-worthy first, or
newest document first. Pages come straight from indexes (see the m011
migration), so the first page of a 100,000-claim queue takes milliseconds.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> doc = store.add_text("Officials said 40 people died. Rescuers said 12 were missing.",
    ...                      title="Flood")
    >>> _ = store.set_status(store.claims()[1].id, "needs-check")
    >>> page = store.queue(QueueQuery(status="needs-check"))
    >>> page.total, [item.claim.text for item in page.items]
    (1, ['Rescuers said 12 were missing.'])
    >>> QueueQuery(status="flagged", with_notes=True, order="date").describe()
    'flagged, with notes, newest first'
"""

from __future__ import annotations

from dataclasses import dataclass

from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row, named_cursor
from claimdesk.store.models import STATUSES, QueueItem, QueuePage, UnknownStatusError

FLAGGED = "flagged"
"""The queue status that means any status but ``unreviewed``."""

QUEUE_STATUSES: tuple[str | None, ...] = (
    "needs-check",
    "disputed",
    FLAGGED,
    *(s for s in STATUSES if s not in ("needs-check", "disputed", "unreviewed")),
    "unreviewed",
    None,
)
"""The statuses a queue is chosen by, in the order the reader cycles them (``None``: any)."""

ORDERS: dict[str, str] = {"score": "most check-worthy first", "date": "newest first"}
"""How a queue can be sorted: by check-worthiness, or by the document's date."""

_COLUMNS = CLAIM_COLUMNS


@dataclass(frozen=True)
class QueueQuery:
    """Which claims the queue holds and in what order.

    ``status``: one of :data:`~claimdesk.store.models.STATUSES`, ``"flagged"`` (any
    but unreviewed) or ``None`` (any); ``with_notes``: only claims with a note;
    ``since``: only claims of documents added at or after this ISO time;
    ``conflicts``: only claims that conflict with a claim in another document;
    ``order``: ``"score"`` or ``"date"`` (the document's publication date, then
    when it was added).
    """

    status: str | None = "needs-check"
    with_notes: bool = False
    since: str | None = None
    conflicts: bool = False
    order: str = "score"

    def describe(self) -> str:
        """What the queue holds, in a few words."""
        parts = [self.status or "every claim"]
        if self.with_notes:
            parts.append("with notes")
        if self.conflicts:
            parts.append("conflicting")
        if self.since:
            parts.append(f"new since {self.since[:16].replace('T', ' ')}")
        parts.append(ORDERS.get(self.order, self.order))
        return ", ".join(parts)

    def conditions(self) -> tuple[list[str], list[object]]:
        """The SQL conditions on ``claims c`` and ``documents d``, with their arguments."""
        where: list[str] = ["c.is_claim = 1"]
        args: list[object] = []
        if self.status == FLAGGED:
            where.append("c.status != 'unreviewed'")
        elif self.status is not None:
            if self.status not in STATUSES:
                raise UnknownStatusError(self.status)
            where.append("c.status = ?")
            args.append(self.status)
        if self.with_notes:
            where.append("c.note != ''")
        if self.since:
            where.append("d.added >= ?")
            args.append(self.since)
        return where, args

    def accepts(self, item: QueueItem) -> bool:
        """Whether ``item`` passes the status, note and date conditions (for lists built
        elsewhere, such as the conflicts report)."""
        claim = item.claim
        if self.status == FLAGGED and claim.status == "unreviewed":
            return False
        if self.status not in (None, FLAGGED) and claim.status != self.status:
            return False
        if self.with_notes and not claim.note.strip():
            return False
        return not (self.since and item.doc_added < self.since)


def queue_page(db: Database, query: QueueQuery, limit: int = 200, offset: int = 0) -> QueuePage:
    """One page of the queue (conflicts aside: :meth:`Store.queue` builds those)."""
    where, args = query.conditions()
    condition = " AND ".join(where)
    if query.order == "date":
        # documents first, newest first (through their date index), then each one's claims
        # in reading order through the (doc_id, ordinal) index
        sql = (
            f"SELECT {_COLUMNS}, d.title AS doc_title, d.source AS doc_source,"
            " d.published AS doc_published, d.added AS doc_added"
            f" FROM documents d {dialect_of(db).ordered_join} claims c ON c.doc_id = d.id"
            f" WHERE {condition}"
            " ORDER BY d.published DESC, d.id DESC, c.ordinal"
        )
    else:
        sql = (
            f"SELECT {_COLUMNS}, d.title AS doc_title, d.source AS doc_source,"
            " d.published AS doc_published, d.added AS doc_added"
            f" FROM claims c JOIN documents d ON d.id = c.doc_id WHERE {condition}"
            " ORDER BY c.score DESC, c.id DESC"
        )
    rows = named_cursor(db).execute(sql + " LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    items = tuple(
        QueueItem(
            claim_from_row(r), r["doc_title"], r["doc_source"], r["doc_published"], r["doc_added"]
        )
        for r in rows
    )
    if offset == 0 and len(items) < limit:
        total = len(items)
    else:
        join = " JOIN documents d ON d.id = c.doc_id" if query.since else ""
        total = db.execute(
            f"SELECT count(*) FROM claims c{join} WHERE {condition}", args
        ).fetchone()[0]
    return QueuePage(items, total, offset)


def sort_items(items: list[QueueItem], order: str) -> list[QueueItem]:
    """``items`` in the queue's ``order`` (for lists that did not come from SQL)."""
    if order == "date":
        return sorted(
            items, key=lambda i: (i.doc_published, i.claim.doc_id, -i.claim.ordinal), reverse=True
        )
    return sorted(items, key=lambda i: (i.claim.score, i.claim.id), reverse=True)
