"""PostgreSQL failures in the store's terms: a refused privilege is a read-only store, a lost
server a busy or unreachable one, a serialization failure a conflict to try again.

psycopg is imported only when it is installed (the ``desk`` extra).
"""

from __future__ import annotations

from claimdesk.store.errors import ReadOnlyStoreError, StoreBusyError, StoreError


def driver_errors() -> tuple[type[BaseException], ...]:
    """The base class of psycopg's errors, when psycopg is installed."""
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.Error,)


def desk_error(exc: BaseException, where: str) -> StoreError | None:
    """The :class:`StoreError` that the psycopg error ``exc`` means, or ``None``."""
    try:
        from psycopg import errors
    except ImportError:
        return None
    if isinstance(exc, errors.InsufficientPrivilege):
        return ReadOnlyStoreError(
            f"your database role may not change this store ({where}): ask the desk's"
            " administrator for write access"
        )
    if isinstance(exc, errors.ReadOnlySqlTransaction):
        return ReadOnlyStoreError(
            f"the store's server is read-only, changes cannot be saved: {where}"
        )
    if isinstance(
        exc, (errors.LockNotAvailable, errors.SerializationFailure, errors.DeadlockDetected)
    ):
        return StoreBusyError("the store is busy: another change held it too long; try again")
    if isinstance(exc, errors.OperationalError):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StoreError(f"cannot reach the store's server ({where}): {first}")
    return None
