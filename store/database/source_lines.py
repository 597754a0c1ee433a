"""Boilerplate learnt from the store: lines a source prints in many of its documents.

A station's pages end with the same "Stay with WTOL 11 for the latest." and a paper's
with the same subscription pitch. When a document arrives that names its source (its
outlet, else its URL's host), each of its short lines is looked up among the lines of the
source's earlier documents; a line found in at least :data:`MIN_OTHER_DOCUMENTS` of them
is boilerplate for that source, in the new document and in those earlier ones. Earlier
documents that share most of their lines with the new one are versions of the same
story (an update, a correction), not independent pages, and do not count.

The sentences stay (offsets are the truth); they only stop being claims, and the reader
can promote them. A sentence someone has already reviewed, noted or promoted is never
changed.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> for n in (3, 4, 5):
    ...     _ = store.add_text(f"{n} people were hurt in a fire.\\nHarbour Radio has been on air since 1961.",
    ...                        source="Harbour Radio")
    >>> [(c.text, c.is_claim, c.boilerplate) for c in store.sentences(3)]
    [('5 people were hurt in a fire.', True, ''), ('Harbour Radio has been on air since 1961.', False, 'source-repeat')]
    >>> [c.boilerplate for c in store.sentences(1)]  # the earlier documents learn it too
    ['', 'source-repeat']
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from urllib.parse import urlsplit

from claimdesk.store.database.handle import Database
from claimdesk.store.database.sentence_rows import (
    BOILERPLATE,
    END,
    EXTRACTED,
    IS_CLAIM,
    ROLE,
    START,
    ClaimRow,
)

MIN_OTHER_DOCUMENTS = 2
"""A line is boilerplate when the same source printed it in at least this many other documents."""

MAX_LINE_CHARS = 200
"""Longer lines are paragraphs of a report, never a source's furniture: not recorded."""

VERSION_SHARE = 0.5
"""An earlier document sharing more than this share of the new one's lines is a version of it."""

CLASS = "source-repeat"
"""The boilerplate class of such lines (see :data:`claimdesk.store.extract.boilerplate.CLASSES`)."""

_CHUNK = 400


def source_key(source: str, url: str) -> str:
    """Who published a document, as compared across documents: its outlet, else its URL's host.

    >>> source_key("  The Daily  Ledger ", ""), source_key("", "https://www.wtol.com/story/1")
    ('the daily ledger', 'wtol.com')
    """
    if source.strip():
        return " ".join(source.lower().split())
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def line_hash(line: str) -> int:
    """A signed 64-bit hash of a stripped line (fits an SQLite integer)."""
    digest = hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def short_lines(text: str) -> list[tuple[int, int, int]]:
    """``(hash, start, end)`` of every non-blank line of at most :data:`MAX_LINE_CHARS` characters."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped and len(stripped) <= MAX_LINE_CHARS:
            start = pos + raw.index(stripped[0])
            out.append((line_hash(stripped), start, start + len(stripped)))
        pos += len(raw) + 1
    return out


def _earlier(db: Database, key: str, hashes: list[int]) -> list[tuple[int, int, int, int]]:
    """``(doc_id, hash, start, end)`` of the source's earlier lines with one of ``hashes``."""
    found: list[tuple[int, int, int, int]] = []
    for i in range(0, len(hashes), _CHUNK):
        chunk = hashes[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.extend(
            db.execute(
                'SELECT doc_id, hash, start, "end" FROM source_lines'
                f" WHERE source = ? AND hash IN ({marks})",
                [key, *chunk],
            ).fetchall()
        )
    return found


def mark_repeated_lines(
    db: Database,
    doc_id: int,
    key: str,
    text: str,
    rows: list[ClaimRow],
    pending: dict[int, list[ClaimRow]] | None = None,
) -> list[ClaimRow]:
    """Record the document's lines and return its rows with the source's repeated lines
    marked as boilerplate; the same lines of the source's earlier documents are marked too
    (in ``pending``, the rows of documents of the same batch not yet written, or in the store).

    The caller owns the transaction (the document row ``doc_id`` is already inserted).
    """
    lines = short_lines(text)
    if not key or not lines:
        return rows
    own = {h for h, _, _ in lines}
    earlier = _earlier(db, key, sorted(own))
    shared: dict[int, set[int]] = defaultdict(set)
    for other, h, _, _ in earlier:
        shared[other].add(h)
    independent = {d for d, hs in shared.items() if len(hs) <= VERSION_SHARE * len(own)}
    holders: dict[int, set[int]] = defaultdict(set)
    for other, h, _, _ in earlier:
        if other in independent:
            holders[h].add(other)
    repeated = {h for h, docs in holders.items() if len(docs) >= MIN_OTHER_DOCUMENTS}
    db.conn.executemany(
        'INSERT INTO source_lines (doc_id, source, hash, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(doc_id, key, h, s, e) for h, s, e in lines],
    )
    if not repeated:
        return rows
    pending = {} if pending is None else pending
    for other, h, s, e in earlier:
        if h not in repeated or other not in independent:
            continue
        if other in pending:
            pending[other][:] = [_demoted(r) if _within(r, [(s, e)]) else r for r in pending[other]]
        else:
            _demote_stored(db, other, s, e)
    spans = [(s, e) for h, s, e in lines if h in repeated]
    return [_demoted(row) if _within(row, spans) else row for row in rows]


def _within(row: ClaimRow, spans: list[tuple[int, int]]) -> bool:
    start, end = int(row[START]), int(row[END])
    return any(s <= start and end <= e for s, e in spans)


def _demoted(row: ClaimRow) -> ClaimRow:
    if row[BOILERPLATE]:
        return row
    values = list(row)
    values[IS_CLAIM] = values[EXTRACTED] = 0
    values[ROLE], values[BOILERPLATE] = "boilerplate", CLASS
    return tuple(values)


def _demote_stored(db: Database, doc_id: int, start: int, end: int) -> None:
    """Mark the stored sentences of one line as boilerplate, unless someone has touched them."""
    db.execute(
        "UPDATE claims SET is_claim = 0, extracted = 0, role = 'boilerplate', boilerplate = ?"
        ' WHERE doc_id = ? AND start >= ? AND "end" <= ? AND is_claim = extracted'
        " AND status = 'unreviewed' AND note = '' AND boilerplate = ''"
        " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.claim_id = claims.id)",
        [CLASS, doc_id, start, end],
    )
