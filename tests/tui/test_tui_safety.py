"""Document text is data: markup, escapes, tabs, invisible characters and long lines show literally."""

from __future__ import annotations

from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_view import DocumentView
from claimdesk.tui.widgets.documents_list import DocumentsList

from .conftest import make_app, settle

HOSTILE = (
    "Officials said [bold]300[/bold] people [link=http://evil.example]died[/link] on Monday.\n"
    "The \x1b[31mred\x1b[0m\x1b]0;pwned\x07 report\tsaid 12 were hurt.\n"
    "Zero\u200bwidth and \u202eright-to-left\u202c text said 5 fled.\n" + "y" * 700
)


def screen_lines(widget, count: int) -> list[str]:
    """The plain text of the first ``count`` rendered lines of ``widget``."""
    return [widget.render_line(y).text for y in range(count)]


async def test_hostile_text_is_shown_literally(store):
    doc_id = store.add_text(HOSTILE, title="[b]Title[/b] \x1b[2J").doc_id
    app = make_app(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        assert screen.document.id == doc_id
        view = screen.query_one(DocumentView)
        raw = "".join(screen_lines(view, 40))
        shown = " ".join(raw.split())
        assert "[bold]300[/bold]" in shown
        assert "[link=http://evil.example]died[/link]" in shown
        assert "␛[31mred␛[0m␛]0;pwned␇" in shown
        assert "report said" in shown  # the tab is one space
        assert "\u200b" not in shown and "\u202e" not in shown
        assert raw.count("y") >= 700  # a long line wraps, nothing is lost
        for widget in (view, screen.query_one(ClaimsList), screen.query_one(DocumentsList)):
            for y in range(10):
                for segment in widget.render_line(y):
                    assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in segment.text)
        assert "[b]Title[/b]" in str(view.border_title) or "Title" in str(view.border_title)
        titles = "".join(screen_lines(screen.query_one(DocumentsList), 2))
        assert "[b]Title[/b] ␛[2J" in titles
        claims = "".join(screen_lines(screen.query_one(ClaimsList), 3))
        assert "[bold]300[/bold]" in claims


async def test_claim_offsets_line_up_with_what_is_shown(store):
    store.add_text("Tabs\tand\ttabs said 7 people left.\tThe army said 9 tanks moved.", title="t")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.main_screen.query_one(DocumentView)
        for sentence in view.sentences:
            shown = view._display[sentence.start : sentence.end]
            assert shown == sentence.text.replace("\t", " ")


async def test_document_without_claims_and_empty_store(store):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.main_screen.query_one(DocumentView)
        assert "no documents" in view.render_line(0).text
    store.add_text("just words here", title="quiet")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        assert "just words here" in screen.query_one(DocumentView).render_line(0).text
        assert screen.query_one(ClaimsList).items == []


def test_config_organisation_table():
    from claimdesk.tui.config import load_config_text

    config = load_config_text(
        '[organisation]\nname = "Harbour Desk"\nurl = "https://desk.example"\nlogo = 3\n'
    )
    assert config.organisation == {"name": "Harbour Desk", "url": "https://desk.example"}
    assert config.problems == ("config: unknown [organisation] key 'logo'",)
