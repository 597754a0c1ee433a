"""Closing quotes spaced out after a full stop stay with the sentence they close."""

from __future__ import annotations

from claimdesk.store.extract.extractor import extract
from claimdesk.store.extract.sentences import split_sentences


def test_a_spaced_closing_quote_at_the_end_of_a_line_joins_its_sentence():
    text = 'He said , " The bridge will reopen in May . "\nTraffic was light .'
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        'He said , " The bridge will reopen in May . "',
        "Traffic was light .",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert not spans[0].is_heading


def test_doubled_apostrophe_quotes_join_too():
    text = "``We are safe now . ''\n\nThe river fell overnight ."
    assert [s.text for s in split_sentences(text)] == [
        "``We are safe now . ''",
        "The river fell overnight .",
    ]


def test_a_quote_that_opens_the_next_sentence_stays_with_it():
    text = 'The mayor left . " We will rebuild , " she said .'
    assert [s.text for s in split_sentences(text)] == [
        "The mayor left .",
        '" We will rebuild , " she said .',
    ]


def test_no_sentence_is_only_quotes_or_brackets():
    text = 'It rained . "\nIt stopped . )\n" Fine . "'
    sentences = extract(text)
    assert sentences
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text.strip("\"'”’») ]`")
