"""Reactions, views, questions and fragments on a real-looking incident report: sentences,
never claims; accounts, named quotations, figures and announcements stay claims.

The report is written for these tests (an invented town, people and police), in the shape
local news has: what happened, then neighbours and officials quoted at length.
"""

from __future__ import annotations

import pytest

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.emphasis import without_emphasis
from claimdesk.store.extract.extractor import extract, quoted_flags
from claimdesk.store.extract.sentences import split_sentences
from claimdesk.store.extract.views import CLASSES, view_class

REPORT = """Two men were shot outside a bar on Mill Street late Saturday, Larkfield police said.
One of the men died at Larkfield General Hospital and the other is in stable condition.
"It's just unbelievable," said neighbour Dana Price.
"He was so kind with everyone.
We will miss him so much."
Neighbours are still in shock.
"How many more of these do we need before something changes?" Price asked.
Police lights.
Candles and flowers.
"Better parenting," Lee Moss said.
"I was just furious and devastated," neighbour Rosa Lind said.
"I heard two bangs and saw a man run toward the river," said Tom Ash, who lives next door.
"We are asking anyone who was on Mill Street to call us," Sgt. Ivy Marsh said.
"The Mill Street bar had 14 complaints last year," Marsh said.
Chief Ruth Gale will brief the town council on Monday.
"""

NOT_CLAIMS = {
    '"It\'s just unbelievable," said neighbour Dana Price.': "reaction",
    '"He was so kind with everyone.': "reaction",
    'We will miss him so much."': "reaction",
    "Neighbours are still in shock.": "feeling",
    '"How many more of these do we need before something changes?" Price asked.': "question",
    "Police lights.": "fragment",
    "Candles and flowers.": "fragment",
    '"Better parenting," Lee Moss said.': "fragment",
    '"I was just furious and devastated," neighbour Rosa Lind said.': "reaction",
}
CLAIMS = [
    "Two men were shot outside a bar on Mill Street late Saturday, Larkfield police said.",
    "One of the men died at Larkfield General Hospital and the other is in stable condition.",
    '"The Mill Street bar had 14 complaints last year," Marsh said.',
    "Chief Ruth Gale will brief the town council on Monday.",
]


@pytest.fixture(scope="module")
def sentences() -> dict[str, bool]:
    found = extract(REPORT)
    for s in found:
        assert REPORT[s.start : s.end] == s.text
    return {s.text: s.is_claim for s in found}


@pytest.mark.parametrize("text", sorted(NOT_CLAIMS))
def test_views_stay_sentences_but_are_not_claims(sentences: dict[str, bool], text: str) -> None:
    assert text in sentences, f"{text!r} was not split as one sentence"
    assert sentences[text] is False


@pytest.mark.parametrize("text", CLAIMS)
def test_reported_facts_stay_claims(sentences: dict[str, bool], text: str) -> None:
    assert sentences[text] is True


@pytest.mark.parametrize(("text", "cls"), sorted(NOT_CLAIMS.items()))
def test_each_view_has_its_class(text: str, cls: str) -> None:
    spans = split_sentences(REPORT)
    quoted = dict(zip((s.text for s in spans), quoted_flags(spans), strict=True))
    assert view_class(text, 0.15, trigger_words.scan(text), quoted=quoted[text]) == cls
    assert cls in CLASSES


def test_a_short_quotation_with_a_verb_is_not_a_fragment() -> None:
    text = '"Nothing justifies that," Mr. Kell said.'
    assert view_class(text, 0.19, trigger_words.scan(text), quoted=True) == ""
    text = "Victims ' relatives said any Moss victory was hollow."
    assert view_class(text, 0.39, trigger_words.scan(text), quoted=False) == ""


def test_an_event_that_did_not_happen_does_not_make_a_reaction_an_account() -> None:
    text = '"It is terrible to see a child be killed like that," said neighbour Ann Moss.'
    assert view_class(text, 0.09, trigger_words.scan(text), quoted=True) == "reaction"
    text = '"They killed my brother for nothing," said Ann Moss.'
    assert view_class(text, 0.09, trigger_words.scan(text), quoted=True) == ""


def test_a_quoted_report_in_the_passive_is_kept() -> None:
    text = '"No foul play is suspected at this time," the sheriff said.'
    assert view_class(text, 0.09, trigger_words.scan(text), quoted=True) == ""


def test_a_witness_account_in_the_first_person_is_not_a_view() -> None:
    text = '"I heard two bangs and saw a man run toward the river," said Tom Ash.'
    assert view_class(text, 0.09, trigger_words.scan(text), quoted=True) == ""


def test_quoted_reaction_about_something_named_is_kept() -> None:
    text = '"I am so happy to be hosting the Harbour Awards again," Lee Park said.'
    scan = trigger_words.scan(text)
    assert view_class(text, 0.09, scan, quoted=True, names=("Harbour Awards",)) == ""
    assert view_class(text, 0.09, scan, quoted=True) == "reaction"


def test_figures_keep_a_quoted_view_checkable_but_not_a_question() -> None:
    text = '"We lost 40 homes and it is heartbreaking," the mayor said.'
    assert view_class(text, 0.09, trigger_words.scan(text), quoted=True, has_facts=True) == ""
    question = "Why are they charging two men who are 70 years old?"
    assert view_class(question, 0.09, trigger_words.scan(question), quoted=False) == "question"


def test_a_high_score_outweighs_the_view_words() -> None:
    text = '"We are sad, but the bridge was closed for 20 years," she said.'
    assert view_class(text, 0.6, trigger_words.scan(text), quoted=True) == ""


def test_quotation_spanning_sentences_is_quoted_to_its_end() -> None:
    text = "Lina said: “He was kind. We will miss him. He was our friend.” The rain came."
    spans = split_sentences(text)
    flags = dict(zip((s.text for s in spans), quoted_flags(spans), strict=True))
    assert flags == {
        "Lina said: “He was kind.": False,
        "We will miss him.": True,
        "He was our friend.”": True,
        "The rain came.": False,
    }


def test_promote_still_possible_views_keep_offsets() -> None:
    found = extract(REPORT)
    views = [s for s in found if s.text in NOT_CLAIMS]
    assert len(views) == len(NOT_CLAIMS)
    assert all(s.role == "" and REPORT[s.start : s.end] == s.text for s in views)


def test_inline_emphasis_is_dropped_for_display_only() -> None:
    text = "Police said **two** men were *seriously* hurt on __Mill Street__."
    found = extract(text)
    assert found[0].text == text  # offsets stay the truth
    assert (
        without_emphasis(found[0].text) == "Police said two men were seriously hurt on Mill Street."
    )
    assert without_emphasis("a_b_c and 2 * 3 * 4") == "a_b_c and 2 * 3 * 4"
