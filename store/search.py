"""Keystroke search over all claims: FTS5 with prefix matching.

>>> from store import Store
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Zelensky said 3,000 soldiers were killed.", title="t")
>>> [h.claim.text for h in store.search("zelen")]
['Zelensky said 3,000 soldiers were killed.']
"""

from __future__ import annotations

import re

import sqlite_utils

from .models import SearchHit
from .rows import CLAIM_COLUMNS, claim_from_row
from .textnorm import fold

_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """The words of a typed query, folded like the index."""
    return _WORD.findall(fold(query))


def fts_query(terms: list[str], prefix_last: bool = True) -> str:
    """An FTS5 MATCH expression: every term must match; the last one as a prefix."""
    parts = [f'"{t}"' for t in terms]
    if parts and prefix_last:
        parts[-1] += "*"
    return " ".join(parts)


def search_claims(db: sqlite_utils.Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Claims whose text matches every word of ``query`` (the last word as a prefix), best first."""
    terms = query_terms(query)
    if not terms:
        return []
    rows = db.execute(
        f"SELECT {', '.join('c.' + c.strip() for c in CLAIM_COLUMNS.split(','))}, d.title"
        " FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid"
        " JOIN documents d ON d.id = c.doc_id"
        " WHERE claims_fts MATCH ? AND c.is_claim = 1 ORDER BY claims_fts.rank LIMIT ?",
        [fts_query(terms), limit],
    ).fetchall()
    return [
        SearchHit(claim=claim_from_row(r[:-1]), doc_title=r[-1], terms=tuple(terms)) for r in rows
    ]
