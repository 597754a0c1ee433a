"""What the reader remembers between runs: the last place viewed in each store.

A small JSON file in the user state directory (``$CLAIMDESK_STATE`` overrides
it), written from worker threads only.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "state.json"
    >>> save_last_place(path, "/tmp/a.db", Place(3, 7))
    >>> load_last_place(path, "/tmp/a.db")
    Place(doc_id=3, claim_id=7)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from claimdesk.tui.navigation import Place
from claimdesk.tui.paths import APP_NAME

STATE_ENV = "CLAIMDESK_STATE"


def state_path() -> Path:
    """Where the state file lives."""
    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_state_dir(APP_NAME)) / "state.json"


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_last_place(path: Path, store_key: str) -> Place | None:
    """The place last viewed in the store ``store_key``, if remembered."""
    entry = _read(path).get("last_place", {}).get(store_key)
    if not isinstance(entry, dict) or not isinstance(entry.get("doc_id"), int):
        return None
    claim_id = entry.get("claim_id")
    return Place(entry["doc_id"], claim_id if isinstance(claim_id, int) else None)


def save_last_place(path: Path, store_key: str, place: Place) -> None:
    """Remember ``place`` for ``store_key`` (errors are ignored: this is a convenience)."""
    data = _read(path)
    places = data.setdefault("last_place", {})
    if not isinstance(places, dict):
        places = data["last_place"] = {}
    places[store_key] = {"doc_id": place.doc_id, "claim_id": place.claim_id}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
