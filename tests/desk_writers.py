"""Several processes flagging and noting the same claims at once, and what must come of it.

Each writer process opens the store as its own person and, for every operation, reads a
claim and saves a new status or note *with the version it read*, so a save over a change
it did not see is refused (:class:`VersionConflictError`) rather than lost. Every save a
writer reports as done must be exactly one event in the log (no lost, no duplicated
event), and on every claim the saves that went through must form one unbroken chain of
versions (0, 1, 2, ...): two saves made from the same version can never both succeed.
Used by the concurrency tests and by the desk benchmark (which times a larger run).
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimdesk.store import STATUSES, Store
from claimdesk.store.errors import VersionConflictError
from claimdesk.store.review import change_claim

NOTED_CLAIMS = 4
"""Claims every writer notes: few, so that saves collide often."""
FLAGGED_CLAIMS = 16
"""Claims every writer flags."""
REPORT = (
    "Officials said {n} people died in the floods on Monday. The ministry said {m} homes"
    " were destroyed. Rescuers said {k} people were still missing on Tuesday. The mayor"
    " said {j} schools were closed."
)


@dataclass
class WriterResult:
    """What one writer did: its saves (``(kind, claim, expected version, new value)``) and
    how many were refused as conflicts or found the value already there."""

    name: str
    saves: list[tuple[str, int, int, str]] = field(default_factory=list)
    conflicts: int = 0
    unchanged: int = 0
    seconds: float = 0.0


@dataclass
class WritersOutcome:
    """Every writer's result and the wall time of the whole run."""

    results: list[WriterResult]
    seconds: float

    @property
    def saves(self) -> int:
        """Saves that went through, all writers."""
        return sum(len(r.saves) for r in self.results)

    @property
    def unchanged(self) -> int:
        """Saves of the value already stored (nothing written), all writers."""
        return sum(r.unchanged for r in self.results)

    @property
    def conflicts(self) -> int:
        """Saves refused as conflicts, all writers."""
        return sum(r.conflicts for r in self.results)


def prepare(target: str) -> list[int]:
    """Add the documents the writers work on; returns the claim ids, noted ones first."""
    store = Store.open(target, actor="setup")
    needed = NOTED_CLAIMS + FLAGGED_CLAIMS
    n = 0
    while len(store.claims()) < needed:
        store.add_text(REPORT.format(n=10 + n, m=200 + n, k=3 + n, j=5 + n), title=f"Report {n}")
        n += 1
    ids = [c.id for c in store.claims()][:needed]
    store.close()
    return ids


def write(target: str, name: str, ids: list[int], ops: int, start: Any) -> WriterResult:
    """``ops`` versioned saves as ``name``: notes on the first :data:`NOTED_CLAIMS` claims,
    statuses on the rest, alternately; ``start`` (a barrier) releases all writers at once,
    each with its store open."""
    store = Store.open(target, actor=name)
    noted, flagged = ids[:NOTED_CLAIMS], ids[NOTED_CLAIMS:]
    result = WriterResult(name)
    start.wait()
    began = time.perf_counter()
    for k in range(ops):
        if k % 2:
            claim_id = noted[(k // 2) % len(noted)]
            seen = store.claim(claim_id)
            kind, version, new = "note", seen.note_version, f"{name} note {k}"
        else:
            claim_id = flagged[(k // 2 + len(name)) % len(flagged)]
            seen = store.claim(claim_id)
            options = [s for s in STATUSES if s != seen.status]
            kind, version, new = "status", seen.status_version, options[k % len(options)]
        try:
            # the store's own write path, which also says whether it wrote: a save of the
            # value already stored (another writer chose the same status) writes nothing
            saved = change_claim(
                store.db, claim_id, kind, new, actor=name, expected_version=version
            )
        except VersionConflictError:
            result.conflicts += 1
            continue
        if saved:
            result.saves.append((kind, claim_id, version, new))
        else:
            result.unchanged += 1
    result.seconds = time.perf_counter() - began
    store.close()
    return result


def _writer_process(target: str, name: str, ids: list[int], ops: int, start: Any, out: Any):
    try:
        out.put(write(target, name, ids, ops, start))
    except BaseException as exc:
        out.put(f"{name}: {type(exc).__name__}: {exc}")
        raise


def run_writers(target: str, ids: list[int], writers: int, ops: int) -> WritersOutcome:
    """Start ``writers`` processes (``ops`` saves each) at the same moment; wait for all."""
    # a fork server imports claimdesk once and forks every writer from it: starting eight
    # interpreters that each import it took 10 s on a busy two-core machine
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["claimdesk.store", "tests.desk_writers"])
    start, out = context.Barrier(writers + 1, timeout=300), context.Queue()
    processes = [
        context.Process(target=_writer_process, args=(target, f"writer{i}", ids, ops, start, out))
        for i in range(writers)
    ]
    for process in processes:
        process.start()
    start.wait()  # every writer has its store open
    began = time.perf_counter()
    results = [out.get(timeout=600) for _ in processes]
    seconds = time.perf_counter() - began
    for process in processes:
        process.join(timeout=60)
    failures = [r for r in results if isinstance(r, str)]
    if failures:
        raise AssertionError("writer failed: " + "; ".join(failures))
    return WritersOutcome(sorted(results, key=lambda r: r.name), seconds)


def problems(store: Store, outcome: WritersOutcome) -> list[str]:
    """Everything the log and the claims say that contradicts what the writers reported
    (empty when no event was lost or duplicated and no save went over an unseen change)."""
    found: list[str] = []
    reported = Counter(
        (r.name, kind, claim_id, new) for r in outcome.results for kind, claim_id, _, new in r.saves
    )
    logged = Counter(
        (e.actor, e.kind, e.claim_id, e.new)
        for e in store.history()
        if e.actor.startswith("writer") and e.kind in ("note", "status")
    )
    if lost := reported - logged:
        found.append(f"{sum(lost.values())} saves without their event, e.g. {next(iter(lost))}")
    if extra := logged - reported:
        found.append(f"{sum(extra.values())} events nobody reported, e.g. {next(iter(extra))}")
    chains: dict[tuple[str, int], list[int]] = {}
    for r in outcome.results:
        for kind, claim_id, version, _ in r.saves:
            chains.setdefault((kind, claim_id), []).append(version)
    for (kind, claim_id), versions in sorted(chains.items()):
        claim = store.claim(claim_id)
        stored = claim.note_version if kind == "note" else claim.status_version
        if sorted(versions) != list(range(stored)):
            found.append(
                f"{kind} of claim {claim_id}: saves from versions {sorted(versions)[:8]}..."
                f" but version {stored} stored (a save went over an unseen change)"
            )
    return found


POLL_SECONDS = 0.02
"""How often the watching process asks whether anything changed (the reader asks less often)."""


def watch_for_change(target: str, claim_id: int, ready: Any, out: Any, limit: float = 10.0) -> None:
    """In a process of its own: open the store, say so on ``ready`` (a barrier), then poll a
    watcher until something changes; put on ``out`` when that was (``time.time()``) and
    the claim's status as the changes since then show it (``None`` if nothing came; the
    error's text if the watcher failed)."""
    try:
        store = Store.open(target, actor="reader")
        watcher = store.watch()
        position = store.change_position()
        watcher.changed()
    except Exception as exc:
        out.put(f"{type(exc).__name__}: {exc}")
        ready.abort()
        return
    ready.wait()
    deadline = time.time() + limit
    while time.time() < deadline:
        if watcher.changed():
            seen = time.time()
            claims = store.changes_since(position).claims
            out.put((seen, [c.status for c in claims if c.id == claim_id]))
            break
        time.sleep(POLL_SECONDS)
    else:
        out.put(None)
    store.close()


def seconds_until_seen(target: str, claim_id: int, status: str) -> tuple[float, list[str]]:
    """Set ``claim_id``'s status from this process while another watches the store: how long
    the watcher took to notice, and the status its changes showed."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["claimdesk.store", "tests.desk_writers"])
    ready, out = context.Barrier(2, timeout=120), context.Queue()
    watcher = context.Process(target=watch_for_change, args=(target, claim_id, ready, out))
    watcher.start()
    store = Store.open(target, actor="editor")
    try:
        ready.wait()
    except threading.BrokenBarrierError:
        raise AssertionError(f"the watching process failed: {out.get(timeout=10)}") from None
    changed = time.time()
    store.set_status(claim_id, status)
    seen = out.get(timeout=120)
    watcher.join(timeout=60)
    store.close()
    if seen is None:
        return float("inf"), []
    return seen[0] - changed, seen[1]
