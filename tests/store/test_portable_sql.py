"""The store's SQL is written once for both backends: SQLite-only forms stay in the modules
that only SQLite runs (its schema, health checks, connections, change watcher, FTS5 index);
PostgreSQL's own SQL stays in ``database/postgres/``."""

from __future__ import annotations

import re
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "store"

SQLITE_ONLY_MODULES = {
    "database/schema.py",
    "database/health.py",
    "database/connections.py",
    "database/dialect.py",
    "changes.py",
    "search/fts5_index.py",
    "evaluation/retrieve.py",
}
"""Modules that run on SQLite stores only (or say how SQLite differs)."""

SQLITE_ONLY_SQL = re.compile(
    r"sqlite_master|sqlite_sequence|PRAGMA |\bGLOB '|group_concat\(|\binstr\(|INSERT OR "
    r"|\.lastrowid|COLLATE NOCASE|(?-i:\bIS NOT (?!NULL|TRUE|FALSE|DISTINCT)\w)",
    re.I,
)


def code_lines(path: Path) -> list[tuple[int, str]]:
    """The module's lines other than doctest examples (those run on SQLite)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (n, line) for n, line in enumerate(lines, 1) if not line.lstrip().startswith((">>>", "..."))
    ]


def test_sqlite_only_sql_stays_in_sqlite_only_modules():
    found = [
        f"{path.relative_to(STORE)}:{n}: {line.strip()}"
        for path in sorted(STORE.rglob("*.py"))
        if path.relative_to(STORE).as_posix() not in SQLITE_ONLY_MODULES
        and "postgres" not in path.relative_to(STORE).parts
        for n, line in code_lines(path)
        if SQLITE_ONLY_SQL.search(line)
    ]
    assert found == []


def test_the_pattern_finds_what_it_is_for():
    for sql in (
        "SELECT name FROM sqlite_master",
        "INSERT OR IGNORE INTO aliases (alias) VALUES (?)",
        "WHERE text GLOB '*[0-9]*'",
        "SELECT group_concat(rowid) FROM claims_fts",
        "cur.lastrowid",
        "WHERE old.norm IS NOT new.norm",
    ):
        assert SQLITE_ONLY_SQL.search(sql), sql
    for sql in ("WHERE replaced_by IS NOT NULL", "INSERT INTO t VALUES (?) ON CONFLICT DO NOTHING"):
        assert not SQLITE_ONLY_SQL.search(sql), sql
