"""Following RSS and Atom feeds, and bringing in what is new on each update.

``follow`` checks that a URL is a feed (or a page that names one) and
remembers it. ``update`` fetches every followed feed (asking the server for
changes only), and for every entry not seen before stores the article page
the entry links to, or the entry's own text when it links none
(:mod:`~claimdesk.store.ingest.feed_entries`). Pages are
fetched a few at a time while claims are extracted; each entry is written
together with the document it became, so an interrupted update fetches only
what it had not stored. Network trouble with one entry or one feed is one
line, and is tried again on the next update; an entry whose page is not a
document is remembered with the reason and not fetched again.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin

import sqlite_utils

from claimdesk.store.database import feed_rows
from claimdesk.store.database.connections import Connections
from claimdesk.store.ingest.feed_entries import EntryOutcome, entry_key, read_entry
from claimdesk.store.ingest.html_text import looks_like_html
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError
from claimdesk.store.ingest.readers import DEFAULT_MAX_BYTES
from claimdesk.store.ingest.web_fetch import (
    DEFAULT_TIMEOUT,
    Fetched,
    fetch,
    looks_like_feed,
)
from claimdesk.store.ingest.writer import add_parsed
from claimdesk.store.models import AddResult, Feed, FeedUpdate

FETCHES_AT_ONCE = 4
"""Article pages fetched in parallel during an update."""

Progress = Callable[[int, int, AddResult], None]
"""``progress(done, total, result)`` over every new entry of every feed."""

_ALTERNATE = re.compile(
    r"<link\b[^>]*\btype=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.I | re.S
)
_HREF = re.compile(r"\bhref=[\"']([^\"']+)[\"']", re.I)


def _parse(fetched: Fetched) -> Any:
    """The feed in a response; :class:`RefusedError` when it is not one."""
    import feedparser

    parsed = feedparser.parse(
        io.BytesIO(fetched.body),
        response_headers={
            "content-type": fetched.content_type or "application/xml",
            "content-location": fetched.url,
        },
    )
    version = getattr(parsed, "version", "")
    if not version and not parsed.entries:
        raise RefusedError("not an RSS or Atom feed")
    return parsed


def _discovered(fetched: Fetched) -> str:
    """The feed a web page names in ``<link rel="alternate" type="application/rss+xml">``."""
    head = fetched.body[:200_000].decode("utf-8", errors="replace")
    for tag in _ALTERNATE.findall(head):
        href = _HREF.search(tag)
        if href:
            return str(urljoin(fetched.url, href.group(1)))
    return ""


def follow_feed(
    connections: Connections,
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Feed, int]:
    """Follow the feed at ``url`` (or the one the page at ``url`` names).

    Returns the feed and how many entries it lists now; :class:`RefusedError` when
    ``url`` cannot be fetched or is not a feed.
    """
    fetched = fetch(url, max_bytes=max_bytes, timeout=timeout)
    if not looks_like_feed(fetched) and looks_like_html(fetched.body[:4096].decode("latin-1")):
        alternate = _discovered(fetched)
        if not alternate:
            raise RefusedError("a web page that names no RSS or Atom feed")
        url = alternate
        fetched = fetch(url, max_bytes=max_bytes, timeout=timeout)
    parsed = _parse(fetched)
    title = " ".join(str(parsed.feed.get("title", "")).split())
    db = connections.db
    with db.atomic():
        feed = feed_rows.follow(db, url, title)
    return feed, len(parsed.entries)


@dataclass
class _Plan:
    feed: Feed
    entries: list[Any]
    seen: int = 0
    problem: str = ""


def _plan(db: sqlite_utils.Database, feed: Feed, timeout: float, max_bytes: int) -> _Plan:
    """Fetch one feed and pick the entries not seen before."""
    try:
        fetched = fetch(
            feed.url,
            max_bytes=max_bytes,
            timeout=timeout,
            headers=feed_rows.conditional_headers(db, feed.id),
        )
        if fetched.status == 304:
            with db.atomic():
                feed_rows.checked(db, feed.id, "not modified")
            return _Plan(feed, [])
        parsed = _parse(fetched)
    except RefusedError as exc:
        with db.atomic():
            feed_rows.checked(db, feed.id, f"failed: {exc}")
        return _Plan(feed, [], problem=str(exc))
    known = feed_rows.known_keys(db, feed.id)
    new, keys = [], set()
    for entry in parsed.entries:
        key = entry_key(entry)
        if key not in known and key not in keys:
            keys.add(key)
            new.append(entry)
    title = " ".join(str(parsed.feed.get("title", "")).split())
    with db.atomic():
        feed_rows.checked(
            db,
            feed.id,
            f"{len(parsed.entries)} entries",
            title=title,
            etag=fetched.etag,
            modified=fetched.last_modified,
        )
    return _Plan(replace(feed, title=title or feed.title), new, seen=len(parsed.entries) - len(new))


def update_feeds(
    connections: Connections,
    *,
    progress: Progress | None = None,
    on_feed: Callable[[FeedUpdate], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[FeedUpdate]:
    """Fetch every followed feed and store its new entries; one :class:`FeedUpdate` per feed.

    ``on_feed`` is called as each feed is finished.
    """
    db = connections.db
    with db.atomic():
        run_id = feed_rows.start_update(db)
    plans = [_plan(db, feed, timeout, max_bytes) for feed in feed_rows.list_feeds(db)]
    total = sum(len(plan.entries) for plan in plans)
    done = 0
    updates = []
    with ThreadPoolExecutor(FETCHES_AT_ONCE) as pool:
        for plan in plans:
            outcomes: list[EntryOutcome] = []
            found = pool.map(
                lambda entry, feed=plan.feed: read_entry(
                    feed, entry, timeout=timeout, max_bytes=max_bytes
                ),
                plan.entries,
            )
            results = add_parsed(
                connections,
                _kept(found, outcomes),
                total=len(plan.entries),
                progress=_shifted(progress, done, total),
            )
            done += len(plan.entries)
            update = _settle(db, plan, outcomes, results)
            updates.append(update)
            if on_feed:
                on_feed(update)
    with db.atomic():
        feed_rows.finish_update(
            db,
            run_id,
            len(plans),
            sum(u.added for u in updates),
            sum(u.failed + bool(u.problem) for u in updates),
        )
    return updates


def _kept(
    found: Iterator[EntryOutcome], kept: list[EntryOutcome]
) -> Iterator[ParsedDocument | AddResult]:
    """The outcomes' documents (or refusals), each outcome kept in ``kept`` as it passes."""
    for outcome in found:
        kept.append(outcome)
        yield outcome.item


def _shifted(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """One feed's progress as progress over every feed's new entries."""
    if progress is None:
        return None
    return lambda done, _total, result: progress(offset + done, total, result)


def _settle(
    db: sqlite_utils.Database, plan: _Plan, outcomes: list[EntryOutcome], results: list[AddResult]
) -> FeedUpdate:
    """Remember the entries that are settled: stored before, or refused for good."""
    with db.atomic():
        for outcome, result in zip(outcomes, results, strict=True):
            if not result.added and not result.refused:  # already in the store
                feed_rows.record_entry(db, plan.feed.id, outcome.key, outcome.link, result.doc_id)
            elif result.refused and not outcome.transient:
                feed_rows.record_entry(
                    db, plan.feed.id, outcome.key, outcome.link, None, result.reason
                )
    return FeedUpdate(
        feed=feed_rows.feed_by_id(db, plan.feed.id),
        added=sum(r.added for r in results),
        present=sum(not r.added and not r.refused for r in results),
        seen=plan.seen,
        failed=sum(r.refused for r in results),
        problem=plan.problem,
        results=tuple(results),
    )
