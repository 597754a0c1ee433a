"""``claimdesk desk grant-reader/grant-writer``, and what a reader's change says."""

from __future__ import annotations

from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.tui.cli import cli
from tests.store.test_desk_roles import as_role


def run(db: str, *args: str, input: str | None = None):
    """``claimdesk --db DB ARGS``."""
    return CliRunner().invoke(cli, ["--db", db, *args], input=input, catch_exceptions=False)


def test_grant_reader_then_the_readers_flag_is_one_clear_line(pg_dsn):
    owner = Store.open(pg_dsn)
    owner.add_text("Officials said 40 people died.", title="Flood")
    claim_id = owner.claims()[0].id
    granted = run(pg_dsn, "desk", "grant-reader", "desk_intern", "--password", input="pw\npw\n")
    assert granted.exit_code == 0, granted.output
    assert "created the role desk_intern: a reader of this desk" in granted.output
    reader = as_role(pg_dsn, "desk_intern")
    assert "Officials said 40 people died." in run(reader, "claims").output
    refused = run(reader, "flag", str(claim_id), "verified")
    assert refused.exit_code == 1
    assert refused.output.startswith("Error: your database role may not change this store")
    assert refused.output.count("\n") == 1 and "Traceback" not in refused.output
    assert owner.claims()[0].status == "unreviewed"

    promoted = run(pg_dsn, "desk", "grant-writer", "desk_intern")
    assert "role desk_intern: a writer of this desk" in promoted.output
    assert run(reader, "flag", str(claim_id), "verified").exit_code == 0
    assert owner.claims()[0].status == "verified"


def test_desk_roles_on_a_store_file_are_refused(tmp_path):
    result = run(str(tmp_path / "f.db"), "desk", "grant-reader", "intern")
    assert result.exit_code == 1
    assert "roles are for desk stores on PostgreSQL" in result.output
