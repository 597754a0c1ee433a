"""The database core: connections, schema migrations, row mapping and the document tables.

Everything that knows SQL about documents and sentences lives here; the
:class:`~claimdesk.store.Store` facade sits above it.

    >>> from claimdesk.store.database import connect, migrate
    >>> db = connect(":memory:")
    >>> migrate(db)
    >>> "claims" in db.table_names()
    True
"""

from claimdesk.store.database.connections import BUSY_TIMEOUT_MS, Connections, connect
from claimdesk.store.database.row_mapping import claim_from_row, document_from_row, event_from_row
from claimdesk.store.database.schema import migrate

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Connections",
    "claim_from_row",
    "connect",
    "document_from_row",
    "event_from_row",
    "migrate",
]
