"""The write path: what is stored is exactly what extraction found, however it is inserted."""

from __future__ import annotations

import json

import pytest

from claimdesk.store import Store
from claimdesk.store.database import documents
from claimdesk.store.database import sentence_rows as claimrows
from claimdesk.store.database.sentence_rows import claim_rows
from claimdesk.store.extract.extractor import extract
from claimdesk.store.ingest.readers import ParsedDocument
from claimdesk.store.ingest.writer import add_parsed

STORED = (
    'ordinal, start, "end", text, norm, is_claim, extracted, score, kind, source, cue, hedge,'
    " numbers, dates, entities, role, heading_level, boilerplate"
)


def stored_rows(store: Store, doc_id: int) -> list[tuple]:
    return store.db.execute(
        f"SELECT {STORED} FROM claims WHERE doc_id = ? ORDER BY ordinal", [doc_id]
    ).fetchall()


def expected_rows(text: str) -> list[tuple]:
    """What the previous row-at-a-time insert stored for each extracted sentence."""
    return [
        (
            i,
            s.start,
            s.end,
            s.text,
            s.norm,
            int(s.is_claim),
            int(s.is_claim),
            float(s.score),
            s.kind,
            s.source,
            s.cue,
            s.hedge,
            json.dumps(s.numbers, ensure_ascii=False),
            json.dumps(s.dates, ensure_ascii=False),
            json.dumps(s.entities, ensure_ascii=False),
            s.role,
            s.heading_level,
            s.boilerplate,
        )
        for i, s in enumerate(extract(text))
    ]


def long_document(sentences: int) -> str:
    lines = [
        f"Officials in Kraków said {i + 3} people died on 12 March 2024, costing €{i},000."
        if i % 3
        else f"Rescue teams reached village number {i}."
        for i in range(sentences - 1)
    ]
    return " ".join(lines) + " The final tally, Zelenskyy said, was unmistakable."


@pytest.mark.parametrize("rows_per_statement", [7, claimrows.MAX_ROWS_PER_STATEMENT])
def test_a_long_document_is_stored_sentence_for_sentence(store, monkeypatch, rows_per_statement):
    monkeypatch.setattr(claimrows, "MAX_ROWS_PER_STATEMENT", rows_per_statement)
    text = long_document(450)
    result = store.add_text(text, title="Long")
    rows = stored_rows(store, result.doc_id)
    assert rows == expected_rows(text)
    assert (result.sentences, result.claims) == (len(rows), sum(r[5] for r in rows))
    for _, start, end, sentence, *_ in rows:
        assert text[start:end] == sentence
    assert [h.claim.ordinal for h in store.search("unmistakable")] == [len(rows) - 1]
    if store.backend == "sqlite":  # FTS5's own consistency check of the index
        store.db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")


def test_claim_rows_encode_json_like_json_dumps():
    text = "Officials in Kraków said 40 people died on 12 March 2024, costing €3,000."
    rows = claim_rows(extract(text))
    assert rows == expected_rows(text)
    assert '"Kraków"' in rows[0][-4]  # stored readable, not as \\u escapes
    assert "€" in rows[0][-6]


def test_worker_processes_store_the_same_rows_as_in_process(tmp_path):
    texts = [long_document(n) for n in (5, 40, 9, 230, 3, 1)]
    stores = []
    for workers in (1, 2):
        store = Store.open(tmp_path / f"w{workers}.db")
        parsed = [ParsedDocument(text=t) for t in texts]
        results = add_parsed(
            store.connections, parsed, workers=workers, batch_size=2
        )  # batches queue up
        assert all(r.added for r in results)
        stores.append([stored_rows(store, r.doc_id) for r in results])
        store.close()
    in_process, parallel = stores
    assert parallel == in_process
    assert in_process == [expected_rows(documents.normalise_input_text(t)) for t in texts]


def test_the_content_hash_is_looked_up_once_per_document(store, monkeypatch):
    """The writer owns the duplicate check: one lookup for each text, however it comes in."""
    looked_up: list[str] = []
    real = documents.find_by_hash

    def counting(db, digest):
        looked_up.append(digest)
        return real(db, digest)

    monkeypatch.setattr(documents, "find_by_hash", counting)
    first = store.add_text("Officials said 40 people died.", title="A")
    again = store.add_text("Officials said 40 people died.", title="B")
    assert (first.added, again.added, again.doc_id) == (True, False, first.doc_id)
    assert again.reason == "already in the store"
    assert len(looked_up) == 2
    looked_up.clear()
    texts = ["Officials said 7 people died.", "It rained.", "Officials said 7 people died."]
    results = add_parsed(store.connections, [ParsedDocument(text=t) for t in texts])
    assert [r.added for r in results] == [True, True, False]
    assert results[2].doc_id == results[0].doc_id  # the repeat is answered by the writer
    assert len(looked_up) == 2


def test_a_text_another_writer_stored_meanwhile_is_not_added_twice(store, monkeypatch):
    """The writer looks the hash up before extracting; if another writer stores the same
    text before this one writes, the insert finds it and says where it is."""
    first = store.add_text("Officials said 40 people died.", title="A")
    real = documents.find_by_hash
    calls = {"n": 0}

    def stale_first_look(db, digest):
        calls["n"] += 1
        return None if calls["n"] == 1 else real(db, digest)

    monkeypatch.setattr(documents, "find_by_hash", stale_first_look)
    again = store.add_text("Officials said 40 people died.", title="B")
    assert (again.added, again.doc_id, again.reason) == (
        False,
        first.doc_id,
        "already in the store",
    )
    assert store.summary().documents == 1
