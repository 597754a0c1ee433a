"""Word and OpenDocument ingest: paragraphs and headings through the HTML path, properties."""

from __future__ import annotations

import io
import zipfile

from tests.made_documents import make_docx, make_odt

BLOCKS = [
    ("h1", "Casualty figures from the floods"),
    ("p", "The regional governor said 37 people died on Tuesday and 112 were injured."),
    ("h2", "Evacuations"),
    ("p", "According to the ministry, 4,200 people were evacuated from the river districts."),
]


def test_a_word_file_keeps_its_headings_and_properties(store, tmp_path):
    path = tmp_path / "memo.docx"
    path.write_bytes(make_docx(BLOCKS, title="Memo: flood casualties", author="Desk editor"))
    result = store.add_file(path)
    assert result.added, result.reason
    doc = store.document(result.doc_id)
    assert doc.text == "\n\n".join(text for _, text in BLOCKS)
    assert (doc.title, doc.published) == ("Memo: flood casualties", "2024-12-19")
    assert store.origin(doc.id).kind == "docx" and store.origin(doc.id).author == "Desk editor"
    sentences = store.sentences(doc.id)
    assert [s.text for s in sentences if s.text.startswith("Evacuations")] == ["Evacuations"]
    for sentence in sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_without_a_title_property_the_first_heading_is_the_title(store):
    result = store.add_bytes(make_docx(BLOCKS), name="untitled.docx")
    assert store.document(result.doc_id).title == "Casualty figures from the floods"


def test_a_word_file_is_read_by_its_content_and_a_plain_zip_is_refused(store, tmp_path):
    (tmp_path / "memo.bin").write_bytes(make_docx(BLOCKS, title="By content"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("photos/readme.txt", "not a document")
    (tmp_path / "photos.zip").write_bytes(archive.getvalue())
    word, other = store.add_paths([tmp_path / "memo.bin", tmp_path / "photos.zip"])
    assert word.added and store.document(word.doc_id).title == "By content"
    assert other.refused and other.reason == "a ZIP archive, not a document (unpack it first)"


def test_an_opendocument_text_is_read_with_its_headings(store):
    body = (
        '<text:h text:outline-level="1">Dam failure</text:h>'
        "<text:p>Officials said<text:s/> <text:span>40 people</text:span> died."
        "<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note></text:p>"
        "<text:list><text:list-item><text:p>Rescuers found 12 survivors.</text:p></text:list-item>"
        "</text:list>"
    )
    result = store.add_bytes(make_odt(body, title="", author="Field desk"), name="dam.odt")
    doc = store.document(result.doc_id)
    assert (
        doc.text == "Dam failure\n\nOfficials said 40 people died.\n\nRescuers found 12 survivors."
    )
    assert (doc.title, doc.published) == ("Dam failure", "2024-12-20")
    assert store.origin(doc.id).author == "Field desk"


def test_a_damaged_word_file_is_one_line(store):
    raw = make_docx(BLOCKS)
    renamed = raw.replace(b"word/document.xml", b"word/document.xmX", 1)
    for broken in (renamed, raw[: len(raw) // 2]):
        result = store.add_bytes(broken, name="broken.docx")
        assert result.refused and result.reason.startswith("a damaged Word document")
        assert "\n" not in result.reason


def test_pictures_and_unused_styles_do_not_get_in_the_way(store):
    import docx
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(picture, format="PNG")
    document = docx.Document()
    document.add_heading("Bridge collapse", 1)
    document.add_picture(io.BytesIO(picture.getvalue()))
    document.add_paragraph("Engineers said 15 bridges were destroyed.", style="Quote")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = store.document(store.add_bytes(buffer.getvalue(), name="bridges.docx").doc_id)
    assert doc.text == "Bridge collapse\n\nEngineers said 15 bridges were destroyed."
    assert doc.title == "Bridge collapse"
