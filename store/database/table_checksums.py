"""A checksum of a table's content that reads the same on SQLite and PostgreSQL.

Each row is written out canonically (columns in name order; a whole number the same
whether the database returned ``1``, ``1.0`` or ``True``; text as its UTF-8 bytes) and
hashed; the table's checksum is the sum of its rows' hashes modulo 2**256. A sum does
not depend on the order the rows come back in, so neither side needs to sort (the two
backends order text differently), and unlike an exclusive-or it still counts a row
that appears twice.

    >>> a = TableDigest()
    >>> a.add((1, "Flood", None, 0.5))
    >>> a.add((2, "Fire", 3.0, True))
    >>> b = TableDigest()
    >>> b.add((2, "Fire", 3, 1))
    >>> b.add((1, "Flood", None, 0.5))
    >>> (a.rows, a.hexdigest()) == (b.rows, b.hexdigest())
    True
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

MODULUS = 1 << 256
EXACT_FLOAT_LIMIT = 1 << 53
"""Whole floats below this are exact and written as integers (``3.0`` as ``3``)."""


def encode_value(value: object) -> bytes:
    """One value in the canonical form the checksum hashes (type tag, then the value)."""
    if value is None:
        return b"n"
    if isinstance(value, bool):
        return b"i%d" % int(value)
    if isinstance(value, int):
        return b"i%d" % value
    if isinstance(value, (float, Decimal)):
        number = float(value)
        if math.isfinite(number) and number.is_integer() and abs(number) < EXACT_FLOAT_LIMIT:
            return b"i%d" % int(number)
        return b"f" + repr(number).encode()
    if isinstance(value, str):
        raw = value.encode("utf-8", "surrogatepass")
        return b"s%d:" % len(raw) + raw
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        return b"b%d:" % len(raw) + raw
    if isinstance(value, (datetime, date)):
        text = value.isoformat().encode()
        return b"s%d:" % len(text) + text
    text = str(value).encode("utf-8", "surrogatepass")
    return b"s%d:" % len(text) + text


def row_hash(values: Iterable[object]) -> int:
    """The hash of one row (its values in the canonical column order) as an integer.

    Values are joined by NUL bytes: a number or ``None`` holds none, and text and bytes
    carry their length, so no two rows join to the same bytes.
    """
    parts = []
    for value in values:
        # the common cases inline (this runs for every row of every table), the rest apart
        if isinstance(value, str):
            raw = value.encode("utf-8", "surrogatepass")
            parts.append(b"s%d:%s" % (len(raw), raw))
        elif isinstance(value, int) and not isinstance(value, bool):
            parts.append(b"i%d" % value)
        elif value is None:
            parts.append(b"n")
        else:
            parts.append(encode_value(value))
    return int.from_bytes(hashlib.sha256(b"\x00".join(parts)).digest(), "big")


class TableDigest:
    """Rows added one at a time; how many there were and their order-free checksum."""

    def __init__(self) -> None:
        self.rows = 0
        self._sum = 0

    def add(self, values: Iterable[object]) -> None:
        """Count one row and add its hash."""
        self.rows += 1
        self._sum = (self._sum + row_hash(values)) % MODULUS

    def add_all(self, rows: Iterable[Iterable[object]]) -> None:
        """Add every row of ``rows``."""
        for row in rows:
            self.add(row)

    def hexdigest(self) -> str:
        """The checksum as 64 hexadecimal digits."""
        return f"{self._sum:064x}"
