"""A desk store on PostgreSQL: opened from the CLI by URL, other processes' changes seen by
the watcher, and a note saved over a change the writer did not see refused, across
connections that save at the same moment."""

from __future__ import annotations

import subprocess
import sys
import threading

from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.store.errors import VersionConflictError
from claimdesk.tui.cli import cli
from claimdesk.tui.factory import open_store

TEXT = "Officials said 40 people died in the flood on Monday. The mayor asked for 200 tents."

FLAG = """
import sys
from claimdesk.store import Store
store = Store.open(sys.argv[1], actor="editor")
store.set_status(int(sys.argv[2]), "disputed")
"""


def wait_for(condition, timeout: float = 10.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass."""
    done = threading.Event()
    for _ in range(int(timeout / 0.02)):
        if condition():
            return True
        done.wait(0.02)
    return condition()


def test_the_watcher_sees_a_change_made_by_another_process(pg_dsn):
    reader = Store.open(pg_dsn, actor="reader")
    claim = reader.claims(reader.add_text(TEXT, title="Flood").doc_id)[0]
    watcher = reader.watch()
    seen = reader.change_position()
    assert not watcher.changed()
    subprocess.run([sys.executable, "-c", FLAG, pg_dsn, str(claim.id)], check=True)
    assert wait_for(watcher.changed)
    changes = reader.changes_since(seen)
    assert [(e.actor, e.new) for e in changes.events] == [("editor", "disputed")]
    assert not watcher.changed()
    watcher.close()


def test_of_two_saves_over_the_same_version_one_is_refused(pg_dsn):
    first = Store.open(pg_dsn, actor="ana")
    claim = first.claims(first.add_text(TEXT, title="Flood").doc_id)[0]
    second = Store.open(pg_dsn, actor="ben")
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(store: Store) -> None:
        start.wait()
        try:
            store.set_note(claim.id, f"{store.actor} checked", expected_version=0)
            outcomes[store.actor] = "saved"
        except VersionConflictError:
            outcomes[store.actor] = "refused"

    threads = [threading.Thread(target=save, args=(s,)) for s in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["refused", "saved"]
    [winner] = [name for name, outcome in outcomes.items() if outcome == "saved"]
    stored = first.claim(claim.id)
    assert (stored.note, stored.note_version) == (f"{winner} checked", 1)
    assert [(e.actor, e.new) for e in first.history(claim.id)] == [(winner, f"{winner} checked")]


def test_the_cli_and_the_app_factory_open_a_url(pg_dsn, monkeypatch):
    result = CliRunner().invoke(cli, ["--db", pg_dsn, "--as", "ana", "add", "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("CLAIMDESK_DB", pg_dsn)
    store = open_store()
    assert store.backend == "postgresql"
    assert [d.length for d in store.documents()] == [len(TEXT)]
    assert store.actor == "postgres"  # no --as: the database role


def test_an_unreachable_server_is_one_clear_line(tmp_path):
    url = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
    result = CliRunner().invoke(cli, ["--db", url, "summary"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the store's server")
    assert "Traceback" not in result.output


def test_a_password_in_the_url_is_never_shown(pg_dsn):
    password = "s3cret"  # the test server trusts loopback logins, so any password opens it
    url = pg_dsn.replace("postgres@", f"postgres:{password}@")
    store = Store.open(url)
    assert password not in store.display_path and password not in store.summary().path


def test_check_says_a_server_store_is_its_servers_to_check(pg_dsn):
    result = CliRunner().invoke(cli, ["--db", pg_dsn, "check"])
    assert result.exit_code == 1
    assert "checked by its server" in result.output and "Traceback" not in result.output


def test_summary_names_the_server_store_by_its_url(pg_dsn):
    url = pg_dsn.replace("postgres@", "postgres:s3cret@")
    result = CliRunner().invoke(cli, ["--db", url, "summary", "--json"])
    assert result.exit_code == 0, result.output
    assert '"path": "postgresql://postgres:***@127.0.0.1:' in result.output
    plain = CliRunner().invoke(cli, ["--db", url, "summary"])
    assert "postgresql://postgres:***@127.0.0.1:" in plain.output
    assert "s3cret" not in plain.output + result.output
