"""Where a claim sits in its source (PDF pages, cue times) and how a document came in (the
e-mail an attachment came with), as the reader shows them."""

from __future__ import annotations

from email.message import EmailMessage

from claimdesk.tui.widgets.claim_detail import ClaimDetail
from claimdesk.tui.widgets.claims_list import ClaimsList
from claimdesk.tui.widgets.document_origin import DocumentOriginLine
from claimdesk.tui.widgets.document_view import DocumentView
from tests.made_documents import make_pdf

from .conftest import make_app, rendered_text, settle

PAGE_ONE = [
    "# Flood situation report",
    "",
    "The Ministry of Civil Protection said on Tuesday that 4,200 people were",
    "evacuated from the river districts after the dam failed.",
    "",
    "Rescue teams reported that at least 37 people had died and 112 were injured.",
]
PAGE_TWO = [
    "The regional governor said 15 bridges had been destroyed and that 3,000 homes",
    "were without power.",
]

SRT = """1
00:03:05,120 --> 00:03:07,900
The governor told reporters that

2
00:03:08,000 --> 00:03:11,400
at least 37 people had died in the floods.

3
00:03:12,010 --> 00:03:15,000
Rescue teams found 12 survivors on Wednesday.

4
00:03:25,000 --> 00:03:29,000
- The mayor said 4,200 people were evacuated.
"""


def _report() -> bytes:
    return make_pdf(
        [PAGE_ONE, PAGE_TWO],
        title="Flood situation report No. 12",
        author="Ministry",
        footer="Page {n} of {total}",
    )


def _sentence(store, doc_id, starting):
    return next(s for s in store.sentences(doc_id) if s.text.startswith(starting))


async def _open(pilot, doc_id: int, claim_id: int | None = None):
    screen = pilot.app.main_screen
    screen.open_place(doc_id, claim_id)
    await settle(pilot)
    assert screen.document.id == doc_id
    return screen


async def test_a_pdf_claim_says_its_page_and_the_document_labels_where_pages_start(store):
    doc_id = store.add_bytes(_report(), name="situation-report.pdf").doc_id
    other = store.add_text("Officials said 40 people died on Monday.", title="Plain note").doc_id
    on_one = _sentence(store, doc_id, "Rescue teams reported")
    on_two = _sentence(store, doc_id, "The regional governor said 15 bridges")
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = await _open(pilot, doc_id, on_one.id)
        claims = screen.query_one(ClaimsList)
        assert claims.border_subtitle == "p. 1"
        detail = screen.query_one(ClaimDetail)
        body = detail.query_one("#detail-body")
        assert detail.location == "p. 1" and "p. 1" in rendered_text(body).splitlines()[0]
        screen.current_id = on_two.id
        await settle(pilot)
        assert claims.border_subtitle == "p. 2"
        assert "p. 2" in rendered_text(body).splitlines()[0]

        lines = [line[1:] for line in rendered_text(screen.query_one(DocumentView)).splitlines()]
        labelled = [line.split()[:2] for line in lines if line.startswith("p. ")]
        assert labelled == [["p.", "1"], ["p.", "2"]]
        page_two = next(line for line in lines if line.startswith("p. 2"))
        assert page_two[len("p. 2") :].strip().startswith("The regional governor said")
        assert lines[2].startswith("     The Ministry")  # only the lines where a page starts

        origin = screen.query_one(DocumentOriginLine)
        assert origin.display and str(origin.render()) == "PDF, 2 pages by Ministry"

        await _open(pilot, other)
        assert claims.border_subtitle == ""  # a text without pages says nothing
        assert not origin.display
        assert rendered_text(screen.query_one(DocumentView)).startswith(" Officials said")


async def test_clicking_beside_the_gutter_selects_the_sentence_there(store):
    doc_id = store.add_bytes(_report(), name="situation-report.pdf").doc_id
    first = _sentence(store, doc_id, "The Ministry of Civil Protection")
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = await _open(pilot, doc_id)
        view = screen.query_one(DocumentView)
        lines = rendered_text(view).splitlines()  # as drawn, the pane's padding included
        row = next(i for i, line in enumerate(lines) if "The Ministry of Civil" in line)
        column = lines[row].index("The Ministry")
        await pilot.click(DocumentView, offset=(column + 1, row))
        await settle(pilot)
        assert screen.current_id == first.id


async def test_a_transcript_claim_says_when_it_was_said(store):
    doc_id = store.add_bytes(SRT.encode(), name="briefing.srt").doc_id
    rescue = _sentence(store, doc_id, "Rescue teams found 12")
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = await _open(pilot, doc_id, rescue.id)
        assert screen.query_one(ClaimsList).border_subtitle == "at 00:03:12"
        assert screen.query_one(ClaimDetail).location == "at 00:03:12"
        lines = [line[1:] for line in rendered_text(screen.query_one(DocumentView)).splitlines()]
        times = [line.split()[0] for line in lines if line[:2].isdigit()]
        assert times == ["00:03:05", "00:03:25"]  # one time a paragraph, not one a cue
        assert str(screen.query_one(DocumentOriginLine).render()) == "subtitles"


async def test_an_attachment_names_the_mail_it_came_with_and_the_mail_its_attachments(
    store, tmp_path
):
    message = EmailMessage()
    message["From"] = "Olena Kravets <olena@example.org>"
    message["Subject"] = "Tip: the hospital figures"
    message["Date"] = "Thu, 19 Dec 2024 08:15:00 +0200"
    message.set_content("The hospital said 52 people died in the floods on Tuesday.")
    message.add_attachment(_report(), maintype="application", subtype="pdf", filename="report.pdf")
    path = tmp_path / "tip.eml"
    path.write_bytes(bytes(message))
    mail, attachment = store.add_paths([path])
    app = make_app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = await _open(pilot, attachment.doc_id)
        line = str(screen.query_one(DocumentOriginLine).render())
        assert line == (
            "PDF, 2 pages by Ministry · attached to the e-mail"
            f" “Tip: the hospital figures” (document {mail.doc_id})"
        )
        await pilot.press("L")  # the mail it came with
        await settle(pilot)
        assert screen.document.id == mail.doc_id
        line = str(screen.query_one(DocumentOriginLine).render())
        assert line == (
            f"e-mail · attachments: “Flood situation report No. 12” (document {attachment.doc_id})"
        )
        await pilot.press("L")  # and from the mail, its attachment
        await settle(pilot)
        assert screen.document.id == attachment.doc_id


async def test_a_document_without_links_says_so_when_asked_to_open_one(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        before = screen.document.id
        await pilot.press("L")
        await settle(pilot)
        assert screen.document.id == before
        assert screen.query_one("#status").last_action == (
            "no e-mail or attachment linked to this document"
        )


async def test_the_origin_line_leaves_a_stacked_document_pane_to_the_text(store):
    store.add_bytes(_report(), name="situation-report.pdf")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        origin = app.main_screen.query_one(DocumentOriginLine)
        assert str(origin.render()) == "PDF, 2 pages by Ministry" and not origin.display
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert origin.display
