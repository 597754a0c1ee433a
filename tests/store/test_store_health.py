"""Opening a store: newer stores are refused, damage is named (``claimdesk check``) and never
read as "not found", read-only stores open for reading, and a full disk says so."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.tui.cli import cli

REPORT = (
    "Officials said {n} people died in the flood on Monday. The mayor said {m} homes were "
    "lost. Rescue teams reached the village on Tuesday, the army said. "
)


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args], env={"COLUMNS": "200"})


def filled(path: Path, documents: int = 60) -> Path:
    store = Store.open(path)
    for i in range(documents):
        text = " ".join(REPORT.format(n=i * 7 + k, m=k + i) for k in range(12))
        store.add_text(text, title=f"Flood {i}")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def test_a_store_written_by_a_newer_claimdesk_is_refused(tmp_path):
    from claimdesk.store.errors import NewerStoreError

    path = tmp_path / "newer.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('claimdesk', 'm099_from_the_future', '2031-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NewerStoreError, match="m099_from_the_future"):
        Store.open(path)
    result = run(path, "docs")
    assert result.exit_code == 1
    assert "written by a newer claimdesk" in result.stderr
    assert "upgrade claimdesk" in result.stderr


def test_a_newer_schema_version_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    known = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {known + 1}")
    conn.close()
    result = run(path, "summary")
    assert result.exit_code == 1 and "written by a newer claimdesk" in result.stderr


def test_check_says_a_whole_store_is_whole(tmp_path):
    path = filled(tmp_path / "ok.db", 3)
    result = run(path, "check")
    assert result.exit_code == 0, result.output
    assert "integrity: ok" in result.stdout and "search index: ok" in result.stdout
    assert "the store is whole" in result.stdout


def _zero_the_middle_of_a_claims_page(path: Path) -> list[int]:
    """Overwrite 2 KB in the middle of a page of the claims table; returns the claim ids
    that SQLite then no longer finds (without any error)."""
    conn = sqlite3.connect(path)
    pages = [
        r[0]
        for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'claims' AND pagetype = 'leaf' ORDER BY pageno"
        )
    ]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    top = conn.execute("SELECT max(id) FROM claims").fetchone()[0]
    conn.close()
    page = pages[len(pages) // 2]
    with open(path, "r+b") as f:
        f.seek((page - 1) * size + size // 4)
        f.write(b"\0" * 2048)
    conn = sqlite3.connect(path)
    hidden = [
        i
        for i in range(1, top + 1)
        if conn.execute("SELECT id FROM claims WHERE id = ?", [i]).fetchone() is None
    ]
    conn.close()
    return hidden


def test_a_damaged_page_is_damage_not_a_missing_claim(tmp_path):
    path = filled(tmp_path / "damaged.db")
    hidden = _zero_the_middle_of_a_claims_page(path)
    assert hidden, "the damage hid no claim"
    for args in (("show", str(hidden[0])), ("note", str(hidden[0]), "x")):
        result = run(path, *args)
        assert result.exit_code == 1
        assert result.stderr.strip() == "Error: the store is damaged; run claimdesk check"
    assert run(path, "show", "999999").stderr.strip() == "Error: no claim with id 999999"
    check = run(path, "check")
    assert check.exit_code == 1
    assert "integrity: DAMAGED" in check.stdout
    assert "damaged: table claims" in check.stdout
    assert "restore the store from a backup" in check.stdout


def test_check_repairs_a_damaged_search_index(tmp_path):
    path = filled(tmp_path / "fts.db", 3)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM claims_fts_data WHERE id > 10")  # the index loses its terms
    conn.commit()
    conn.close()
    check = run(path, "check")
    assert check.exit_code == 1 and "search index: DAMAGED" in check.stdout
    assert "claimdesk check --repair" in check.stdout
    repaired = run(path, "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert "the store is whole" in repaired.stdout


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody can write: file modes for a normal user; a read-only bind mount for
    root (whom modes do not stop), where the system allows one."""
    folder = tmp_path / "ro"
    folder.mkdir()
    filled(folder / "s.db", 2)
    for extra in ("s.db-wal", "s.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    if os.geteuid() != 0:
        os.chmod(folder / "s.db", 0o444)
        os.chmod(folder, 0o555)
        yield folder
        os.chmod(folder, 0o755)
        return
    bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("as root, a read-only folder needs a bind mount, which is not allowed here")
    try:
        remount = ["mount", "-o", "remount,bind,ro", str(folder)]
        if subprocess.run(remount, capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_store_in_a_read_only_folder_opens_for_reading(read_only_folder):
    from claimdesk.store.errors import ReadOnlyStoreError

    path = read_only_folder / "s.db"
    store = Store.open(path)
    assert store.read_only
    assert len(store.documents()) == 2
    claim = store.claims()[0]
    assert store.related(claim.id) is not None
    assert store.search("flood")
    with pytest.raises(ReadOnlyStoreError, match="read-only"):
        store.set_note(claim.id, "x")
    store.close()
    assert run(path, "docs").exit_code == 0
    result = run(path, "flag", str(claim.id), "false")
    assert result.exit_code == 1 and "read-only" in result.stderr


def test_a_full_database_says_disk_full(tmp_path):
    from claimdesk.store.errors import DiskFullError

    store = Store.open(tmp_path / "full.db")
    store.add_text(REPORT.format(n=1, m=2), title="Flood")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFullError, match="disk full"):
        store.add_text(" ".join(REPORT.format(n=i, m=i) for i in range(400)), title="More")


@pytest.fixture
def full_disk(tmp_path):
    """A tiny file system that is full (root only, where mounting is allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_says_disk_full(full_disk, tmp_path):
    db = full_disk / "s.db"
    Store.open(db).close()
    with open(full_disk / "filler", "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i}.txt").write_text(" ".join(REPORT.format(n=i, m=k) for k in range(30)))
    result = subprocess.run(
        [sys.executable, "-m", "claimdesk", "--db", str(db), "add", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "disk full" in result.stderr
    assert "disk I/O error" not in result.stderr
    shutil.rmtree(folder)
