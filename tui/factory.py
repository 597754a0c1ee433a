"""The one place that opens a store and builds the app, for the CLI and the tests.

>>> from claimdesk.tui.factory import open_store
>>> store = open_store(":memory:")
>>> store.summary().documents
0
"""

from __future__ import annotations

from pathlib import Path

from claimdesk.store import Store
from claimdesk.tui.paths import resolve_db_path


def open_store(db: str | Path | None = None, *, actor: str | None = None) -> Store:
    """Open the store named by ``db`` (or ``$CLAIMDESK_DB``, or the default); changes are
    made as ``actor`` (default: the login name).

    The default store is filled with the demo corpus the first time it is
    opened empty; a store named explicitly starts empty.
    """
    if db is not None and str(db) == ":memory:":
        return Store.open(":memory:", actor=actor)
    path, is_default = resolve_db_path(str(db) if db is not None else None)
    store = Store.open(path, actor=actor)
    if is_default and store.summary().documents == 0:
        from claimdesk.seeds import seed_store

        seed_store(store)
    return store


def create_app(store: Store, **options):
    """Build the reader application over ``store`` (imported lazily: the CLI stays fast)."""
    from claimdesk.tui.app import ClaimdeskApp

    return ClaimdeskApp(store, **options)
