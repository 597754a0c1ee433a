"""The document's origin, one line above its text: what it was read as and what it is tied
to (the e-mail an attachment came with, the attachments a mail brought, the feed an
article came from). Hidden for text typed or added as plain files: nothing to say.

    >>> from claimdesk.store.models import DocumentOrigin
    >>> titles = {4: "Tip: the Kursk figures", 9: "report.pdf"}
    >>> describe_origin(DocumentOrigin(9, kind="pdf", parent_id=4), titles, pages=12)
    'PDF, 12 pages · attached to the e-mail “Tip: the Kursk figures” (document 4)'
    >>> describe_origin(DocumentOrigin(4, kind="email", attachment_ids=(9, 10)), titles)
    'e-mail · attachments: “report.pdf” (document 9), document 10'
    >>> describe_origin(DocumentOrigin(2, kind="feed entry", feed="Wire",
    ...                                fetched="2024-12-19T08:00:00+00:00"), {})
    'feed entry from Wire, fetched 2024-12-19 08:00 UTC'
    >>> describe_origin(DocumentOrigin(3, kind="text"), {})
    ''
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from claimdesk.store.models import DocumentOrigin
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line

KIND_NAMES = {
    "pdf": "PDF",
    "docx": "Word document",
    "odt": "OpenDocument text",
    "email": "e-mail",
    "subtitles": "subtitles",
    "feed entry": "feed entry",
    "html": "web page",
}
"""How each kind of input is named; plain text, Markdown and HTML files say nothing alone."""


def _when(stamp: str) -> str:
    """An ISO time to the minute, "UTC" said when it is (as the store writes fetch times).

    >>> _when("2024-12-19T08:00:05+00:00"), _when("2024-12-19T10:00:05+02:00")
    ('2024-12-19 08:00 UTC', '2024-12-19 10:00 +02:00')
    """
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return one_line(stamp)
    offset = when.utcoffset()
    zone = ""
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        zone = f" {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}" if minutes else " UTC"
    return when.strftime("%Y-%m-%d %H:%M") + zone


def _document(doc_id: int, titles: Mapping[int, str]) -> str:
    title = one_line(titles.get(doc_id, ""))
    return f"“{title}” (document {doc_id})" if title else f"document {doc_id}"


def describe_origin(
    origin: DocumentOrigin | None, titles: Mapping[int, str], pages: int = 0
) -> str:
    """How the document came in, in one line (``""`` when there is nothing to say);
    ``titles`` name the linked documents, ``pages`` counts a PDF's pages."""
    if origin is None:
        return ""
    linked = origin.parent_id is not None or origin.attachment_ids or origin.feed
    speaks_alone = origin.kind in KIND_NAMES and origin.kind != "html"
    if not (speaks_alone or linked or origin.fetched):
        return ""
    what = KIND_NAMES.get(origin.kind, one_line(origin.kind) or "document")
    if pages:
        what += f", {pages} page" + ("s" if pages != 1 else "")
    if origin.author:
        what += f" by {one_line(origin.author)}"
    if origin.feed:
        what += f" from {one_line(origin.feed)}"
    if origin.fetched:
        what += f", fetched {_when(origin.fetched)}"
    parts = [what]
    if origin.parent_id is not None:
        parts.append(f"attached to the e-mail {_document(origin.parent_id, titles)}")
    if origin.attachment_ids:
        parts.append(
            "attachments: " + ", ".join(_document(i, titles) for i in origin.attachment_ids)
        )
    return " · ".join(parts)


class DocumentOriginLine(Static):
    """One muted line (two when the pane is narrow); hidden when :func:`describe_origin` has
    nothing to say, and on stacked layouts, where the document pane is a few lines tall."""

    DEFAULT_CSS = css_beside(__file__)

    def show(
        self, origin: DocumentOrigin | None, titles: Mapping[int, str], pages: int = 0
    ) -> None:
        """Show how the open document came in (or hide)."""
        line = describe_origin(origin, titles, pages)
        self.set_class(not line, "-empty")
        self.update(Text(line))
