"""Notes and flags as W3C Web Annotations (JSON-LD), in an ``AnnotationCollection``.

Each claim's note is a ``commenting`` annotation whose body is the note; a verdict
(verified, false, misleading, disputed, unverifiable) is an ``assessing`` annotation
and ``needs-check`` a ``tagging`` one, the status as the body. The target is the
claim's span in its document: the document's URL (or ``urn:claimdesk:doc:<sha256>``
when it has none) with a ``TextQuoteSelector`` (exact text, :data:`CONTEXT_CHARS`
characters of prefix and suffix) and a ``TextPositionSelector`` (code point offsets
into the stored text). ``creator`` and ``created`` are who made the change and when.
Importing the file back (:mod:`claimdesk.store.exports.annotation_import`) re-attaches
each annotation by quote and position.

>>> from claimdesk.store import Store
>>> from claimdesk.store.exports.selection import Selection, select
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Officials said 40 people died. The bridge closed.", title="Flood")
>>> _ = store.set_note(store.claims()[0].id, "Ask the ministry.")
>>> page = annotation_collection(select(store, Selection()))["first"]
>>> [(a["motivation"], a["body"]["value"]) for a in page["items"]]
[('commenting', 'Ask the ministry.')]
>>> page["items"][0]["target"]["selector"][0]["exact"]
'Officials said 40 people died.'
"""

from __future__ import annotations

import hashlib
from typing import Any

from claimdesk.store.database.documents import now_iso
from claimdesk.store.exports.publisher import document_urn
from claimdesk.store.exports.selection import Change, ExportItem

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
"""The Web Annotation JSON-LD context."""

CONTEXT_CHARS = 32
"""How many characters of the document before and after the claim the quote selector keeps."""

VERDICTS = frozenset({"verified", "false", "misleading", "disputed", "unverifiable"})
"""Statuses exported as ``assessing``; ``needs-check`` is ``tagging``."""

COLLECTION_ID = "urn:claimdesk:annotations"
"""The id prefix of an exported collection (a hash of its content follows)."""


def target_source(item: ExportItem) -> str:
    """The annotated resource: the document's URL, else its URN."""
    return item.document.url or document_urn(item.document.sha256)


def _iso_z(at: str) -> str:
    """An ISO time as the spec's UTC form (``2026-01-02T03:04:05Z``)."""
    if at.endswith("+00:00"):
        return at[: -len("+00:00")] + "Z"
    return at


def _target(item: ExportItem) -> dict[str, Any]:
    claim, text = item.claim, item.document.text or ""
    return {
        "source": target_source(item),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": claim.text,
                "prefix": text[max(0, claim.start - CONTEXT_CHARS) : claim.start],
                "suffix": text[claim.end : claim.end + CONTEXT_CHARS],
            },
            {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
        ],
    }


def _annotation(
    item: ExportItem, motivation: str, value: str, change: Change | None
) -> dict[str, Any]:
    claim = item.claim
    ident = f"{item.document.sha256}:{claim.start}-{claim.end}:{motivation}"
    annotation: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": f"urn:claimdesk:annotation:{hashlib.sha256(ident.encode()).hexdigest()[:32]}",
        "type": "Annotation",
        "motivation": motivation,
        "body": {
            "type": "TextualBody",
            "value": value,
            "format": "text/plain",
            "purpose": motivation,
        },
        "target": _target(item),
    }
    if change is not None:
        if change.actor:
            annotation["creator"] = {"type": "Person", "nickname": change.actor}
        annotation["created"] = _iso_z(change.at)
    return annotation


def annotations_of(item: ExportItem) -> list[dict[str, Any]]:
    """The annotations of one claim: its verdict or tag, then its note."""
    claim = item.claim
    out = []
    if claim.status in VERDICTS:
        out.append(_annotation(item, "assessing", claim.status, item.status_change))
    elif claim.status == "needs-check":
        out.append(_annotation(item, "tagging", claim.status, item.status_change))
    if claim.note:
        out.append(_annotation(item, "commenting", claim.note, item.note_change))
    return out


def annotation_collection(items: list[ExportItem], label: str = "") -> dict[str, Any]:
    """Every note and flag of ``items`` as one ``AnnotationCollection`` with one page."""
    annotations = [a for item in items for a in annotations_of(item)]
    digest = hashlib.sha256("".join(a["id"] for a in annotations).encode()).hexdigest()[:16]
    collection_id = f"{COLLECTION_ID}:{digest}"
    return {
        "@context": ANNO_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label or "claimdesk notes and flags",
        "total": len(annotations),
        "created": _iso_z(now_iso()),
        "first": {
            "id": f"{collection_id}:page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": annotations,
        },
    }
