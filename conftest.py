"""Test collection for the whole tree: every docstring example in ``store/``, ``tui/`` and
``benchmarks/`` runs with the tests, except in modules whose optional dependencies (the
``train`` extra) are not installed."""

from __future__ import annotations

import importlib.util

OPTIONAL = {"store/training.py": "scipy"}
"""Modules that import an optional package at the top, and that package."""

collect_ignore = [
    path for path, package in OPTIONAL.items() if not importlib.util.find_spec(package)
]
