"""claimdesk's store: SQLite storage, ingest, claim extraction, search, review and matching.

Nothing here imports the user interface.

    >>> from claimdesk.store import Store
    >>> Store.open(":memory:").summary().documents
    0
"""

from claimdesk.store.models import (
    STATUSES,
    AddResult,
    Claim,
    DateMention,
    Document,
    Event,
    Figure,
    NotFoundError,
    SearchHit,
    StoreSummary,
    UnknownStatusError,
)
from claimdesk.store.store import Store

__all__ = [
    "STATUSES",
    "AddResult",
    "Claim",
    "DateMention",
    "Document",
    "Event",
    "Figure",
    "NotFoundError",
    "SearchHit",
    "Store",
    "StoreSummary",
    "UnknownStatusError",
]
