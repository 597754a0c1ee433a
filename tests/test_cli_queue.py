"""``claimdesk queue`` and who changes are made by (``--as``, the config's ``user``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimdesk.tui.cli import cli

REPORTS = (
    (
        "Border report",
        "2024-12-27",
        "Officials said 100 soldiers were killed near Kursk on Monday.",
    ),
    (
        "Second account",
        "2024-12-28",
        "Ukraine said 3,000 soldiers were killed near Kursk on Monday.",
    ),
)


@pytest.fixture
def db(tmp_path):
    """A store with two reports that conflict on one figure, added through the CLI."""
    path = str(tmp_path / "queue.db")
    runner = CliRunner()
    for title, published, text in REPORTS:
        result = runner.invoke(
            cli, ["--db", path, "add", "-", "--title", title, "--published", published], input=text
        )
        assert result.exit_code == 0, result.output
    return path


def run(db, *args, env=None):
    result = CliRunner().invoke(cli, ["--db", db, *args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def rows(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_the_queue_lists_needs_check_claims_across_documents(db):
    ids = [row["id"] for row in rows(run(db, "claims", "--json"))]
    for claim_id in ids:
        run(db, "flag", str(claim_id), "needs-check")
    listed = rows(run(db, "queue", "--json"))
    assert {r["id"] for r in listed} == set(ids)
    assert {r["doc_title"] for r in listed} == {"Border report", "Second account"}
    human = run(db, "queue", "--limit", "1").stdout
    assert "1 of 2 claims: needs-check, most check-worthy first (--limit 2 shows them all)" in human


def test_queue_by_date_notes_and_conflicts(db):
    newest_first = rows(run(db, "queue", "--status", "any", "--sort", "date", "--json"))
    assert [r["doc_published"] for r in newest_first] == ["2024-12-28", "2024-12-27"]
    claim_id = newest_first[0]["id"]
    run(db, "note", str(claim_id), "ask the ministry")
    noted = rows(run(db, "queue", "--status", "any", "--notes", "--json"))
    assert [(r["id"], r["note"]) for r in noted] == [(claim_id, "ask the ministry")]
    conflicting = rows(run(db, "queue", "--status", "any", "--conflicts", "--json"))
    assert len(conflicting) == 2
    assert all(r["reason"].startswith("conflicts with: ") for r in conflicting)
    assert rows(run(db, "queue", "--status", "any", "--since", "2999-01-01", "--json")) == []
    assert "no claims: needs-check" in run(db, "queue").stdout


def test_changes_are_made_as_the_named_user(db, tmp_path):
    claim_id = rows(run(db, "claims", "--json"))[0]["id"]
    config = tmp_path / "config.toml"
    config.write_text('user = "carol"\n', encoding="utf-8")
    env = {"CLAIMDESK_CONFIG": str(config)}
    run(db, "flag", str(claim_id), "verified", env=env)
    run(db, "--as", "dave", "note", str(claim_id), "checked", env=env)
    history = rows(run(db, "history", str(claim_id), "--json"))
    assert [(e["actor"], e["kind"]) for e in history] == [("carol", "status"), ("dave", "note")]
