"""Getting material in: reading files and bytes, decoding, HTML, front matter, and the
writer that stores parsed documents a batch per transaction.

    >>> from claimdesk.store.ingest import parse_bytes
    >>> parse_bytes(b"---\\ntitle: Floods\\n---\\n40 died.", name="a.md").title
    'Floods'
"""

from claimdesk.store.ingest.inputs import add_bytes, add_file, add_paths, expand_inputs
from claimdesk.store.ingest.readers import (
    DEFAULT_MAX_BYTES,
    ParsedDocument,
    RefusedError,
    parse_bytes,
    read_file,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ParsedDocument",
    "RefusedError",
    "add_bytes",
    "add_file",
    "add_paths",
    "expand_inputs",
    "parse_bytes",
    "read_file",
]
