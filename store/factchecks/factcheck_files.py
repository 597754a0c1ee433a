"""Importing fact-check files: the format is told by the content, not the name.

A file whose first character is ``{`` or ``[`` is JSON (ClaimReview JSON-LD or
fact-check search results); ``.jsonl`` files hold one such document a line;
anything else is read as CSV with a header row.

>>> import tempfile, pathlib
>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp, "checks.csv")
...     _ = path.write_text("claim,rating\\nBananas cure the flu,False\\n", encoding="utf-8")
...     report = import_file(store.connections, path, reviewer="Desk")
>>> report.format, report.added
('csv', 1)
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from claimdesk.store.database.connections import Connections
from claimdesk.store.factchecks import factcheck_table
from claimdesk.store.factchecks.csv_rows import read_csv_text
from claimdesk.store.factchecks.json_formats import read_json_document
from claimdesk.store.factchecks.records import FactCheckInput, ImportReport
from claimdesk.store.ingest.decoding import decode_bytes


def read_checks(
    raw: bytes, name: str = "", columns: dict[str, str] | None = None
) -> tuple[str, list[FactCheckInput], int]:
    """``(format, fact-checks, rows skipped)`` read from the bytes of one file."""
    text = decode_bytes(raw) if raw else ""
    stripped = text.lstrip("\ufeff \t\r\n")
    if name.endswith(".jsonl"):
        checks = []
        for line in stripped.splitlines():
            if line.strip():
                checks.extend(read_json_document(json.loads(line)))
        return "jsonl", checks, 0
    if stripped[:1] in ("{", "["):
        data = json.loads(stripped)
        kind = "factcheck-search" if isinstance(data, dict) and "claims" in data else "claimreview"
        return kind, read_json_document(data), 0
    read = read_csv_text(text, columns)
    return "csv", read.checks, read.skipped


def import_file(
    connections: Connections,
    path: str | Path,
    *,
    columns: dict[str, str] | None = None,
    reviewer: str = "",
) -> ImportReport:
    """Read one file and store its fact-checks (``reviewer``: for those that name none).

    Problems (unreadable file, bad JSON, no claim column) come back in the report.
    """
    path = Path(path)
    try:
        kind, checks, skipped = read_checks(path.read_bytes(), path.name, columns)
    except (OSError, ValueError) as exc:
        return ImportReport(path=str(path), problems=(str(exc),))
    if reviewer:
        checks = [c if c.reviewer else replace(c, reviewer=reviewer) for c in checks]
    added, updated, unchanged = factcheck_table.upsert(connections.db, checks, origin=str(path))
    problems = () if checks else ("no fact-checks found",)
    return ImportReport(
        path=str(path),
        added=added,
        updated=updated,
        unchanged=unchanged,
        skipped=skipped,
        format=kind,
        problems=problems,
    )
