"""claimdesk's store: SQLite storage, ingest, claim extraction, search, review and matching.

Nothing here imports the user interface.

    >>> from store import Store
    >>> Store.open(":memory:").summary().documents
    0
"""

from .models import (
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
from .store import Store

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
