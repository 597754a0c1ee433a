"""Exports from the command palette: each format of this document, of the status filter
across the store, or of the store; a dialog asks for the file, a worker writes it."""

from __future__ import annotations

import csv
import io

from textual.widgets import Input

from claimdesk.tui.commands import ClaimdeskCommands
from claimdesk.tui.filters import ClaimFilter
from claimdesk.tui.screens.export_path import ExportPathScreen

from .conftest import make_app, settle


async def palette_names(app, query: str) -> dict:
    provider = ClaimdeskCommands(app.screen)
    return {hit.text: hit.command async for hit in provider.search(query)}


async def choose(pilot, query: str, name: str) -> ExportPathScreen:
    """Run the palette command ``name`` and wait for the export dialog."""
    commands = await palette_names(pilot.app, query)
    commands[name]()
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportPathScreen)
    return dialog


async def write_to(pilot, path) -> None:
    """Type ``path`` into the export dialog and press enter."""
    field = pilot.app.screen.query_one(Input)
    field.value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


async def test_the_palette_offers_each_format_for_the_document_the_filter_and_the_store(
    filled_store,
):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        names = set(await palette_names(app, "export csv"))
        assert "Export CSV (one row a claim): this document" in names
        assert not any("flagged" in n and "whole store" in n for n in names)  # no filter yet
        app.main_screen.apply_filter(ClaimFilter(status="false"))
        await settle(pilot)
        for query in ("export claimreview", "export annotations", "export csv", "export markdown"):
            names = await palette_names(app, query)
            assert any(n.endswith(": claims flagged false in the whole store") for n in names)
            assert any(n.endswith(": this document") for n in names)
            assert any(n.endswith(": the store's flagged and noted claims") for n in names)


async def test_the_document_dossier_goes_to_the_file_typed(filled_store, tmp_path):
    claim = filled_store.claims()[0]
    filled_store.set_status(claim.id, "false")
    app = make_app(filled_store)
    target = tmp_path / "dossier.md"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        dialog = await choose(pilot, "export markdown", "Export Markdown dossier: this document")
        assert dialog.query_one(Input).value.endswith(".md")
        await write_to(pilot, target)
        text = target.read_text(encoding="utf-8")
        assert claim.text.split()[0] in text and "- **Status:** false" in text
        said = app.main_screen.query_one("#status").last_action
        assert said.startswith("markdown export of this document (")
        assert said.endswith(f"written to {target}")


async def test_the_status_filter_exports_those_claims_of_the_whole_store(
    filled_store, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    border, second, _ = filled_store.documents()
    flagged = [filled_store.claims(border.id)[0], filled_store.claims(second.id)[0]]
    for claim in flagged:
        filled_store.set_status(claim.id, "false")
    filled_store.set_status(filled_store.claims(border.id)[1].id, "verified")
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main_screen.apply_filter(ClaimFilter(status="false"))
        await settle(pilot)
        name = "Export CSV (one row a claim): claims flagged false in the whole store"
        await choose(pilot, "export csv false", name)
        await pilot.press("enter")  # the suggested file, in the working folder
        await settle(pilot)
        (written,) = tmp_path.glob("claimdesk-csv-false-*.csv")
        rows = csv_rows(written.read_text(encoding="utf-8"))
        assert sorted(r["claim"] for r in rows) == sorted(c.text for c in flagged)
        assert {r["status"] for r in rows} == {"false"}
        assert "(2 claims)" in app.main_screen.query_one("#status").last_action


async def test_an_existing_file_is_replaced_only_on_a_second_enter(filled_store, tmp_path):
    filled_store.set_status(filled_store.claims()[0].id, "false")
    target = tmp_path / "work.jsonld"
    target.write_text("kept", encoding="utf-8")
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        name = (
            "Export Web Annotations JSON-LD (notes and flags): the store's flagged and noted claims"
        )
        dialog = await choose(pilot, "export annotations store", name)
        await write_to(pilot, target)
        assert app.screen is dialog and target.read_text(encoding="utf-8") == "kept"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main_screen
        assert '"TextQuoteSelector"' in target.read_text(encoding="utf-8")


async def test_escape_writes_nothing(filled_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        name = "Export ClaimReview JSON-LD (reviewed claims): the store's flagged and noted claims"
        await choose(pilot, "export claimreview", name)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main_screen
        assert list(tmp_path.glob("claimdesk-*")) == []
        assert app.main_screen.query_one("#status").last_action == "export cancelled"
