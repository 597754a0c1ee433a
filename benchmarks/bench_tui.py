"""The reader's figures: cold start, memory, claim change to related pane, keystroke to results,
another process's write to the open reader, and the review queue's first paint.

Cold start is timed on the whole ``claimdesk`` process in a pseudo-terminal:
``CLAIMDESK_EXIT_AFTER_PAINT=1`` makes it exit once the first document is on
screen and print ``first-paint <s> rss <MB>`` (see ``tui/startup.py``). The
latencies come from the running app (``app.latencies``), driven headless at
100k claims (20k with ``--quick``). Writes from another process are made by a
second Python process on a copy of the store (which prints the wall-clock time
of each commit); the reader is watched until its claims pane shows the change.
The queue is opened with ``v`` on a copy in which one claim in ten is flagged
needs-check, and timed from the key to its first page on screen.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import random
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time
from dataclasses import replace
from pathlib import Path

from claimdesk.store import Store

from .common import ms, percentile, report, scratch_dir
from .stores import cached_store, store_path

CLAIMDESK = Path(sys.executable).with_name("claimdesk")
STARTS = 5
FIRST_PAINT = re.compile(r"first-paint ([\d.]+)s rss ([\d.]+)MB")


def start_once(
    db: Path, state: Path, size: tuple[int, int] = (160, 48)
) -> tuple[float, float, float]:
    """Run ``claimdesk --db db`` once in a pty; (wall seconds, first paint seconds, RSS MB)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    env = dict(os.environ, CLAIMDESK_EXIT_AFTER_PAINT="1", CLAIMDESK_STATE=str(state))
    env["CLAIMDESK_CONFIG"] = str(state.with_name("no-config.toml"))
    env.setdefault("TERM", "xterm-256color")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(CLAIMDESK), "--db", str(db)], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    output = bytearray()
    deadline = started + 60
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    wall = time.perf_counter() - started
    os.close(master)
    text = output.decode("utf-8", "replace")
    found = FIRST_PAINT.search(text)
    if found is None:
        raise RuntimeError(f"claimdesk did not report its first paint: {text[-300:]!r}")
    return wall, float(found.group(1)), float(found.group(2))


def measure_start(name: str, db: Path, state: Path) -> None:
    """Median of :data:`STARTS` cold starts on ``db``."""
    runs = [start_once(db, state) for _ in range(STARTS)]
    report(
        f"tui start, {name}",
        {
            "whole process median": ms(statistics.median(r[0] for r in runs)),
            "first paint median": ms(statistics.median(r[1] for r in runs)),
            "RSS after start": f"{max(r[2] for r in runs):.1f} MB",
        },
    )


async def drive(store: Store, claim_moves: int, jumps: int, query: str) -> dict[str, list[float]]:
    """Step claim to claim (j), jump to other documents, type a query; returns the latencies.

    ``step``: claim changes with j (neighbours are prefetched); ``jump``: opening a
    random document, whose related claims are not cached; ``search``: keystrokes.
    """
    from claimdesk.tui.factory import create_app

    app = create_app(store, config_path=None, remember_places=False)
    async with app.run_test(size=(160, 48)) as pilot:

        async def until(condition) -> None:
            for _ in range(20000):
                if condition():
                    return
                await pilot.pause(0.002)
            raise RuntimeError("the app did not answer")

        def count() -> int:
            return len(app.latencies["related"])

        await until(lambda: count() >= 1)
        await app.workers.wait_for_complete()
        start = count()
        for _ in range(claim_moves):
            done = count()
            await pilot.press("j")
            await until(lambda n=done: count() > n)
            await until(lambda: not any(w.group == "prefetch" for w in app.workers))
        stepped = count()
        documents = app.main_screen.documents
        for doc in random.Random(5).sample(documents, min(jumps, len(documents))):
            done = count()
            app.main_screen.open_place(doc.id, None)
            await until(lambda n=done: count() > n)
            await until(lambda: not any(w.group == "prefetch" for w in app.workers))
        await pilot.press("slash")
        for ch in query:
            done = len(app.latencies["search"])
            await pilot.press(ch)
            await until(lambda n=done: len(app.latencies["search"]) > n)
        related = list(app.latencies["related"])
        return {
            "step": related[start:stepped],
            "jump": related[stepped:],
            "search": list(app.latencies["search"]),
        }


def measure_latencies(claims: int) -> None:
    """Claim change to related pane, and keystroke to search results, at ``claims`` claims."""
    store = cached_store(claims)
    found = asyncio.run(drive(store, 30, 20, "kursk soldi"))
    figures = {}
    for name, label in (
        ("step", "claim change (j)"),
        ("jump", "document jump"),
        ("search", "keystroke to results"),
    ):
        values = found[name]
        figures[f"{label} p95"] = ms(percentile(values, 95))
        figures[f"{label} median"] = ms(statistics.median(values) if values else 0.0)
    report(f"tui latencies to related pane / results, {claims:,} claims", figures)
    store.close()


WRITER = """
import sys, time
from claimdesk.store import Store
store = Store.open(sys.argv[1], actor="bench-writer")
for line in sys.stdin:
    claim_id, status = line.split()
    store.set_status(int(claim_id), status)
    print(time.time(), flush=True)
"""
"""The other process: flags the claims it is told to and prints when each commit happened."""

EXTERNAL_WRITES = 30


async def drive_external_writes(path: Path, writes: int) -> list[float]:
    """Seconds from each commit in another process to the open reader's claims pane showing it."""
    from claimdesk.tui.factory import create_app
    from claimdesk.tui.screens.reader_screen import WATCH_INTERVAL
    from claimdesk.tui.widgets.claims_list import ClaimsList

    app = create_app(Store.open(path), config_path=None, remember_places=False)
    writer = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        WRITER,
        str(path),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    seconds = []
    async with app.run_test(size=(160, 48)) as pilot:
        while not app.latencies["related"]:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        claims = app.main_screen.query_one(ClaimsList)
        statuses = ("needs-check", "disputed")
        phase = random.Random(11)
        for n in range(writes):
            # writes come at any moment, not just after the reader has looked
            await asyncio.sleep(phase.uniform(0, WATCH_INTERVAL))
            target = claims.items[(n % (len(claims.items) - 1)) + 1]
            status = statuses[n % 2] if target.status != statuses[n % 2] else statuses[1 - n % 2]
            writer.stdin.write(f"{target.id} {status}\n".encode())
            await writer.stdin.drain()
            committed = float((await writer.stdout.readline()).decode())
            while not any(c.id == target.id and c.status == status for c in claims.items):
                await pilot.pause(0.002)
            seconds.append(time.time() - committed)
    writer.stdin.close()
    await writer.wait()
    return seconds


def measure_external_writes(claims: int, scratch: Path) -> None:
    """Another process's write to the open reader showing it, at ``claims`` claims."""
    copy = scratch / "external.db"
    cached_store(claims).close()
    shutil.copy(store_path(claims), copy)
    found = asyncio.run(drive_external_writes(copy, EXTERNAL_WRITES))
    report(
        f"tui: another process's write to the open reader, {claims:,} claims",
        {
            "writes": len(found),
            "median": ms(statistics.median(found)),
            "p95": ms(percentile(found, 95)),
            "worst": ms(max(found)),
        },
    )


QUEUE_VIEWS = (
    ("needs-check, most check-worthy first (1 in 10 claims)", None),
    ("every claim, most check-worthy first", {"status": None}),
    ("every claim, newest document first", {"status": None, "order": "date"}),
    ("flagged with notes", {"status": "flagged", "with_notes": True}),
)
QUEUE_OPENS = 7


async def drive_queue(path: Path) -> dict[str, list[float]]:
    """Open the queue with ``v`` for each of :data:`QUEUE_VIEWS`; seconds to its first page."""
    from claimdesk.store import QueueQuery
    from claimdesk.tui.factory import create_app

    app = create_app(Store.open(path), config_path=None, remember_places=False)
    found: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        while not app.latencies["related"]:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        screen = app.main_screen
        for name, change in QUEUE_VIEWS:
            screen.queue_query = replace(QueueQuery(), **(change or {}))
            for _ in range(QUEUE_OPENS):
                done = len(app.latencies["queue"])
                await pilot.press("v")
                while len(app.latencies["queue"]) == done:
                    await pilot.pause(0.002)
                await pilot.press("escape")
                await pilot.pause()
            found[name] = list(app.latencies["queue"][-QUEUE_OPENS:])
    return found


def measure_queue(claims: int, scratch: Path) -> None:
    """The review queue's first paint at ``claims`` claims, for several queues."""
    copy = scratch / "queue.db"
    cached_store(claims).close()
    shutil.copy(store_path(claims), copy)
    store = Store.open(copy)
    with store.db.atomic():
        store.db.execute("UPDATE claims SET status = 'needs-check' WHERE id % 10 = 3")
        store.db.execute("UPDATE claims SET note = 'ask the desk' WHERE id % 100 = 3")
    store.close()
    found = asyncio.run(drive_queue(copy))
    figures = {}
    for name, values in found.items():
        figures[f"{name}: first open"] = ms(values[0])
        figures[f"{name}: median"] = ms(statistics.median(values[1:]))
    report(f"tui: review queue, key to first page on screen, {claims:,} claims", figures)


def run(args) -> None:
    """Benchmark entry point (``args.quick``: a 20k-claim store instead of 100k)."""
    from claimdesk.seeds import seed_store

    claims = 20_000 if getattr(args, "quick", False) else 100_000
    with scratch_dir() as tmp:
        seeded = tmp / "seeded.db"
        store = Store.open(seeded)
        seed_store(store)
        store.close()
        measure_start("seeded store", seeded, tmp / "state.json")
        cached_store(claims).close()
        measure_start(f"{claims:,}-claim store", store_path(claims), tmp / "state.json")
        measure_latencies(claims)
        measure_external_writes(claims, tmp)
        measure_queue(claims, tmp)
