"""Reviewed claims as schema.org ClaimReview JSON-LD, in a ``DataFeed`` (what fact-check feeds publish).

Only claims with a verdict are exported (``needs-check`` and ``unreviewed`` are not
reviews). Each status is a ``Rating`` on a 1-5 scale (:data:`RATING_SCALE`), with the
status's name as ``alternateName``; ``unverifiable`` has no place on a scale of truth
and carries its name only. The reviewer is the configured organisation (else the
person who set the status); ``itemReviewed`` is the ``Claim``: its author is the
source the claim is attributed to (else the document's outlet), its
``datePublished`` the document's and its ``appearance`` the document (URL, or its
URN when it has none). The desk's note becomes ``reviewBody``.

The terms used are those of the schema.org context shipped beside this module
(``contexts/schemaorg-context.json``); the tests expand every export with a JSON-LD
processor against it.

>>> from claimdesk.store import Store
>>> from claimdesk.store.exports.selection import Selection, select
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Officials said 40 people died in the flood.", title="Flood")
>>> _ = store.set_status(store.claims()[0].id, "false")
>>> feed = claimreview_feed(select(store, Selection()), Organisation(name="Harbour Desk"))
>>> review = feed["dataFeedElement"][0]["item"]
>>> review["reviewRating"]["alternateName"], review["reviewRating"]["ratingValue"]
('False', 1)
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from claimdesk.store.database.documents import now_iso
from claimdesk.store.exports.publisher import Organisation, document_urn
from claimdesk.store.exports.selection import ExportItem

BEST_RATING = 5
"""The top of the rating scale (``verified``)."""

WORST_RATING = 1
"""The bottom of the rating scale (``false``)."""

RATING_SCALE: dict[str, tuple[int | None, str]] = {
    "verified": (5, "True"),
    "disputed": (3, "Disputed"),
    "misleading": (2, "Misleading"),
    "false": (1, "False"),
    "unverifiable": (None, "Unverifiable"),
}
"""Each verdict as ``(ratingValue, alternateName)``: 5 true, 3 disputed, 2 misleading, 1 false
(4 is not used: claimdesk has no "mostly true"); ``unverifiable`` has no value."""

CONTEXT_URL = "https://schema.org"
"""The ``@context`` of every ClaimReview export."""

_ORGANISATION_WORDS = frozenset(
    [
        "ministry",
        "agency",
        "office",
        "intelligence",
        "police",
        "army",
        "military",
        "government",
        "department",
        "council",
        "committee",
        "service",
        "services",
        "news",
        "media",
        "agency",
        "organisation",
        "organization",
        "institute",
        "bureau",
        "command",
        "forces",
        "staff",
        "authority",
        "authorities",
        "company",
        "corporation",
        "group",
        "university",
        "court",
        "commission",
        "party",
        "embassy",
        "newspaper",
        "channel",
        "network",
        "press",
        "association",
    ]
)


def schemaorg_context() -> dict[str, Any]:
    """The schema.org JSON-LD context shipped with claimdesk (the terms exports use)."""
    path = resources.files("claimdesk.store.exports.contexts").joinpath("schemaorg-context.json")
    context: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return context


def _agent(name: str) -> dict[str, str]:
    """``name`` as a Person, or an Organization when it says it is one ("the health ministry")."""
    words = {w.strip(".,'’").lower() for w in name.split()}
    kind = "Organization" if words & _ORGANISATION_WORDS or len(words) > 4 else "Person"
    return {"@type": kind, "name": name}


def _date(value: str) -> str:
    return value[:10] if len(value) >= 10 and value[4:5] == "-" else value


def claim_review(item: ExportItem, organisation: Organisation) -> dict[str, Any] | None:
    """One reviewed claim as a ClaimReview object (``None`` for a claim without a verdict)."""
    claim, document = item.claim, item.document
    if claim.status not in RATING_SCALE:
        return None
    value, label = RATING_SCALE[claim.status]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    if organisation.name:
        author: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
        if organisation.url:
            author["url"] = organisation.url
    else:
        author = {"@type": "Person", "name": item.status_change.actor if item.status_change else ""}
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": document.url or document_urn(document.sha256),
    }
    if document.title:
        appearance["headline"] = document.title
    if document.source:
        appearance["publisher"] = {"@type": "Organization", "name": document.source}
    reviewed: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    said_by = claim.source or document.source
    if said_by:
        reviewed["author"] = (
            _agent(said_by) if claim.source else {"@type": "Organization", "name": said_by}
        )
    if document.published:
        reviewed["datePublished"] = _date(document.published)
    url = organisation.review_url_of(document.sha256, claim.start, claim.end, claim.id)
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": url,
        "url": url,
        "claimReviewed": claim.text,
        "author": author,
        "reviewRating": rating,
        "itemReviewed": reviewed,
    }
    if item.status_change:
        review["datePublished"] = _date(item.status_change.at)
    if claim.note:
        review["reviewBody"] = claim.note
    return review


def claimreview_feed(items: list[ExportItem], organisation: Organisation) -> dict[str, Any]:
    """Every reviewed claim of ``items`` as ClaimReviews in a schema.org ``DataFeed``."""
    reviews = [r for r in (claim_review(i, organisation) for i in items) if r is not None]
    return {
        "@context": CONTEXT_URL,
        "@type": "DataFeed",
        "dateModified": now_iso(),
        "dataFeedElement": [
            {"@type": "DataFeedItem", "dateCreated": r.get("datePublished", ""), "item": r}
            if r.get("datePublished")
            else {"@type": "DataFeedItem", "item": r}
            for r in reviews
        ],
    }
