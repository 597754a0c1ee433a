"""The benchmark corpus generator: deterministic, news-sized, with valid planted ground truth."""

from __future__ import annotations

import re

from benchmarks.common import percentile, summarise
from benchmarks.corpus import generate_claim_texts, generate_corpus, generate_documents


def test_documents_are_deterministic_and_news_sized():
    docs = generate_documents(30, seed=5)
    assert docs == generate_documents(30, seed=5)
    assert docs != generate_documents(30, seed=6)
    sizes = [len(text.encode("utf-8")) for _, text in docs]
    assert min(sizes) > 2500 and max(sizes) < 7500
    for title, text in docs:
        assert title and "\n\n" in text  # paragraphs
        assert re.search(r"\d", text) and " said" in text


def test_planted_mentions_are_in_their_documents_and_grouped_across_documents():
    corpus = generate_corpus(40, seed=1)
    for mention in corpus.mentions:
        assert mention.text in corpus.documents[mention.doc_index][1]
    by_fact: dict[str, set[int]] = {}
    for mention in corpus.mentions:
        by_fact.setdefault(mention.fact_key, set()).add(mention.doc_index)
    assert sum(1 for docs in by_fact.values() if len(docs) >= 2) >= 10
    assert any(m.conflict for m in corpus.mentions)


def test_claim_texts_groups_and_conflicts_point_at_real_sentences():
    claims = generate_claim_texts(2000, seed=3)
    assert len(claims.sentences) == 2000
    members = [i for group in claims.groups for i in group]
    assert len(members) == len(set(members))  # a sentence is in one group at most
    assert 0.2 * 2000 < len(members) <= 0.35 * 2000
    assert all(0 <= i < 2000 for i in members)
    grouped = set(members)
    assert claims.conflicts
    for i, j in claims.conflicts:
        assert i in grouped and j not in grouped
    assert len(claims.pairs()) >= len(claims.groups)
    assert claims == generate_claim_texts(2000, seed=3)


def test_timing_summary():
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([1.0, 2.0], 95) == 1.95
    timing = summarise([0.3, 0.1, 0.2])
    assert (timing.median, timing.best, timing.worst, timing.runs) == (0.2, 0.1, 0.3, 3)


def _vocabulary(sentences: list[str]) -> set[str]:
    return {w for s in sentences for w in re.findall(r"[a-z]+", s.lower())}


def test_claim_vocabulary_keeps_growing_as_news_does():
    # news meets new names all the time: four times the sentences, more than twice the words
    small = _vocabulary(generate_claim_texts(2000, seed=1).sentences)
    large = _vocabulary(generate_claim_texts(8000, seed=1).sentences)
    assert len(large) > 2 * len(small)
    closed = generate_claim_texts(8000, seed=1, open_vocabulary=False).sentences
    assert len(_vocabulary(closed)) < len(small) / 2
