"""What can go wrong with a store, as errors that say it in one line a reader understands.

SQLite reports a full disk, a read-only file, a busy writer or a damaged file
as codes and terse messages ("disk I/O error", "database disk image is
malformed"); :func:`store_error` turns them into the errors below, which every
command and the reader show as they are.

    >>> import sqlite3
    >>> str(store_error(sqlite3.DatabaseError("database disk image is malformed"), "news.db"))
    'the store is damaged; run claimdesk check'
    >>> store_error(ValueError("x"), "news.db") is None
    True
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from claimdesk.store.models import NotFoundError

DAMAGED = "the store is damaged; run claimdesk check"
"""What any command says when it reaches a damaged part of the store."""

LOW_SPACE_BYTES = 16 * 1024 * 1024
"""Free space below this, when a write fails with an I/O error, means the disk is full."""


class StoreError(RuntimeError):
    """A store that cannot be used as asked; the message is one line for the reader."""


class StoreDamagedError(StoreError):
    """The file is damaged (a page overwritten, truncated, not a database)."""

    def __init__(self, message: str = DAMAGED):
        super().__init__(message)


class NewerStoreError(StoreError):
    """The store was written by a newer claimdesk than this one."""


class ReadOnlyStoreError(StoreError):
    """The store can be read but not changed (a read-only file or folder)."""


class DiskFullError(StoreError):
    """A write failed because the store's disk has no space left."""


class StoreBusyError(StoreError):
    """Another process held the store's write lock for longer than the busy timeout."""


class VersionConflictError(StoreError):
    """A note or status was changed by someone else since the version the writer saw.

    ``theirs`` is the value stored now (``version``, by ``actor`` at ``at``);
    ``yours`` the value that was not saved over it.
    """

    def __init__(
        self,
        *,
        what: str,
        expected: int,
        version: int,
        theirs: str,
        yours: str,
        actor: str = "",
        at: str = "",
    ):
        by = f" by {actor}" if actor else ""
        when = f" at {at.replace('T', ' ')[:16]}" if at else ""
        super().__init__(
            f"not saved: the {what} changed{by}{when} (version {version}, you had version"
            f" {expected})"
        )
        self.what = what
        self.expected = expected
        self.version = version
        self.theirs = theirs
        self.yours = yours
        self.actor = actor
        self.at = at


def _code(exc: BaseException) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def free_bytes(path: str) -> int | None:
    """Free space for an unprivileged writer on the drive holding ``path`` (``None``: unknown)."""
    if not path or path.startswith("file:") or path == ":memory:":
        return None
    folder = Path(path).expanduser().absolute().parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def store_error(exc: BaseException, path: str) -> StoreError | None:
    """The :class:`StoreError` that ``exc`` (an SQLite or OS error) means, or ``None``.

    A write that fails with an I/O error while the drive has (almost) no space
    left is a full disk: SQLite reports a full disk as "disk I/O error" when
    the write that failed was to its shared-memory index rather than the file.
    """
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
        return DiskFullError(f"disk full: no space left for {path}")
    if not isinstance(exc, sqlite3.Error):
        return None
    code, text = _code(exc), str(exc).lower()
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return StoreDamagedError()
    if "file is not a database" in text:
        return StoreDamagedError()
    if code == "SQLITE_FULL" or "disk is full" in text:
        return DiskFullError(f"disk full: no space left for {path}")
    if code.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        free = free_bytes(path)
        if free is not None and free < LOW_SPACE_BYTES:
            return DiskFullError(f"disk full: {free // 1024:,} KB left on the drive of {path}")
        return None
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return ReadOnlyStoreError(f"the store is read-only, changes cannot be saved: {path}")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StoreBusyError(
            "the store is busy: another claimdesk held it too long; try again in a moment"
        )
    return None


__all__ = [
    "DAMAGED",
    "DiskFullError",
    "NewerStoreError",
    "NotFoundError",
    "ReadOnlyStoreError",
    "StoreBusyError",
    "StoreDamagedError",
    "StoreError",
    "VersionConflictError",
    "store_error",
]
