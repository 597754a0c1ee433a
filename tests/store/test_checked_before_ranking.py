"""Ranking of known fact-checks for a post ("checked before"), on fact-checks written here.

Tweets carry hashtags, links, emoji and a "— name (@handle) date" trailer; fact-checks
restate the claim in other words. The second stage (character 4-grams) must let the
claim's own words outweigh the trailer, and figures must tell two claims apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdesk.store.evaluation import checked
from claimdesk.store.evaluation.jsonl import read_jsonl, read_qrels
from claimdesk.store.factchecks.factcheck_table import upsert
from claimdesk.store.factchecks.records import FactCheckInput
from claimdesk.store.factchecks.rerank import char_grams, figures, post_body
from claimdesk.store.related.matching_form import fts_tokens

CHECKS = [
    (
        "The mayor's campaign digitally altered a photograph to add a crowd to a rally.",
        "Did the Mayor's Campaign Photoshop a Crowd Into a Rally Photo?",
    ),
    (
        "The city council voted in June 2019 to rename the harbour after a pop singer.",
        "Did the Council Rename the Harbour in June 2019?",
    ),
    ("Sharks killed 12 swimmers off the coast of Florida in 2018.", "Did Sharks Kill 12 Swimmers?"),
    ("Sharks killed 90 swimmers off the coast of Florida in 2018.", "Did Sharks Kill 90 Swimmers?"),
    ("A hurricane carried a shark onto a flooded highway in Houston.", "Shark on a Highway?"),
    ("Jo Bloggs resigned from the rally committee in June 2019.", "Did Jo Bloggs Resign?"),
    ("Lawmakers made miscarriages a crime punishable by prison.", "Are Miscarriages a Crime?"),
]

TRAILER_POST = (
    "They photoshopped a crowd into the mayor's rally pics 😂😂 #FakeCrowds "
    "https://t.co/x1Yz pic.twitter.com/AbC123 — Jo Bloggs (@jobloggs) June 3, 2019"
)

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "retrieve"
CLEF_DEV = EVAL / "clef2020-t2-dev"


@pytest.fixture
def checks_store(store):
    upsert(store.db, [FactCheckInput(claim=c, title=t, rating="False") for c, t in CHECKS])
    return store


def claims(found):
    return [k.factcheck.claim for k in found]


def test_the_post_trailer_and_links_stay_out_of_the_second_stage():
    body = post_body(TRAILER_POST)
    assert "Bloggs" not in body and "2019" not in body and "t.co" not in body
    assert "photoshopped" in body and "#FakeCrowds" in body
    # a text that is only a trailer-like line keeps its words
    assert post_body("— Ann (@ann) May 2, 2019").startswith("— Ann")


def test_hashtags_are_split_and_emoji_give_no_grams():
    tokens = fts_tokens("#SharkOnTheHighway 😂 again")
    assert {"shark", "highway", "sharkonthehighway"} <= set(tokens)
    assert not any("😂" in gram for gram in char_grams(tokens))


def test_a_word_and_its_other_form_share_grams():
    photo = set(char_grams(["photoshopped"]))
    assert photo & set(char_grams(["photoshop"]))
    assert not photo & set(char_grams(["harbour"]))


def test_the_claim_outweighs_who_posted_it_and_when(checks_store):
    found = checks_store.checked_before_text(TRAILER_POST, 3, include_weak=True)
    assert claims(found)[0] == CHECKS[0][0]
    # the poster's own fact-check, matched only through the trailer, is not shown (nor is
    # the best: it names no one and the post says too little of it, see same_claim)
    shown = claims(checks_store.checked_before_text(TRAILER_POST, 3))
    assert CHECKS[5][0] not in shown


def test_the_first_stage_alone_ranks_by_the_trailer(checks_store):
    """What the second stage is for: the same post, first stage only."""
    checks_store.factcheck_matcher.second_stage = False
    found = checks_store.checked_before_text(TRAILER_POST, 3, include_weak=True)
    assert claims(found)[0] == CHECKS[5][0]


def test_a_hashtag_post_finds_the_restated_claim(checks_store):
    post = "#SharkOnTheHighway again?? #HoustonFlood 🦈 pic.twitter.com/abc — Pat (@pat_wx) August 28, 2017"
    assert claims(checks_store.checked_before_text(post)) == [CHECKS[4][0]]


def test_another_form_of_the_word_finds_the_check(checks_store):
    post = "So women who miscarry can now go to prison?? — Ann Lee (@annlee) May 8, 2019"
    found = checks_store.checked_before_text(post, include_weak=True)
    assert claims(found)[:1] == [CHECKS[6][0]]


@pytest.mark.parametrize("figure, right, other", [("90", 3, 2), ("12", 2, 3)])
def test_a_check_of_other_figures_is_not_shown(checks_store, figure, right, other):
    post = f"{figure} swimmers were killed by sharks off Florida last year?!"
    found = checks_store.checked_before_text(post, 3, include_weak=True)
    assert claims(found)[:2] == [CHECKS[right][0], CHECKS[other][0]]
    assert [k.confident for k in found[:2]] == [True, False]
    assert claims(checks_store.checked_before_text(post)) == [CHECKS[right][0]]


def test_years_are_not_figures():
    assert figures("Sharks killed 90 swimmers in 2018") == {"90"}


def test_an_unrelated_post_shows_nothing(checks_store):
    assert checks_store.checked_before_text("The orchestra tuned up before the matinee.") == []


@pytest.mark.skipif(not CLEF_DEV.is_dir(), reason="../shared/eval (development data) is absent")
def test_the_second_stage_helps_on_the_development_queries(store):
    """The CLEF-2020 pool imported through the CSV path, the first 300 tweets asked as
    ``checked --text`` asks them: the second stage must not do worse than the first alone."""
    pool = read_jsonl(CLEF_DEV / "corpus.jsonl")
    queries = read_jsonl(CLEF_DEV / "queries.jsonl")[:300]
    qrels = read_qrels(CLEF_DEV / "qrels.tsv")
    qrels = {q: qrels[q] for q in (str(x["id"]) for x in queries) if q in qrels}
    store.factcheck_matcher.use_meaning = False  # the words' two stages (meaning: its own test)
    ids = checked.import_pool(store, pool)
    assert len(set(ids.values())) == len({str(r["id"]) for r in pool})
    figures_of = {}
    for second in (False, True):
        store.factcheck_matcher.second_stage = second
        predictions = checked.ask_queries(store, ids, queries)
        assert all(p["shown"] == p["ranked"][: len(p["shown"])] for p in predictions)
        figures_of[second] = checked.checked_metrics(qrels, predictions)
    first, both = figures_of[False], figures_of[True]
    assert both["all"]["map@5"] >= first["all"]["map@5"]
    assert both["shown"]["map@5"] >= first["shown"]["map@5"]
