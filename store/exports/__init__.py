"""The desk's work going out, and coming back: ClaimReview, Web Annotations, CSV, Markdown.

:func:`~claimdesk.store.exports.selection.select` picks the claims (the whole store,
one document, a status, claims with notes, changes since a date); each format
module turns them into text: :mod:`claimreview_export` (schema.org ClaimReview
JSON-LD), :mod:`annotation_export` (W3C Web Annotation JSON-LD),
:mod:`csv_export` and :mod:`markdown_dossier`. :mod:`annotation_import` re-attaches
exported annotations to a store holding the same documents.

    >>> from claimdesk.store import Store
    >>> from claimdesk.store.exports import Selection, export_text
    >>> store = Store.open(":memory:")
    >>> export_text(store, "csv", Selection()).splitlines()[0][:24]
    'doc_id,document,source,u'
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from claimdesk.store.exports.annotation_export import annotation_collection
from claimdesk.store.exports.annotation_import import ImportOutcome, import_annotations
from claimdesk.store.exports.claimreview_export import claimreview_feed
from claimdesk.store.exports.csv_export import claims_csv
from claimdesk.store.exports.markdown_dossier import dossier
from claimdesk.store.exports.publisher import Organisation
from claimdesk.store.exports.selection import Selection, select

if TYPE_CHECKING:  # the Store imports this module to call it
    from claimdesk.store.store import Store

FORMATS = ("claimreview", "annotations", "csv", "markdown")
"""Every export format."""


def export_text(
    store: Store,
    kind: str,
    selection: Selection,
    *,
    organisation: Organisation | None = None,
    bom: bool = False,
    by: str = "document",
    title: str = "",
) -> str:
    """The export of ``selection`` in format ``kind`` (one of :data:`FORMATS`), as text."""
    if kind not in FORMATS:
        raise ValueError(f"unknown export format {kind!r}; choose one of: {', '.join(FORMATS)}")
    items = select(store, selection)
    if kind == "claimreview":
        feed = claimreview_feed(items, organisation or Organisation())
        return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
    if kind == "annotations":
        collection = annotation_collection(items, label=title)
        return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
    if kind == "csv":
        return claims_csv(store, items, bom=bom)
    return dossier(store, items, by=by, title=title)


__all__ = [
    "FORMATS",
    "ImportOutcome",
    "Organisation",
    "Selection",
    "export_text",
    "import_annotations",
    "select",
]
