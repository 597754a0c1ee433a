"""The seed article's figures, dates and sources come out as a careful reader would read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.store.database.documents import normalise_input_text
from claimdesk.store.extract.extractor import ExtractedSentence, extract

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_zelenskyy_north_korean_soldiers.md"


def seed_text() -> str:
    """The seed article without its front matter, normalised as ingest stores it."""
    raw = SEED.read_text(encoding="utf-8")
    body = raw.split("---", 2)[2]
    return normalise_input_text(body.strip("\n"))


@pytest.fixture(scope="module")
def sentences() -> list[ExtractedSentence]:
    return extract(seed_text())


def figure(sentences, value: float, counts_word: str = ""):
    """The sentence and figure with ``value`` (and ``counts_word`` in what it counts)."""
    hits = [
        (s, f)
        for s in sentences
        for f in s.numbers
        if f["value"] == value and counts_word in f["counts"]
    ]
    assert hits, f"no figure {value} counting {counts_word!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("value", "counts_word", "qualifier", "source_part"),
    [
        (12000, "soldiers", "approximately", "Ukrainian intelligence"),
        (500, "officers", "", "Ukrainian intelligence"),
        (3, "generals", "", "Ukrainian intelligence"),
        (50000, "soldiers", "", "New York Times"),
        (30, "soldiers", "at least", "Main Intelligence Directorate"),
        (100, "soldiers", "at least", "South Korean intelligence"),
        (1000, "wounded", "another", "South Korean intelligence"),
        (3000, "soldiers", "more than", "Zelensky"),
    ],
)
def test_figures_have_qualifier_counts_and_source(
    sentences, value, counts_word, qualifier, source_part
):
    sentence, fig = figure(sentences, value, counts_word)
    assert fig["qualifier"] == qualifier
    assert source_part in sentence.source
    assert sentence.is_claim


def test_three_missing_belongs_to_the_intelligence_directorate(sentences):
    sentence, fig = figure(sentences, 30, "soldiers")
    threes = [f for f in sentence.numbers if f["value"] == 3]
    assert threes and "missing" in sentence.text[threes[0]["end"] - sentence.start :]
    assert "Main Intelligence Directorate" in sentence.source
    assert "killed and wounded" in sentence.text


def test_the_directorate_figures_carry_their_date(sentences):
    sentence, _ = figure(sentences, 30, "soldiers")
    assert [d["text"] for d in sentence.dates] == ["December 14-15"]
    assert sentence.dates[0]["value"] == "--12-14"


def test_capture_on_december_26_in_kursk_is_reported_by_yonhap(sentences):
    sentence = next(s for s in sentences if any(d["text"] == "December 26" for d in s.dates))
    assert "Yonhap" in sentence.source
    assert sentence.cue == "wrote"
    assert "Kursk" in sentence.entities
    assert any(d["text"] == "a day later" and d["relative"] for d in sentence.dates)


def test_carried_source_for_the_sentence_after_the_report(sentences):
    report = next(s for s in sentences if s.text.startswith("Ukrainian intelligence reported"))
    follow = next(s for s in sentences if s.text.startswith("There are approximately 12,000"))
    assert report.source == follow.source == "Ukrainian intelligence"
    assert [d["text"] for d in report.dates] == ["October 24"]


def test_zelensky_figure_is_more_than_3000_killed_or_wounded(sentences):
    sentence, fig = figure(sentences, 3000)
    assert fig["text"] == "more than 3,000"
    assert fig["counts"] == "North Korean soldiers"
    assert sentence.source == "Ukrainian President Volodymyr Zelensky"
    assert sentence.cue == "said"


@pytest.mark.parametrize(
    "heading", ["What preceded", "Participation of the DPRK military in the war in Ukraine"]
)
def test_headings_are_sentences_but_not_claims(sentences, heading):
    matches = [s for s in sentences if s.text == heading]
    assert len(matches) == 1
    assert not matches[0].is_claim


def test_pronoun_sources_resolve_to_the_named_speaker(sentences):
    according_to_him = next(s for s in sentences if s.text.startswith("According to him"))
    assert according_to_him.source == "Volodymyr Zelenskyy"


def test_a_quote_that_spans_sentences_keeps_the_speaker(sentences):
    quoted = [s for s in sentences if "finished off" in s.text or "minimum of protection" in s.text]
    assert len(quoted) == 2
    assert {s.source for s in quoted} == {"the president"}


def test_every_offset_slices_to_its_sentence_and_figure(sentences):
    text = seed_text()
    for s in sentences:
        assert text[s.start : s.end] == s.text
        for item in (*s.numbers, *s.dates):
            assert text[item["start"] : item["end"]] == item["text"]


def test_stored_claims_decode_figures_and_dates(store):
    result = store.add_text(seed_text(), title="seed")
    claims = store.claims(result.doc_id)
    figures = [f for c in claims for f in c.numbers]
    assert any(f.value == 12000 and f.qualifier == "approximately" for f in figures)
    assert any(d.text == "December 26" for c in claims for d in c.dates)
