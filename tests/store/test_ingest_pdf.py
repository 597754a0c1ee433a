"""PDF ingest: reading order, paragraphs, hyphenation, running headers, pages, metadata, refusals."""

from __future__ import annotations

import pytest

from claimdesk.store.database import documents
from claimdesk.store.ingest.pdf_pages import SCANNED
from tests.made_documents import make_pdf, make_scanned_pdf, make_two_column_pdf

PAGE_ONE = [
    "# Flood situation report",
    "",
    "The Ministry of Civil Protection said on Tuesday that 4,200 people were",
    "evacuated from the river districts after the dam failed. Rescue teams reported",
    "that at least 37 people had died and 112 were injured, according to the regional",
    "administration. Officials said the water level would fall by Thursday.",
    "",
    "International organisations estimated the damage at 1.2 billion euros, and the gov-",
    "ernment asked the European Union for emergency assistance. The minister told",
    "reporters that a further 600 soldiers would be sent to the districts of",
]
PAGE_TWO = [
    "Vilnohirsk and Pokrovka by the end of the week.",
    "",
    "The regional governor said 15 bridges had been destroyed and that 3,000 homes",
    "were without power.",
]
EXPECTED = (
    "Flood situation report\n\n"
    "The Ministry of Civil Protection said on Tuesday that 4,200 people were evacuated from "
    "the river districts after the dam failed. Rescue teams reported that at least 37 people "
    "had died and 112 were injured, according to the regional administration. Officials said "
    "the water level would fall by Thursday.\n\n"
    "International organisations estimated the damage at 1.2 billion euros, and the government "
    "asked the European Union for emergency assistance. The minister told reporters that a "
    "further 600 soldiers would be sent to the districts of Vilnohirsk and Pokrovka by the end "
    "of the week.\n\n"
    "The regional governor said 15 bridges had been destroyed and that 3,000 homes were "
    "without power."
)


def _report(**metadata) -> bytes:
    return make_pdf(
        [PAGE_ONE, PAGE_TWO],
        header="Ministry of Civil Protection \u2014 Situation Report No. 12",
        footer="Page {n} of {total}",
        **metadata,
    )


def _sentence(store, doc_id, starting):
    return next(s for s in store.sentences(doc_id) if s.text.startswith(starting))


def test_a_text_pdf_is_stored_as_paragraphs_with_its_pages(store, tmp_path):
    path = tmp_path / "situation-report.pdf"
    path.write_bytes(
        _report(title="Flood situation report No. 12", author="Ministry", created="20241219093000")
    )
    result = store.add_file(path)
    assert result.added, result.reason
    doc = store.document(result.doc_id)
    assert doc.text == EXPECTED  # no header, no footer, hyphen joined, page break joined
    assert (doc.title, doc.published) == ("Flood situation report No. 12", "2024-12-19")
    assert store.origin(doc.id).kind == "pdf" and store.origin(doc.id).author == "Ministry"
    for sentence in store.sentences(doc.id):
        assert doc.text[sentence.start : sentence.end] == sentence.text
    first = _sentence(store, doc.id, "Rescue teams reported")
    across = _sentence(store, doc.id, "The minister told reporters")
    last = _sentence(store, doc.id, "The regional governor said 15 bridges")
    assert across.text.endswith("by the end of the week.")  # one sentence over two pages
    assert store.location(doc.id, first.start, first.end) == "p. 1"
    assert store.location(doc.id, across.start, across.end) == "pp. 1–2"
    assert store.location(doc.id, last.start, last.end) == "p. 2"
    assert store.page_at(doc.id, last.start) == "2" and store.page_at(doc.id, 0) == "1"
    page_two = [m for m in store.marks(doc.id) if m.label == "2"][0]
    assert doc.text[page_two.start :].startswith("Vilnohirsk and Pokrovka")


def test_a_junk_title_gives_way_to_the_largest_type_on_page_one(store):
    result = store.add_bytes(_report(title="Microsoft Word - report_final.docx"), name="r.pdf")
    assert store.document(result.doc_id).title == "Flood situation report"


def test_hyphenated_compounds_keep_their_hyphen_and_soft_breaks_join(store):
    pdf = make_pdf(
        [
            [
                "The talks between the Franco-",
                "German delegation and the ministry of inter-",
                "national affairs ended without an agreement on Friday night.",
            ]
        ]
    )
    doc = store.document(store.add_bytes(pdf, name="talks.pdf").doc_id)
    assert doc.text == (
        "The talks between the Franco-German delegation and the ministry of international "
        "affairs ended without an agreement on Friday night."
    )


def test_a_pdf_is_read_by_its_content_whatever_its_name(store, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_bytes(_report())
    result = store.add_file(path)
    assert result.added
    assert store.origin(result.doc_id).kind == "pdf"


def test_a_scanned_pdf_is_refused_with_a_line_saying_so(store, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_scanned_pdf())
    result = store.add_file(path)
    assert result.refused and result.reason == SCANNED
    assert "scanned" in result.reason and "OCR" in result.reason
    assert store.summary().documents == 0


def test_an_encrypted_pdf_is_refused(store):
    result = store.add_bytes(_report(password="secret"), name="locked.pdf")
    assert result.refused and result.reason == "an encrypted PDF: it needs a password"


def test_a_damaged_pdf_is_one_line_and_the_batch_goes_on(store, tmp_path):
    (tmp_path / "a.pdf").write_bytes(_report()[:400])
    (tmp_path / "b.pdf").write_bytes(_report())
    results = store.add_paths([tmp_path / "a.pdf", tmp_path / "b.pdf"])
    assert results[0].refused and results[0].reason.startswith("a damaged PDF")
    assert "\n" not in results[0].reason
    assert results[1].added


def test_an_interrupted_ingest_leaves_no_pages_behind(store, tmp_path, monkeypatch):
    paths = []
    for n in range(3):
        path = tmp_path / f"r{n}.pdf"
        path.write_bytes(make_pdf([[f"Officials said {n + 10} people died."], ["Page two."]]))
        paths.append(path)
    real_insert = documents.insert_claim_rows

    def interrupted(db, claims):
        real_insert(db, claims)
        raise KeyboardInterrupt

    monkeypatch.setattr(documents, "insert_claim_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.add_paths(paths, batch_size=3)
    counts = [
        store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "claims", "document_marks", "document_origins")
    ]
    assert counts == [0, 0, 0, 0]


def test_removing_a_document_removes_its_pages(store):
    result = store.add_bytes(_report(), name="r.pdf")
    assert store.marks(result.doc_id)
    store.remove_document(result.doc_id)
    assert store.db.execute("SELECT count(*) FROM document_marks").fetchone()[0] == 0


def test_two_columns_are_read_column_by_column_and_a_sentence_goes_on_across_them(store):
    paragraphs = [
        f"In district {n}, the regional administration said that {n * 7} houses were flooded "
        f"and that rescuers had evacuated {n * 120} residents to temporary shelters in the "
        f"towns of Dnipro and Kamianske, where schools and sports halls were opened."
        for n in range(1, 13)
    ]
    pdf = make_two_column_pdf("Valley Monitor: week 51", paragraphs)
    doc = store.document(store.add_bytes(pdf, name="newsletter.pdf").doc_id)
    assert doc.text == "\n\n".join(["Valley Monitor: week 51", *paragraphs])


def test_a_table_row_stays_one_line(store):
    rows = ["District\tEvacuated\tDeaths", "Vilnohirsk\t2,900\t29", "Pokrovka\t1,300\t8"]
    pdf = make_pdf([["Officials gave these figures on Monday.", "", *rows]])
    text = store.document(store.add_bytes(pdf, name="t.pdf").doc_id).text
    assert text.endswith("District Evacuated Deaths\n\nVilnohirsk 2,900 29\n\nPokrovka 1,300 8")


def test_show_says_the_page_a_claim_is_on(tmp_path):
    import json

    from click.testing import CliRunner

    from claimdesk.store import Store
    from claimdesk.tui.cli import cli

    (tmp_path / "report.pdf").write_bytes(_report(title="Flood situation report No. 12"))
    db = tmp_path / "cli.db"
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", str(db), "add", str(tmp_path / "report.pdf")])
    assert added.exit_code == 0, added.output
    store = Store.open(db)
    try:
        (doc,) = store.documents()
        across = _sentence(store, doc.id, "The minister told reporters")
        last = _sentence(store, doc.id, "The regional governor said 15 bridges")
    finally:
        store.close()
    shown = runner.invoke(cli, ["--db", str(db), "show", str(last.id)])
    assert shown.exit_code == 0, shown.output
    (where,) = [line for line in shown.output.splitlines() if " where " in f" {line} "]
    assert "p. 2" in where
    as_json = runner.invoke(cli, ["--db", str(db), "show", str(across.id), "--json"])
    assert json.loads(as_json.output)["location"] == "pp. 1–2"
