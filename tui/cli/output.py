"""Human output for the CLI: Rich tables whose cells are always plain ``Text``.

Document text is data: it never goes through Rich markup, and control or
escape characters are made visible (``display_safe``) before printing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from claimdesk.store import Claim, Document, Event, QueueItem
from claimdesk.store.extract.boilerplate import CLASSES as BOILERPLATE_CLASSES
from claimdesk.store.extract.emphasis import without_emphasis
from claimdesk.store.extract.language import extraction_note, language_name
from claimdesk.store.models import DocumentOrigin
from claimdesk.store.safe_text import display_safe


def console(stderr: bool = False) -> Console:
    """A console that interprets no markup, emoji codes or highlighting in what it prints."""
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False)


def safe(value: object) -> Text:
    """``value`` as a plain Rich ``Text`` with control characters neutralised."""
    return Text(display_safe("" if value is None else str(value), tab_size=1))


def echo(line: str, err: bool = False) -> None:
    """Print one line that may hold user or document text, made safe to display."""
    click.echo(display_safe(line, tab_size=1), err=err)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], **options) -> Table:
    """A table of ``rows`` under ``headers``; every cell passes through :func:`safe`."""
    grid = Table(**options)
    for header in headers:
        grid.add_column(Text(header), overflow="fold")  # long paths wrap, never "..."
    for row in rows:
        grid.add_row(*[safe(cell) for cell in row])
    return grid


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]], **options) -> None:
    """Print :func:`table` to standard output."""
    console().print(table(headers, rows, **options))


def documents_table(docs: Iterable[Document]) -> Table:
    """Documents as id, title (with its disclaimer below it), source, published, language,
    claims and flagged counts; claims read "n/a" where the language has no claim extraction;
    an old version says which document replaced it."""
    return table(
        ("id", "title", "source", "published", "lang", "claims", "flagged"),
        (
            (
                d.id,
                d.title
                + (f"  (old version: replaced by {d.replaced_by})" if d.replaced_by else "")
                + (f"\n[{d.disclaimer}]" if d.disclaimer else ""),
                d.source,
                d.published,
                d.language or "-",
                d.claims if d.claims_available else "n/a",
                d.flagged,
            )
            for d in docs
        ),
    )


def claims_table(claims: Iterable[Claim], titles: dict[int, str] | None = None) -> Table:
    """Claims (or sentences) as id, document, status, score and text."""
    titles = titles or {}
    rows = (
        (
            c.id,
            titles.get(c.doc_id, c.doc_id),
            c.status if c.is_claim else "(sentence)",
            round(c.score * 100),
            without_emphasis(c.text) + (f"  [note: {c.note}]" if c.note else ""),
        )
        for c in claims
    )
    return table(("id", "document", "status", "score", "text"), rows)


def events_table(events: Iterable[Event]) -> Table:
    """History events as id, time, who, what, old and new value; events of removed
    documents are marked as such."""
    rows = (
        (
            e.id,
            e.at,
            e.actor,
            e.kind
            + (f" to claim {e.other_id}" if e.other_id else "")
            + (f" (undo of {e.undo_of})" if e.undo_of else "")
            + (" (removed document)" if e.removed else ""),
            e.old,
            e.new,
        )
        for e in events
    )
    return table(("id", "at", "who", "change", "old", "new"), rows)


def queue_table(items: Iterable[QueueItem]) -> Table:
    """Queue items as id, status, score, document, date and text (with note and reason)."""
    rows = []
    for item in items:
        c = item.claim
        text = without_emphasis(c.text) + (f"  [note: {c.note}]" if c.note else "")
        text += f"  [{item.reason}]" if item.reason else ""
        date = (item.doc_published or item.doc_added)[:10]
        rows.append((c.id, c.status, round(c.score * 100), item.doc_title, date, text))
    return table(("id", "status", "score", "document", "date", "text"), rows)


def sentence_role(claim: Claim) -> str:
    """What the sentence is on the page, in words: "heading (level 1)", "boilerplate: a
    copyright or rights line", or "body text"."""
    if claim.is_heading:
        return f"heading (level {claim.heading_level})"
    if claim.is_boilerplate:
        return "boilerplate: " + BOILERPLATE_CLASSES.get(claim.boilerplate, claim.boilerplate)
    return "body text"


def show_claim(
    claim: Claim,
    doc_title: str,
    document: Document | None = None,
    location: str = "",
    origin: str = "",
) -> Table:
    """One claim with its features, as a two-column table: its document's language and
    disclaimer, ``location`` (where it is in its document, "p. 4", "at 00:03:12", when the
    document has pages or cues) and ``origin`` (how the document came in, :func:`origin_line`)."""
    figures = "; ".join(
        " ".join(
            p for p in (f.text, f"= {f.value:g}", f.qualifier and f"({f.qualifier})", f.counts) if p
        )
        for f in claim.numbers
    )
    dates = "; ".join(f"{d.text} = {d.value}" if d.value else d.text for d in claim.dates)
    rows = [
        ("claim", claim.id),
        ("document", f"{claim.doc_id}: {doc_title}"),
        *([("from", origin)] if origin else []),
        *([("where", location)] if location else []),
        *_document_rows(document),
        ("offsets", f"{claim.start}-{claim.end}"),
        ("text", claim.text),
        ("status", f"{claim.status} (version {claim.status_version})"),
        ("note", f"{claim.note} (version {claim.note_version})" if claim.note else ""),
        ("is claim", "yes" if claim.is_claim else "no (sentence)"),
        ("on the page", sentence_role(claim)),
        ("score", f"{round(claim.score * 100)} of 100"),
        ("kind", claim.kind),
        ("attributed to", claim.source),
        ("cue", claim.cue),
        ("hedge", claim.hedge),
        ("figures", figures),
        ("dates", dates),
        ("entities", ", ".join(claim.entities)),
    ]
    return table(("field", "value"), rows, show_header=False)


def origin_line(origin: DocumentOrigin) -> str:
    """How a document came in, in a few words: ``pdf by Ministry; attached to document 4``.

    >>> origin_line(DocumentOrigin(7, kind="html", fetched="2024-12-19T08:00:00+00:00"))
    'html, fetched 2024-12-19T08:00:00+00:00'
    """
    parts = [origin.kind + (f" by {origin.author}" if origin.author else "")]
    if origin.fetched:
        parts.append(f"fetched {origin.fetched}")
    if origin.feed:
        parts.append(f"from the feed {origin.feed}")
    if origin.parent_id is not None:
        parts.append(f"attached to document {origin.parent_id}")
    if origin.attachment_ids:
        parts.append("attachments: " + ", ".join(f"document {i}" for i in origin.attachment_ids))
    return ", ".join(p for p in parts if p)


def _document_rows(document: Document | None) -> list[tuple[str, str]]:
    """The document's language (and why it has no claims) and its disclaimer, when known."""
    if document is None:
        return []
    rows = [("language", f"{language_name(document.language)} ({document.language or '-'})")]
    if extraction_note(document.language):
        rows.append(("claims", extraction_note(document.language)))
    if document.disclaimer:
        rows.append(("disclaimer", document.disclaimer))
    return rows


def progress_bar(label: str) -> Progress:
    """A bar on standard error for a long command (hidden when that is not a terminal).

    >>> with progress_bar("checking claims") as bar:
    ...     task = bar.add_task("work", total=None)
    """
    err = console(stderr=True)
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
