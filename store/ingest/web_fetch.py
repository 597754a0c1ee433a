"""Fetching web pages, PDFs and text by URL, and reading what came back.

httpx fetches with a timeout, follows redirects (ten at most), stops at a size
cap while the body is still arriving, and sends a claimdesk user agent. What
came back is read by its content, then its declared type: HTML (title,
author, publisher and date from the page's metadata), PDF, Word, plain text.
A failure is one line (:class:`FetchError`); ``transient`` ones (timeouts,
refused connections, server errors) may work next time.

    >>> is_url("https://example.org/story"), is_url("report.pdf")
    (True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from claimdesk.store.database.documents import now_iso
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError, one_line

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for a server to connect or send more before giving up."""

MAX_REDIRECTS = 10
"""Redirects followed before a fetch is given up."""

USER_AGENT = "claimdesk/0.1 (a reader for checking news claims)"
"""How claimdesk names itself to servers."""

_URL = re.compile(r"^https?://", re.I)
_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "message/rfc822": "email",
    "text/vtt": "vtt",
    "application/x-subrip": "srt",
}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S
)


class FetchError(RefusedError):
    """A URL that could not be fetched; ``transient`` when trying again later may work."""

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class Fetched:
    """A response: the final ``url`` after redirects, its media type, body and fetch time."""

    url: str
    status: int
    content_type: str
    charset: str
    body: bytes
    fetched: str
    etag: str = ""
    last_modified: str = ""


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL rather than a path."""
    return bool(_URL.match(str(text)))


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _network_error(exc: Exception, timeout: float) -> FetchError:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"timed out after {timeout:g} s", transient=True)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"more than {MAX_REDIRECTS} redirects")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(f"not a URL claimdesk can fetch: {one_line(exc)}")
    reason = re.sub(r"^\[Errno -?\d+\]\s*", "", one_line(exc)) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return FetchError(f"could not connect: {reason}", transient=True)
    return FetchError(f"the connection failed: {reason}", transient=True)


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """GET ``url``; :class:`FetchError` for network errors, HTTP errors and bodies over ``max_bytes``.

    A ``304 Not Modified`` answer (to conditional ``headers``) comes back with an empty body.
    """
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT, **(headers or {})},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                phrase = response.reason_phrase or ""
                raise FetchError(
                    f"HTTP {response.status_code} {phrase}".strip(),
                    transient=response.status_code >= 500 or response.status_code == 429,
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large: {_size(int(declared))} (limit {_size(max_bytes)})")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: more than {_size(max_bytes)}")
                chunks.append(chunk)
            media = response.headers.get("content-type", "")
            return Fetched(
                url=str(response.url),
                status=response.status_code,
                content_type=media.split(";")[0].strip().lower(),
                charset=response.charset_encoding or "",
                body=b"".join(chunks),
                fetched=now_iso(),
                etag=response.headers.get("etag", ""),
                last_modified=response.headers.get("last-modified", ""),
            )
    except FetchError:
        raise
    except httpx.HTTPError as exc:
        raise _network_error(exc, timeout) from exc
    except (OSError, ValueError) as exc:  # a malformed URL or header, a socket error
        raise FetchError(f"could not fetch: {one_line(exc)}") from exc


def looks_like_feed(fetched: Fetched) -> bool:
    """Whether a response is an RSS or Atom feed rather than a page."""
    if fetched.content_type in _FEED_TYPES:
        return True
    return bool(_FEED_START.match(fetched.body[:2048]))


def kind_of(fetched: Fetched) -> str:
    """How to read a response: a reader kind, from its bytes first and its declared type next.

    :class:`FetchError` for feeds, images and other things that are not documents.
    """
    from claimdesk.store.ingest.sniffing import binary_kind, sniff_format

    sniffed = sniff_format(fetched.body, urlsplit(fetched.url).path)
    if sniffed in ("pdf", "docx", "odt", "vtt", "srt"):
        return sniffed
    if looks_like_feed(fetched):
        raise FetchError("an RSS or Atom feed: follow it with `claimdesk follow URL`")
    declared = _TYPES.get(fetched.content_type)
    if declared:
        return declared
    what = binary_kind(fetched.body[:64])
    if what:
        raise FetchError(f"{what}, not a document")
    if fetched.content_type.startswith(("image/", "audio/", "video/", "font/")):
        raise FetchError(f"not a document ({fetched.content_type})")
    if sniffed in ("html", "text", "markdown", "email"):
        return sniffed
    return ""  # unknown: read as text, or as HTML if it looks like a page


def read_fetched(fetched: Fetched, fallback_source: str = "") -> ParsedDocument:
    """A fetched response read as a document, with its URL and fetch time.

    The publisher is the page's own (its metadata), else ``fallback_source``, else the
    site's host name.
    """
    from claimdesk.store.ingest.readers import parse_bytes

    kind = kind_of(fetched)
    doc = parse_bytes(
        fetched.body,
        name=urlsplit(fetched.url).path.rsplit("/", 1)[-1],
        fmt=kind or None,
        encoding=fetched.charset or None,
        url=fetched.url,
    )
    host = urlsplit(fetched.url).hostname or ""
    return replace(
        doc,
        url=fetched.url,
        path="",
        fetched=fetched.fetched,
        source=doc.source or fallback_source or host.removeprefix("www."),
    )


def read_url(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> ParsedDocument:
    """Fetch ``url`` and read it; :class:`RefusedError` (or :class:`FetchError`) says why not."""
    return read_fetched(fetch(url, max_bytes=max_bytes, timeout=timeout))
