"""E-mail ingest: decoded bodies, metadata from the headers, attachments as linked documents."""

from __future__ import annotations

from email.message import EmailMessage

from tests.made_documents import make_docx, make_pdf, make_scanned_pdf


def _tip(body: str = "", html: str = "", charset: str = "utf-8", cte: str = "quoted-printable"):
    message = EmailMessage()
    message["From"] = "Olena Kravets <olena@example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = "Tip: casualty figures don't match"
    message["Date"] = "Thu, 19 Dec 2024 08:15:00 +0200"
    message["Message-ID"] = "<tip-1@example.org>"
    if body:
        message.set_content(body, charset=charset, cte=cte)
    if html:
        if body:
            message.add_alternative(html, subtype="html")
        else:
            message.set_content(html, subtype="html")
    return message


BODY = (
    "Hello,\n\nThe regional administration said 37 people were killed, but the hospital "
    "in Vilnohirsk counted 52 dead by Wednesday evening.\n\n-- \nOlena Kravets\nField reporter\n"
)


def test_a_quoted_printable_mail_is_decoded_with_its_headers_as_metadata(store, tmp_path):
    path = tmp_path / "tip.eml"
    raw = bytes(_tip(BODY))
    assert b"=2C" in raw or b"=\n" in raw  # really quoted-printable on disk
    path.write_bytes(raw)
    result = store.add_file(path)
    assert result.added, result.reason
    doc = store.document(result.doc_id)
    assert doc.text == (
        "Hello,\n\nThe regional administration said 37 people were killed, but the hospital in "
        "Vilnohirsk counted 52 dead by Wednesday evening."
    )  # no headers, no signature
    assert doc.title == "Tip: casualty figures don't match"
    assert doc.source == "Olena Kravets <olena@example.org>"
    assert doc.published == "2024-12-19T08:15:00+02:00"
    assert store.origin(doc.id).kind == "email"
    for sentence in store.sentences(doc.id):
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_base64_bodies_in_legacy_charsets_are_decoded(store):
    body = "Мер сказав, що загинули 12 людей, а 40 поранені."
    raw = bytes(_tip(body, charset="koi8-u", cte="base64"))
    assert "загинули".encode() not in raw
    doc = store.document(store.add_bytes(raw, name="ua.eml").doc_id)
    assert doc.text == body


def test_an_html_only_mail_goes_through_the_html_path(store):
    html = (
        "<html><body><div style='color:red'><p>The mayor said <b>4,200</b> residents were "
        "evacuated.</p><script>track()</script></div></body></html>"
    )
    doc = store.document(store.add_bytes(bytes(_tip(html=html)), name="n.eml").doc_id)
    assert doc.text == "The mayor said 4,200 residents were evacuated."


def test_a_mail_without_a_suffix_is_known_by_its_headers(store, tmp_path):
    path = tmp_path / "message-0001"
    path.write_bytes(bytes(_tip(BODY)))
    result = store.add_file(path)
    assert store.origin(result.doc_id).kind == "email"
    assert "Subject:" not in store.document(result.doc_id).text


def test_pdf_and_word_attachments_become_documents_linked_to_the_mail(store, tmp_path):
    message = _tip(BODY)
    pdf = make_pdf([["The hospital said 52 people died in the floods on Tuesday."]])
    docx = make_docx([("p", "The governor said 37 people died in the floods on Tuesday.")])
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="hospital.pdf")
    message.add_attachment(
        docx,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="governor.docx",
    )
    message.add_attachment(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png", filename="a.png")
    message.add_attachment(
        make_scanned_pdf(1), maintype="application", subtype="pdf", filename="scan.pdf"
    )
    path = tmp_path / "tip.eml"
    path.write_bytes(bytes(message))
    results = store.add_paths([path])
    assert [r.path.rsplit("/", 1)[-1] for r in results] == [
        "tip.eml",
        "tip.eml#hospital.pdf",
        "tip.eml#governor.docx",
        "tip.eml#scan.pdf",
    ]
    mail, hospital, governor, scan = results
    assert mail.added and hospital.added and governor.added
    assert scan.refused and "scanned" in scan.reason
    assert store.origin(mail.doc_id).attachment_ids == (hospital.doc_id, governor.doc_id)
    assert store.origin(hospital.doc_id).parent_id == mail.doc_id
    assert store.origin(hospital.doc_id).kind == "pdf"
    assert store.marks(hospital.doc_id)[0].label == "1"
    assert store.document(governor.doc_id).text.startswith("The governor said 37 people")
    store.remove_document(mail.doc_id)  # the attachments stay, unlinked
    assert store.origin(hospital.doc_id).parent_id is None


def test_a_mail_that_is_only_an_attachment_adds_the_attachment(store, tmp_path):
    message = _tip()
    message.add_attachment(
        make_pdf([["Officials said 40 people died."]]),
        maintype="application",
        subtype="pdf",
        filename="statement.pdf",
    )
    path = tmp_path / "forward.eml"
    path.write_bytes(bytes(message))
    mail, statement = store.add_paths([path])
    assert mail.refused and mail.reason == "no text in the message body (its attachments are added)"
    assert statement.added and store.origin(statement.doc_id).parent_id is None


def test_an_attachment_stored_before_its_mail_is_linked_to_it(store, tmp_path):
    pdf = make_pdf([["The hospital said 52 people died in the floods on Tuesday."]])
    first = store.add_bytes(pdf, name="hospital.pdf")
    message = _tip(BODY)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="hospital.pdf")
    path = tmp_path / "tip.eml"
    path.write_bytes(bytes(message))
    mail, attachment = store.add_paths([path])
    assert mail.added and not attachment.added and attachment.doc_id == first.doc_id
    assert store.origin(first.doc_id).parent_id == mail.doc_id
    assert store.origin(mail.doc_id).attachment_ids == (first.doc_id,)
