"""Reading and writing the JSON Lines and qrels files that evaluation runs exchange.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "p.jsonl"
>>> write_jsonl(path, [{"id": "1", "score": 0.5}])
1
>>> read_jsonl(path)
[{'id': '1', 'score': 0.5}]
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any


class EvalDataError(ValueError):
    """Raised for an evaluation file that cannot be read as documented."""


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Every object of a JSON Lines file (blank lines skipped)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EvalDataError(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


def write_jsonl(path: str | Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write one JSON object a line; returns how many were written."""
    count = 0
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def index_by(rows: Iterable[dict[str, Any]], key: str) -> tuple[dict[str, dict[str, Any]], int]:
    """``({str(row[key]): row}, duplicates)``; a later duplicate replaces an earlier one."""
    out: dict[str, dict[str, Any]] = {}
    dups = 0
    for row in rows:
        value = row.get(key)
        if value is None:
            raise EvalDataError(f"prediction without {key!r}: {str(row)[:120]}")
        value = str(value)
        if value in out:
            dups += 1
        out[value] = row
    return out, dups


def read_qrels(path: str | Path) -> dict[str, set[str]]:
    """``{query_id: {relevant corpus ids}}`` from ``query<TAB>doc`` or TREC ``q 0 doc rel`` lines."""
    relevant: dict[str, set[str]] = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if len(parts) == 2:
                relevant[parts[0]].add(parts[1])
            elif len(parts) == 4:
                if float(parts[3]) > 0:
                    relevant[parts[0]].add(parts[2])
            else:
                raise EvalDataError(f"{path}: bad qrels line: {line!r}")
    return dict(relevant)
