"""What the screen gives: Markdown as structure, a footer that keeps "q quit", panes that use the
width, one 0-100 score scale, and a chosen theme that is kept."""

from __future__ import annotations

from claimdesk.tui.config import load_config
from claimdesk.tui.screens.filter_chooser import FilterChooser
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList
from claimdesk.tui.widgets.status_bar import StatusBar

from .conftest import make_app, rendered_text, settle, wait_until

MARKDOWN = (
    "# Floods in the valley\n\n"
    "Officials said **40 people** died on *Monday*.\n\n"
    "## Rescue\n\n"
    "The army sent 300 soldiers _north_."
)


async def test_markdown_headings_and_emphasis_show_as_structure_with_offsets_unchanged(store):
    doc_id = store.add_text(MARKDOWN, title="Floods", path="floods.md").doc_id
    app = make_app(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        view = app.main_screen.query_one(DocumentView)
        lines = [view.render_line(y).text.rstrip() for y in range(7)]
        assert lines[0] == "Floods in the valley"
        assert lines[2] == "Officials said 40 people died on Monday."
        assert lines[4] == "Rescue"
        assert lines[6] == "The army sent 300 soldiers north."
        heading = [s for s in view.render_line(0) if s.text.strip()]
        assert heading and all(s.style.bold for s in heading)
        emphasis = [s for s in view.render_line(2) if "Monday" in s.text]
        assert emphasis and emphasis[0].style.italic
        text = store.document(doc_id).text
        for sentence in view.sentences:  # offsets still index the stored text
            assert text[sentence.start : sentence.end] == sentence.text
        army = next(s for s in view.sentences if s.text.startswith("The army"))
        await pilot.click(DocumentView, offset=(1 + lines[6].index("north") + 2, 6))
        await settle(pilot)
        assert app.main_screen.current_id == army.id


async def test_plain_text_keeps_its_stars(store):
    store.add_text("Officials said 3 * 4 soldiers, or *about* 12, were hurt.", title="t")
    app = make_app(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        view = app.main_screen.query_one(DocumentView)
        assert view.render_line(0).text.startswith("Officials said 3 * 4 soldiers, or *about* 12")


async def test_the_footer_keeps_quit_and_help_at_80_columns(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = rendered_text(app.main_screen.query_one(StatusBar)).splitlines()[-1]
        assert "q quit" in keys and "? help" in keys and "…" not in keys
    app = make_app(filled_store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        keys = rendered_text(app.main_screen.query_one(StatusBar)).splitlines()[-1]
        for hint in ("i details", "v queue", "f filter", "b back", "q quit"):
            assert hint in keys


async def test_panes_use_the_width_they_have(filled_store):
    widths = {}
    for columns in (160, 200):
        app = make_app(filled_store)
        async with app.run_test(size=(columns, 50)) as pilot:
            await settle(pilot)
            widths[columns] = app.main_screen.query_one(DocumentsList).size.width
    assert widths[200] > widths[160] >= 28
    assert widths[200] >= 38


async def test_scores_are_0_to_100_everywhere(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        claims = screen.query_one(ClaimsList)
        first = claims.items[0]
        assert f" {round(first.score * 100):3d} " in claims.render_line(0).text
        await pilot.press("f", "s")
        assert isinstance(app.screen, FilterChooser)
        assert "minimum score 50 (of 100)" in rendered_text(app.screen.query_one("#choices"))
        await pilot.press("enter")
        assert "score ≥ 50" in screen.query_one(StatusBar).filter_text


async def test_a_theme_chosen_in_the_palette_is_kept_in_the_config(filled_store, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('user = "alice"\n\n[keys]\nflag = "g"\n', encoding="utf-8")
    app = make_app(filled_store, config_path=config)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.theme = "nord"  # what the palette's theme picker does
        await wait_until(pilot, lambda: load_config(config).theme == "nord")
    kept = load_config(config)
    assert (kept.theme, kept.keys, kept.user) == ("nord", {"flag": "g"}, "alice")
    app = make_app(filled_store, config_path=config)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
