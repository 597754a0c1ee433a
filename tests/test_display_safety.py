"""One display-safety rule for every output: the same hostile strings (a terminal title, a
clipboard write, a screen clear, one-byte C1 controls) in titles, sources, document text,
notes, aliases and queries never reach the terminal raw, in tables, echoes, errors or
``--json`` (where they are escaped and still read back exactly)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.tui.cli import cli

TITLE = "\x1b]0;pwned title\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
C1 = "\x9b31m\x9c\x9d"
HOSTILE = f"{TITLE}{CLIPBOARD}{CLEAR}{C1}"
"""Every hostile sequence of the issue, in one string."""

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What must never be printed: C0 controls (but tab and newline), DEL and C1 controls."""


@pytest.fixture
def hostile_db(tmp_path):
    """A store whose every user-visible string carries :data:`HOSTILE`."""
    db = str(tmp_path / "hostile.db")
    store = Store.open(db)
    text = (
        f"Officials in Port Alder said 40 people died on Monday {HOSTILE}.\n\n"
        f"The ministry said 12 people died on Monday {HOSTILE}.\n\n"
        "Mayor Ines Varga of Port Alder asked Kestrel Bay for tents.\n\n"
    )
    first = store.add_text(
        text, title=f"Report {HOSTILE}", source=f"Wire {HOSTILE}", published="2025-03-02"
    )
    store.add_text(
        "Officials in Port Alder said 45 people died on Monday in the city. "
        "Mayor Ines Varga thanked Kestrel Bay.",
        title=f"Other {HOSTILE}",
        published="2025-03-02",
    )
    claim = store.claims(first.doc_id)[0]
    store.set_note(claim.id, f"note {HOSTILE}")
    store.close()
    return db, claim.id, first.doc_id


def _run(db, *args, input=None):
    result = CliRunner().invoke(
        cli, ["--db", db, *args], input=input, env={"COLUMNS": "300"}, catch_exceptions=False
    )
    return result


def _assert_safe(result):
    for stream in (result.stdout, result.stderr):
        raw = RAW.findall(stream)
        assert raw == [], f"raw control characters {raw!r} in {stream[:300]!r}"


@pytest.mark.parametrize(
    "args",
    [
        ("docs",),
        ("claims",),
        ("claims", "--all-sentences"),
        ("show", "{claim}"),
        ("search", "officials"),
        ("search", f"officials {HOSTILE}"),
        ("history", "{claim}"),
        ("related", "{claim}"),
        ("conflicts",),
        ("alias", "add", f"DPRK{HOSTILE}", f"North Korea{HOSTILE}"),
        ("alias", "list"),
        ("alias", "rm", f"nothing{HOSTILE}"),
        ("note", "{claim}", f"again {HOSTILE}", "--force"),
        ("flag", "{claim}", f"bogus{HOSTILE}"),
        ("summary",),
        ("orphans",),
        ("rm", "{doc}"),
    ],
)
def test_every_human_output_is_safe(hostile_db, args):
    db, claim, doc = hostile_db
    args = [a.format(claim=claim, doc=doc) for a in args]
    result = _run(db, *args)
    _assert_safe(result)
    assert result.stdout or result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("docs", "--json"),
        ("claims", "--json"),
        ("show", "{claim}", "--json"),
        ("search", "officials", "--json"),
        ("history", "{claim}", "--json"),
        ("related", "{claim}", "--json"),
        ("conflicts", "--json"),
        ("alias", "list", "--json"),
        ("note", "{claim}", f"again {HOSTILE}", "--force", "--json"),
        ("summary", "--json"),
    ],
)
def test_every_json_output_is_safe_and_exact(hostile_db, args):
    db, claim, _ = hostile_db
    _run(db, "alias", "add", f"DPRK{HOSTILE}", "North Korea")
    result = _run(db, *[a.format(claim=claim) for a in args])
    assert result.exit_code == 0, result.output
    _assert_safe(result)
    decoded = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert decoded
    if args[0] in ("docs", "claims", "show", "history", "note", "alias"):
        assert any(HOSTILE in s for s in _strings(decoded))  # the data is kept exactly


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_adding_hostile_input_echoes_safely(tmp_path):
    db = str(tmp_path / "add.db")
    bad = tmp_path / f"bad{CLEAR}.txt"
    bad.write_bytes(b"")
    result = _run(db, "add", str(bad), "-", "--title", HOSTILE, input=f"40 died {HOSTILE}.")
    _assert_safe(result)
    assert "refused" in result.stderr
