"""Reading one input (a file or raw bytes) into a :class:`ParsedDocument`, or refusing it.

The reader is chosen by content first (a PDF is a PDF whatever its name),
then by the file's suffix, then by a look at the text (HTML or plain):

- text and Markdown: decoded, mojibake repaired, front matter read;
- HTML: the article's text; title, author, publisher and date from the
  page's metadata (:mod:`~claimdesk.store.ingest.page_metadata`);
- PDF (:mod:`~claimdesk.store.ingest.pdf_pages`), Word and OpenDocument
  (:mod:`~claimdesk.store.ingest.office_documents`), e-mail
  (:mod:`~claimdesk.store.ingest.email_messages`), subtitles
  (:mod:`~claimdesk.store.ingest.subtitles`).

>>> doc = parse_bytes(b"---\\ntitle: Floods\\n---\\n# Heading\\n40 died.", name="a.md")
>>> doc.title, doc.text, doc.kind
('Floods', '# Heading\\n40 died.', 'markdown')
>>> parse_bytes(b"", name="empty.txt")
Traceback (most recent call last):
...
claimdesk.store.ingest.parsed.RefusedError: empty file
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from claimdesk.store.ingest.decoding import NotTextError, decode_with_note
from claimdesk.store.ingest.front_matter import FIELDS, split_front_matter
from claimdesk.store.ingest.html_text import html_to_text, looks_like_html
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError
from claimdesk.store.ingest.sniffing import SUFFIXES, sniff_format
from claimdesk.store.ingest.text_repair import repair_mojibake

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ParsedDocument",
    "RefusedError",
    "format_for",
    "parse_bytes",
    "read_file",
    "size_text",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MB) are refused unless the caller raises the limit."""

FORMATS = SUFFIXES
"""File suffixes read when a folder or glob is expanded, and how each is read."""


READ_CHUNK = 1024 * 1024
"""Bytes read at a time: a file is never read past its size limit."""


def format_for(name: str) -> str | None:
    """What a file is read as by its suffix (``"pdf"``, ``"markdown"``, ...), ``None`` when unknown."""
    return FORMATS.get(Path(name).suffix.lower())


def _decode(raw: bytes, encoding: str | None) -> tuple[str, str]:
    """The text and a note on what had to be repaired (empty when nothing was)."""
    if encoding:  # declared by the server: it wins over guessing, unless it is wrong
        try:
            return raw.decode(encoding).lstrip("\ufeff"), ""
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_with_note(raw)
    except NotTextError as exc:
        raise RefusedError(str(exc)) from exc


def _read_attachment(raw: bytes, name: str, kind: str) -> ParsedDocument:
    return parse_bytes(raw, name=name, fmt=kind)


def _read_binary(raw: bytes, name: str, kind: str) -> ParsedDocument:
    if kind == "pdf":
        from claimdesk.store.ingest.pdf_pages import read_pdf

        return read_pdf(raw, name)
    if kind == "docx":
        from claimdesk.store.ingest.office_documents import read_docx

        return read_docx(raw, name)
    if kind == "odt":
        from claimdesk.store.ingest.office_documents import read_odt

        return read_odt(raw, name)
    if kind == "email":
        from claimdesk.store.ingest.email_messages import read_email

        doc = read_email(raw, name, _read_attachment)
        if not doc.text.strip() and not doc.attachments:
            raise RefusedError("an e-mail with no text")
        return doc
    raise RefusedError("a ZIP archive, not a document (unpack it first)")


def parse_bytes(
    raw: bytes,
    *,
    name: str = "",
    fmt: str | None = None,
    encoding: str | None = None,
    url: str = "",
) -> ParsedDocument:
    """Read ``raw``; ``fmt`` (a kind such as ``"html"`` or ``"pdf"``) defaults to what the
    content and ``name`` say. ``encoding`` is a charset declared outside the bytes (HTTP);
    ``url`` is where a page came from (its metadata may use it).

    Raises :class:`RefusedError` for empty, binary or textless input.
    """
    if not raw.strip():
        raise RefusedError("empty file")
    kind = fmt or sniff_format(raw, name)
    if kind in ("pdf", "docx", "odt", "email", "zip"):
        return _read_binary(raw, name, kind)
    decoded, warning = _decode(raw, encoding)
    text = repair_mojibake(decoded)
    if kind in ("srt", "vtt"):
        from claimdesk.store.ingest.subtitles import read_subtitles

        return read_subtitles(text, name)
    meta, body = split_front_matter(text.lstrip("\ufeff"))
    kind = kind or ("html" if looks_like_html(body) else "text")
    declared: dict[str, Any] = {k: v for k, v in meta.items() if k in FIELDS}
    doc = ParsedDocument(text=body, path=name, kind=kind, warning=warning, **declared)
    if kind == "html":
        doc = _read_html(doc, body, url)
    if not doc.text.strip():
        raise RefusedError("no text found" if kind == "html" else "empty file")
    return doc


def _read_html(doc: ParsedDocument, markup: str, url: str) -> ParsedDocument:
    """The article text of a page; front matter first, then the page's metadata, then its tags."""
    from claimdesk.store.ingest.page_metadata import page_metadata

    page = html_to_text(markup)
    info = page_metadata(markup, url)
    return replace(
        doc,
        text=page.text,
        title=doc.title or info.title or page.title,
        source=doc.source or info.publisher,
        author=doc.author or info.author,
        published=doc.published or info.published or page.published,
        url=doc.url or page.url or info.url,
    )


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
        with path.open("rb") as stream:
            raw = read_limited(stream, max_bytes)
    except OSError as exc:
        raise RefusedError(exc.strerror or str(exc)) from exc
    return parse_bytes(raw, name=str(path.absolute()))


def read_limited(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Everything ``stream`` holds, read a chunk at a time; :class:`RefusedError` as soon as
    it holds more than ``max_bytes`` (a pipe or a growing file is never read whole).

    >>> import io
    >>> read_limited(io.BytesIO(b"x" * 10), max_bytes=4)
    Traceback (most recent call last):
    ...
    claimdesk.store.ingest.parsed.RefusedError: too large: more than 4 bytes (the limit)
    """
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(READ_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise RefusedError(f"too large: more than {size_text(max_bytes)} (the limit)")
        chunks.append(chunk)
