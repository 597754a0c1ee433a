"""The conflicts report: every pair of claims in different documents whose figures or dates
contradict each other, then those that differ.

Only claims that carry a figure or a date can disagree, so only those are looked up
(each through the cached related-claims engine); each pair is reported once:
``contradicts`` first, then ``differs``, most check-worthy first within each. Only the
related claims the reader shows count (probably the same incident, not marked wrong); a
contradiction the reader confirmed always does.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> for figure in ("At least 100", "More than 3,000", "Up to 50"):
    ...     _ = store.add_text(f"{figure} soldiers were killed in the Sudzha assault in Kursk.")
    >>> [(p.other.relation, p.claim.text[:12], p.other.claim.text[:12])
    ...  for p in find_conflicts(store.related_engine)]
    [('contradicts', 'More than 3,', 'Up to 50 sol'), ('contradicts', 'At least 100', 'Up to 50 sol'), ('differs', 'At least 100', 'More than 3,')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row, named_cursor
from claimdesk.store.models import DISAGREEMENTS, Claim, ConflictPair
from claimdesk.store.related.engine import Engine

PER_CLAIM = 10
"""How many related claims of each claim are checked for conflicts."""


def claims_with_figures(db: Database, since: str | None = None) -> list[tuple[Claim, str]]:
    """``(claim, document title)`` of the claims (not mere sentences) whose text holds a
    digit, or that the extractor gave figures/dates, of current documents (not replaced
    by a newer version); ``since``: only those of documents added at or after that ISO
    time."""
    where, args = "", []
    if since:
        where, args = " AND d.added >= ?", [since]
    rows = (
        named_cursor(db)
        .execute(
            f"SELECT {CLAIM_COLUMNS}, d.title AS doc_title"
            " FROM claims c JOIN documents d ON d.id = c.doc_id"
            " WHERE c.is_claim = 1 AND d.replaced_by IS NULL"
            " AND (c.numbers != '[]' OR c.dates != '[]' OR "
            + dialect_of(db).has_digit("c.text")
            + ")"
            + where
            + " ORDER BY c.id",
            args,
        )
        .fetchall()
    )
    return [(claim_from_row(r), r["doc_title"]) for r in rows]


def find_conflicts(
    engine: Engine,
    limit: int | None = None,
    *,
    since: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ConflictPair]:
    """Every cross-document pair that contradicts or differs, deduplicated: ``contradicts``
    first, then ``differs``, each by priority (highest first).

    Priority = the pair's similarity (0..1) times the larger check-worthiness
    of its two claims: a close match on a check-worthy figure comes first.
    ``since`` (an ISO date or time): only pairs with a claim from a document added
    since then (its counterpart may be older): the morning report on what came in.
    ``progress(done, total)`` is called as claims are looked up.
    """
    seen: set[tuple[int, int]] = set()
    pairs = []
    claims = claims_with_figures(engine.connections.db, since)
    for done, (claim, title) in enumerate(claims, 1):
        for hit in engine.for_claim(claim.id, PER_CLAIM):
            # only what the related pane shows: links marked wrong are gone, and a
            # contradiction the reader confirmed is one whatever its figures say
            if hit.same_document:
                continue
            if hit.feedback == "contradicts":
                hit = replace(hit, relation="contradicts")
            elif hit.relation not in DISAGREEMENTS:
                continue
            key = (min(claim.id, hit.claim.id), max(claim.id, hit.claim.id))
            if key in seen:
                continue
            seen.add(key)
            priority = hit.score / 100 * max(claim.score, hit.claim.score, 0.01)
            pairs.append(ConflictPair(claim=claim, doc_title=title, other=hit, priority=priority))
        if progress is not None and (done % 50 == 0 or done == len(claims)):
            progress(done, len(claims))
    order = {relation: i for i, relation in enumerate(DISAGREEMENTS)}
    pairs.sort(key=lambda p: (order[p.other.relation], -p.priority, p.claim.id, p.other.claim.id))
    return pairs if limit is None else pairs[:limit]
