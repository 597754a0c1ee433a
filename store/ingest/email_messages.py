"""E-mail (.eml): the message body decoded, its sender, date and subject as metadata.

The body is the plain-text part when there is one, else the HTML part through
the HTML path; transfer encodings (quoted-printable, base64) and charsets are
undone by the standard library, ``format=flowed`` lines are rejoined and a
signature (below ``-- ``) is left out. From, Date and Subject become source,
published and title. PDF, Word and OpenDocument attachments come back as
documents of their own (``attachments``), each read by its own reader.

    >>> raw = (b"From: Ana <ana@example.org>\\nSubject: Tip: floods\\n"
    ...        b"Date: Mon, 2 Dec 2024 09:00:00 +0000\\n"
    ...        b"Content-Transfer-Encoding: quoted-printable\\n\\n"
    ...        b"Officials said 40 people were kille=\\nd=2C not 4.\\n")
    >>> doc = read_email(raw, "tip.eml")
    >>> doc.text, doc.title, doc.source, doc.published
    ('Officials said 40 people were killed, not 4.', 'Tip: floods', 'Ana <ana@example.org>', '2024-12-02T09:00:00+00:00')
"""

from __future__ import annotations

import email
import re
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import parsedate_to_datetime
from typing import cast

from claimdesk.store.ingest.decoding import NotTextError, decode_bytes
from claimdesk.store.ingest.html_text import html_to_text
from claimdesk.store.ingest.marked_text import clean_piece
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError
from claimdesk.store.ingest.sniffing import sniff_format
from claimdesk.store.models import AddResult

ATTACHMENT_KINDS = ("pdf", "docx", "odt")
"""Attachments that are added as documents of their own."""

AttachmentReader = Callable[[bytes, str, str], ParsedDocument]
"""``read(raw, name, kind)``: how an attachment of one of :data:`ATTACHMENT_KINDS` is read."""

_SIGNATURE = re.compile(r"\n-- ?\n")


def _text_of(part: MIMEPart) -> str:
    """A text part decoded: transfer encoding, then the declared charset (or a guess)."""
    try:
        content: str = part.get_content()
        return content
    except (LookupError, UnicodeError, AssertionError):
        raw = cast(bytes, part.get_payload(decode=True) or b"")  # decoded: bytes
        try:
            return decode_bytes(raw)
        except NotTextError:
            return ""


def _unflow(text: str) -> str:
    """RFC 3676 ``format=flowed``: a line ending in a space goes on in the next line."""
    return re.sub(r"(?<=\S) \n(?!>)", " ", text)


def _body(message: EmailMessage) -> tuple[str, MIMEPart | None]:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", None
    content = _text_of(part)
    if part.get_content_subtype() == "html":
        return html_to_text(content).text, part
    content = _SIGNATURE.split(content.replace("\r\n", "\n"), maxsplit=1)[0]
    if cast(str, part.get_param("format", "")).lower() == "flowed":
        content = _unflow(content)
    return content.strip("\n"), part


def _date(message: EmailMessage) -> str:
    value = message.get("Date")
    if not value:
        return ""
    try:
        return parsedate_to_datetime(str(value)).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        return " ".join(str(value).split())


def _attachments(
    message: EmailMessage, body: MIMEPart | None, name: str, read: AttachmentReader
) -> Iterator[ParsedDocument | AddResult]:
    for part in message.walk():
        if part is body or part.is_multipart():
            continue
        filename = part.get_filename() or ""
        if part.get_content_disposition() not in ("attachment", "inline") and not filename:
            continue
        raw = cast(bytes | None, part.get_payload(decode=True))  # decoded: bytes or None
        if not raw:
            continue
        kind = sniff_format(raw, filename)
        if kind not in ATTACHMENT_KINDS:
            continue
        label = f"{name}#{filename or 'attachment.' + kind}"
        try:
            yield read(raw, label, kind)
        except RefusedError as exc:
            yield AddResult(doc_id=None, added=False, reason=str(exc), path=label)


def read_email(
    raw: bytes, name: str = "", read_attachment: AttachmentReader | None = None
) -> ParsedDocument:
    """A mail's body and metadata; its PDF/Word attachments read with ``read_attachment``.

    The body may come back empty when the message is only its attachments.
    """
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        text, body = _body(message)
        subject = " ".join(str(message.get("Subject") or "").split())
        sender = " ".join(str(message.get("From") or "").split())
    except Exception as exc:  # the email package raises odd kinds for broken headers
        raise RefusedError(f"a damaged e-mail: {' '.join(str(exc).split())}") from exc
    attachments = (
        tuple(_attachments(message, body, name, read_attachment)) if read_attachment else ()
    )
    return ParsedDocument(
        text=clean_piece(text),
        title=subject,
        source=sender,
        published=_date(message),
        path=name,
        kind="email",
        attachments=attachments,
    )
