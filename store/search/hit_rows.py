"""Claims read as search hits, and the store's state read with them.

A keystroke search needs the store's state (its generation and its newest review edit)
before its lookup, to know whether its caches still hold; on a server each statement is a
round trip. The state is read along with the hits instead, into a :class:`SeenState`, and
:class:`~claimdesk.store.search.searcher.ClaimSearch` searches again on the rare keystroke
where it moved since the one before.

>>> from claimdesk.store import Store
>>> from claimdesk.store.database.row_mapping import named_cursor
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Zelensky said 3,000 soldiers were killed.", title="t")
>>> rows = named_cursor(store.db).execute(f"SELECT {hit_columns(True)} FROM claims c {HIT_JOINS}")
>>> seen = SeenState()
>>> [h.doc_title for h in hits_from_rows(rows.fetchall(), Highlighter(["said"], ""), False, seen)]
['t']
>>> seen.state == search_state(store.db)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row
from claimdesk.store.models import SearchHit
from claimdesk.store.search.highlight import Highlighter

SearchState = tuple[int, int]
"""A store's generation and its newest review edit (see
:func:`~claimdesk.store.database.generation.generation` and
:func:`~claimdesk.store.review.last_event_id`)."""

STATE_GENERATION = "(SELECT value FROM meta WHERE key = 'generation')"
STATE_EDITS = "(SELECT coalesce(max(id), 0) FROM events)"

HIT_COLUMNS = f"{CLAIM_COLUMNS}, d.title AS doc_title"
"""What a search hit reads of its claim and its document..."""

HIT_JOINS = "JOIN documents d ON d.id = c.doc_id"
"""...joined to the claims aliased ``c``."""


@dataclass
class SeenState:
    """The store's state as read along with one search's hits (None until hits are read)."""

    state: SearchState | None = None


def search_state(db: Database) -> SearchState:
    """The store's generation and its newest review edit, read in one statement."""
    generation, edits = db.execute(f"SELECT {STATE_GENERATION}, {STATE_EDITS}").fetchone()
    return int(generation or 0), int(edits)


def hit_columns(seen: bool) -> str:
    """The select list of a search hit's row (over claims aliased ``c`` and :data:`HIT_JOINS`),
    with the store's state if it is ``seen`` with the hits."""
    return HIT_COLUMNS + (
        f", {STATE_GENERATION} AS seen_generation, {STATE_EDITS} AS seen_edits" if seen else ""
    )


def hits_from_rows(
    rows: Sequence[Any], highlighter: Highlighter, fuzzy: bool, seen: SeenState | None = None
) -> list[SearchHit]:
    """Search hits from rows of :func:`hit_columns`, in order; the store's state read with
    them into ``seen``."""
    if seen is not None and rows and seen.state is None:
        seen.state = int(rows[0]["seen_generation"] or 0), int(rows[0]["seen_edits"])
    hits = []
    for row in rows:
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
