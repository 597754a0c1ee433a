"""Ingest: formats, encodings, refusals, front matter, folders, globs, batches and atomicity."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimdesk.store import Store
from claimdesk.store.database import documents
from claimdesk.store.ingest import writer
from claimdesk.store.ingest.decoding import decode_bytes, plausibility
from claimdesk.store.ingest.front_matter import split_front_matter
from claimdesk.store.ingest.readers import RefusedError, parse_bytes

UKRAINIAN = (
    "Президент України Володимир Зеленський заявив, що понад 3000 північнокорейських "
    'військових уже вбиті або поранені. Їхні втрати значні, повідомляє ґазета "Є".'
)


def _only_doc(store: Store):
    docs = store.documents()
    assert len(docs) == 1
    return store.document(docs[0].id)


def _assert_offsets(store: Store, doc_id: int) -> None:
    text = store.document(doc_id).text
    for claim in store.sentences(doc_id):
        assert text[claim.start : claim.end] == claim.text


# -- formats -------------------------------------------------------------------


def test_txt_file_is_stored_with_its_sentences(store, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Flood report\n\nOfficials said 40 people died on Monday.\n", encoding="utf-8")
    result = store.add_file(path)
    assert result.added and not result.refused
    doc = _only_doc(store)
    assert doc.title == "Flood report"
    assert doc.path == str(path)
    assert "Officials said 40 people died on Monday." in doc.text
    assert result.sentences == len(store.sentences(doc.id)) >= 2
    _assert_offsets(store, doc.id)


def test_markdown_title_is_the_first_heading(store, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("\n\n## Troops arrive\n\nSome 12,000 soldiers arrived.\n", encoding="utf-8")
    store.add_file(path)
    assert _only_doc(store).title == "Troops arrive"


def test_front_matter_sets_metadata_and_is_not_stored(store, tmp_path):
    path = tmp_path / "fm.md"
    path.write_text(
        "---\ntitle: Seoul estimate\nsource: 'Northern Ledger'\nurl: https://example.invalid/x\n"
        "published: 2024-12-19\ntags:\n  - war\n---\n\nAt least 100 soldiers were killed.\n",
        encoding="utf-8",
    )
    store.add_file(path)
    doc = _only_doc(store)
    assert (doc.title, doc.source, doc.url, doc.published) == (
        "Seoul estimate",
        "Northern Ledger",
        "https://example.invalid/x",
        "2024-12-19",
    )
    assert doc.text == "At least 100 soldiers were killed.\n"
    assert "---" not in doc.text and "title:" not in doc.text
    _assert_offsets(store, doc.id)


def test_a_horizontal_rule_is_not_front_matter():
    text = "---\nThis is prose, not metadata\n---\nMore."
    assert split_front_matter(text) == ({}, text)


def test_html_keeps_the_article_and_drops_navigation_and_scripts(store, tmp_path):
    body = " ".join(
        f"Officials said {n} people were evacuated from the river districts on day {n}."
        for n in range(1, 9)
    )
    page = f"""<!doctype html><html><head><title>Floods | Example News</title>
    <script>var tracking = "SCRIPT-SECRET";</script><style>.x {{ color: red }}</style></head>
    <body><nav><a href="/">Home</a> <a href="/world">NAV-WORLD</a></nav>
    <header>HEADER-SUBSCRIBE</header>
    <article><h1>River floods force evacuations</h1><p>{body}</p>
    <p>"We have lost everything," a resident said.</p></article>
    <aside>ASIDE-MOST-READ</aside><footer>FOOTER-COPYRIGHT</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert store.add_file(path).added
    doc = _only_doc(store)
    assert "Officials said 3 people were evacuated" in doc.text
    for junk in (
        "SCRIPT-SECRET",
        "NAV-WORLD",
        "HEADER-SUBSCRIBE",
        "ASIDE-MOST",
        "FOOTER-COPY",
        "color",
    ):
        assert junk not in doc.text
    assert doc.title == "River floods force evacuations"
    _assert_offsets(store, doc.id)


def test_html_fragment_falls_back_to_visible_text(store, tmp_path):
    path = tmp_path / "fragment.htm"
    path.write_text("<p>Rescuers said 12 people were missing.</p><script>x()</script>", "utf-8")
    assert store.add_file(path).added
    assert _only_doc(store).text == "Rescuers said 12 people were missing."


def test_html_without_text_is_refused(store, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>only()</script><nav>menu</nav></body></html>", "utf-8")
    result = store.add_file(path)
    assert result.refused and result.reason == "no text found"


# -- encodings -----------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        UKRAINIAN.encode("utf-8"),
        codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8"),
        UKRAINIAN.encode("utf-16"),  # with a BOM
        codecs.BOM_UTF16_BE + UKRAINIAN.encode("utf-16-be"),
        UKRAINIAN.encode("cp1251"),
        UKRAINIAN.encode("koi8-u"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "cp1251", "koi8u"],
)
def test_ukrainian_text_is_read_correctly_in_every_encoding(store, tmp_path, encoded):
    path = tmp_path / "ua.txt"
    path.write_bytes(encoded)
    assert store.add_file(path).added
    doc = _only_doc(store)
    assert doc.text == UKRAINIAN
    assert not doc.text.startswith("\ufeff")
    _assert_offsets(store, doc.id)


@pytest.mark.parametrize(
    "text",
    ["Le café est très bon à Paris, déjà vu.", "Straße Müller, Zürich: “quoted” — 5 €"],
)
def test_western_legacy_text_is_read_as_cp1252(text):
    assert decode_bytes(text.encode("cp1252")) == text


def test_a_declared_html_charset_is_used():
    page = '<html><head><meta charset="iso-8859-5"></head><body><p>Київ: 40 загиблих.</p>'
    assert "Київ: 40 загиблих." in decode_bytes(page.encode("iso-8859-5"))


def test_utf8_with_a_few_damaged_bytes_stays_utf8():
    raw = ("Зеленський сказав, що понад 3000 військових загинули. " * 3).encode() + b"\xff"
    text = decode_bytes(raw)
    assert text.startswith("Зеленський сказав") and text.endswith("\ufffd")


def test_utf16_without_bom_is_recognised():
    assert decode_bytes("Kyiv said 40 died.".encode("utf-16-le")) == "Kyiv said 40 died."


def test_plausibility_prefers_the_right_code_page():
    raw = UKRAINIAN.encode("cp1251")
    assert plausibility(raw.decode("cp1251")) > plausibility(raw.decode("cp1252"))


def test_text_is_nfc_and_apostrophes_match_plain_ones_in_search(store):
    decomposed = "Kore\u0301a\u02bcs army said 30 soldiers were lost."
    result = store.add_bytes(decomposed.encode("utf-8"))
    doc = store.document(result.doc_id)
    assert doc.text == "Koréaʼs army said 30 soldiers were lost."
    (sentence,) = store.sentences(doc.id)
    if not sentence.is_claim:  # search lists claims; the extractor's decision is not tested here
        store.promote(sentence.id)
    assert [h.claim.id for h in store.search("koréa's army")] == [sentence.id]
    assert [h.claim.id for h in store.search("korea’s army")] == [sentence.id]


def test_crlf_newlines_are_normalised(store):
    result = store.add_bytes(b"Title\r\n\r\nOfficials said 40 people died.\r\n")
    assert store.document(result.doc_id).text == "Title\n\nOfficials said 40 people died.\n"


# -- refusals -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (bytes(range(256)) * 4, "a binary file, not text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "a PNG image, not text"),
        (b"%PDF-1.7\n%\xe2\xe3", "a damaged PDF: "),
        (b"PK\x03\x04" + bytes(64), "a ZIP archive, not a document"),
    ],
    ids=["empty", "blank", "binary", "png", "damaged-pdf", "zip"],
)
def test_unreadable_files_are_refused_with_one_line(store, tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = store.add_file(path)
    assert result.refused and not result.added
    assert result.reason.startswith(reason)
    assert "\n" not in result.reason
    assert store.summary().documents == 0


def test_oversize_files_are_refused_before_reading(store, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Officials said 40 people died. " * 400, encoding="utf-8")
    (result,) = store.add_paths([path], max_bytes=1000)
    assert result.refused
    assert result.reason.startswith("too large: 12,400 bytes (limit 1,000 bytes)")
    assert store.add_paths([path])[0].added


def test_parse_bytes_refuses_empty_input():
    with pytest.raises(RefusedError, match="empty file"):
        parse_bytes(b"\n\n")


# -- duplicates, folders, globs -------------------------------------------------


def test_same_content_twice_is_a_no_op(store, tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 40 people died.", "utf-8")
    (tmp_path / "b.txt").write_text("Officials said 40 people died.", "utf-8")
    first = store.add_file(tmp_path / "a.txt")
    again = store.add_file(tmp_path / "a.txt")
    copy = store.add_file(tmp_path / "b.txt")
    assert first.added and not again.added and not copy.added
    assert again.doc_id == copy.doc_id == first.doc_id
    assert not again.refused and again.reason == "already in the store"
    assert store.summary().documents == 1


def test_duplicates_inside_one_batch_store_one_document(store, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text("Officials said 40 people died.", "utf-8")
    results = store.add_paths([folder])
    assert [r.added for r in results] == [True, False, False]
    assert {r.doc_id for r in results} == {results[0].doc_id}
    assert store.summary().sentences == 1


def test_folders_are_read_recursively_reporting_unknown_files(store, tmp_path):
    tmp_path = tmp_path / "docs"  # the store's own file sits beside it
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "one.txt").write_text("One said 1 died.", "utf-8")
    (tmp_path / "sub" / "two.md").write_text("Two said 2 died.", "utf-8")
    (tmp_path / "sub" / "deeper" / "three.html").write_text("<p>Three said 3 died.</p>", "utf-8")
    (tmp_path / ".hidden" / "four.txt").write_text("Four said 4 died.", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "budget.csv").write_text("region,deaths\nnorth,12\n", "utf-8")
    results = store.add_paths([tmp_path])
    assert [(Path(r.path).name, r.added, r.skipped) for r in results] == [
        ("budget.csv", False, True),
        ("image.png", False, True),
        ("one.txt", True, False),
        ("three.html", True, False),
        ("two.md", True, False),
    ]
    assert [r.reason for r in results[:2]] == [
        "not a document (.csv): name the file itself to read it as text",
        "a PNG image, not a document",
    ]
    assert not any(r.refused for r in results)
    assert sorted(d.title for d in store.documents()) == [
        "One said 1 died.",
        "Three said 3 died.",
        "Two said 2 died.",
    ]


def test_globs_expand_and_missing_inputs_are_refused(store, tmp_path):
    for n in range(3):
        (tmp_path / f"r{n}.txt").write_text(f"Report {n} said {n + 10} died.", "utf-8")
    (tmp_path / "notes.md").write_text("Notes said 5 died.", "utf-8")
    results = store.add_paths(
        [str(tmp_path / "r*.txt"), str(tmp_path / "*.zzz"), tmp_path / "missing.txt"]
    )
    assert [r.added for r in results] == [True, True, True, False, False]
    assert [r.reason for r in results[3:]] == ["no files match", "no such file or folder"]
    assert store.summary().documents == 3


def test_a_refusal_does_not_stop_the_batch_and_progress_sees_every_input(store, tmp_path):
    (tmp_path / "a.txt").write_text("A said 1 died.", "utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("C said 3 died.", "utf-8")
    calls = []
    results = store.add_paths(
        [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"],
        progress=lambda done, total, result: calls.append((done, total, result.added)),
        batch_size=1,
    )
    assert [r.refused for r in results] == [False, True, False]
    assert [(done, total) for done, total, _ in calls] == [(1, 3), (2, 3), (3, 3)]
    assert sorted(added for _, _, added in calls) == [False, True, True]


def test_stdin_bytes_take_explicit_metadata_over_front_matter(store):
    raw = b"---\ntitle: From front matter\nsource: FM\n---\nOfficials said 40 people died."
    result = store.add_bytes(raw, title="Given title", url="https://example.invalid/y")
    doc = store.document(result.doc_id)
    assert (doc.title, doc.source, doc.url) == ("Given title", "FM", "https://example.invalid/y")


# -- batches and atomicity --------------------------------------------------------


def _files(tmp_path, n):
    paths = []
    for i in range(n):
        path = tmp_path / f"doc{i:02}.txt"
        path.write_text(
            f"Document {i}.\n\nOfficials said {i + 10} people died. It rained.", "utf-8"
        )
        paths.append(path)
    return paths


def test_an_interrupted_batch_leaves_no_partial_document(store, tmp_path, monkeypatch):
    paths = _files(tmp_path, 5)
    real_insert = documents.insert_claim_rows
    calls = {"n": 0}

    def failing_insert(db, claims):
        calls["n"] += 1
        real_insert(db, claims)  # the batch's documents and their sentences are written
        if calls["n"] == 2:
            raise KeyboardInterrupt  # ...then the ingest is interrupted before the commit
        return None

    monkeypatch.setattr(documents, "insert_claim_rows", failing_insert)
    with pytest.raises(KeyboardInterrupt):
        store.add_paths(paths, batch_size=2)
    # Batches 1 (docs 0, 1) committed; batch 2 (docs 2, 3) rolled back entirely.
    assert [d.title for d in store.documents()] == ["Document 0.", "Document 1."]
    orphans = store.db.execute(
        "SELECT count(*) FROM claims WHERE doc_id NOT IN (SELECT id FROM documents)"
    ).fetchone()[0]
    assert orphans == 0
    assert store.summary().sentences == 2 * 3
    monkeypatch.setattr(documents, "insert_claim_rows", real_insert)
    results = store.add_paths(paths, batch_size=2)
    assert [r.added for r in results] == [False, False, True, True, True]
    assert store.summary().documents == 5


def test_batches_commit_every_batch_size_documents(store, tmp_path):
    paths = _files(tmp_path, 7)
    committed = []
    store.add_paths(
        paths,
        batch_size=3,
        progress=lambda done, total, result: committed.append(store.summary().documents),
    )
    assert committed == [3, 3, 3, 6, 6, 6, 7]
    for doc in store.documents():
        _assert_offsets(store, doc.id)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_extraction_failure_refuses_only_that_document(store, tmp_path, monkeypatch, workers):
    paths = _files(tmp_path, 3)
    paths.append(tmp_path / "copy.txt")
    paths[-1].write_text(paths[1].read_text("utf-8"), "utf-8")
    if workers == 1:
        real = writer.extract_document

        def picky(text, folder=None, published=""):
            if "Document 1." in text:
                raise RuntimeError("boom")
            return real(text, folder, published)

        monkeypatch.setattr(writer, "extract_document", picky)
        results = store.add_paths(paths, workers=1)
        assert [r.refused for r in results] == [False, True, False, True]
        assert (
            results[1].reason == results[3].reason == "could not extract claims: RuntimeError: boom"
        )
    else:  # worker processes: the same results as in-process extraction
        results = store.add_paths(paths, workers=2, batch_size=2)
        assert [r.added for r in results] == [True, True, True, False]
        assert results[3].doc_id == results[1].doc_id
        for doc in store.documents():
            _assert_offsets(store, doc.id)


def test_an_empty_file_is_migrated_into_a_store(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    store = Store.open(path)
    assert store.summary().documents == 0
    assert {"documents", "claims", "claims_fts", "events"} <= set(store.db.table_names())
    store.close()
    again = Store.open(path)  # migrations are applied once
    assert again.add_bytes(b"Officials said 40 people died.").added
    again.close()


def test_store_round_trip_after_reopening(tmp_path):
    path = tmp_path / "round.db"
    first = Store.open(path)
    result = first.add_bytes(b"Zelenskyy said more than 3,000 soldiers died.")
    first.close()
    again = Store.open(path)
    doc = again.document(result.doc_id)
    assert doc.text == "Zelenskyy said more than 3,000 soldiers died."
    assert [c.text for c in again.claims(doc.id)] == [doc.text]
    assert again.add_bytes(doc.text.encode()).doc_id == doc.id
    again.close()


def test_seed_corpus_loads_with_metadata(store):
    from claimdesk.seeds import seed_paths, seed_store

    assert seed_store(store) == len(seed_paths()) >= 6
    docs = store.documents()
    invented = [d for d in docs if "invented demo outlet" in d.source]
    assert len(invented) == len(docs) - 1
    for doc in invented:
        stored = store.document(doc.id)
        assert stored.disclaimer == "Demo material: an invented report by an invented outlet."
        assert "Demo material" not in stored.text
        assert not stored.text.startswith("---")
        assert stored.language == "en"
        assert not any("Demo material" in c.text for c in store.claims(doc.id))
    assert seed_store(store) == 0
