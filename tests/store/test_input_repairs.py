"""Inputs as they come: UTF-8 with a few bad bytes keeps its UTF-8 reading (repaired and
said so), fallback text of ``<noscript>``/``<iframe>`` is dropped, a malformed page with
visible text is read, and the search limit's cap is stated."""

from __future__ import annotations

from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.store.ingest import decoding
from claimdesk.store.ingest.html_text import html_to_text
from claimdesk.tui.cli import cli

UTF8 = (
    "Zelensky said “3,000 soldiers” were killed — the ministry’s figure.\n"
    "Officials in Kyiv said 40 people died on Monday.\n"
    "The café owner said prices rose 5 percent.\n"
)


def damaged() -> bytes:
    """:data:`UTF8` with two bytes broken, as a truncated copy or a bad paste leaves it."""
    raw = UTF8.encode("utf-8")
    return raw.replace("café".encode(), b"caf\xe9").replace(b"Monday", b"Mon\xffday")


def test_a_few_bad_bytes_keep_the_utf8_reading_and_are_reported():
    text, note = decoding.decode_with_note(damaged())
    assert "“3,000 soldiers” were killed — the ministry’s figure" in text
    assert "caf\ufffd owner" in text and "Mon\ufffdday" in text
    assert note == "2 bytes that are not UTF-8 replaced by \ufffd (lines 2, 3)"


def test_legacy_code_pages_are_still_recognised():
    assert decoding.decode_bytes("Привіт, світе. Як справи?".encode("cp1251")) == (
        "Привіт, світе. Як справи?"
    )
    assert decoding.decode_bytes(b"Caf\xe9 M\xfcller said 4 died.") == "Café Müller said 4 died."


def test_add_says_which_bytes_were_repaired(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(damaged())
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "add", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 bytes that are not UTF-8 replaced by \ufffd (lines 2, 3)" in result.stderr
    store = Store.open(tmp_path / "s.db")
    assert "ministry’s figure" in store.document(store.documents()[0].id).text


PAGE = (
    "<html><head><title>Floods</title></head><body><article><h1>Floods hit the city</h1>"
    "<p>Officials said 40 people died on Monday.<noscript>Please enable JavaScript to see"
    " the comments.</noscript> Rescue teams arrived on Tuesday.</p>"
    "<iframe src='/ad'>Your browser does not support frames.</iframe>"
    "<p>The mayor asked for 200 tents.</p></article></body></html>"
)


def test_noscript_and_iframe_fallbacks_are_dropped():
    text = html_to_text(PAGE).text
    assert "JavaScript" not in text and "frames" not in text
    assert "Officials said 40 people died on Monday. Rescue teams arrived on Tuesday." in text


def test_a_malformed_page_with_visible_text_is_read(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        "<html><head><title>Floods</title><p>Officials said 40 people died on Monday.</p>"
        "<p>The mayor asked for 200 tents.</p>",
        encoding="utf-8",
    )
    store = Store.open(tmp_path / "s.db")
    result = store.add_file(page)
    assert result.added, result.reason
    assert [c.text for c in store.claims(result.doc_id)][0].startswith("Officials said 40")


def test_search_states_its_limit(tmp_path):
    db = str(tmp_path / "s.db")
    Store.open(db).add_text("Officials said 40 people died on Monday.", title="Flood")
    runner = CliRunner()
    help_text = runner.invoke(cli, ["search", "--help"]).stdout
    assert "at most 250" in help_text
    over = runner.invoke(cli, ["--db", db, "search", "officials", "--limit", "300"])
    assert over.exit_code == 0
    assert "--limit 300 was lowered to 250" in over.stderr
    assert "Officials said 40" in over.stdout
