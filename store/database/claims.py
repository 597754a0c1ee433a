"""Reading sentences and claims: listings in reading order and one by id.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> doc = store.add_text("Officials said 40 people died. It rained.", title="t")
>>> [c.text for c in list_claims(store.db, doc.doc_id, include_sentences=True)]
['Officials said 40 people died.', 'It rained.']
>>> get_claim(store.db, 1).is_claim
True
"""

from __future__ import annotations

from claimdesk.store.database import removal
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row, named_cursor
from claimdesk.store.models import STATUSES, Claim, UnknownStatusError


def list_claims(
    db: Database,
    doc_id: int | None = None,
    status: str | None = None,
    *,
    include_sentences: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[Claim]:
    """Claims in reading order, optionally of one document and/or one status.

    ``include_sentences=True`` also returns the sentences that are not claims.
    An unknown ``status`` raises :class:`UnknownStatusError`.
    """
    where: list[str] = []
    args: list[object] = []
    if not include_sentences:
        where.append("is_claim = 1")
    if doc_id is not None:
        where.append("doc_id = ?")
        args.append(doc_id)
    if status is not None:
        if status not in STATUSES:
            raise UnknownStatusError(status)
        where.append("status = ?")
        args.append(status)
    sql = f"SELECT {CLAIM_COLUMNS} FROM claims c"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY doc_id, ordinal"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    return [claim_from_row(r) for r in named_cursor(db).execute(sql, args).fetchall()]


def get_claim(db: Database, claim_id: int) -> Claim:
    """One claim (or sentence) by id; :class:`NotFoundError` if missing (or removed),
    :class:`~claimdesk.store.errors.StoreDamagedError` if it should be there."""
    row = (
        named_cursor(db)
        .execute(f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE id = ?", [claim_id])
        .fetchone()
    )
    if row is None:
        raise removal.missing(db, "claims", claim_id)
    return claim_from_row(row)
