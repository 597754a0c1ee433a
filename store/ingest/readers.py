"""Reading one input (a file or raw bytes) into a :class:`ParsedDocument`, or refusing it.

>>> doc = parse_bytes(b"---\\ntitle: Floods\\n---\\n# Heading\\n40 died.", name="a.md")
>>> doc.title, doc.text
('Floods', '# Heading\\n40 died.')
>>> parse_bytes(b"", name="empty.txt")
Traceback (most recent call last):
...
claimdesk.store.ingest.readers.RefusedError: empty file
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from claimdesk.store.ingest.decoding import NotTextError, decode_bytes
from claimdesk.store.ingest.front_matter import split_front_matter
from claimdesk.store.ingest.html_text import html_to_text, looks_like_html

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MB) are refused unless the caller raises the limit."""

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
"""File suffixes read when a folder or glob is expanded, and how each is read."""


class RefusedError(ValueError):
    """An input that will not be stored; the message is one line saying why."""


@dataclass(frozen=True)
class ParsedDocument:
    """Decoded, extracted text with its metadata, ready to store.

    ``disclaimer`` is a note about the document from its front matter ("Demo material: an
    invented report"): shown with it, never part of its text or its claims.
    """

    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""
    disclaimer: str = ""


def format_for(name: str) -> str | None:
    """``"text"``, ``"markdown"`` or ``"html"`` by file suffix, ``None`` when unknown."""
    return FORMATS.get(Path(name).suffix.lower())


def parse_bytes(raw: bytes, *, name: str = "", fmt: str | None = None) -> ParsedDocument:
    """Decode and parse ``raw``; ``fmt`` defaults to the suffix of ``name``, else sniffed.

    Raises :class:`RefusedError` for empty, binary or textless input.
    """
    if not raw.strip():
        raise RefusedError("empty file")
    try:
        text = decode_bytes(raw)
    except NotTextError as exc:
        raise RefusedError(str(exc)) from exc
    meta, body = split_front_matter(text.lstrip("\ufeff"))
    fmt = fmt or format_for(name) or ("html" if looks_like_html(body) else "text")
    doc = ParsedDocument(text=body, path=name, **meta)
    if fmt == "html":
        page = html_to_text(body)
        doc = replace(
            doc,
            text=page.text,
            title=doc.title or page.title,
            published=doc.published or page.published,
            url=doc.url or page.url,
        )
    if not doc.text.strip():
        raise RefusedError("no text found" if fmt == "html" else "empty file")
    return doc


def size_text(size: int) -> str:
    """``12,400 bytes`` or ``3.0 MB``."""
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedDocument:
    """Read one file from disk; :class:`RefusedError` says why it cannot be stored."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise RefusedError("no such file") from exc
    except OSError as exc:
        raise RefusedError(exc.strerror or str(exc)) from exc
    if path.is_dir():
        raise RefusedError("a folder (expand it first)")
    if size == 0:
        raise RefusedError("empty file")
    if size > max_bytes:
        raise RefusedError(f"too large: {size_text(size)} (limit {size_text(max_bytes)})")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RefusedError(exc.strerror or str(exc)) from exc
    return parse_bytes(raw, name=str(path.absolute()))
