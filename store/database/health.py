"""``claimdesk check``: is the store's file whole, and if not, what is damaged.

Four checks: SQLite's ``integrity_check`` (pages, tables, indexes), the claims
search index against the claims, foreign keys, and that every claim's offsets
still cut its text out of its document. Damaged pages are named by the table or
index they belong to. Indexes and the search index can be rebuilt from the
tables (:func:`repair`); damaged tables cannot.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> _ = store.add_text("Officials said 40 people died.", title="Flood")
    >>> report = check(store.db)
    >>> report.ok, report.lines()
    (True, ['integrity: ok', 'search index: ok', 'links: ok', 'claim offsets: ok (1 claims)'])
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

import sqlite_utils

from claimdesk.store.database.connections import write_transaction

_PAGE = re.compile(r"\b[Pp]age (\d+)")
_INDEX = re.compile(r"\bindex (\w+)")
_MAX_LISTED = 10


@dataclass
class CheckReport:
    """What :func:`check` found: ``results`` per check, and what is ``damaged``."""

    results: dict[str, str] = field(default_factory=dict)
    damaged: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    repairable: bool = True

    @property
    def ok(self) -> bool:
        """Whether nothing is damaged."""
        return not self.damaged

    def lines(self) -> list[str]:
        """One line per check."""
        return [f"{name}: {result}" for name, result in self.results.items()]

    def advice(self) -> str:
        """What to do about the damage."""
        if self.ok:
            return ""
        if self.repairable:
            return "indexes only: run claimdesk check --repair to rebuild them from the tables"
        return (
            "tables are damaged: restore the store from a backup, or recover what can be read"
            " with the sqlite3 shell: sqlite3 STORE .recover | sqlite3 NEW.db"
        )


def _names_of_pages(db: sqlite_utils.Database, pages: set[int]) -> list[str]:
    if not pages:
        return []
    marks = ",".join("?" * len(pages))
    try:
        rows = db.execute(
            f"SELECT DISTINCT name FROM dbstat WHERE pageno IN ({marks})", sorted(pages)
        ).fetchall()
    except sqlite3.Error:
        return [f"page {p}" for p in sorted(pages)[:_MAX_LISTED]]
    return [r[0] for r in rows] or [f"page {p}" for p in sorted(pages)[:_MAX_LISTED]]


def _kind_of(db: sqlite_utils.Database, name: str) -> str:
    try:
        row = db.execute("SELECT type FROM sqlite_master WHERE name = ?", [name]).fetchone()
    except sqlite3.Error:
        return ""
    return row[0] if row else ""


def _integrity(db: sqlite_utils.Database, report: CheckReport) -> None:
    try:
        rows = db.execute("PRAGMA integrity_check(100)").fetchall()
    except sqlite3.DatabaseError as exc:
        report.results["integrity"] = f"DAMAGED ({exc})"
        report.damaged.append("the database file")
        report.repairable = False
        return
    messages = [line for (text,) in rows for line in str(text).splitlines()]
    messages = [m for m in messages if m and not m.startswith("***")]
    if messages == ["ok"]:
        report.results["integrity"] = "ok"
        return
    pages = {int(p) for m in messages for p in _PAGE.findall(m)}
    names = set(_names_of_pages(db, pages))
    names |= {i for m in messages for i in _INDEX.findall(m)}
    for name in sorted(names):
        kind = _kind_of(db, name) or "part"
        if kind != "index":
            report.repairable = False
        report.damaged.append(f"{kind} {name}")
    report.details.extend(messages[:_MAX_LISTED])
    report.results["integrity"] = (
        f"DAMAGED ({len(messages)} problems in {', '.join(sorted(names))})"
    )


def _search_index(db: sqlite_utils.Database, report: CheckReport) -> None:
    try:
        db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        report.results["search index"] = f"DAMAGED ({exc})"
        report.damaged.append("search index claims_fts")
        return
    report.results["search index"] = "ok"


def _links(db: sqlite_utils.Database, report: CheckReport) -> None:
    try:
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        report.results["links"] = f"DAMAGED ({exc})"
        return
    if problems:
        report.results["links"] = f"DAMAGED ({len(problems)} claims without their document)"
        report.damaged.append("table claims")
        report.repairable = False
    else:
        report.results["links"] = "ok"


def _offsets(db: sqlite_utils.Database, report: CheckReport) -> None:
    bad: list[int] = []
    total = 0
    try:
        for (doc_id,) in db.execute("SELECT id FROM documents ORDER BY id").fetchall():
            (text,) = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            rows = db.execute(
                'SELECT id, start, "end", text FROM claims WHERE doc_id = ?', [doc_id]
            ).fetchall()
            total += len(rows)
            bad.extend(cid for cid, start, end, claim in rows if text[start:end] != claim)
    except sqlite3.DatabaseError as exc:
        report.results["claim offsets"] = f"not checked ({exc})"
        return
    if bad:
        report.results["claim offsets"] = f"DAMAGED ({len(bad)} claims, e.g. {bad[:3]})"
        report.damaged.append("table claims (offsets)")
        report.repairable = False
    else:
        report.results["claim offsets"] = f"ok ({total} claims)"


def check(db: sqlite_utils.Database) -> CheckReport:
    """Run every check; see :class:`CheckReport`."""
    report = CheckReport()
    _integrity(db, report)
    _search_index(db, report)
    _links(db, report)
    _offsets(db, report)
    return report


def repair(db: sqlite_utils.Database) -> None:
    """Rebuild every index and the claims search index from the tables."""
    with write_transaction(db):
        db.execute("REINDEX")
        db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
