"""End to end: the real ``claimdesk`` command in tmux on a throwaway store, driven by keys."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from claimdesk.store import Store

from .conftest import fill

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

CLAIMDESK = Path(sys.executable).with_name("claimdesk")


def tmux(*args: str) -> str:
    """Run a tmux command and return its output."""
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def wait_for(session: str, condition, timeout: float = 20.0) -> str:
    """Poll the pane until ``condition(screen)`` holds; returns the screen."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if condition(screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"screen never matched; last screen:\n{screen}")


@pytest.mark.skipif(not CLAIMDESK.exists(), reason="the claimdesk command is not installed")
def test_claimdesk_in_tmux_flags_a_claim_and_quits(tmp_path):
    db = tmp_path / "e2e.db"
    store = Store.open(db)
    fill(store)
    first = store.claims()[0]
    store.close()
    session = f"claimdesk-e2e-{uuid.uuid4().hex[:8]}"
    env = {
        "CLAIMDESK_CONFIG": str(tmp_path / "none.toml"),
        "CLAIMDESK_STATE": str(tmp_path / "s.json"),
    }
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = f"{exports} {shlex.quote(str(CLAIMDESK))} --db {shlex.quote(str(db))}; echo CLAIMDESK-EXITED; sleep 30"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", command)
    try:
        screen = wait_for(session, lambda s: "Related" in s and "Officials said 100" in s)
        assert "Border clash report" in screen
        tmux("send-keys", "-t", session, "s")
        wait_for(session, lambda s: "Flag the claim as" in s)
        tmux("send-keys", "-t", session, "v")
        wait_for(session, lambda s: "flagged verified" in s)
        assert Store.open(db).claim(first.id).status == "verified"
        tmux("send-keys", "-t", session, "q")
        wait_for(session, lambda s: "CLAIMDESK-EXITED" in s)
    finally:
        tmux("kill-session", "-t", session)
    assert os.path.exists(db)
