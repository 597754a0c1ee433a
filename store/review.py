"""Flags, notes, promote/dismiss, verdicts on related links and undo, each recorded as an
append-only event.

Every change updates the current value and inserts an ``events`` row in one
transaction, so the history always explains the present state.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> doc = store.add_text("The army lost 30 soldiers on Monday.", title="t")
    >>> claim = store.claims(doc.doc_id)[0]
    >>> store.set_status(claim.id, "needs-check").status
    'needs-check'
    >>> [e.kind for e in store.history(claim.id)]
    ['status']
"""

from __future__ import annotations

import getpass
from dataclasses import fields
from typing import Any

from claimdesk.store.database import removal
from claimdesk.store.database.connections import write_transaction
from claimdesk.store.database.dialect import dialect_of
from claimdesk.store.database.documents import now_iso
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import (
    EVENT_COLUMNS,
    column_list,
    event_from_row,
    named_cursor,
)
from claimdesk.store.errors import VersionConflictError
from claimdesk.store.models import (
    STATUSES,
    VERDICTS,
    ChangedSinceError,
    Event,
    LinkFeedback,
    NotFoundError,
    UnknownStatusError,
)

# Event kinds and the column each one changes.
CLAIM_FIELDS = {"status": "status", "note": "note", "claim": "is_claim"}
DOC_FIELDS = {"doc-note": "note"}
LINK = "link"
"""The event kind of a verdict on a related link (``other_id`` is the other claim)."""

# The version counter of each versioned field: a save made against an older
# version than the stored one would overwrite a change its writer never saw.
VERSIONS = {"status": "status_version", "note": "note_version", "doc-note": "note_version"}
NOUNS = {"status": "status", "note": "note", "doc-note": "document note"}

# Whether an event's claim (or document) is still the one it changed: it exists and
# was added before the event (stores written before ids were never reused could give
# a removed claim's id to a new one).
LIVE = (
    "(CASE WHEN e.claim_id IS NOT NULL THEN EXISTS (SELECT 1 FROM claims c"
    " JOIN documents d ON d.id = c.doc_id WHERE c.id = e.claim_id AND e.at >= d.added)"
    " ELSE EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc_id AND e.at >= d.added) END)"
)


def login_name() -> str:
    """The operating system's login name, or ``"unknown"``: who makes a change when
    nobody said otherwise (``--as NAME``, ``user =`` in the config)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


actor = login_name
"""The default actor of a change (kept under its older name)."""


def _current(db: Database, table: str, column: str, row_id: int, version: str) -> Any:
    """The stored value, owner and version of a row about to change, locked until the
    transaction ends (so a concurrent save waits, then sees the new version)."""
    owner = "doc_id" if table == "claims" else "id"
    lock = dialect_of(db).for_update
    row = db.execute(
        f'SELECT "{column}", {owner}, {version or 0} FROM {table} WHERE id = ?{lock}', [row_id]
    ).fetchone()
    if row is None:
        raise removal.missing(db, "claims" if table == "claims" else "documents", row_id)
    return row


def _refuse_unseen(
    db: Database,
    kind: str,
    subject: str,
    expected: int | None,
    version: int,
    theirs: str,
    yours: str,
    where: tuple[str, int],
) -> None:
    """Raise :class:`VersionConflictError` when ``expected`` is older than ``version``."""
    if expected is None or expected == version:
        return
    column, row_id = where
    last = db.execute(
        f"SELECT actor, at FROM events WHERE {column} = ? AND kind = ? ORDER BY id DESC LIMIT 1",
        [row_id, kind],
    ).fetchone()
    actor_name, at = last if last else ("", "")
    raise VersionConflictError(
        what=f"{NOUNS[kind]} of {subject}",
        expected=expected,
        version=version,
        theirs=theirs,
        yours=yours,
        actor=actor_name or "",
        at=at or "",
    )


def record(
    db: Database,
    kind: str,
    *,
    claim_id: int | None,
    doc_id: int | None,
    old: str,
    new: str,
    actor: str,
    undo_of: int | None = None,
    other_id: int | None = None,
) -> int:
    """Append one event row by ``actor`` and return its id (callers hold the transaction)."""
    cur = db.execute(
        "INSERT INTO events (at, actor, claim_id, doc_id, kind, old, new, undo_of, other_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [now_iso(), actor, claim_id, doc_id, kind, old, new, undo_of, other_id],
    )
    event_id: int = cur.fetchone()[0]
    return event_id


def change_claim(
    db: Database,
    claim_id: int,
    kind: str,
    new: str,
    *,
    actor: str,
    undo_of: int | None = None,
    expected_version: int | None = None,
) -> bool:
    """Set one reviewed field of a claim and log it; returns False if nothing changed.

    ``expected_version``: the version of the field the writer saw; a newer stored
    version raises :class:`VersionConflictError` and writes nothing (``None``:
    save whatever is stored now).
    """
    column = CLAIM_FIELDS[kind]
    version_column = VERSIONS.get(kind, "")
    if kind == "status" and new not in STATUSES:
        raise UnknownStatusError(new)
    with write_transaction(db):
        old, doc_id, version = _current(db, "claims", column, claim_id, version_column)
        old = str(old)
        if old == new:
            return False
        where = ("claim_id", claim_id)
        _refuse_unseen(db, kind, f"claim {claim_id}", expected_version, version, old, new, where)
        value: str | int = int(new) if column == "is_claim" else new
        bump = f", {version_column} = {version_column} + 1" if version_column else ""
        db.execute(f'UPDATE claims SET "{column}" = ?{bump} WHERE id = ?', [value, claim_id])
        record(
            db,
            kind,
            claim_id=claim_id,
            doc_id=doc_id,
            old=old,
            new=new,
            actor=actor,
            undo_of=undo_of,
        )
    return True


def change_document_note(
    db: Database,
    doc_id: int,
    new: str,
    *,
    actor: str,
    undo_of: int | None = None,
    expected_version: int | None = None,
) -> bool:
    """Set a document's note and log it; returns False if nothing changed.

    ``expected_version`` as for :func:`change_claim`.
    """
    with write_transaction(db):
        old, _, version = _current(db, "documents", "note", doc_id, "note_version")
        if old == new:
            return False
        where = ("doc_id", doc_id)
        _refuse_unseen(
            db, "doc-note", f"document {doc_id}", expected_version, version, old, new, where
        )
        db.execute(
            "UPDATE documents SET note = ?, note_version = note_version + 1 WHERE id = ?",
            [new, doc_id],
        )
        record(
            db,
            "doc-note",
            claim_id=None,
            doc_id=doc_id,
            old=old,
            new=new,
            actor=actor,
            undo_of=undo_of,
        )
    return True


def _pair(claim_id: int, other_id: int) -> tuple[int, int]:
    return (claim_id, other_id) if claim_id < other_id else (other_id, claim_id)


def link_verdict(db: Database, claim_id: int, other_id: int) -> str:
    """The current verdict on the link between two claims (either order), or ``""``."""
    row = db.execute(
        "SELECT verdict FROM link_feedback WHERE claim_id = ? AND other_id = ?",
        _pair(claim_id, other_id),
    ).fetchone()
    return row[0] if row else ""


def change_link(
    db: Database,
    claim_id: int,
    other_id: int,
    verdict: str,
    *,
    actor: str,
    relation: str = "",
    score: float | None = None,
    undo_of: int | None = None,
) -> bool:
    """Set the verdict on the link between two claims (``""`` clears it) and log it.

    The event belongs to ``claim_id`` (the claim whose related pane it was given in);
    returns False when the verdict was already that.
    """
    if verdict and verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; choose one of: {', '.join(VERDICTS)}")
    if claim_id == other_id:
        raise ValueError("a claim is not linked to itself")
    with write_transaction(db):
        _, doc_id, _ = _current(db, "claims", "id", claim_id, "")
        _current(db, "claims", "id", other_id, "")
        old = link_verdict(db, claim_id, other_id)
        if old == verdict:
            return False
        low, high = _pair(claim_id, other_id)
        if verdict:
            db.execute(
                "INSERT INTO link_feedback"
                " (claim_id, other_id, verdict, relation, score, at, actor)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id, other_id) DO UPDATE SET"
                " verdict = excluded.verdict, relation = excluded.relation,"
                " score = excluded.score, at = excluded.at, actor = excluded.actor",
                [low, high, verdict, relation, score, now_iso(), actor],
            )
        else:
            db.execute("DELETE FROM link_feedback WHERE claim_id = ? AND other_id = ?", [low, high])
        record(
            db,
            LINK,
            claim_id=claim_id,
            doc_id=doc_id,
            old=old,
            new=verdict,
            actor=actor,
            undo_of=undo_of,
            other_id=other_id,
        )
    return True


def verdicts_for(db: Database, claim_id: int) -> dict[int, str]:
    """``{other claim id: verdict}`` of every link of ``claim_id`` a reader has judged."""
    rows = db.execute(
        "SELECT other_id, verdict FROM link_feedback WHERE claim_id = ?"
        " UNION ALL SELECT claim_id, verdict FROM link_feedback WHERE other_id = ?",
        [claim_id, claim_id],
    ).fetchall()
    return dict(rows)


def link_feedback(db: Database) -> list[LinkFeedback]:
    """Every current verdict on a related link, oldest first."""
    names = [f.name for f in fields(LinkFeedback)]
    rows = (
        named_cursor(db)
        .execute(
            f"SELECT {column_list('f', tuple(names))} FROM link_feedback f"
            " ORDER BY f.at, f.claim_id, f.other_id"
        )
        .fetchall()
    )
    return [LinkFeedback(**{name: row[name] for name in names}) for row in rows]


def history(db: Database, claim_id: int | None = None, doc_id: int | None = None) -> list[Event]:
    """Events for a claim, a document (its own and its claims'), or all, oldest first.

    Events of removed documents stay, marked ``removed``.
    """
    if claim_id is not None:
        where, args = "(e.claim_id = ? OR e.other_id = ?)", [claim_id, claim_id]
    elif doc_id is not None:
        where, args = "e.doc_id = ?", [doc_id]
    else:
        where, args = "TRUE", []
    rows = (
        named_cursor(db)
        .execute(
            f"SELECT {EVENT_COLUMNS}, NOT {LIVE} AS removed FROM events e WHERE {where}"
            " ORDER BY e.id",
            args,
        )
        .fetchall()
    )
    return [event_from_row(r, removed=bool(r["removed"])) for r in rows]


def undo_last(db: Database, actor: str) -> Event | None:
    """Revert ``actor``'s newest change that is not an undo and was not undone yet.

    Only ``actor``'s own changes are ever undone. The revert is itself a new event
    (``undo_of`` points at the original), so nothing is erased. Changes to removed
    documents and their claims are never replayed: they are skipped. Returns the
    new event, or ``None`` when there is nothing to undo. When someone changed the
    same value after that change, reverting would throw their change away:
    :class:`ChangedSinceError` says who, and nothing is written.
    """
    kinds = ", ".join(f"'{k}'" for k in (*CLAIM_FIELDS, *DOC_FIELDS, LINK))
    with write_transaction(db):
        row = (
            named_cursor(db)
            .execute(
                f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.actor = ? AND e.undo_of IS NULL"
                f" AND e.kind IN ({kinds})"
                " AND NOT EXISTS (SELECT 1 FROM events u WHERE u.undo_of = e.id)"
                f" AND {LIVE} ORDER BY e.id DESC LIMIT 1",
                [actor],
            )
            .fetchone()
        )
        if row is None:
            return None
        event = event_from_row(row)
        try:
            current = _current_value(db, event)
            if current is None:
                return None
            if current != event.new:
                raise ChangedSinceError(event, _changed_by(db, event) or "someone else")
            if event.kind in CLAIM_FIELDS and event.claim_id is not None:
                changed = change_claim(
                    db, event.claim_id, event.kind, event.old, actor=actor, undo_of=event.id
                )
            elif event.kind in DOC_FIELDS and event.doc_id is not None:
                changed = change_document_note(
                    db, event.doc_id, event.old, actor=actor, undo_of=event.id
                )
            elif event.kind == LINK and event.claim_id is not None and event.other_id:
                changed = change_link(
                    db, event.claim_id, event.other_id, event.old, actor=actor, undo_of=event.id
                )
            else:
                return None
        except NotFoundError:
            return None
        if not changed:  # already back at the old value: mark the event as undone anyway
            record(
                db,
                event.kind,
                claim_id=event.claim_id,
                doc_id=event.doc_id,
                old=event.old,
                new=event.old,
                actor=actor,
                undo_of=event.id,
                other_id=event.other_id,
            )
        new = (
            named_cursor(db)
            .execute(
                f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.undo_of = ? ORDER BY e.id DESC LIMIT 1",
                [event.id],
            )
            .fetchone()
        )
    return event_from_row(new) if new else None


def _current_value(db: Database, event: Event) -> str | None:
    """The value that ``event`` set, as it is now (``None``: not an undoable kind)."""
    if event.kind in CLAIM_FIELDS and event.claim_id is not None:
        value, _, _ = _current(db, "claims", CLAIM_FIELDS[event.kind], event.claim_id, "")
    elif event.kind in DOC_FIELDS and event.doc_id is not None:
        value, _, _ = _current(db, "documents", DOC_FIELDS[event.kind], event.doc_id, "")
    elif event.kind == LINK and event.claim_id is not None and event.other_id:
        return link_verdict(db, event.claim_id, event.other_id)
    else:
        return None
    return str(value)


def _changed_by(db: Database, event: Event) -> str:
    """Who last changed what ``event`` changed, after it."""
    if event.kind == LINK and event.claim_id is not None and event.other_id:
        low, high = _pair(event.claim_id, event.other_id)
        row = db.execute(
            "SELECT actor FROM events WHERE kind = ? AND id > ?"
            " AND ((claim_id = ? AND other_id = ?) OR (claim_id = ? AND other_id = ?))"
            " ORDER BY id DESC LIMIT 1",
            [LINK, event.id, low, high, high, low],
        ).fetchone()
    else:
        target, value = (
            ("claim_id", event.claim_id) if event.claim_id is not None else ("doc_id", event.doc_id)
        )
        row = db.execute(
            f"SELECT actor FROM events WHERE {target} = ? AND kind = ? AND id > ?"
            " ORDER BY id DESC LIMIT 1",
            [value, event.kind, event.id],
        ).fetchone()
    return str(row[0]) if row and row[0] else ""


def last_event_id(db: Database) -> int:
    """The id of the newest change (0 before any): it moves whenever anything is edited."""
    newest: int = db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    return newest
