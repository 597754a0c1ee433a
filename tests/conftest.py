"""Shared fixtures: throwaway stores."""

from __future__ import annotations

import pytest

from claimdesk.store import Store


@pytest.fixture
def store(tmp_path) -> Store:
    """An empty store in a temporary file."""
    s = Store.open(tmp_path / "test.db")
    yield s
    s.close()
