"""Stage one of related claims: which words of a claim go to FTS5."""

from __future__ import annotations

import pytest

from claimdesk.store.related import candidates
from claimdesk.store.related.aliases import AliasGroups
from claimdesk.store.related.candidates import EXTEND_POSTINGS, build_query, fetch_candidates
from claimdesk.store.related.terms import TermTable


def _table(texts: list[str]) -> TermTable:
    table = TermTable()
    table.add_texts(texts)
    return table


def test_a_rare_word_is_not_lost_to_common_look_alikes():
    # "mossoumba" is in two sentences; words one letter away are in 1,200
    table = _table(
        ["the mossoumba bridge", "near mossoumba"]
        + [f"moussoumba market {i}" for i in range(600)]
        + [f"mosoumba depot {i}" for i in range(600)]
    )
    query = build_query("shelling near the Mossoumba bridge", table, AliasGroups([]))
    assert "mossoumba" in query.terms
    assert '"mossoumba"' in query.match
    # the look-alikes still count as the same word when candidates are scored
    assert query.variant_of.get("moussoumba") == "mossoumba"


def test_a_claim_with_one_rare_word_is_ranked_by_its_next_words_too():
    # only "900" is rare enough, yet found in 300 sentences: more than are scored; the
    # other words are in 1,100 sentences, past the 1,000 limit
    common = [f"officials said patients in porto alegre {i}" for i in range(1100)]
    figures = [f"900 reports {i}" for i in range(300)]
    table = _table([*common, *figures, "900 patients in porto alegre"])
    query = build_query("900 patients in Porto Alegre", table, AliasGroups([]), stored=True)
    assert query.terms[0] == "900"
    assert len(query.terms) > 1 and set(query.terms[1:]) <= {"patients", "porto", "alegre"}
    assert query.postings <= EXTEND_POSTINGS


def test_a_few_rare_words_need_no_common_ones():
    common = [f"officials said patients in porto alegre {i}" for i in range(1100)]
    table = _table([*common, "900 patients in porto alegre", "900 reports"])
    query = build_query("900 patients in Porto Alegre", table, AliasGroups([]), stored=True)
    assert query.terms == ["900"]  # one row to find: nothing to rank


@pytest.mark.parametrize("route", ["past the wide limit", "one word to rank"])
def test_common_words_rank_the_rows_of_a_rare_one(store, monkeypatch, route):
    texts = [f"Kherson officials met on day {i}." for i in range(1, 4)]
    texts.append("Kherson streets flooded after the storm.")
    texts += [f"Streets flooded in town {i} after rain." for i in range(6)]
    ids = []
    for i, text in enumerate(texts):
        doc_id = store.add_text(text, title=f"doc {i}").doc_id
        ids.append(store.claims(doc_id, include_sentences=True)[0].id)
    engine = store.related_engine
    engine.refresh()
    # a store this small never reaches the limits: shrink them so that only "kherson" is
    # read and one row is kept
    for name, value in [
        ("MIN_MAX_DF", 4), ("READ_BUDGET", 4), ("CANDIDATES", 1), ("EXTEND_POSTINGS", 0),
    ]:  # fmt: skip
        monkeypatch.setattr(candidates, name, value)
    if route == "past the wide limit":
        monkeypatch.setattr(candidates, "WIDE_POSTINGS", 1)
        monkeypatch.setattr(candidates, "ONE_WORD_WIDE", False)

    def best() -> int:
        query = build_query("Kherson streets flooded", engine.terms, engine.groups)
        assert query.terms == ["kherson"]
        return fetch_candidates(store.db, query, include_sentences=True)[0][0]

    assert best() == ids[3]  # "flooded" and "streets" looked up among the Kherson rows
    monkeypatch.setattr(candidates, "ANCHORED_TERMS", 0)
    assert best() == ids[0]  # without them, a tie: the oldest row
