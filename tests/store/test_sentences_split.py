"""Sentence segmentation: boundaries, abbreviations, paragraphs, lists and headings."""

from __future__ import annotations

import pytest

from claimdesk.store.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    spans = split_sentences(text)
    for s in spans:
        assert text[s.start : s.end] == s.text
    return [s.text for s in spans]


@pytest.mark.parametrize(
    "text",
    [
        "Lt. Gen. Smith arrived on Dec. 14 with 3.5 tonnes of aid.",
        "Dr. Jones met Gov. Brown and Sen. Lee in St. Louis.",
        "The U.S. envoy met the U.N. team at 10 a.m. local time.",
        "J. R. R. Tolkien wrote it in Jan. 1937.",
        "Mr. and Mrs. Smith paid $4.50 each, i.e. about 9 dollars.",
        "He said it was No. 1 on the list.",
    ],
)
def test_abbreviations_decimals_and_initials_do_not_split(text):
    assert texts(text) == [text]


def test_plain_boundaries_and_closing_quotes():
    text = 'It rained. "We stayed in," she said. Did it stop? Yes! It did.'
    assert texts(text) == [
        "It rained.",
        '"We stayed in," she said.',
        "Did it stop?",
        "Yes!",
        "It did.",
    ]


def test_abbreviation_at_sentence_end_before_a_starter():
    text = "He moved to the U.S. The move was hard."
    assert texts(text) == ["He moved to the U.S.", "The move was hard."]


def test_quote_spanning_sentences_keeps_the_closing_quote_with_its_sentence():
    text = '"They left. Nobody came back," the mayor said. Rain fell.'
    assert texts(text) == ['"They left.', 'Nobody came back," the mayor said.', "Rain fell."]


def test_paragraphs_and_headings():
    text = "Floods in the north\n\nWater rose by 2 metres. Roads closed.\n\nWhat preceded\n\nIt rained."
    spans = split_sentences(text)
    assert [(s.text, s.is_heading) for s in spans] == [
        ("Floods in the north", True),
        ("Water rose by 2 metres.", False),
        ("Roads closed.", False),
        ("What preceded", True),
        ("It rained.", False),
    ]
    assert [s.paragraph for s in spans] == [0, 1, 1, 2, 3]


def test_markdown_heading_and_bullet_markers_stay_outside_the_span():
    text = (
        "# Casualty figures\n\n- 40 people died in the flood.\n* 12 are missing\n1. Roads closed."
    )
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "Casualty figures",
        "40 people died in the flood.",
        "12 are missing",
        "Roads closed.",
    ]
    assert spans[0].is_heading
    assert not any(s.is_heading for s in spans[1:])


def test_soft_wrapped_lines_join_into_one_sentence():
    text = (
        "The regional council said on Monday that the flood defences along the\n"
        "river had held, although several roads remained closed.\nShort line."
    )
    assert texts(text) == [
        "The regional council said on Monday that the flood defences along the\n"
        "river had held, although several roads remained closed.",
        "Short line.",
    ]


def test_byline_is_a_heading_not_a_claim_line():
    spans = split_sentences("By Jane Doe\nKYIV — Troops arrived on Monday.")
    assert spans[0].text == "By Jane Doe" and spans[0].is_heading
    assert not spans[1].is_heading


@pytest.mark.parametrize("text", ["", "   \n\n\t", "...", "\u200f\u202e"])
def test_empty_and_punctuation_only_input(text):
    for s in split_sentences(text):
        assert s.text.strip()
        assert text[s.start : s.end] == s.text
