"""What the command palette can export: each format of one document, of the claims pane's
status filter across the store, or of the whole store, and the file it suggests.

>>> from claimdesk.tui.filters import ClaimFilter
>>> [s.label for s in export_scopes("csv", None, ClaimFilter(status="false"))]
['claims flagged false in the whole store', "the store's flagged and noted claims"]
>>> default_export_path(Path("/tmp"), "csv", export_scopes("csv", 3, ClaimFilter())[0], "20260101-0900")
PosixPath('/tmp/claimdesk-csv-doc3-20260101-0900.csv')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimdesk.store.exports import Selection
from claimdesk.tui.filters import ClaimFilter

FORMAT_LABELS: dict[str, str] = {
    "markdown": "Markdown dossier",
    "claimreview": "ClaimReview JSON-LD (reviewed claims)",
    "annotations": "Web Annotations JSON-LD (notes and flags)",
    "csv": "CSV (one row a claim)",
}
"""How the palette names each export format."""

EXPORT_SUFFIXES: dict[str, str] = {
    "claimreview": "json",
    "annotations": "jsonld",
    "csv": "csv",
    "markdown": "md",
}
"""The file extension of each export format.

>>> from claimdesk.store.exports import FORMATS
>>> set(FORMAT_LABELS) == set(FORMATS) == set(EXPORT_SUFFIXES)
True
"""


@dataclass(frozen=True)
class ExportScope:
    """Which claims an export holds: ``label`` says it, ``slug`` goes in the file name."""

    label: str
    slug: str
    selection: Selection


def filter_label(claim_filter: ClaimFilter) -> str:
    """What a status / notes filter picks, in words.

    >>> filter_label(ClaimFilter(status="false", with_notes=True))
    'claims flagged false with notes'
    """
    parts = ["claims"]
    if claim_filter.status:
        parts.append(f"flagged {claim_filter.status}")
    if claim_filter.with_notes:
        parts.append("with notes")
    return " ".join(parts)


def export_scopes(kind: str, doc_id: int | None, claim_filter: ClaimFilter) -> list[ExportScope]:
    """The scopes offered for format ``kind``: the open document (``doc_id``; a dossier holds
    every claim, the other formats the reviewed or noted ones), the filter's status and
    notes across the store (when the filter sets them), and the store's reviewed or noted
    claims."""
    scopes = []
    if doc_id is not None:
        everything = kind == "markdown"
        scopes.append(
            ExportScope("this document", f"doc{doc_id}", Selection(doc_id, everything=everything))
        )
    if claim_filter.status or claim_filter.with_notes:
        slug = "-".join(
            p for p in (claim_filter.status, "notes" if claim_filter.with_notes else "") if p
        )
        selection = Selection(status=claim_filter.status, notes=claim_filter.with_notes)
        scopes.append(
            ExportScope(f"{filter_label(claim_filter)} in the whole store", slug, selection)
        )
    scopes.append(ExportScope("the store's flagged and noted claims", "store", Selection()))
    return scopes


def default_export_path(folder: Path, kind: str, scope: ExportScope, stamp: str) -> Path:
    """The file the export dialog suggests: ``claimdesk-<format>-<scope>-<stamp>.<ext>``."""
    return folder / f"claimdesk-{kind}-{scope.slug}-{stamp}.{EXPORT_SUFFIXES[kind]}"
