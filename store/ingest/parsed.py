"""What every reader hands the writer: a :class:`ParsedDocument`, or a :class:`RefusedError`.

A reader turns one input (a file's bytes, a fetched page, a feed entry, an
e-mail attachment) into text plus what it says about itself. Offsets in
``marks`` point into ``text`` exactly as it will be stored.

    >>> doc = ParsedDocument(text="Officials said 40 people died.", kind="text")
    >>> doc.title, doc.marks
    ('', ())
"""

from __future__ import annotations

from dataclasses import dataclass

from claimdesk.store.models import AddResult, Mark


class RefusedError(ValueError):
    """An input that will not be stored; the message is one line saying why."""


@dataclass(frozen=True)
class ParsedDocument:
    """Decoded, extracted text with its metadata, ready to store.

    ``kind`` says what it was read as (``text``, ``markdown``, ``html``, ``pdf``,
    ``docx``, ``odt``, ``email``, ``subtitles``); ``marks`` are page or cue starts;
    ``attachments`` are the documents an e-mail carried (or why one was refused);
    ``parent`` is the content hash of the e-mail an attachment came with, and
    ``children`` the content hashes of an e-mail's attachments (one stored before is
    linked too); ``feed_entry`` is ``(feed id, entry key, link)`` for a document a feed
    brought; ``warning`` says what was repaired on the way (undecodable bytes);
    ``disclaimer`` is a note about the document from its front matter ("Demo material: an
    invented report"), shown with it, never part of its text or its claims.
    """

    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""
    author: str = ""
    kind: str = ""
    fetched: str = ""
    marks: tuple[Mark, ...] = ()
    attachments: tuple[ParsedDocument | AddResult, ...] = ()
    parent: str = ""
    children: tuple[str, ...] = ()
    feed_entry: tuple[int, str, str] | None = None
    warning: str = ""
    disclaimer: str = ""


def one_line(message: object) -> str:
    """``message`` as one line (library errors sometimes span several).

    >>> one_line("bad xref\\n  at offset 12")
    'bad xref at offset 12'
    """
    return " ".join(str(message).split())
