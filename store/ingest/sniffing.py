"""What a file is, from its first bytes as well as its name.

Content wins over the name where it is unmistakable (``%PDF-``, a Word or
OpenDocument zip, ``WEBVTT``, SubRip cue times, mail headers), so a PDF saved
as ``.txt`` is read as a PDF and an HTML error page saved as ``.pdf`` as HTML.

    >>> sniff_format(b"%PDF-1.7 ...", "scan.txt")
    'pdf'
    >>> sniff_format(b"WEBVTT\\n\\n00:00.000 --> 00:02.000\\nHello.", "talk")
    'vtt'
    >>> sniff_format(b"1\\n00:00:01,000 --> 00:00:03,500\\nHello.\\n", "")
    'srt'
    >>> sniff_format(b"From: Ana <ana@example.org>\\nSubject: Tip\\nDate: Mon, 2 Dec 2024 09:00:00 +0000\\n\\nHi", "")
    'email'
    >>> sniff_format(b"Plain words.", "notes.md"), sniff_format(b"Plain words.", "notes")
    ('markdown', None)
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".eml": "email",
    ".srt": "srt",
    ".vtt": "vtt",
}
"""File suffixes claimdesk reads, and what each is read as."""

BINARY_KINDS = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF file (audio, video or WebP image)"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls): save it as .docx or PDF"),
    (b"{\\rtf", "an RTF document: save it as .docx or PDF"),
)
"""Signatures of files claimdesk does not read, with how to say so."""

_SRT = re.compile(rb"\A\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d")
_MAIL_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]", re.M)
_MAIL_NAMES = {
    b"from",
    b"to",
    b"cc",
    b"date",
    b"subject",
    b"message-id",
    b"mime-version",
    b"received",
    b"return-path",
    b"reply-to",
    b"content-type",
    b"delivered-to",
    b"x-mailer",
}


def _zip_kind(raw: bytes | Path) -> str:
    """``docx``, ``odt`` or ``zip`` for a ZIP archive (its bytes, or its path)."""
    try:
        archive = zipfile.ZipFile(raw if isinstance(raw, Path) else io.BytesIO(raw))
        names = set(archive.namelist())
        if "word/document.xml" in names:
            return "docx"
        if "mimetype" in names and archive.read("mimetype").strip() in (
            b"application/vnd.oasis.opendocument.text",
            b"application/vnd.oasis.opendocument.text-template",
        ):
            return "odt"
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        pass
    return "zip"


def looks_like_email(head: bytes) -> bool:
    """Mail headers from the first line: ``From:`` or ``Received:`` among two or more known names.

    >>> looks_like_email(b"Subject: x\\nNot a header line\\n")
    False
    """
    block = head.lstrip(b"\r\n").split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    if b"\n" not in block:
        return False
    if block.startswith(b"From ") and b"\n" in block:  # an mbox "From " line first
        block = block.split(b"\n", 1)[1]
    first = _MAIL_HEADER.match(block)
    if not first:
        return False
    names = {m.group(1).lower() for m in _MAIL_HEADER.finditer(block)}
    known = names & _MAIL_NAMES
    return bool(known & {b"from", b"received", b"return-path"}) and len(known) >= 2


def sniff_format(raw: bytes, name: str = "") -> str | None:
    """What ``raw`` should be read as: a kind from :data:`SUFFIXES`, ``zip`` (another
    archive), or ``None`` when neither the content nor the name says."""
    head = raw[:4096]
    if head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF-"):
        return "pdf"
    by_name = SUFFIXES.get(Path(name).suffix.lower()) if name else None
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(raw)
        # a truncated Word file is still a Word file: its reader says it is damaged
        return by_name if kind == "zip" and by_name in ("docx", "odt") else kind
    text_head = head.lstrip(b"\xef\xbb\xbf")
    if text_head.startswith(b"WEBVTT"):
        return "vtt"
    if _SRT.match(text_head):
        return "srt"
    if by_name in ("text", "markdown", "html", "srt", "vtt", "email"):
        if by_name != "email" and looks_like_email(text_head):
            return "email" if by_name == "text" else by_name
        return by_name
    if looks_like_email(text_head):
        return "email"
    return by_name


def binary_kind(head: bytes) -> str | None:
    """How to name a file claimdesk does not read, from its first bytes (``None``: unknown).

    >>> binary_kind(b"\\x89PNG\\r\\n")
    'a PNG image'
    """
    for signature, what in BINARY_KINDS:
        if head.startswith(signature):
            return what
    return None


def sniff_path(path: Path) -> tuple[str | None, str]:
    """What a file of unknown suffix is, from its first bytes: ``(kind, "")`` for a
    document claimdesk reads by content, else ``(None, why it is not read)``."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        return None, exc.strerror or str(exc)
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        return (kind, "") if kind != "zip" else (None, "a ZIP archive, not a document")
    sniffed = sniff_format(head)
    if sniffed in ("pdf", "vtt", "srt", "email"):
        return sniffed, ""
    what = binary_kind(head)
    if what:
        return None, f"{what}, not a document"
    suffix = path.suffix.lower() or "no suffix"
    return None, f"not a document ({suffix}): name the file itself to read it as text"
