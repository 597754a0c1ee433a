"""Followed feeds, the entries they brought, and the record of each update.

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> feed = follow(store.db, "https://example.org/feed.xml", "Example")
>>> [f.title for f in list_feeds(store.db)], follow(store.db, feed.url, "").id == feed.id
(['Example'], True)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields

import sqlite_utils

from claimdesk.store.database.documents import now_iso
from claimdesk.store.database.row_mapping import column_list, named_cursor
from claimdesk.store.models import Feed, NotFoundError

_FEED_FIELDS = ("id", "url", "title", "followed", "checked", "status")

_FEED_COLUMNS = (
    column_list("f", _FEED_FIELDS)
    + ", (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id) AS entries,"
    " (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.doc_id IS NOT NULL)"
    " AS documents"
)


def _feed(row: sqlite3.Row) -> Feed:
    return Feed(**{name: row[name] for name in (*_FEED_FIELDS, "entries", "documents")})


def follow(db: sqlite_utils.Database, url: str, title: str) -> Feed:
    """Remember the feed at ``url`` (a feed already followed keeps its entries)."""
    db.execute(
        "INSERT INTO feeds (url, title, followed) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET title = CASE WHEN excluded.title != ''"
        " THEN excluded.title ELSE feeds.title END",
        [url, title, now_iso()],
    )
    return feed_by_url(db, url)


def feed_by_url(db: sqlite_utils.Database, url: str) -> Feed:
    """The followed feed at ``url``; :class:`NotFoundError` if it is not followed."""
    row = (
        named_cursor(db)
        .execute(f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.url = ?", [url])
        .fetchone()
    )
    if row is None:
        raise NotFoundError(f"not following {url}")
    return _feed(row)


def feed_by_id(db: sqlite_utils.Database, feed_id: int) -> Feed:
    """The followed feed with id ``feed_id``; :class:`NotFoundError` if there is none."""
    row = (
        named_cursor(db)
        .execute(f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.id = ?", [feed_id])
        .fetchone()
    )
    if row is None:
        raise NotFoundError(f"no feed with id {feed_id}")
    return _feed(row)


def list_feeds(db: sqlite_utils.Database) -> list[Feed]:
    """Every followed feed, in the order they were followed."""
    rows = named_cursor(db).execute(f"SELECT {_FEED_COLUMNS} FROM feeds f ORDER BY f.id")
    return [_feed(r) for r in rows]


def unfollow(db: sqlite_utils.Database, feed_id: int) -> None:
    """Forget a feed and its entries (the documents it brought stay)."""
    if db.execute("DELETE FROM feeds WHERE id = ?", [feed_id]).rowcount == 0:
        raise NotFoundError(f"no feed with id {feed_id}")


def conditional_headers(db: sqlite_utils.Database, feed_id: int) -> dict[str, str]:
    """``If-None-Match`` / ``If-Modified-Since`` from the feed's last answer."""
    etag, modified = db.execute(
        "SELECT etag, modified FROM feeds WHERE id = ?", [feed_id]
    ).fetchone()
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    return headers


def checked(
    db: sqlite_utils.Database,
    feed_id: int,
    status: str,
    *,
    title: str = "",
    etag: str | None = None,
    modified: str | None = None,
) -> None:
    """Record that a feed was fetched now, how it went, and its caching validators."""
    db.execute(
        "UPDATE feeds SET checked = ?, status = ?,"
        " title = CASE WHEN ? != '' THEN ? ELSE title END,"
        " etag = coalesce(?, etag), modified = coalesce(?, modified) WHERE id = ?",
        [now_iso(), status, title, title, etag, modified, feed_id],
    )


def known_keys(db: sqlite_utils.Database, feed_id: int) -> set[str]:
    """The keys of every entry of the feed seen before (stored, or refused for good)."""
    rows = db.execute("SELECT entry_key FROM feed_entries WHERE feed_id = ?", [feed_id])
    return {r[0] for r in rows}


def record_entry(
    db: sqlite_utils.Database,
    feed_id: int,
    key: str,
    link: str,
    doc_id: int | None,
    problem: str = "",
) -> None:
    """Remember an entry as seen: the document it became, or the ``problem`` that kept it out."""
    db.execute(
        "INSERT INTO feed_entries (feed_id, entry_key, link, doc_id, seen, problem)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, entry_key) DO UPDATE SET"
        " doc_id = coalesce(excluded.doc_id, feed_entries.doc_id), problem = excluded.problem",
        [feed_id, key, link, doc_id, now_iso(), problem],
    )


@dataclass(frozen=True)
class UpdateRun:
    """One ``update``: when it ran and the highest document id before it started."""

    id: int
    started: str
    finished: str
    last_doc_before: int
    feeds: int
    added: int
    failed: int


def start_update(db: sqlite_utils.Database) -> int:
    """Open an update record; documents stored after this are new since it."""
    last = db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
    run_id = db.execute(
        "INSERT INTO feed_updates (started, last_doc_before) VALUES (?, ?)", [now_iso(), last]
    ).lastrowid
    assert run_id is not None  # an INSERT into a rowid table always sets it
    return run_id


def finish_update(
    db: sqlite_utils.Database, run_id: int, feeds: int, added: int, failed: int
) -> None:
    """Close an update record with its counts."""
    db.execute(
        "UPDATE feed_updates SET finished = ?, feeds = ?, added = ?, failed = ? WHERE id = ?",
        [now_iso(), feeds, added, failed, run_id],
    )


def last_update_id(db: sqlite_utils.Database) -> int:
    """The id of the newest finished update (0 before any): it moves when one finishes."""
    row = db.execute(
        "SELECT id FROM feed_updates WHERE finished != '' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return int(row[0]) if row else 0


def last_update(db: sqlite_utils.Database) -> UpdateRun | None:
    """The newest finished update, if any."""
    names = [f.name for f in fields(UpdateRun)]
    row = (
        named_cursor(db)
        .execute(
            f"SELECT {column_list('u', tuple(names))} FROM feed_updates u"
            " WHERE u.finished != '' ORDER BY u.id DESC LIMIT 1"
        )
        .fetchone()
    )
    return UpdateRun(**{name: row[name] for name in names}) if row else None
