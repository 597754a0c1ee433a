"""Noticing what other people committed to a PostgreSQL store: ``LISTEN claimdesk_changes``.

A trigger on ``events`` and ``documents`` notifies the channel on every commit that
touches them (migration ``p003``); a :class:`DeskWatcher` listens on a connection of its
own and reads what has arrived after one round trip to the server (no waiting), so a
reader can ask several times a second, as it asks SQLite's :class:`~claimdesk.store.changes.ChangeWatcher`.
"""

from __future__ import annotations

import threading

import psycopg

CHANNEL = "claimdesk_changes"
"""The channel the store's triggers notify."""


class DeskWatcher:
    """Says whether anything was committed to the store since it last looked (this
    process's own changes included, as on SQLite)."""

    def __init__(self, url: str) -> None:
        self._conn = psycopg.connect(url, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")
        self._lock = threading.Lock()

    def changed(self) -> bool:
        """Whether a change was committed since the last call (or since the watcher began)."""
        with self._lock:
            # a round trip first: the server hands over the notifications of every commit
            # that finished before it, so one just made by another process is not missed
            self._conn.execute("SELECT 1")
            arrived = False
            for _ in self._conn.notifies(timeout=0):
                arrived = True
            return arrived

    def close(self) -> None:
        """Stop listening and close the watcher's connection."""
        with self._lock:
            self._conn.close()
