"""Claims as CSV, one row a claim, for spreadsheets: UTF-8, optionally with a byte-order mark.

Columns (:data:`COLUMNS`): the document (id, title, outlet, URL, published), the
claim (id, text, attributed source, status, note), who changed it last and when,
the related claims that do not simply relate (``relation: [id] text`` by the
matcher's relation, one a line) and the known fact-checks (``reviewer: rating url``).

>>> from claimdesk.store import Store
>>> from claimdesk.store.exports.selection import Selection, select
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Officials said 40 people died in the flood.", title="Flood")
>>> _ = store.set_status(store.claims()[0].id, "needs-check")
>>> print(claims_csv(store, select(store, Selection())).splitlines()[1][:40])
1,Flood,,,,1,Officials said 40 people di
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from claimdesk.store.exports.related_lookup import surroundings
from claimdesk.store.exports.selection import ExportItem

if TYPE_CHECKING:  # the Store imports this module to call it
    from claimdesk.store.store import Store

COLUMNS = (
    "doc_id", "document", "source", "url", "published", "claim_id", "claim", "attributed_to",
    "status", "note", "who", "when", "related", "fact_checks",
)  # fmt: skip
"""The header row."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these gets a leading ``'``: spreadsheet programs would
otherwise run it as a formula (document text is data, never code)."""

BOM = "\ufeff"
"""Written first with ``bom=True``: spreadsheet programs then read the file as UTF-8."""


def cell(value: object) -> object:
    """``value`` as a safe spreadsheet cell.

    >>> cell("=HYPERLINK(1)"), cell("40 died"), cell(3)
    ("'=HYPERLINK(1)", '40 died', 3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def claims_csv(
    store: Store, items: list[ExportItem], *, bom: bool = False, related: bool = True
) -> str:
    """The CSV text of ``items`` (``related=False`` skips the related-claims lookups)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in items:
        claim, document = item.claim, item.document
        around = surroundings(store, claim.id, related=related)
        linked = [
            f"{relation}: [{hit.claim.id}] {hit.claim.text}"
            for relation, hits in around.by_relation.items()
            for hit in hits
        ]
        checks = [
            f"{k.factcheck.reviewer}: {k.factcheck.rating} {k.factcheck.url}".strip()
            for k in around.known_checks
        ]
        row = (
            document.id, document.title, document.source, document.url, document.published,
            claim.id, claim.text, claim.source, claim.status, claim.note,
            item.who, item.when, "\n".join(linked), "\n".join(checks),
        )  # fmt: skip
        writer.writerow([cell(v) for v in row])
    return (BOM if bom else "") + out.getvalue()
