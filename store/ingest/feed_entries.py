"""What one feed entry becomes: the article page it links to, fetched and read, or the
entry's own text when it links none; and the key that knows it again on the next update.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from claimdesk.store.database.documents import now_iso
from claimdesk.store.ingest.html_text import html_to_text, looks_like_html
from claimdesk.store.ingest.marked_text import clean_piece
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError, one_line
from claimdesk.store.ingest.web_fetch import FetchError, fetch, is_url, read_fetched
from claimdesk.store.ingest.writer import refused
from claimdesk.store.models import AddResult, Feed


def entry_key(entry: Any) -> str:
    """What identifies an entry across updates: its id, else its link, else a content hash."""
    key = entry.get("id") or entry.get("link")
    if key:
        return str(key)
    basis = "\n".join(str(entry.get(k, "")) for k in ("title", "published", "summary"))
    return "sha1:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()


def _when(entry: Any) -> str:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return ""
    return datetime(*stamp[:6], tzinfo=UTC).isoformat(timespec="seconds")  # type: ignore[misc]


def _entry_text(entry: Any) -> str:
    """An entry's own text: its full content when the feed carries it, else its summary."""
    contents = entry.get("content") or []
    body = max((c.get("value", "") for c in contents), key=len, default="")
    body = body or entry.get("summary", "")
    return html_to_text(body).text if looks_like_html(body) else body


@dataclass(frozen=True)
class EntryOutcome:
    """What one entry became: a document to store (or a refusal), the entry's ``key`` and
    ``link``, and whether a refusal is ``transient`` (network trouble: try again)."""

    item: ParsedDocument | AddResult
    key: str
    link: str
    transient: bool = False


def read_entry(feed: Feed, entry: Any, *, timeout: float, max_bytes: int) -> EntryOutcome:
    """The entry as a document: the article page it links (fetched), else its own text."""
    key = entry_key(entry)
    link = urljoin(feed.url, entry.get("link", "")) if entry.get("link") else ""
    link = link if is_url(link) else ""  # a "urn:" id standing in for a link is none
    title = " ".join(str(entry.get("title", "")).split())
    author = " ".join(str(entry.get("author", "")).split())
    published = _when(entry)
    if link:
        try:
            fetched = fetch(link, max_bytes=max_bytes, timeout=timeout)
            doc = read_fetched(fetched, fallback_source=feed.title)
        except FetchError as exc:
            return EntryOutcome(refused(link, str(exc)), key, link, transient=exc.transient)
        except RefusedError as exc:
            return EntryOutcome(refused(link, str(exc)), key, link)
        except Exception as exc:  # a reader failing on an odd page: that entry only
            return EntryOutcome(refused(link, one_line(f"{type(exc).__name__}: {exc}")), key, link)
        doc = replace(
            doc,
            title=doc.title or title,
            published=doc.published or published,
            author=doc.author or author,
            attachments=(),
        )
    else:
        text = clean_piece(_entry_text(entry)).strip()
        if not text:
            return EntryOutcome(
                refused(title or key, "an entry with no text and no link"), key, link
            )
        doc = ParsedDocument(
            text=text,
            title=title,
            source=feed.title,
            published=published,
            author=author,
            kind="feed entry",
            fetched=now_iso(),
        )
    return EntryOutcome(replace(doc, feed_entry=(feed.id, key, link)), key, link)
