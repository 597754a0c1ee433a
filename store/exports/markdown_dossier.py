"""A Markdown dossier: per document or per status, each claim with its status, note, source,
figures, the claims that agree or differ elsewhere and its known fact-checks.

Written to read well as plain text (headings, short labelled lines, quotes as ``>``
blocks) and to render on code forges. Document text is data: characters that Markdown
would read as markup are escaped, control characters are made visible, and nothing
becomes a link but URLs the desk stored.

>>> from claimdesk.store import Store
>>> from claimdesk.store.exports.selection import Selection, select
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Officials said 40 people died in the *flood*.", title="Flood")
>>> _ = store.set_status(store.claims()[0].id, "false")
>>> print(dossier(store, select(store, Selection()), title="Desk").splitlines()[10])
> Officials said 40 people died in the \\*flood\\*.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimdesk.store.database.documents import now_iso
from claimdesk.store.exports.related_lookup import surroundings
from claimdesk.store.exports.selection import ExportItem
from claimdesk.store.models import STATUSES, Figure
from claimdesk.store.safe_text import display_safe

if TYPE_CHECKING:  # the Store imports this module to call it
    from claimdesk.store.store import Store

GROUPINGS = ("document", "status")
"""How a dossier can be divided."""

_MARKUP = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s)", re.M)


def md(text: object) -> str:
    """``text`` (data) escaped for Markdown, on one line, control characters made visible.

    >>> md("**bold** <b>x</b> [link](y) # not a heading")
    '\\\\*\\\\*bold\\\\*\\\\* \\\\<b\\\\>x\\\\</b\\\\> \\\\[link\\\\](y) \\\\# not a heading'
    """
    flat = " ".join(display_safe(str(text or "")).split())
    return _LINE_START.sub(r"\1\\\2", _MARKUP.sub(r"\\\1", flat))


def _url(url: str) -> str:
    """A stored URL as an autolink, only when it is a plain http(s) URL."""
    if re.fullmatch(r"https?://[^\s<>]+", url or ""):
        return f"<{url}>"
    return md(url)


def _figures(figures: Iterable[Figure]) -> str:
    parts = []
    for f in figures:
        words = " ".join(p for p in (f.text, f.counts) if p)
        parts.append(md(words))
    return "; ".join(parts)


def _claim_block(
    store: Store, number: int, item: ExportItem, *, related: bool, show_doc: bool
) -> list[str]:
    claim, document = item.claim, item.document
    lines = [f"### {number}. Claim {claim.id}", "", f"> {md(claim.text)}", ""]
    status = f"- **Status:** {claim.status}"
    if item.status_change:
        status += f" (set by {md(item.status_change.actor)}, {item.status_change.at[:10]})"
    lines.append(status)
    if show_doc:
        lines.append(
            f"- **Document:** {md(document.title or '(untitled)')} (document {document.id})"
        )
    if claim.note:
        lines.append(f"- **Note:** {md(claim.note)}")
    if claim.source:
        cue = f" ({md(claim.cue)})" if claim.cue else ""
        lines.append(f"- **Attributed to:** {md(claim.source)}{cue}")
    if claim.numbers:
        lines.append(f"- **Figures:** {_figures(claim.numbers)}")
    around = surroundings(store, claim.id, related=related)
    for relation, hits in around.by_relation.items():
        lines.append(f"- **{md(relation.capitalize())}:**")
        for hit in hits:
            where = "same document" if hit.same_document else md(hit.doc_title or "(untitled)")
            lines.append(f"  - {md(hit.claim.text)} ({where}, claim {hit.claim.id}; {md(hit.why)})")
    if around.known_checks:
        lines.append("- **Known fact-checks:**")
        for known in around.known_checks:
            check = known.factcheck
            date = f", {md(check.review_date[:10])}" if check.review_date else ""
            rating = md(check.rating) or "no rating"
            lines.append(
                f"  - {md(check.reviewer) or 'unknown reviewer'}: {rating}{date}"
                f" ({_url(check.url)}): {md(check.claim)}".replace(" ()", "")
            )
    lines.append("")
    return lines


def _document_header(item: ExportItem) -> list[str]:
    document = item.document
    lines = [f"## {md(document.title or '(untitled)')}", ""]
    facts = [
        f"Document {document.id}",
        f"source: {md(document.source)}" if document.source else "",
        f"published: {md(document.published)}" if document.published else "",
    ]
    lines.append(" · ".join(f for f in facts if f))
    if document.url:
        lines.append(f"URL: {_url(document.url)}")
    if document.note:
        lines.append(f"Note: {md(document.note)}")
    lines.append("")
    return lines


def dossier(
    store: Store,
    items: list[ExportItem],
    *,
    by: str = "document",
    title: str = "",
    related: bool = True,
) -> str:
    """The Markdown dossier of ``items``, grouped ``by`` document or status."""
    if by not in GROUPINGS:
        raise ValueError(f"a dossier is grouped by {' or '.join(GROUPINGS)}, not {by!r}")
    documents = len({i.document.id for i in items})
    lines = [
        f"# Dossier{': ' + md(title) if title else ''}",
        "",
        f"{len(items)} claim{'s' * (len(items) != 1)} from {documents}"
        f" document{'s' * (documents != 1)}, exported {now_iso()[:16].replace('T', ' ')} UTC.",
        "",
    ]
    if not items:
        lines.append("No claims match.")
    number = 0
    if by == "document":
        current = None
        for item in items:
            if item.document.id != current:
                current = item.document.id
                lines += _document_header(item)
            number += 1
            lines += _claim_block(store, number, item, related=related, show_doc=False)
    else:
        for status in STATUSES:
            group = [i for i in items if i.claim.status == status]
            if not group:
                continue
            lines += [f"## {status} ({len(group)})", ""]
            for item in group:
                number += 1
                lines += _claim_block(store, number, item, related=related, show_doc=True)
    return "\n".join(lines).rstrip() + "\n"
