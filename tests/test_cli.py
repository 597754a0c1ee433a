"""Every store command of the ``claimdesk`` CLI, through click's CliRunner on throwaway stores."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.tui import paths
from claimdesk.tui.cli import cli

REPORT = (
    "---\ntitle: Seoul estimate\nsource: Northern Ledger\npublished: 2024-12-19\n---\n\n"
    "South Korean intelligence said at least 100 North Korean soldiers were killed.\n\n"
    "Zelensky said more than 3,000 soldiers were killed or wounded on December 26.\n\n"
    "What preceded\n"
)


@pytest.fixture
def db(tmp_path):
    """A path for a throwaway store."""
    return str(tmp_path / "cli.db")


@pytest.fixture
def runner():
    """A CliRunner (stdout and stderr are kept apart)."""
    return CliRunner()


def run(runner, db, *args, input=None, env=None):
    """Invoke ``claimdesk --db DB ARGS``."""
    return runner.invoke(cli, ["--db", db, *args], input=input, env=env, catch_exceptions=False)


def lines(result) -> list[dict]:
    """The JSON lines of a ``--json`` result."""
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def filled(runner, db, tmp_path):
    """A store with one report added through the CLI; returns the db path."""
    path = tmp_path / "report.md"
    path.write_text(REPORT, encoding="utf-8")
    result = run(runner, db, "add", str(path))
    assert result.exit_code == 0, result.output
    return db


def first_claim_id(runner, db) -> int:
    """The id of the first claim in the store."""
    return lines(run(runner, db, "claims", "--json"))[0]["id"]


def test_add_reports_counts_and_is_idempotent(runner, db, tmp_path):
    path = tmp_path / "report.md"
    path.write_text(REPORT, encoding="utf-8")
    result = run(runner, db, "add", str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith("added 1 document (")
    again = run(runner, db, "add", str(path))
    assert again.exit_code == 0
    assert "added 0 documents" in again.stdout and "1 already stored" in again.stdout


def test_add_refuses_bad_inputs_one_line_each_and_exits_non_zero(runner, db, tmp_path):
    (tmp_path / "good.txt").write_text("Officials said 40 people died.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    result = run(
        runner,
        db,
        "add",
        str(tmp_path / "good.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "blob.txt"),
        str(tmp_path / "missing.txt"),
    )
    assert result.exit_code == 1
    refused = [line for line in result.stderr.splitlines() if line.startswith("refused ")]
    assert len(refused) == 3
    assert any(line.endswith("empty.txt: empty file") for line in refused)
    assert any("blob.txt: a binary file, not text" in line for line in refused)
    assert any(line.endswith("missing.txt: no such file or folder") for line in refused)
    assert "Traceback" not in result.output
    assert "added 1 document" in result.stdout
    assert Store.open(db).summary().documents == 1


def test_add_max_size_and_json(runner, db, tmp_path):
    (tmp_path / "big.txt").write_text("Officials said 40 people died. " * 100_000, "utf-8")
    (tmp_path / "small.txt").write_text("Officials said 4 people died.", "utf-8")
    result = run(runner, db, "add", "--max-size", "1", "--json", str(tmp_path))
    assert result.exit_code == 1
    rows = {row["path"].rsplit("/", 1)[-1]: row for row in lines(result)}
    assert rows["big.txt"]["refused"] and rows["big.txt"]["reason"].startswith("too large: 3.0 MB")
    assert rows["small.txt"]["added"] and rows["small.txt"]["doc_id"] == 1


def test_add_from_stdin_with_metadata_options(runner, db):
    result = run(
        runner,
        db,
        "add",
        "-",
        "--title",
        "Piped",
        "--source",
        "Wire",
        "--url",
        "https://example.invalid/p",
        "--published",
        "2024-12-27",
        input=b"Officials said 40 people died on Monday.\n",
    )
    assert result.exit_code == 0, result.output
    (doc,) = lines(run(runner, db, "docs", "--json"))
    assert isinstance(doc.pop("claims"), int)
    assert doc == {
        "id": 1,
        "title": "Piped",
        "source": "Wire",
        "url": "https://example.invalid/p",
        "published": "2024-12-27",
        "path": "",
        "replaces": None,
        "replaced_by": None,
        "language": "en",
        "disclaimer": "",
    }


def test_add_oversize_stdin_is_refused(runner, db):
    result = run(
        runner, db, "add", "-", "--max-size", "0.001", input=b"Officials said 4 died. " * 100
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "refused (standard input): too large: more than 1,048 bytes (the limit)"
    )


def test_add_empty_stdin_is_refused(runner, db):
    result = run(runner, db, "add", "-", input=b"")
    assert result.exit_code == 1
    assert result.stderr.strip() == "refused (standard input): empty file"


def test_docs_table_and_json(runner, filled):
    table = run(runner, filled, "docs")
    assert table.exit_code == 0 and "Seoul estimate" in table.stdout
    (doc,) = lines(run(runner, filled, "docs", "--json"))
    assert set(doc) == {
        "id",
        "title",
        "source",
        "url",
        "published",
        "path",
        "claims",
        "replaces",
        "replaced_by",
        "language",
        "disclaimer",
    }
    assert (doc["title"], doc["source"], doc["published"]) == (
        "Seoul estimate",
        "Northern Ledger",
        "2024-12-19",
    )


def test_docs_on_an_empty_store(runner, db):
    assert "no documents yet" in run(runner, db, "docs").stdout


def test_claims_json_fields_offsets_and_filters(runner, filled):
    claims = lines(run(runner, filled, "claims", "1", "--json"))
    assert claims
    for field in ("id", "doc_id", "start", "end", "text", "score", "kind", "source", "cue"):
        assert field in claims[0]
    for field in ("numbers", "dates", "status", "note"):
        assert field in claims[0]
    text = Store.open(filled).document(1).text
    assert all(text[c["start"] : c["end"]] == c["text"] for c in claims)
    everything = lines(run(runner, filled, "claims", "--all-sentences", "--json"))
    assert len(everything) > len(claims)
    assert lines(run(runner, filled, "claims", "--status", "verified", "--json")) == []
    table = run(runner, filled, "claims")
    assert table.exit_code == 0 and "3,000" in table.stdout


def test_claims_of_an_unknown_document_is_one_error_line(runner, filled):
    result = run(runner, filled, "claims", "99")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no document with id 99"


def test_claims_rejects_an_unknown_status(runner, filled):
    result = run(runner, filled, "claims", "--status", "bogus")
    assert result.exit_code == 2 and "bogus" in result.stderr


def test_search_table_json_and_no_match(runner, filled):
    hits = lines(run(runner, filled, "search", "zelen", "--json"))
    assert len(hits) == 1 and "3,000" in hits[0]["text"]
    assert hits[0]["doc_title"] == "Seoul estimate"
    assert "Zelensky" in run(runner, filled, "search", "3000 soldiers").stdout
    assert "no claims match" in run(runner, filled, "search", "nonexistentword").stdout
    assert len(lines(run(runner, filled, "search", "soldiers", "--limit", "1", "--json"))) == 1


def test_show_flag_note_and_history(runner, filled):
    claim_id = first_claim_id(runner, filled)
    flagged = run(runner, filled, "flag", str(claim_id), "needs-check")
    assert flagged.exit_code == 0 and flagged.stdout.strip() == f"claim {claim_id}: needs-check"
    noted = run(runner, filled, "note", str(claim_id), "Ask the ministry.")
    assert noted.stdout.strip() == f"claim {claim_id}: note saved"
    piped = run(runner, filled, "note", str(claim_id), "-", input="Second note\n")
    assert piped.exit_code == 0
    (shown,) = lines(run(runner, filled, "show", str(claim_id), "--json"))
    assert (shown["status"], shown["note"], shown["doc_title"]) == (
        "needs-check",
        "Second note",
        "Seoul estimate",
    )
    human = run(runner, filled, "show", str(claim_id)).stdout
    assert "needs-check" in human and "Second note" in human and "Seoul estimate" in human
    events = lines(run(runner, filled, "history", str(claim_id), "--json"))
    assert [(e["kind"], e["new"]) for e in events] == [
        ("status", "needs-check"),
        ("note", "Ask the ministry."),
        ("note", "Second note"),
    ]
    assert "needs-check" in run(runner, filled, "history", str(claim_id)).stdout


def test_note_from_stdin_when_text_is_omitted(runner, filled):
    claim_id = first_claim_id(runner, filled)
    run(runner, filled, "note", str(claim_id), input="From a pipe\n")
    assert lines(run(runner, filled, "show", str(claim_id), "--json"))[0]["note"] == "From a pipe"


def test_flag_with_unknown_status_or_claim_is_one_error_line(runner, filled):
    bad = run(runner, filled, "flag", "1", "bogus")
    assert bad.exit_code == 1
    assert bad.stderr.startswith("Error: unknown status 'bogus'; choose one of: unreviewed")
    missing = run(runner, filled, "show", "9999")
    assert (missing.exit_code, missing.stderr.strip()) == (1, "Error: no claim with id 9999")
    assert "history yet" in run(runner, filled, "history", "1").stdout


def test_rm_removes_a_document_and_reports_unknown_ids(runner, filled):
    result = run(runner, filled, "rm", "1")
    assert result.exit_code == 0 and result.stdout.strip() == "removed document 1: Seoul estimate"
    assert lines(run(runner, filled, "docs", "--json")) == []
    again = run(runner, filled, "rm", "1")
    assert (again.exit_code, again.stderr.strip()) == (
        1,
        "Error: document 1 was removed (1: 'Seoul estimate')",
    )


def test_summary_table_and_json(runner, filled):
    claim_id = first_claim_id(runner, filled)
    run(runner, filled, "flag", str(claim_id), "verified")
    (summary,) = lines(run(runner, filled, "summary", "--json"))
    assert summary["documents"] == 1 and summary["flagged"] == 1
    assert summary["by_status"]["verified"] == 1
    assert summary["path"].endswith("cli.db")
    human = run(runner, filled, "summary", env={"COLUMNS": "300"}).stdout
    assert "documents" in human and "cli.db" in human


def test_document_text_is_never_markup_or_escape_codes(runner, db):
    text = "[bold red]Officials[/] said 40 people died. \x1b[2J\x1b]0;pwned\x07 Then 3 more."
    run(runner, db, "add", "-", input=text.encode())
    out = run(runner, db, "claims").stdout
    assert "[bold red]Officials[/]" in out
    assert "\x1b" not in out and "\x07" not in out


def test_a_damaged_database_is_one_error_line(runner, tmp_path):
    bad = tmp_path / "not-a.db"
    bad.write_text("this is not sqlite " * 100)
    result = run(runner, str(bad), "docs")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: the store is damaged; run claimdesk check"


def test_default_store_is_seeded_once(runner, tmp_path, monkeypatch):
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    monkeypatch.setattr(paths, "default_db_path", lambda: tmp_path / "data" / "claimdesk.db")
    first = runner.invoke(cli, ["docs", "--json"], catch_exceptions=False)
    docs = lines(first)
    assert len(docs) >= 7
    assert any("invented demo outlet" in d["source"] for d in docs)
    assert (tmp_path / "data" / "claimdesk.db").exists()
    second = lines(runner.invoke(cli, ["docs", "--json"], catch_exceptions=False))
    assert [d["id"] for d in second] == [d["id"] for d in docs]


def test_claimdesk_db_environment_variable_names_an_empty_store(runner, tmp_path, monkeypatch):
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "env.db"))
    result = runner.invoke(cli, ["summary", "--json"], catch_exceptions=False)
    (summary,) = lines(result)
    assert summary["documents"] == 0 and summary["path"].endswith("env.db")


def test_matching_evaluations_require_out_and_report_missing_files_whole(tmp_path):
    runner = CliRunner()
    missing_out = runner.invoke(cli, ["eval", "retrieve", str(tmp_path)])
    assert missing_out.exit_code == 2 and "Missing option '--out'" in missing_out.output
    out = str(tmp_path / "pred.jsonl")
    no_corpus = runner.invoke(cli, ["eval", "retrieve", str(tmp_path), "--out", out])
    assert no_corpus.exit_code == 1
    assert f"'{tmp_path / 'corpus.jsonl'}'" in no_corpus.output  # both quotes kept


def test_a_closed_pipe_ends_quietly_with_status_zero(db, tmp_path):
    """``claimdesk claims --json | head -1``: no "Broken pipe" error, exit status 0."""
    (tmp_path / "a.txt").write_text("Officials said 40 people died on Monday.\n" * 2000)
    subprocess.run(
        [sys.executable, "-m", "claimdesk", "--db", db, "add", str(tmp_path)], check=True
    )
    script = (
        f"{sys.executable} -m claimdesk --db {db} claims --json --all-sentences | head -c 10;"
        " echo; echo status=${PIPESTATUS[0]}"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("status=0")
    assert "Broken pipe" not in done.stderr
    assert done.stderr == ""


def test_add_says_when_claims_are_not_extracted_for_a_language(runner, db, tmp_path):
    path = tmp_path / "uk.txt"
    path.write_text(
        "Зеленський підтвердив, що Україна взяла в полон північнокорейських солдатів.\n"
        "За його словами, 14 грудня загинули щонайменше 30 військових.\n",
        encoding="utf-8",
    )
    result = run(runner, db, "add", str(path))
    assert result.exit_code == 0, result.output
    assert "claim extraction for Ukrainian (uk) is not available yet" in result.stdout
    (doc,) = lines(run(runner, db, "docs", "--json"))
    assert doc["language"] == "uk" and doc["claims"] == 0
    table = run(runner, db, "docs").stdout
    assert "uk" in table and "n/a" in table


def test_docs_and_show_carry_the_disclaimer_language_and_page_role(runner, db, tmp_path):
    path = tmp_path / "demo.md"
    path.write_text(
        "---\ntitle: Harbour floods\ndisclaimer: Invented demo report\n---\n"
        "# Harbour floods\n\nThe harbour flooded on Monday and 40 boats sank, officials said.\n",
        encoding="utf-8",
    )
    assert run(runner, db, "add", str(path)).exit_code == 0
    assert "Invented demo report" in run(runner, db, "docs").stdout
    heading = lines(run(runner, db, "claims", "--all-sentences", "--json"))[0]
    shown = run(runner, db, "show", str(heading["id"])).stdout
    assert "heading (level 1)" in shown and "Invented demo report" in shown
    assert "English (en)" in shown
    (as_json,) = lines(run(runner, db, "show", str(heading["id"]), "--json"))
    assert as_json["role"] == "heading" and as_json["doc_disclaimer"] == "Invented demo report"
