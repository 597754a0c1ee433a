"""Keystroke search: prefixes, several words, apostrophes, numbers, misspellings, odd input."""

from __future__ import annotations

import pytest

from claimdesk.store.search.highlight import Highlighter, match_spans
from claimdesk.store.search.query import fts_query, parse_query
from claimdesk.store.search.vocabulary import Vocabulary, VocabularyCache


def add(store, text, title, not_claims=()):
    """Add a document whose sentences are all claims except ``not_claims``, whatever the
    extractor decides (these tests are about search, not extraction)."""
    doc_id = store.add_text(text, title=title).doc_id
    for sentence in store.sentences(doc_id):
        if sentence.text in not_claims and sentence.is_claim:
            store.dismiss(sentence.id)
        elif sentence.text not in not_claims and not sentence.is_claim:
            store.promote(sentence.id)
    return doc_id


@pytest.fixture
def news(store):
    add(
        store,
        "Zelensky said 3,000 soldiers were killed near Kursk.\n"
        "North Korea\u02bcs army sent 12,000 troops, officials said.\n"
        "The weather was pleasant.",
        "Front line report",
        not_claims=["The weather was pleasant."],
    )
    add(
        store,
        "Zelenskyy confirmed that 3000 soldiers died in the region.\n"
        "Officials in Seoul said North Korea\u2019s losses reached 100.",
        "Second report",
    )
    return store


def texts(hits):
    return [h.claim.text for h in hits]


def test_last_word_is_a_prefix_while_typed(news):
    assert texts(news.search("zelen")) == texts(news.search("zelens"))
    assert len(news.search("zelen")) == 2
    assert news.search("zelen ") == []  # a space ends the word: "zelen" is not a word


def test_every_word_must_match(news):
    assert texts(news.search("soldiers kill")) == [
        "Zelensky said 3,000 soldiers were killed near Kursk."
    ]
    assert news.search("soldiers weather") == []


def test_hits_carry_document_title_and_match_spans(news):
    (hit,) = news.search("kursk sold")
    assert hit.doc_title == "Front line report"
    assert [hit.claim.text[s:e] for s, e in hit.spans] == ["soldiers", "Kursk"]
    assert hit.terms == ("kursk", "sold")
    assert not hit.fuzzy


@pytest.mark.parametrize("typed", ["korea's", "Korea\u2019s", "Korea\u02bcs", "KOREA'S lo"])
def test_apostrophes_are_all_the_same(news, typed):
    found = texts(news.search(typed))
    assert "Officials in Seoul said North Korea\u2019s losses reached 100." in found
    if not typed.endswith("lo"):
        assert "North Korea\u02bcs army sent 12,000 troops, officials said." in found


@pytest.mark.parametrize("typed", ["3000", "3,000", "3\u202f000"])
def test_numbers_match_with_or_without_digit_groups(news, typed):
    hits = news.search(typed)
    assert len(hits) == 2
    first = hits[0] if "," in hits[0].claim.text else hits[1]
    assert [first.claim.text[s:e] for s, e in first.spans] == ["3,000"]


@pytest.mark.parametrize("typed", ["Zelenskiy", "zelenskiy said", "Zelenskyi", "zelenkyy"])
def test_misspellings_fall_back_to_close_words(news, typed):
    hits = news.search(typed)
    assert hits and all(h.fuzzy for h in hits)
    assert any(h.claim.text.startswith("Zelensky said") for h in hits)
    assert all(any(h.claim.text[s:e].startswith("Zelensky") for s, e in h.spans) for h in hits)


def test_fuzzy_vocabulary_follows_new_documents(news):
    assert news.search("Budanow") == []
    add(news, "Budanov said 40 drones were launched.", "Later")
    assert texts(news.search("Budanow")) == ["Budanov said 40 drones were launched."]


def test_unknown_word_without_close_spelling_finds_nothing(news):
    assert news.search("xqzvw soldiers") == []


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '""',
        "*",
        "zel*",
        "NEAR(",
        "NEAR(zelensky soldiers)",
        "AND",
        "soldiers AND",
        "OR",
        "-soldiers",
        "soldiers -killed",
        "^zel",
        "norm:zel",
        "(",
        ")",
        "'",
        "{norm}",
        "+",
        ":",
        "\\",
        "\u0000",
        'zel"en',
        "a OR b NOT c",
    ],
)
def test_fts_syntax_in_the_query_never_raises(news, typed):
    assert isinstance(news.search(typed), list)


def test_operators_are_plain_words(store):
    add(store, "Troops and tanks moved 5 km near the border.", "t")
    assert len(store.search("and tanks")) == 1
    assert len(store.search("near")) == 1
    assert store.search("or tanks") == []


@pytest.mark.parametrize("typed", ["", "   ", "...", "?!"])
def test_empty_query_finds_nothing(news, typed):
    assert news.search(typed) == []


def test_only_claims_are_found(news):
    assert news.search("weather") == []
    (weather,) = [s for s in news.sentences(1) if s.text.startswith("The weather")]
    news.promote(weather.id)
    assert texts(news.search("weather")) == ["The weather was pleasant."]
    news.dismiss(weather.id)
    assert news.search("weather") == []


def test_limit_and_best_first(store):
    for i in range(30):
        add(store, f"Report {i}: 4{i} people were evacuated from the valley.", f"r{i}")
    add(store, "Evacuated, evacuated, evacuated: 7 people.", "x")
    hits = store.search("evacuated", limit=5)
    assert len(hits) == 5
    assert hits[0].claim.text.startswith("Evacuated, evacuated")
    assert store.search("evacuated", limit=0) == []


def test_parse_query_folds_and_marks_the_prefix():
    assert parse_query("North Korea\u02bcs 3,000 sol") == parse_query("north korea's 3000 sol")
    assert parse_query("sol").prefix and not parse_query("sol ").prefix
    assert parse_query('"NEAR(" * -').words == ("near",)


def test_fts_query_quotes_every_word():
    parsed = parse_query('and "near" korea\'s u.s.')
    assert fts_query(parsed) == '"and" AND "near" AND "korea s" AND "u s"*'


def test_match_spans_ignore_case_diacritics_and_digit_groups():
    text = "Café owners said 12,500 people (CAFE staff) came."
    assert [text[s:e] for s, e in match_spans(text, ["cafe", "12500"])] == [
        "Café",
        "12,500",
        "CAFE",
    ]
    assert [text[s:e] for s, e in match_spans(text, [], "pe")] == ["people"]


def test_long_prefixes_find_the_same_with_the_vocabulary_loaded(news):
    before = [texts(news.search(q)) for q in ("soldi", "zelensk", "officials sai", "korea")]
    news.prepare_search()
    after = [texts(news.search(q)) for q in ("soldi", "zelensk", "officials sai", "korea")]
    assert before == after
    assert [len(found) for found in after] == [2, 2, 2, 2]


def test_vocabulary_refreshes_in_the_background(news):
    cache = VocabularyCache(news.path)
    generation = news.generation()
    assert cache.peek(generation) is None
    cache.wait()
    vocab = cache.peek(generation)
    assert vocab is not None and vocab.count("zelensky") == 1
    assert vocab.completions("zelensk", limit=5) == ("zelensky", "zelenskyy")
    add(news, "Zelenskyy spoke again on 4 June.", "Later")
    assert cache.peek(news.generation()) is None  # stale: never used for completions
    cache.wait()
    assert cache.peek(news.generation()).count("zelenskyy") == 2


@pytest.mark.parametrize(
    ("text", "terms", "prefix"),
    [
        ("Officials said 3,000 people (3000 in all) died in 2024.", ["3000", "died"], "peo"),
        ("NORTH Korea's army sent 12,000 troops; north-korean units", ["north", "korea"], "s"),
        ("Zelensky, Zelenskyy and zelenskiy", ["zelensky"], "zelenskyy"),
        ("U.S. officials said the U.S. would respond", ["u", "s"], "resp"),
        ("No match here at all.", ["zelensky"], ""),
        ("Prices rose 1,234,567 percent", ["1234567"], ""),
    ],
)
def test_highlighter_agrees_with_folding_word_by_word(text, terms, prefix):
    assert Highlighter(terms, prefix).spans(text) == match_spans(text, terms, prefix)


def test_few_hits_for_a_known_name_also_bring_its_other_spellings(store):
    store.add_text("Zelenskiy said more than 3,000 soldiers were killed or wounded.", title="a")
    store.add_text("Zelensky said 3,000 soldiers had been killed or wounded.", title="b")
    store.add_text("The minister said 3,000 tents had arrived.", title="c")
    hits = store.search("zelenskiy 3000")
    assert [h.fuzzy for h in hits] == [False, True]
    assert hits[1].claim.text.startswith("Zelensky said")


def test_spelling_candidates_share_the_first_or_the_second_letter():

    words = {f"{a}{b}{c}ovsk": 1 for a in "bcdfg" for b in "aeiou" for c in "klmnp"}
    vocab = Vocabulary.from_counts({**words, "zelensky": 40, "ministry": 12, "mimistry": 1})
    assert vocab.close_terms("selensky") == ("zelensky",)  # first letter wrong
    assert vocab.close_terms("zalensky") == ("zelensky",)  # second letter wrong
    assert vocab.close_terms("minstry") == ("ministry", "mimistry")  # the more used first
    assert vocab.close_terms("qqqqqqqq") == ()


def test_typing_on_after_no_match_skips_the_index(news, monkeypatch):
    import claimdesk.store.search.searcher as search

    asked = []
    real = search.ranked_rows
    monkeypatch.setattr(
        search,
        "ranked_rows",
        lambda db, match, *rest: asked.append(match) or real(db, match, *rest),
    )
    assert texts(news.search("kursk weath")) == []
    assert asked == ['"kursk" AND "weath"*']
    asked.clear()
    assert texts(news.search("kursk weathe")) == []
    # "kursk" AND "weath"* matched nothing, and so does a longer prefix: only the
    # respelled words are looked up ("weathe"* and "weather"* both complete to "weather")
    assert asked == ['"kursk" AND "weather"']
    asked.clear()
    assert len(texts(news.search("kursk"))) == 1  # not a narrowing: asked again
    assert len(asked) == 1


def test_a_keystroke_reads_the_store_state_with_its_hits(news, monkeypatch):
    """The state the keystroke before saw is assumed, and checked against the state read
    along with the hits: no statement of its own while it holds."""
    import claimdesk.store.search.searcher as search

    news.search("zelen")
    calls = []
    real = search.search_state
    monkeypatch.setattr(search, "search_state", lambda db: calls.append(db) or real(db))
    assert len(news.search("zelens")) == 2
    assert calls == []
    assert news.search("zelenx") == []  # no hits read, no state with them
    assert len(calls) == 1


def test_a_prefix_finds_words_added_since_the_keystroke_before(news):
    """ "soldie" was expanded into the terms the vocabulary of the state assumed held; the
    hits read a newer state, so the keystroke is searched again."""
    assert texts(news.search("soldie"))
    add(news, "Soldiery gathered at the border.", "Third report")
    assert "Soldiery gathered at the border." in texts(news.search("soldie"))


@pytest.mark.parametrize("change", ["add a document", "promote a sentence"])
def test_a_dead_end_reopens_when_the_store_changes(news, change):
    assert texts(news.search("pleasant weath")) == []
    if change == "add a document":
        add(news, "The weather was pleasant in Kursk.", "Third report")
    else:
        (weather,) = [s for s in news.sentences(1) if s.text.startswith("The weather")]
        news.promote(weather.id)
    assert texts(news.search("pleasant weathe")) != []


def test_function_words_need_not_match_beside_other_words(store):
    add(store, "Ministry officials said 40 patients were treated.", "t")
    assert len(store.search("the ministry of health")) == 0  # "health" is missing
    assert len(store.search("the ministry officials")) == 1
    assert len(store.search("the of")) == 0  # nothing else typed: required
    assert len(store.search("ministry of")) == 1  # "of" is being typed: "officials"


def test_the_words_in_the_order_typed_rank_first(store):
    add(store, "The health ministry of Gaza said 40 died.", "a")
    add(store, "The ministry of health said 40 died.", "b")
    add(store, "Health officials from the ministry said 40 died.", "c")
    hits = store.search("the ministry of health")
    assert [h.doc_title for h in hits][0] == "b"
    assert len(hits) == 3
