"""The start-up line's memory figure is this process's own, not its parent's."""

from __future__ import annotations

import subprocess
import sys


def test_rss_is_not_inherited_from_a_large_parent():
    ballast = bytearray(200 * 1024 * 1024)  # the parent holds 200 MB when it starts the child
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page so it is resident
    child = subprocess.run(
        [sys.executable, "-c", "from tui.startup import rss_mb; print(rss_mb())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(child.stdout) < 150
