"""``claimdesk copy``: the whole store into an empty one, refused over one that holds records."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.tui.cli import cli
from tests.store.store_with_history import fill


@pytest.fixture
def source(tmp_path) -> str:
    """A store file with documents, history and a removed document."""
    path = tmp_path / "desk.db"
    store = Store.open(path, actor="ana")
    fill(store, tmp_path)
    store.close()
    return str(path)


def copy(*args: str):
    """Run ``claimdesk copy ARGS``."""
    return CliRunner().invoke(cli, ["copy", *args], catch_exceptions=False)


def test_copy_prints_every_table_matched(source, tmp_path):
    target = tmp_path / "copy.db"
    result = copy(source, str(target))
    assert result.exit_code == 0, result.output
    assert "every table's count and checksum match" in result.output
    assert " NO " not in result.output
    copied = Store.open(target)
    original = Store.open(source)
    assert copied.history() == original.history()
    assert replace(copied.summary(), path="") == replace(original.summary(), path="")
    leftovers = [p.name for p in tmp_path.iterdir() if ".copying-" in p.name]
    assert leftovers == []


def test_copy_refuses_a_store_that_holds_records_unless_replace(source, tmp_path):
    target = tmp_path / "other.db"
    other = Store.open(target)
    other.add_text("The mayor said 9 bridges closed.", title="Bridges")
    other.close()
    refused = copy(source, str(target))
    assert refused.exit_code == 1
    assert refused.output.startswith("Error: cannot copy: ")
    assert "already holds a store (1 documents, 1 claims" in refused.output
    assert "--replace" in refused.output and refused.output.count("\n") == 1
    assert [d.title for d in Store.open(target).documents()] == ["Bridges"]

    replaced = copy(source, str(target), "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert "Bridges" not in [d.title for d in Store.open(target).documents()]


def test_copy_into_an_existing_empty_store(source, tmp_path):
    target = tmp_path / "empty.db"
    Store.open(target).close()
    assert copy(source, str(target)).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.db", "out.db"], "cannot copy: there is no store file missing.db"),
        (["SRC", "SRC"], "cannot copy a store onto itself"),
        (["SRC", "."], "is a folder; name a store file"),
    ],
)
def test_copy_errors_are_one_line(source, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = copy(*[source if a == "SRC" else a for a in args])
    assert result.exit_code == 1
    assert message in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "out.db").exists()


def test_a_server_url_is_shown_without_its_password(source, pg_dsn):
    login, host = pg_dsn.split("://", 1)[1].split("@", 1)
    with_password = f"postgresql://{login}:s3cret@{host}"
    result = copy(source, with_password)
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output and f"{login}:***@{host}" in result.output


def test_copy_to_a_server_and_back(source, tmp_path, pg_dsn):
    there = copy(source, pg_dsn)
    assert there.exit_code == 0, there.output
    assert "every table's count and checksum match" in there.output
    refused = copy(source, pg_dsn)
    assert refused.exit_code == 1 and "already holds a store" in refused.output
    back = tmp_path / "back.db"
    again = copy(pg_dsn, str(back))
    assert again.exit_code == 0, again.output
    assert Store.open(back).history() == Store.open(source).history()


def test_replace_is_refused_for_a_server(source, pg_dsn):
    result = copy(source, pg_dsn, "--replace")
    assert result.exit_code == 1
    assert "copy into an empty database" in result.output
