"""Noticing what other processes (another reader, a script, ``claimdesk flag``) changed.

A :class:`ChangeWatcher` asks SQLite's ``PRAGMA data_version`` on a connection of
its own, which only moves when some *other* connection commits: asking costs
microseconds, so a reader can ask several times a second. When it moves,
:func:`changes_since` reads the review events after the reader's
:class:`~claimdesk.store.models.ChangePosition` and the current rows of what they
touched.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> doc = store.add_text("Officials said 40 people died on Monday.", title="Flood")
    >>> watcher = store.watch()
    >>> seen = store.change_position()
    >>> watcher.changed()
    False
    >>> claim = store.set_status(store.claims()[0].id, "needs-check")
    >>> watcher.changed()
    True
    >>> changes = store.changes_since(seen)
    >>> [(c.id, c.status) for c in changes.claims], changes.documents[0].flagged
    ([(1, 'needs-check')], 1)
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace

import sqlite_utils

from claimdesk.store.database.connections import BUSY_TIMEOUT_MS
from claimdesk.store.database.documents import list_documents
from claimdesk.store.database.feed_rows import last_update_id
from claimdesk.store.database.generation import generation
from claimdesk.store.database.row_mapping import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    claim_from_row,
    event_from_row,
    named_cursor,
)
from claimdesk.store.models import ChangePosition, Claim, RelatedClaim, StoreChanges

CHUNK = 500
"""Ids per ``IN (...)`` lookup."""


class ChangeWatcher:
    """Says whether anything was committed to a store since it last looked.

    Holds one read-only connection (shared by the threads that ask, one at a
    time); it never writes, so every commit, this process's included, moves
    ``PRAGMA data_version``.
    """

    def __init__(self, path: str):
        self._conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            uri=path.startswith("file:"),
        )
        self._lock = threading.Lock()
        self._version = self._read()

    def _read(self) -> int:
        version: int = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return version

    def changed(self) -> bool:
        """Whether anything was committed since the last call (or since the watcher began)."""
        with self._lock:
            version = self._read()
            moved = version != self._version
            self._version = version
            return moved

    def close(self) -> None:
        """Close the watcher's connection."""
        with self._lock:
            self._conn.close()


def position(db: sqlite_utils.Database) -> ChangePosition:
    """Where the store is now: its newest event, its generation and its newest finished
    feed update."""
    newest = db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    return ChangePosition(newest, generation(db), last_update_id(db))


def changes_since(db: sqlite_utils.Database, since: ChangePosition) -> StoreChanges:
    """The events after ``since`` with the current rows of what they touched."""
    with db.atomic():  # one snapshot: the rows agree with the events
        rows = (
            named_cursor(db)
            .execute(
                f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id > ? ORDER BY e.id",
                [since.event_id],
            )
            .fetchall()
        )
        events = tuple(event_from_row(r) for r in rows)
        now = ChangePosition(
            events[-1].id if events else since.event_id, generation(db), last_update_id(db)
        )
        claim_ids = sorted({e.claim_id for e in events if e.claim_id is not None})
        doc_ids = sorted({e.doc_id for e in events if e.doc_id is not None})
        claims = tuple(claims_by_id(db, claim_ids))
        documents = tuple(d for chunk in _chunks(doc_ids) for d in list_documents(db, ids=chunk))
    return StoreChanges(
        position=now,
        events=events,
        claims=claims,
        documents=documents,
        documents_changed=now.generation != since.generation,
        update_finished=now.update_run != since.update_run,
    )


def claims_by_id(db: sqlite_utils.Database, ids: Iterable[int]) -> Iterator[Claim]:
    """The claims (or sentences) with these ids that still exist, in id order."""
    for chunk in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(chunk))
        rows = (
            named_cursor(db)
            .execute(
                f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id IN ({marks}) ORDER BY c.id",
                chunk,
            )
            .fetchall()
        )
        yield from (claim_from_row(r) for r in rows)


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def with_current_review(
    db: sqlite_utils.Database, found: list[RelatedClaim], include_sentences: bool
) -> list[RelatedClaim]:
    """``found`` (related claims, perhaps cached) with each claim's status, note and
    claim decision as they are now; claims dismissed since are left out unless
    ``include_sentences``.

    Related results are cached until documents are added or removed, but flags,
    notes and dismissals happen all the time.
    """
    if not found:
        return found
    ids = [hit.claim.id for hit in found]
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT id, status, note, is_claim FROM claims WHERE id IN ({marks})", ids
    ).fetchall()
    now = {r[0]: (r[1], r[2], bool(r[3])) for r in rows}
    out = []
    for hit in found:
        state = now.get(hit.claim.id)
        if state is None or not (state[2] or include_sentences):
            continue
        claim = hit.claim
        if (claim.status, claim.note, claim.is_claim) != state:
            claim = replace(claim, status=state[0], note=state[1], is_claim=state[2])
            hit = replace(hit, claim=claim)
        out.append(hit)
    return out
