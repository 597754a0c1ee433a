"""The word splitter under matching: the same words as ``\\w+`` for any text."""

from __future__ import annotations

import re

import pytest

from claimdesk.store.related.matching_form import norm_tokens, words


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyy's 3,000 (approx.) soldiers_killed",
        "tabs\tand\nnewlines\x00and\x7fcontrols",
        "",
        "   ",
        "Zelenskyý, Kharkiv — «3 000» tués",
        "emoji 🙂 between words",
    ],
)
def test_words_are_the_regex_words(text):
    assert words(text) == re.findall(r"\w+", text)


def test_stored_text_tokens_turn_number_words_into_digits():
    assert norm_tokens("one hundred and fifty were hurt, one of them badly") == [
        "150", "were", "hurt", "one", "of", "them", "badly",
    ]  # fmt: skip
