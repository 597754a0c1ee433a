"""An ingest that stops (Ctrl+C, SIGTERM, kill -9, a store held by another writer) says what
it stored, leaves no worker process behind, and never reads more input than its limit."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

CLAIMDESK = [sys.executable, "-m", "claimdesk"]

PARAGRAPH = (
    "Officials in the {n}th district said {n} people were hurt when the old bridge fell "
    "on Monday. The mayor told reporters that {m} families had left their homes, and the "
    "ministry reported that repairs would cost {n} million. Witnesses said the river rose "
    "quickly after {m} hours of rain. "
)


def make_files(folder: Path, count: int, paragraphs: int = 6) -> Path:
    """``count`` distinct text files of a few paragraphs each."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = "\n\n".join(PARAGRAPH.format(n=i * 10 + p, m=i + p) * 2 for p in range(paragraphs))
        (folder / f"doc{i:04}.txt").write_text(f"Report {i}\n\n{text}", encoding="utf-8")
    return folder


def stored(db: Path) -> int:
    """Documents committed to ``db`` so far (read from another connection)."""
    try:
        conn = sqlite3.connect(db, timeout=10)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


def wait_until(condition, timeout: float = 60.0) -> None:
    """Wait (polling the store, not sleeping a fixed time) until ``condition()`` holds."""
    done = threading.Event()
    deadline = timeout
    while not condition():
        if deadline <= 0:
            raise AssertionError("condition not met in time")
        done.wait(0.05)
        deadline -= 0.05


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _ctrl_c_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_an_ingest_and_says_what_was_stored(tmp_path):
    folder = make_files(tmp_path / "files", 300)
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [*CLAIMDESK, "--db", str(db), "add", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # a suite started as a background job ignores Ctrl-C, and children inherit that
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    wait_until(lambda: stored(db) >= 50)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    kept = stored(db)
    assert proc.returncode == 130, err
    assert 50 <= kept < 300
    assert f"interrupted; {kept} documents" in err and "stored before the stop" in err
    assert "Traceback" not in err


@linux_only
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_worker_processes_end_with_their_parent(tmp_path, how):
    folder = make_files(tmp_path / "files", 400, paragraphs=12)
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [*CLAIMDESK, "--db", str(db), "add", "--workers", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []

    def started() -> bool:
        workers[:] = children(proc.pid)
        return len(workers) >= 2 and stored(db) >= 1

    wait_until(started)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=30)
    wait_until(lambda: not any(alive(w) for w in workers), timeout=15)
    if how == signal.SIGTERM:
        assert "stored before the stop" in err


@pytest.mark.sqlite_only("holds SQLite's write lock from a second connection")
def test_a_store_held_too_long_stops_the_ingest_with_a_count(store, tmp_path, monkeypatch):
    from claimdesk.store.ingest import writer
    from claimdesk.store.ingest.writer import IngestStopped

    monkeypatch.setattr(writer, "BUSY_WAIT_SECONDS", 0)
    paths = sorted(make_files(tmp_path / "files", 6, paragraphs=1).iterdir())
    holding, release = threading.Event(), threading.Event()

    def hold_the_write_lock() -> None:
        other = sqlite3.connect(store.path, timeout=10)
        other.execute("BEGIN IMMEDIATE")
        holding.set()
        release.wait(30)
        other.execute("ROLLBACK")
        other.close()

    def progress(done: int, total: int, result) -> None:
        if done == 2 and not holding.is_set():  # the first batch is committed
            threading.Thread(target=hold_the_write_lock, daemon=True).start()
            holding.wait(10)

    try:
        with pytest.raises(IngestStopped) as stop:
            store.add_paths(paths, batch_size=2, progress=progress)
    finally:
        release.set()
    assert stop.value.stored == 2 == store.summary().documents
    assert "2 documents stored before the stop" in str(stop.value)
    assert "busy" in str(stop.value) or "locked" in str(stop.value)


def test_standard_input_is_read_no_further_than_the_limit(tmp_path):
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [*CLAIMDESK, "--db", str(db), "add", "-", "--max-size", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    chunk = b"Officials said 40 people died on Monday. " * 1600  # 64 KB
    written = 0
    try:
        while written < 50 * 1024 * 1024:
            proc.stdin.write(chunk)
            proc.stdin.flush()
            written += len(chunk)
    except BrokenPipeError:
        pass
    finally:
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
    proc.wait(timeout=60)
    err = proc.stderr.read()
    assert proc.returncode == 1
    assert b"too large: more than 1.0 MB" in err
    assert written < 4 * 1024 * 1024  # the 1 MB limit, a chunk and the pipe's buffer


WRITER = """
import json, sys
from claimdesk.store import Store
db, claim_id, count, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
store = Store.open(db)
done, errors = [], []
statuses = ["needs-check", "verified", "false", "disputed"]
current = store.claim(claim_id).status
for i in range(count):
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
print(json.dumps({"done": done, "errors": errors}))
"""

INGEST = """
import sys
from claimdesk.store import Store
store = Store.open(sys.argv[1])
results = store.add_paths([sys.argv[2]], batch_size=5)
print(sum(r.added for r in results))
"""


@pytest.mark.sqlite_only("counts stored documents through sqlite3 while the writers run")
def test_eight_writers_during_an_ingest_see_no_lock_errors_and_lose_nothing(store, tmp_path):
    import json

    seed = make_files(tmp_path / "seed", 1, paragraphs=4)
    (result,) = store.add_paths([seed])
    claims = [c.id for c in store.sentences(result.doc_id)][:8]
    folder = make_files(tmp_path / "files", 120, paragraphs=3)
    ingest = subprocess.Popen(
        [sys.executable, "-c", INGEST, store.path, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_until(lambda: stored(Path(store.path)) >= 6)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, store.path, str(claim), "40", f"w{k}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k, claim in enumerate(claims)
    ]
    reports = []
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    out, err = ingest.communicate(timeout=180)
    assert ingest.returncode == 0, err
    assert out.strip() == "120"
    assert [e for r in reports for e in r["errors"]] == []
    for claim, report in zip(claims, reports, strict=True):
        history = iter((e.kind, e.new) for e in store.history(claim))
        for change in map(tuple, report["done"]):
            assert any(event == change for event in history), f"lost {change} on {claim}"
    assert os.path.exists(store.path)
