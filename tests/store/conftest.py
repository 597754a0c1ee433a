"""The store's tests run on both backends: every test that takes ``store`` (or
``store_location``, to open it several times) runs once on a SQLite file and once on a
PostgreSQL database, unless marked ``sqlite_only`` (with why)."""

from __future__ import annotations

import pytest

from tests.conftest import BACKENDS, open_test_store, store_location_for


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): runs on the SQLite backend only (the reason says why)",
    )


def pytest_generate_tests(metafunc) -> None:
    if not {"store", "store_location"} & set(metafunc.fixturenames):
        return
    only = metafunc.definition.get_closest_marker("sqlite_only")
    metafunc.parametrize("backend", ["sqlite"] if only else list(BACKENDS), scope="function")


@pytest.fixture
def store(backend, tmp_path, request):
    """An empty store on ``backend`` (see the module docstring)."""
    s = open_test_store(backend, tmp_path, request)
    yield s
    s.close()


@pytest.fixture
def store_location(backend, tmp_path, request) -> str:
    """Where an empty store on ``backend`` opens: a file path, or a PostgreSQL URL."""
    return store_location_for(backend, tmp_path, request)
