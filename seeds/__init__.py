"""The demo corpus that fills a new default store, shipped as package data.

The first file is a real news report; the others are invented companion
reports by invented outlets, written as demo material (each says so).

    >>> len(seed_paths()) >= 1
    True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seed_paths() -> list[Path]:
    """The seed documents, in file-name order (works from a wheel install too)."""
    root = resources.files(__name__)
    return sorted(
        Path(str(p)) for p in root.iterdir() if p.name.endswith((".md", ".txt")) and p.is_file()
    )


def seed_store(store) -> int:
    """Add every seed document to ``store`` in one batch; returns how many were added."""
    return sum(1 for result in store.add_paths(seed_paths()) if result.added)
