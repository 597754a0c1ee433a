"""The corpus generation: a counter in ``meta`` that moves whenever documents are added or
removed, so caches built over the corpus (related claims, the search vocabulary) know
when to start again.

    >>> from claimdesk.store.database.connections import connect
    >>> from claimdesk.store.database.schema import migrate
    >>> db = connect(":memory:")
    >>> migrate(db)
    >>> bump_generation(db)
    >>> generation(db)
    1
"""

from __future__ import annotations

from claimdesk.store.database.handle import Database


def bump_generation(db: Database) -> None:
    """Mark the corpus as changed, so cached related-claims results are dropped."""
    db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")


def generation(db: Database) -> int:
    """How many times documents were added or removed in this store."""
    row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0
