"""Which sentences become claims: the ingest threshold and the headline rule."""

from __future__ import annotations

import pytest

from claimdesk.store.extract import checkworthy
from claimdesk.store.extract.extractor import extract


def first(text: str):
    return extract(text + "\n\nThe army said 30 soldiers died on Monday.")[0]


@pytest.mark.parametrize(
    "line",
    [
        "Divers recover 2 cars, including a stolen van, from the harbour basin",
        "Family of Ferry Captain Killed in Storm Speaks Out",
        "Zelenskyy confirms Ukraine captured North Korean soldiers",
        "Jane Ortiz rehires longtime adviser Sam Rivers, heads to council",
        "Jane Ortiz to chair 2026 harbour inquiry",
    ],
)
def test_headlines_that_state_a_fact_are_claims(line):
    sentence = first(line)
    assert sentence.text == line
    assert sentence.is_claim


@pytest.mark.parametrize(
    "line",
    [
        "What preceded",
        "Related stories",
        "Reporting by Jane Doe; Editing by Bob",
        "By John Smith",
        "Participation of the DPRK military in the war in Ukraine",
        "Sources and methods for this article",
    ],
)
def test_section_headings_and_bylines_are_not_claims(line):
    sentence = section(line)
    assert sentence.text == line and sentence.role in ("heading", "boilerplate")
    assert not sentence.is_claim


def section(line: str):
    """``line`` as a section heading: after the title and a paragraph of the report."""
    text = (
        "Harbour Flooded\n\nThe water rose by 2 metres.\n\n" + line + "\n\nThe army said 30 died."
    )
    return extract(text)[2]


@pytest.mark.parametrize(
    "line",
    [
        "Record diamond heist in central Lyon",
        "Ferry pilots in Harbour Bay strike over pay",
    ],
)
def test_a_title_reports_the_story_even_without_a_verb(line):
    """The first line of a page is its headline: a claim from the ingest threshold."""
    sentence = first(line)
    assert (sentence.role, sentence.heading_level) == ("heading", 1)
    assert sentence.is_claim


def test_a_title_of_fewer_than_four_words_is_a_label():
    assert not first("Harbour Flooded").is_claim


def test_ingest_keeps_reported_facts_below_the_check_worthy_cut():
    assert checkworthy.CLAIM_THRESHOLD < checkworthy.CHECK_WORTHY_THRESHOLD
    sentences = extract(
        "The river rose by 3 metres overnight. Thank you all very much. What do you think?"
    )
    decisions = {s.text: s.is_claim for s in sentences}
    assert decisions == {
        "The river rose by 3 metres overnight.": True,
        "Thank you all very much.": False,
        "What do you think?": False,
    }
    for s in sentences:
        assert s.is_claim == (s.score >= checkworthy.CLAIM_THRESHOLD)
