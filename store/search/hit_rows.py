"""Claims read as search hits, and the store's state read with them.

A keystroke search needs the store's state (its generation and its newest review edit)
before its lookup, to know whether its caches still hold; on a server each statement is a
round trip. The state is read along with the hits instead, into a :class:`SeenState`, and
:class:`~claimdesk.store.search.searcher.ClaimSearch` searches again on the rare keystroke
where it moved since the one before.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Zelensky said 3,000 soldiers were killed.", title="t")
>>> seen = SeenState()
>>> [h.doc_title for h in load_hits(store.db, [1], Highlighter(["said"], ""), False, seen)]
['t']
>>> seen.state == search_state(store.db)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row, named_cursor
from claimdesk.store.models import SearchHit
from claimdesk.store.search.highlight import Highlighter

SearchState = tuple[int, int]
"""A store's generation and its newest review edit (see
:func:`~claimdesk.store.database.generation.generation` and
:func:`~claimdesk.store.review.last_event_id`)."""

STATE_GENERATION = "(SELECT value FROM meta WHERE key = 'generation')"
STATE_EDITS = "(SELECT coalesce(max(id), 0) FROM events)"


@dataclass
class SeenState:
    """The store's state as read along with one search's hits (None until hits are read)."""

    state: SearchState | None = None


def search_state(db: Database) -> SearchState:
    """The store's generation and its newest review edit, read in one statement."""
    generation, edits = db.execute(f"SELECT {STATE_GENERATION}, {STATE_EDITS}").fetchone()
    return int(generation or 0), int(edits)


def load_hits(
    db: Database,
    ids: Sequence[int],
    highlighter: Highlighter,
    fuzzy: bool,
    seen: SeenState | None = None,
) -> list[SearchHit]:
    """Search hits for claim ``ids`` (in that order) with their document titles and spans;
    the store's state is read into ``seen`` in the same statement."""
    if not ids:
        return []
    # PostgreSQL gets one array, so the statement's text is the same for any number of ids and
    # the driver prepares it once; SQLite's IN list needs no round trip to plan.
    in_ids = "= ANY(CAST(? AS bigint[]))" if dialect_of(db).is_postgres else None
    state = f", {STATE_GENERATION} AS seen_generation, {STATE_EDITS} AS seen_edits"
    rows = (
        named_cursor(db)
        .execute(
            f"SELECT {CLAIM_COLUMNS}, d.title AS doc_title{state if seen else ''}"
            " FROM claims c JOIN documents d ON d.id = c.doc_id"
            f" WHERE c.id {in_ids or 'IN (' + ', '.join('?' * len(ids)) + ')'}",
            [list(ids)] if in_ids else list(ids),
        )
        .fetchall()
    )
    if seen is not None and rows and seen.state is None:
        seen.state = int(rows[0]["seen_generation"] or 0), int(rows[0]["seen_edits"])
    by_id = {r["id"]: r for r in rows}
    hits = []
    for claim_id in ids:
        row = by_id.get(claim_id)
        if row is None:
            continue
        claim = claim_from_row(row)
        hits.append(
            SearchHit(
                claim=claim,
                doc_title=row["doc_title"],
                terms=highlighter.terms,
                fuzzy=fuzzy,
                spans=highlighter.spans(claim.text),
            )
        )
    return hits
