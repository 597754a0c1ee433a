"""Start-up figures for ``make bench``: time since the process started and memory.

``CLAIMDESK_EXIT_AFTER_PAINT=1 claimdesk`` exits once the first document is on
screen and prints one line, e.g. ``first-paint 0.412s rss 61.3MB``.
"""

from __future__ import annotations

import os
import resource
import time

EXIT_AFTER_PAINT_ENV = "CLAIMDESK_EXIT_AFTER_PAINT"
"""Set to 1 to exit after the first paint and print the figures."""


def exit_after_paint_requested() -> bool:
    """Whether the environment asks for a timed start."""
    return os.environ.get(EXIT_AFTER_PAINT_ENV, "") not in ("", "0")


def process_age() -> float:
    """Seconds since this process started (Linux; falls back to time since import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            up = float(uptime.read().split()[0])
        return up - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


def rss_mb() -> float:
    """Peak resident memory of this process in MB.

    From ``VmHWM`` where Linux provides it: ``ru_maxrss`` survives ``exec``, so a
    process started by a large parent (a benchmark run) would report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def startup_line() -> str:
    """The line printed by a timed start."""
    return f"first-paint {process_age():.3f}s rss {rss_mb():.1f}MB"


_IMPORTED = time.perf_counter()
