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
