"""Shared fixtures: throwaway stores and a local web server."""

from __future__ import annotations

import pytest

from claimdesk.store import Store


@pytest.fixture
def store(tmp_path) -> Store:
    """An empty store in a temporary file."""
    s = Store.open(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def web():
    """A web server on 127.0.0.1 serving what the test puts on it (never the internet)."""
    from tests.local_web import LocalWeb

    server = LocalWeb()
    yield server
    server.close()


@pytest.fixture(scope="session")
def postgres_server():
    """One throwaway PostgreSQL server for the whole run (skipped where none can start)."""
    from tests.postgres_server import LocalPostgres, why_unavailable

    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    server = LocalPostgres()
    yield server
    server.close()


@pytest.fixture
def pg_dsn(postgres_server, request) -> str:
    """The URL of a fresh, empty database on the test server."""
    import re
    import secrets

    stem = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40]
    return postgres_server.create_database(f"t_{stem}_{secrets.token_hex(3)}")
