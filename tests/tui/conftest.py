"""Fixtures for the reader's tests: a small fixed store and an app over it."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from textual.worker import WorkerCancelled

from claimdesk.store import Store
from claimdesk.tui.factory import create_app

REPORTS = [
    (
        "Border clash report",
        "Wire service",
        "2024-12-27",
        "Officials said 100 soldiers were killed near Kursk on Monday.\n\n"
        "Why does this matter?\n\n"
        "The ministry reported that 12 villages were evacuated by Tuesday.\n\n"
        "Witnesses said 40 tanks crossed the river at dawn.",
    ),
    (
        "Second account of the clash",
        "Daily paper",
        "2024-12-28",
        "Ukraine said 3,000 soldiers were killed near Kursk on Monday.\n\n"
        "Reporters could not reach the area.\n\n"
        "The governor said 12 villages were evacuated by Tuesday.",
    ),
    (
        "Unrelated market news",
        "Business desk",
        "2024-12-29",
        "The central bank raised interest rates by 0.5 percent in March.\n\n"
        "Analysts expect inflation of 4 percent next year.",
    ),
]
"""Fixed documents: the first two report the same events with different figures."""


def fill(store: Store) -> list[int]:
    """Add :data:`REPORTS` to ``store``; returns the document ids."""
    ids = []
    for title, source, published, text in REPORTS:
        result = store.add_text(text, title=title, source=source, published=published)
        ids.append(result.doc_id)
    return ids


@pytest.fixture
def filled_store(store) -> Store:
    """The shared ``store`` fixture with :data:`REPORTS` added."""
    fill(store)
    return store


def make_app(store: Store, **options):
    """The reader over ``store`` without user config or remembered places."""
    options.setdefault("config_path", None)
    options.setdefault("remember_places", False)
    return create_app(store, **options)


def read_only_store(tmp_path) -> Store:
    """A filled store opened read-only, as a store in a read-only folder opens."""
    path = tmp_path / "ro.db"
    writable = Store.open(path)
    fill(writable)
    writable.close()
    return Store(path, mode="ro")


async def settle(pilot) -> None:
    """Wait until no worker is running and every message has been handled."""
    for _ in range(50):
        with contextlib.suppress(WorkerCancelled):  # a newer request replaced it: wait on
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()
            if not any(w.is_running for w in pilot.app.workers):
                return
    raise AssertionError("workers did not settle")


def rendered_text(widget) -> str:
    """What ``widget`` shows on screen now, as plain lines."""
    lines = widget.render_lines(widget.region.reset_offset)
    return "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)


async def wait_until(pilot, condition, timeout: float = 30.0) -> None:
    """Let the app run until ``condition()`` holds (for what no worker announces, such as
    another process's write being noticed); fails after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the reader never showed it")
        await pilot.pause(0.02)
