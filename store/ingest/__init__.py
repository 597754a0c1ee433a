"""Getting material in: reading files, bytes and URLs (text, HTML, PDF, Word, OpenDocument,
e-mail, subtitles; chosen by content first), decoding and mojibake repair, front matter,
following feeds, and the writer that stores parsed documents a batch per transaction.

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
