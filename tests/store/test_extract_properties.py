"""Extraction never fails and its offsets always hold, on any text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.store.extract.extractor import extract
from claimdesk.store.extract.sentences import split_sentences
from claimdesk.store.models import dates_from_json, figures_from_json

# Every code point except lone surrogates (which cannot be stored as UTF-8 text).
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
NEWSY = st.sampled_from(
    [
        "Dr. ",
        "U.S. ",
        "Dec. 14-15 ",
        "at least 3,000 ",
        "three ",
        '"',
        "“",
        "”",
        ", the minister said. ",
        "According to officials, ",
        "\n\n",
        "\n- ",
        "# ",
        "? ",
        "!",
        "…",
        "\u202e",
        "\u200f",
        "\x1b[31m",
        "\x00",
        "🙂",
        "שלום ",
        "مرحبا ",
        "yesterday ",
        "$4.5 billion ",
        "He said ",
        "Ms. Kim ",
        "12% ",
    ]
)
TEXT = st.lists(st.one_of(st.text(ANY_CHAR, max_size=12), NEWSY), max_size=40).map("".join)


def check_offsets(text: str) -> None:
    sentences = extract(text)
    previous_end = 0
    for s in sentences:
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert 0.0 <= s.score <= 1.0
        for item in (*s.numbers, *s.dates):
            assert s.start <= item["start"] < item["end"] <= s.end
            assert text[item["start"] : item["end"]] == item["text"]
        # Stored JSON decodes into the store's dataclasses.
        figures_from_json(json.dumps(s.numbers))
        dates_from_json(json.dumps(s.dates))
        json.dumps(s.entities)
        previous_end = s.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_never_raises_and_offsets_hold(text):
    check_offsets(text)


@settings(max_examples=200, deadline=None)
@given(st.text(ANY_CHAR, max_size=300))
def test_arbitrary_unicode(text):
    check_offsets(text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_sentence_paragraphs_never_decrease(text):
    spans = split_sentences(text)
    assert [s.paragraph for s in spans] == sorted(s.paragraph for s in spans)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(), max_size=200))
def test_lone_surrogates_do_not_break_extraction(text):
    # Ingest decodes UTF-8, so stored text never has lone surrogates; extraction
    # still must not fail on a str that holds them.
    check_offsets(text)
