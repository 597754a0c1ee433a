""" "Checked before" by meaning: the sentence model, the stored vectors, the fused ranking and
the rule that shows a match the words miss only when it is far closer in meaning than any
other and nothing in the words contradicts it."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from claimdesk.store import Store
from claimdesk.store.evaluation import checked
from claimdesk.store.evaluation.jsonl import read_jsonl, read_qrels
from claimdesk.store.factchecks import checked_before, sentence_model
from claimdesk.store.factchecks.meaning import MeaningIndex
from claimdesk.store.factchecks.sentence_model import MODEL_ENV, load_model, why_unavailable
from tests.store.test_checked_same_claim import CHECKS, import_checks, write_checks

MODEL = load_model()
needs_model = pytest.mark.skipif(MODEL is None, reason=why_unavailable() or "no sentence model")

EIFFEL = "The Eiffel Tower will be demolished in 2030."


def shown(store, text):
    return [k.factcheck.claim for k in store.checked_before_text(text)]


@needs_model
def test_the_encoder_gives_unit_vectors_that_do_not_depend_on_the_batch():
    texts = ["A man is eating food.", "A man is eating a piece of bread.", "x " * 300]
    together = MODEL.encode(texts)
    alone = np.stack([MODEL.encode([t])[0] for t in texts])
    assert together.shape == (3, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # padding to the longest text in a batch must not change a shorter one's vector
    assert np.abs(together - alone).max() < 1e-5


@needs_model
def test_the_encoder_puts_paraphrases_closer_than_unrelated_sentences():
    food, bread, baby = MODEL.encode(
        ["A man is eating food.", "A man is eating a piece of bread.", "The girl carries a baby."]
    )
    assert food @ bread > 0.6 > 0.2 > food @ baby


def test_a_folder_without_a_model_is_reported_and_matching_stays_on_words(
    store, tmp_path, monkeypatch
):
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "nowhere"))
    assert sentence_model.model_folder() is None
    assert MODEL_ENV in why_unavailable() or "pip install" in why_unavailable()
    assert load_model() is None
    import_checks(store, tmp_path, CHECKS)
    store.factcheck_matcher.meaning = MeaningIndex()
    assert store.prepare_meaning() is False
    assert store.db.execute("SELECT count(*) FROM factcheck_meaning").fetchone()[0] == 0
    said = "They are going to tear down the Eiffel Tower in a few years"
    assert shown(store, said) == []  # the words alone do not show it (see below)


@needs_model
def test_a_reworded_claim_the_words_miss_is_shown_by_its_meaning(store, tmp_path):
    import_checks(store, tmp_path, CHECKS)
    said = "They are going to tear down the Eiffel Tower in a few years"
    store.factcheck_matcher.use_meaning = False
    assert shown(store, said) == []
    store.factcheck_matcher.use_meaning = True
    found = store.checked_before_text(said)
    assert [k.factcheck.claim for k in found] == [EIFFEL]
    assert "close in meaning (0.8" in found[0].why


@needs_model
def test_meaning_does_not_show_another_figure_or_a_match_without_a_clear_lead(store, tmp_path):
    import_checks(store, tmp_path, CHECKS)
    said = "Delgado says {} teachers walked out of Arizona's public schools last year"
    assert shown(store, said.format("40,000")) == [CHECKS[0][0]]
    assert shown(store, said.format("4,000")) == []  # as close in meaning, another figure
    # a shooting near a mall is close to the mall shooting's fact-check, not close enough
    news = "Police said a man was shot on the highway near the mall on Monday and later died."
    assert shown(store, news) == []


@needs_model
def test_vectors_are_stored_once_and_computed_again_for_a_changed_claim(
    store, tmp_path, monkeypatch
):
    import_checks(store, tmp_path, CHECKS)
    assert store.prepare_meaning() is True
    rows = dict(store.db.execute("SELECT factcheck_id, digest FROM factcheck_meaning").fetchall())
    assert len(rows) == len(CHECKS)
    encoded: list[str] = []
    real = MODEL.encode
    monkeypatch.setattr(MODEL, "encode", lambda texts: encoded.extend(texts) or real(texts))
    fresh = Store.open(store.path) if not store.path.startswith("postgresql") else None
    if fresh is not None:  # another process opening the store reads the stored vectors
        fresh.factcheck_matcher.meaning = MeaningIndex(MODEL)
        assert fresh.prepare_meaning() is True
        assert encoded == []
        fresh.close()
    changed = [(EIFFEL.replace("2030", "2031"), "") if c == EIFFEL else (c, t) for c, t in CHECKS]
    store.import_factchecks(write_checks(tmp_path / "changed.csv", changed))
    store.prepare_meaning()
    assert EIFFEL.replace("2030", "2031") in encoded
    assert len(encoded) <= 2  # the new claim (the import keys by claim: a new row), no other


@needs_model
def test_a_copied_store_computes_its_vectors_and_matches_the_same(store, tmp_path):
    import_checks(store, tmp_path, CHECKS)
    said = "They are going to tear down the Eiffel Tower in a few years"
    before = [(k.factcheck.claim, k.confident) for k in store.checked_before_text(said)]
    copy = Store.open(tmp_path / "copy.db")
    from claimdesk.store.database.store_copy import copy_store

    assert copy_store(store, copy).matched
    assert copy.db.execute("SELECT count(*) FROM factcheck_meaning").fetchone()[0] == 0
    assert [(k.factcheck.claim, k.confident) for k in copy.checked_before_text(said)] == before
    assert copy.db.execute("SELECT count(*) FROM factcheck_meaning").fetchone()[0] == len(CHECKS)
    copy.close()


CLEF_DEV = Path(__file__).resolve().parents[2].parent / "shared/eval/retrieve/clef2020-t2-dev"


@needs_model
@pytest.mark.skipif(not CLEF_DEV.is_dir(), reason="../shared/eval (development data) is absent")
@pytest.mark.sqlite_only("the sentence model reads 1,500 fact-checks: once is enough")
def test_meaning_ranks_and_shows_better_on_the_development_queries(store):
    """The first 150 CLEF-2020 tweets against a pool of their own fact-checks and 1,300 others
    (the sentence model reads every fact-check of the pool, so not all 10,375): ranked and
    shown better with meaning than with words alone, and nothing shown that words alone
    would not have shown right more often."""
    queries = read_jsonl(CLEF_DEV / "queries.jsonl")[:150]
    qrels = read_qrels(CLEF_DEV / "qrels.tsv")
    qrels = {q: qrels[q] for q in (str(x["id"]) for x in queries) if q in qrels}
    wanted = set().union(*qrels.values())
    corpus = read_jsonl(CLEF_DEV / "corpus.jsonl")
    others = [r for r in corpus if str(r["id"]) not in wanted]
    pool = [r for r in corpus if str(r["id"]) in wanted] + random.Random(5).sample(others, 1300)
    ids = checked.import_pool(store, pool)
    assert store.prepare_meaning() is True
    figures_of = {}
    for meaning in (False, True):
        store.factcheck_matcher.use_meaning = meaning
        figures_of[meaning] = checked.checked_metrics(
            qrels, checked.ask_queries(store, ids, queries)
        )
    words, both = figures_of[False], figures_of[True]
    assert both["all"]["map@5"] >= words["all"]["map@5"] + 0.01
    assert both["all"]["recall@5"] >= words["all"]["recall@5"]
    assert both["shown"]["map@5"] >= words["shown"]["map@5"]
    assert both["shown"]["shown_right"] >= words["shown"]["shown_right"] - 0.02


@needs_model
def test_with_many_fact_checks_unread_a_query_matches_on_words_until_they_are_read(
    store, tmp_path, monkeypatch
):
    monkeypatch.setattr(checked_before, "INLINE_READ", 3)
    import_checks(store, tmp_path, CHECKS)
    assert store.meaning_pending() == len(CHECKS)
    said = "They are going to tear down the Eiffel Tower in a few years"
    assert shown(store, said) == []  # words alone: the query did not wait on the model
    assert store.meaning_pending() == len(CHECKS)
    done = []
    assert store.prepare_meaning(lambda n, total: done.append((n, total))) is True
    assert done[-1] == (len(CHECKS), len(CHECKS))
    assert store.meaning_pending() == 0
    assert shown(store, said) == [EIFFEL]
