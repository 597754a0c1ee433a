"""Ingest under hostile input and real use: time against line length, peak memory of a
19 MB file, how fast Ctrl+C stops an ingest, and 8 writer processes during an ingest.

* **Line length**: one line of 10k, 40k, 160k and 1M characters of each hostile kind
  (a sentence of words, a token without spaces, a base64 image in Markdown, a run of
  "According to", a run of years), added to a store; each size in its own process,
  stopped after :data:`DEADLINE` seconds. Linear time is about 4x per 4x the length.
* **Memory**: ``claimdesk add`` of one 19 MB file (news text); peak resident memory of
  the process (target: under 300 MB) and its time.
* **Ctrl+C**: SIGINT to ``claimdesk add`` of 300 files, in-process and with worker
  processes: seconds from the signal to the exit, and the report it printed.
* **Writers**: 8 processes x 200 flag/note writes while ``add_paths`` ingests 600 files
  in batches of 10: errors, acknowledged writes missing from the history, write latency,
  and whether the ingest completed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .common import Quantity, ms, percentile, report, scratch_dir
from .corpus import generate_documents

DEADLINE = 120.0
"""Seconds one line may take before it is reported as stopped."""

SIZES = (10_000, 40_000, 160_000, 1_000_000)
QUICK_SIZES = (10_000, 40_000, 160_000)

LINES = """
import base64, random

def words(n):
    rng = random.Random(1)
    vocab = "the army said that officials reported soldiers died near river on monday".split()
    out, size = [], 0
    while size < n:
        out.append(rng.choice(vocab))
        size += len(out[-1]) + 1
    return " ".join(out)[:n] + "."

def token(n):
    return ("abcdefghij" * (n // 10 + 1))[:n]

def base64_image(n):
    data = base64.b64encode(random.Random(2).randbytes(n * 3 // 4)).decode()[:n]
    return "Officials said 40 died.\\n\\n![chart](data:image/png;base64," + data + ")\\n"

def according(n):
    return " ".join(["According to the ministry"] * (n // 26)) + " 40 people died."

def years(n):
    return "In " + " ".join(str(1000 + i % 1100) for i in range(n // 5)) + " prices rose."
"""

KINDS = ("words", "token", "base64_image", "according", "years")

TIME_ONE = (
    LINES
    + """
import sys, time
from claimdesk.store import Store
kind, n = sys.argv[1], int(sys.argv[2])
store = Store.open(":memory:")
store.add_text("Warm-up: officials said 4 died.", title="warm-up")
text = globals()[kind](n)
start = time.perf_counter()
store.add_text(text, title=kind)
print(time.perf_counter() - start)
"""
)


def _time_line(kind: str, size: int) -> float | None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", TIME_ONE, kind, str(size)],
            capture_output=True,
            text=True,
            timeout=DEADLINE,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.strip().splitlines()[-1])


def _line_lengths(sizes: tuple[int, ...]) -> None:
    for kind in KINDS:
        figures: dict[str, object] = {}
        previous = None
        for size in sizes:
            seconds = _time_line(kind, size) if previous is not False else None
            label = f"{size // 1000:,}k chars"
            if seconds is None:
                figures[label] = Quantity(f"> {DEADLINE:.0f} s (stopped)")
                previous = False
                continue
            growth = f" (x{seconds / previous:.1f})" if previous else ""
            figures[label] = Quantity(f"{seconds:.2f} s{growth}")
            previous = seconds
        report(f"ingest time against line length: {kind} (x4 length: linear is about x4)", figures)


def _write_big_file(path: Path, megabytes: float) -> int:
    docs = generate_documents(800, seed=21)
    size, i = 0, 0
    with path.open("w", encoding="utf-8") as f:
        while size < megabytes * 1024 * 1024:
            title, text = docs[i % len(docs)]
            chunk = f"{title}\n\n{text}\n\n"
            f.write(chunk)
            size += len(chunk.encode("utf-8"))
            i += 1
    return size


def _run_measured(args: list[str]) -> tuple[float, int, str, int]:
    """Run ``args``; seconds, peak resident bytes, stderr and exit status of that process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read()
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return seconds, peak, err, proc.returncode


def _memory(tmp: Path, megabytes: float) -> None:
    path = tmp / "big.txt"
    size = _write_big_file(path, megabytes)
    seconds, peak, err, status = _run_measured(
        [sys.executable, "-m", "claimdesk", "--db", str(tmp / "big.db"), "add", str(path)]
    )
    report(
        f"peak memory: claimdesk add of one {size / 1024 / 1024:.1f} MB file",
        {
            "peak resident MB": round(peak / 1024 / 1024, 1),
            "target MB": 300,
            "seconds": round(seconds, 1),
            "exit": status if not err.strip() else f"{status}: {err.strip()[-120:]}",
        },
    )


def _files(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, text) in enumerate(generate_documents(count, seed=5)):
        (folder / f"doc{i:05}.txt").write_text(f"{title}\n\n{text}", encoding="utf-8")
    return folder


def _documents(db: Path) -> int:
    import sqlite3

    try:
        conn = sqlite3.connect(db, timeout=10)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _ctrl_c(tmp: Path) -> None:
    folder = _files(tmp / "ctrl-c", 300)
    figures: dict[str, object] = {}
    for label, extra in (("in-process", []), ("2 worker processes", ["--workers", "2"])):
        db = tmp / f"ctrl-c-{len(extra)}.db"
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimdesk", "--db", str(db), "add", *extra, str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while _documents(db) < 50 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        sent = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        took = time.perf_counter() - sent
        said = next((line for line in err.splitlines() if "stored before the stop" in line), "")
        figures[f"{label}: signal to exit"] = ms(took)
        figures[f"{label}: report"] = said or f"(none; exit {proc.returncode})"
        figures[f"{label}: stored / in the store"] = Quantity(
            f"{said.split(';')[1].split()[0] if said else '?'} / {_documents(db)}"
        )
    report("Ctrl+C during claimdesk add of 300 files", figures)


WRITER = """
import json, sys, time
from claimdesk.store import Store
db, claim_id, count, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
store = Store.open(db)
done, errors, latency = [], [], []
statuses = ["needs-check", "verified", "false", "disputed"]
current = store.claim(claim_id).status
for i in range(count):
    start = time.perf_counter()
    try:
        if i % 2:
            store.set_note(claim_id, f"{name}-{i}")
            done.append(["note", f"{name}-{i}"])
        else:
            status = statuses[(i // 2) % 4]
            store.set_status(claim_id, status)
            if status != current:
                done.append(["status", status])
            current = status
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    latency.append(time.perf_counter() - start)
print(json.dumps({"done": done, "errors": errors, "latency": latency}))
"""

INGEST = """
import sys
from claimdesk.store import Store
store = Store.open(sys.argv[1])
results = store.add_paths([sys.argv[2]], batch_size=10)
print(sum(r.added for r in results))
"""


def _writers(tmp: Path, writers: int, writes: int, files: int) -> None:
    from claimdesk.store import Store

    db = tmp / "writers.db"
    store = Store.open(db)
    seed = generate_documents(1, seed=99)[0]
    result = store.add_text(seed[1], title=seed[0])
    claims = [c.id for c in store.sentences(result.doc_id)][:writers]
    folder = _files(tmp / "writers", files)
    start = time.perf_counter()
    ingest = subprocess.Popen(
        [sys.executable, "-c", INGEST, str(db), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while _documents(db) < 11 and ingest.poll() is None:
        time.sleep(0.05)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(claim), str(writes), f"w{k}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k, claim in enumerate(claims)
    ]
    outcomes = [json.loads(p.communicate()[0]) for p in procs]
    out, err = ingest.communicate()
    seconds = time.perf_counter() - start
    errors = [e for o in outcomes for e in o["errors"]]
    latency = [t for o in outcomes for t in o["latency"]]
    lost = 0
    for claim, outcome in zip(claims, outcomes, strict=True):
        history = iter((e.kind, e.new) for e in store.history(claim))
        lost += sum(
            1 for change in map(tuple, outcome["done"]) if not any(e == change for e in history)
        )
    report(
        f"{len(claims)} writer processes x {writes} writes during an ingest of {files} files",
        {
            "errors": len(errors),
            "first error": errors[0][:100] if errors else "-",
            "acknowledged but lost": lost,
            "write median": ms(percentile(latency, 50)),
            "write p95": ms(percentile(latency, 95)),
            "write worst": ms(max(latency, default=0.0)),
            "ingest completed": ingest.returncode == 0 and out.strip() == str(files),
            "ingest stored": _documents(db) - 1,
            "seconds": round(seconds, 1),
        },
    )
    if err.strip():
        print("  ingest said:", err.strip().splitlines()[-1][:200])
    store.close()


def run(args) -> None:
    """Every figure above; ``--quick``: lines up to 160k, a 4 MB file, 8 x 25 writes."""
    _line_lengths(QUICK_SIZES if args.quick else SIZES)
    with scratch_dir() as tmp:
        _memory(tmp, 4 if args.quick else 19)
        _ctrl_c(tmp)
        if args.quick:
            _writers(tmp, 8, 25, 100)
        else:
            _writers(tmp, 8, 200, 600)
