"""The demo store's relations, as a fact-checker reading it should see them."""

from __future__ import annotations

import pytest

from claimdesk.seeds import seed_store
from claimdesk.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Store:
    store = Store.open(tmp_path_factory.mktemp("demo") / "demo.db")
    seed_store(store)
    return store


def claim(store: Store, words: str) -> int:
    """The id of the one sentence that holds ``words``."""
    (found,) = [c.id for c in store.claims(include_sentences=True) if words in c.text]
    return found


def hit(store: Store, first: int, other: int):
    found = [
        h
        for h in store.related(first, limit=50, include_sentences=True, weaker=True)
        if h.claim.id == other
    ]
    assert found, f"{other} is not among the related claims of {first}"
    return found[0]


SOUTH_KOREAN = "South Korean intelligence had data that at least 100 North Korean soldiers"
SEOUL_BRIEFING = "told lawmakers on Thursday that at least 100 North Korean soldiers"
ZELENSKY = "more than 3,000 North Korean soldiers had already been killed or wounded."
SPELLED = "more than three thousand North Korean soldiers"


@pytest.mark.parametrize("low_words", [SOUTH_KOREAN, SEOUL_BRIEFING])
def test_the_south_korean_estimate_differs_from_zelensky_both_ways(demo, low_words):
    low, high = claim(demo, low_words), claim(demo, ZELENSKY)
    for first, other in ((low, high), (high, low)):
        found = hit(demo, first, other)
        assert found.relation == "differs"
        assert '"at least 100" killed + "another 1,000" wounded' in found.why
        assert '"more than 3,000"' in found.why
        assert "at least 1,100" in found.why


def test_the_capture_dates_contradict(demo):
    on_26 = claim(demo, "was captured on December 26 in Kursk")
    on_27 = claim(demo, "taken prisoner on December 27")
    for first, other in ((on_26, on_27), (on_27, on_26)):
        found = hit(demo, first, other)
        assert found.relation == "contradicts"
        assert '"December 26"' in found.why and '"December 27"' in found.why


def test_two_days_of_losses_are_not_compared_with_the_running_toll(demo):
    two_days = claim(demo, "on December 14-15, units of the DPRK army lost at least 30")
    other_report = claim(
        demo, "lost no fewer than 30 soldiers killed and wounded on 14-15 December"
    )
    for toll in (claim(demo, ZELENSKY), claim(demo, SPELLED)):
        for first in (two_days, other_report):
            assert hit(demo, first, toll).relation == "related"
            assert hit(demo, toll, first).relation == "related"


def test_digits_and_words_agree(demo):
    digits, words = claim(demo, ZELENSKY), claim(demo, SPELLED)
    for first, other in ((digits, words), (words, digits)):
        found = hit(demo, first, other)
        assert found.relation == "agrees"
        assert '"more than 3,000" vs "more than three thousand"' in found.why or (
            '"more than three thousand" vs "more than 3,000"' in found.why
        )


def test_the_conflicts_report_lists_contradictions_first(demo):
    pairs = demo.conflicts()
    relations = [p.other.relation for p in pairs]
    assert relations and relations == sorted(relations, key=("contradicts", "differs").index)
    texts = [{p.claim.text, p.other.claim.text} for p in pairs]
    assert any(any("December 27" in t for t in pair) for pair in texts)
    assert not any(
        any("14-15" in t for t in pair) and any("3,000" in t or "three thousand" in t for t in pair)
        for pair in texts
    )
