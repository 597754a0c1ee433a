"""Shared fixtures: throwaway stores and a local web server."""

from __future__ import annotations

import os

import pytest

from claimdesk.store import Store

REQUIRE_POSTGRES_ENV = "CLAIMDESK_REQUIRE_POSTGRES"
"""Set (CI does) to fail, rather than skip, the PostgreSQL tests where no server can start."""

BACKENDS = ("sqlite", "postgresql")
"""The store backends a backend-neutral test runs on."""


def store_location_for(backend: str, tmp_path, request) -> str:
    """Where an empty store on ``backend`` opens: a temporary SQLite file, or a fresh
    PostgreSQL database on the session's test server (skipped, with the reason, where none
    can start)."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_store_dsn")
    return str(tmp_path / "test.db")


def open_test_store(backend: str, tmp_path, request) -> Store:
    """An empty store on ``backend`` (see :func:`store_location_for`)."""
    return Store.open(store_location_for(backend, tmp_path, request))


@pytest.fixture
def store(tmp_path) -> Store:
    """An empty store in a temporary file."""
    s = Store.open(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def any_store(request, tmp_path) -> Store:
    """An empty store, once on SQLite and once on PostgreSQL."""
    s = open_test_store(request.param, tmp_path, request)
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
    if reason and os.environ.get(REQUIRE_POSTGRES_ENV):
        pytest.fail(f"{REQUIRE_POSTGRES_ENV} is set, but {reason}")
    if reason:
        pytest.skip(reason)
    server = LocalPostgres()
    yield server
    server.close()


def _database_name(request) -> str:
    import re
    import secrets

    stem = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40]
    return f"t_{stem}_{secrets.token_hex(3)}"


@pytest.fixture
def pg_dsn(postgres_server, request) -> str:
    """The URL of a fresh, empty database on the test server."""
    return postgres_server.create_database(_database_name(request))


STORE_TEMPLATE = "claimdesk_store_template"


@pytest.fixture(scope="session")
def pg_store_template(postgres_server) -> str:
    """The name of a database holding an empty, fully migrated store, to copy from."""
    url = postgres_server.create_database(STORE_TEMPLATE)
    Store.open(url).close()
    return STORE_TEMPLATE


@pytest.fixture
def pg_store_dsn(postgres_server, pg_store_template, request) -> str:
    """The URL of a fresh database holding an empty store (copied from a migrated template:
    the migrations take far longer than the copy)."""
    import psycopg

    name = _database_name(request)
    with psycopg.connect(postgres_server.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_store_template}"')
    return postgres_server.dsn(name)
