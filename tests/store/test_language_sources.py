"""Each document's language, what is extracted from it, its disclaimer, and the boilerplate
a source repeats across its documents (learnt at ingest from the store)."""

from __future__ import annotations

import pytest

from claimdesk.store import Store
from claimdesk.store.extract.language import detect_language, extraction_note

UKRAINIAN = (
    "Зеленський підтвердив, що Україна взяла в полон кількох північнокорейських солдатів.\n"
    "За його словами, 14 грудня під Курськом загинули щонайменше 30 військових.\n"
    "Про це він заявив у вечірньому зверненні."
)
GERMAN = (
    "Die Stadtverwaltung teilte am Montag mit, dass bei dem Hochwasser 40 Menschen ums Leben "
    "gekommen sind. Nach Angaben der Polizei werden noch zwölf Personen vermisst."
)
ENGLISH = "Officials said on Monday that 40 people died in the flooding. Another 12 are missing."


def test_languages_are_detected():
    assert detect_language(ENGLISH) == "en"
    assert detect_language(UKRAINIAN) == "uk"
    assert detect_language(GERMAN) == "de"
    assert detect_language("40 died.") == "en"  # too little to tell: the rules' language
    assert detect_language("...") == "en"


def test_a_document_in_another_language_gets_sentences_and_search_but_no_claims(store):
    result = store.add_text(UKRAINIAN, title="Полонені")
    assert result.added and result.language == "uk" and result.claims == 0
    assert result.note == extraction_note("uk")
    assert "Ukrainian" in result.note and "not available yet" in result.note
    doc = store.document(result.doc_id)
    assert doc.language == "uk" and not doc.claims_available
    sentences = store.sentences(doc.id)
    assert len(sentences) == 3
    for s in sentences:
        assert doc.text[s.start : s.end] == s.text
        assert not s.is_claim and s.numbers == () and s.dates == () and s.source == ""
    assert store.claims(doc.id) == []
    # "14 грудня" is the 14th of December: no figure 14 is invented
    assert all(s.numbers == () for s in sentences)
    hits = store.search("Курськом")
    assert [h.claim.doc_id for h in hits] == [doc.id]


def test_english_documents_still_get_claims(store):
    result = store.add_text(ENGLISH)
    assert result.language == "en" and result.note == "" and result.claims == 2


def test_front_matter_disclaimer_is_metadata_never_a_claim(store):
    raw = (
        b"---\ntitle: Harbour floods\nsource: Demo Wire (invented)\n"
        b'disclaimer: "Demo material: an invented report by an invented outlet."\n---\n\n'
        b"The harbour flooded on Monday and 40 boats sank, the port authority said.\n"
    )
    result = store.add_bytes(raw, name="demo.md")
    doc = store.document(result.doc_id)
    assert doc.disclaimer == "Demo material: an invented report by an invented outlet."
    assert "Demo material" not in doc.text
    assert [c.text for c in store.claims(doc.id)] == [
        "The harbour flooded on Monday and 40 boats sank, the port authority said."
    ]
    assert doc.to_json()["disclaimer"] == doc.disclaimer


def test_a_whole_line_in_emphasis_is_read_without_its_markers(store):
    result = store.add_text("## What happened\n\n*The ferry sank at 6 a.m. on Monday.*\n")
    heading, body = store.sentences(result.doc_id)
    assert (heading.text, heading.role, heading.heading_level) == ("What happened", "heading", 2)
    assert body.text == "The ferry sank at 6 a.m. on Monday." and body.role == ""


def page(n: int, body: str) -> str:
    return (
        f"Fire number {n} at the docks\n{body}\n"
        "Harbour Radio has been on air since 1961 and reaches 40,000 homes.\n"
    )


BODIES = [
    "A fire destroyed a warehouse at the docks on Monday, the fire service said.",
    "Two boats burned at their moorings on Tuesday night, firefighters said.",
    "A crane collapsed onto a storage shed on Wednesday, injuring 3 workers.",
    "Smoke from a tyre fire closed the coast road for 4 hours on Thursday.",
]


def footer_claims(store: Store, doc_id: int) -> list[tuple[bool, str]]:
    return [(s.is_claim, s.boilerplate) for s in store.sentences(doc_id) if "1961" in s.text]


def test_a_line_a_source_repeats_becomes_its_boilerplate_everywhere(store):
    ids = [
        store.add_text(page(i, body), source="Harbour Radio").doc_id
        for i, body in enumerate(BODIES[:2])
    ]
    assert footer_claims(store, ids[0]) == [(True, "")]  # twice is not yet a pattern
    third = store.add_text(page(3, BODIES[2]), source="Harbour Radio")
    assert third.claims == 2  # title and report; the footer is boilerplate
    for doc_id in [*ids, third.doc_id]:
        assert footer_claims(store, doc_id) == [(False, "source-repeat")]
        assert sum(s.is_claim for s in store.sentences(doc_id)) == 2


def test_other_sources_and_versions_of_one_story_do_not_count(store):
    store.add_text(page(1, BODIES[0]), source="Harbour Radio")
    store.add_text(page(2, BODIES[1]), source="Coast Weekly")
    versions = [page(3, BODIES[2]), page(3, BODIES[2]) + "Updated at 5 p.m.\n"]
    doc_ids = [store.add_text(v, url="https://www.harbour.example/story").doc_id for v in versions]
    for doc_id in doc_ids:
        assert footer_claims(store, doc_id) == [(True, "")]


def test_a_reviewed_sentence_is_never_demoted_and_promote_reverses(store):
    first = store.add_text(page(1, BODIES[0]), source="Harbour Radio").doc_id
    footer = next(s for s in store.sentences(first) if "1961" in s.text)
    store.set_status(footer.id, "needs-check")
    for i, body in enumerate(BODIES[1:3], 2):
        store.add_text(page(i, body), source="Harbour Radio")
    kept = store.claim(footer.id)
    assert kept.is_claim and kept.boilerplate == "" and kept.status == "needs-check"
    last = store.add_text(page(9, BODIES[3]), source="Harbour Radio").doc_id
    demoted = next(s for s in store.sentences(last) if "1961" in s.text)
    assert not demoted.is_claim and demoted.boilerplate == "source-repeat"
    assert store.promote(demoted.id).is_claim


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_learn_repeated_lines_within_one_ingest(tmp_path, workers):
    store = Store.open(tmp_path / "b.db")
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, body in enumerate(BODIES):
        (folder / f"{i}.md").write_text(
            f"---\nsource: Harbour Radio\n---\n{page(i, body)}", encoding="utf-8"
        )
    results = store.add_paths([folder], workers=workers, batch_size=2)
    # each result counts the claims its document had when it was added
    assert [r.claims for r in results] == [3, 3, 2, 2]
    for r in results:
        assert sum(s.is_claim for s in store.sentences(r.doc_id)) == 2
        assert footer_claims(store, r.doc_id) == [(False, "source-repeat")]
    store.close()
