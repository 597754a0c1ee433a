"""claimdesk's store: SQLite storage, ingest, claim extraction, search, review and matching.

Nothing here imports the user interface.

    >>> from claimdesk.store import Store
    >>> Store.open(":memory:").summary().documents
    0
"""

from claimdesk.store.models import (
    STATUSES,
    AddResult,
    ChangedSinceError,
    ChangePosition,
    Claim,
    DateMention,
    Document,
    Event,
    Figure,
    NotFoundError,
    QueueItem,
    QueuePage,
    SearchHit,
    StoreChanges,
    StoreSummary,
    UnknownStatusError,
)
from claimdesk.store.review_queue import QueueQuery
from claimdesk.store.store import Store

__all__ = [
    "STATUSES",
    "AddResult",
    "ChangePosition",
    "ChangedSinceError",
    "Claim",
    "DateMention",
    "Document",
    "Event",
    "Figure",
    "NotFoundError",
    "QueueItem",
    "QueuePage",
    "QueueQuery",
    "SearchHit",
    "Store",
    "StoreChanges",
    "StoreSummary",
    "UnknownStatusError",
]
