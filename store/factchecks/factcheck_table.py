"""The ``factchecks`` table: storing imported fact-checks (an update, never a duplicate),
listing and full-text search.

>>> from claimdesk.store import Store
>>> from claimdesk.store.factchecks.records import FactCheckInput
>>> store = Store.open(":memory:")
>>> check = FactCheckInput(claim="Bananas cure the flu.", reviewer="Desk", rating="False")
>>> upsert(store.db, [check], origin="a.csv"), upsert(store.db, [check], origin="a.csv")
((1, 0, 0), (0, 0, 1))
>>> [(c.claim, c.verdict) for c in search(store.db, "banana")]
[('Bananas cure the flu.', 'false')]
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from claimdesk.store.database.documents import now_iso
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import column_list, named_cursor
from claimdesk.store.factchecks.ratings import verdict_of
from claimdesk.store.factchecks.records import FactCheck, FactCheckInput
from claimdesk.store.folding import fold
from claimdesk.store.search.query import fts_query, parse_query
from claimdesk.store.search.text_index import text_index

FIELDS: tuple[str, ...] = tuple(f.name for f in fields(FactCheck))
"""The ``factchecks`` columns :func:`factcheck_from_row` reads: a :class:`FactCheck`'s fields."""

COLUMNS = column_list("factchecks", FIELDS)
"""The select list for :func:`factcheck_from_row` (from ``factchecks``, unaliased)."""

_STORED = (
    "claim", "claimant", "claim_date", "title", "reviewer", "reviewer_url", "rating",
    "verdict", "rating_value", "best_rating", "worst_rating", "url", "review_date",
    "language", "appearance", "norm",
)  # fmt: skip

GENERATION_KEY = "factchecks_generation"
"""The ``meta`` row that changes whenever fact-checks are added or changed."""


def factcheck_from_row(row: sqlite3.Row) -> FactCheck:
    """A :class:`FactCheck` from a row that holds :data:`COLUMNS`, field by column name."""
    return FactCheck(**{name: row[name] for name in FIELDS})


def matching_text(claim: str, title: str) -> str:
    """What the index and the matcher read: the claim, then the review's title if it adds anything."""
    title = title.strip()
    if title and fold(title) != fold(claim):
        return f"{claim}\n{title}"
    return claim


def _values(check: FactCheckInput) -> dict[str, Any]:
    return {
        "claim": check.claim.strip(),
        "claimant": check.claimant,
        "claim_date": check.claim_date,
        "title": check.title,
        "reviewer": check.reviewer,
        "reviewer_url": check.reviewer_url,
        "rating": check.rating,
        "verdict": verdict_of(
            check.rating, check.rating_value, check.best_rating, check.worst_rating
        ),
        "rating_value": check.rating_value,
        "best_rating": check.best_rating,
        "worst_rating": check.worst_rating,
        "url": check.url,
        "review_date": check.review_date,
        "language": check.language,
        "appearance": check.appearance,
        "norm": fold(matching_text(check.claim.strip(), check.title)),
    }


def upsert(
    db: Database, checks: Iterable[FactCheckInput], origin: str = ""
) -> tuple[int, int, int]:
    """Store ``checks`` in one transaction: ``(added, updated, unchanged)``.

    A fact-check whose :meth:`~FactCheckInput.key` is already stored is updated in
    place (its id stays); one that has not changed is left alone.
    """
    added = updated = unchanged = 0
    now = now_iso()
    names = ", ".join(_STORED)
    with db.atomic():
        for check in checks:
            key = check.key()
            values = _values(check)
            row = db.execute(f"SELECT id, {names} FROM factchecks WHERE key = ?", [key]).fetchone()
            if row is None:
                db.execute(
                    f"INSERT INTO factchecks (key, origin, added, updated, {names})"
                    f" VALUES (?, ?, ?, ?, {', '.join('?' * len(_STORED))})",
                    [key, origin, now, now, *values.values()],
                )
                added += 1
            elif tuple(row[1:]) == tuple(values.values()):
                unchanged += 1
            else:
                sets = ", ".join(f"{name} = ?" for name in _STORED)
                db.execute(
                    f"UPDATE factchecks SET {sets}, origin = ?, updated = ? WHERE id = ?",
                    [*values.values(), origin, now, row[0]],
                )
                updated += 1
        if added or updated:
            db.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = ?",
                [GENERATION_KEY],
            )
    return added, updated, unchanged


def generation(db: Database) -> int:
    """A counter that moves whenever fact-checks are added or changed."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [GENERATION_KEY]).fetchone()
    return int(row[0]) if row else 0


def count(db: Database) -> int:
    """How many fact-checks are stored."""
    stored: int = db.execute("SELECT count(*) FROM factchecks").fetchone()[0]
    return stored


def listing(
    db: Database,
    *,
    verdict: str | None = None,
    reviewer: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[FactCheck]:
    """Stored fact-checks, newest review first (then newest import)."""
    where: list[str] = []
    args: list[object] = []
    if verdict is not None:
        where.append("verdict = ?")
        args.append(verdict)
    if reviewer is not None:
        where.append("lower(reviewer) = lower(?)")
        args.append(reviewer)
    sql = f"SELECT {COLUMNS} FROM factchecks"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY review_date DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    return [factcheck_from_row(r) for r in named_cursor(db).execute(sql, args).fetchall()]


def by_ids(db: Database, ids: list[int]) -> dict[int, FactCheck]:
    """The fact-checks with ``ids``, by id."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = (
        named_cursor(db)
        .execute(f"SELECT {COLUMNS} FROM factchecks WHERE id IN ({marks})", ids)
        .fetchall()
    )
    return {r["id"]: factcheck_from_row(r) for r in rows}


def search(db: Database, query: str, limit: int = 20) -> list[FactCheck]:
    """Fact-checks whose claim or title holds every word of ``query`` (the last a prefix), best first."""
    parsed = parse_query(query)
    match = fts_query(parsed) if parsed.words else ""
    if not match:
        return []
    ids = text_index(db, "factchecks").best_matches(match, limit)
    found = by_ids(db, ids)
    return [found[i] for i in ids if i in found]
