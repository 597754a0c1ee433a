""" "Checked before" shows a known fact-check only when it is the same claim: the fact-check's
names and words said in the text, ahead of the next fact-check, no figure that disagrees.
A high score from shared ordinary words is not enough."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from claimdesk.store.evaluation.jsonl import write_jsonl
from claimdesk.tui.cli import cli

TEACHERS = "Senator Maria Delgado said 40,000 teachers left Arizona public schools in 2023."

CHECKS = [
    (TEACHERS, "Did 40,000 Teachers Leave Arizona Schools?"),
    ("Arizona teachers were given a 20% pay raise by the governor.", "Arizona Teacher Raise"),
    ("Police in Dallas shot an unarmed man during a traffic stop on a highway.", ""),
    ("A man was shot dead by police after a chase through a shopping mall.", "Mall Shooting"),
    ("Drinking bleach cures the coronavirus.", "Does Bleach Cure It?"),
    ("A shark swam down a flooded highway in Houston.", "Highway Shark"),
    ("The Eiffel Tower will be demolished in 2030.", ""),
    ("Pope Francis endorsed a candidate for president.", "Pope Endorsement"),
    ("A photograph shows a giant squid washed up on a beach in Chile.", ""),
    ("Bill Gates said vaccines are used to reduce the world population.", ""),
    ("The city council of Leeds banned Christmas lights on public buildings.", ""),
    ("Wind turbines kill more birds than cats do every year.", ""),
]
"""Made-up known fact-checks: the one the posts below are about, one of the same state and
trade, two of police shootings, and unrelated ones that give the words their rarity."""


def write_checks(path, checks):
    """``checks`` (claim, title) as a CSV file of fact-checks at ``path``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["claim", "title"])
        writer.writerows(checks)
    return path


def import_checks(store, folder, checks):
    store.import_factchecks(write_checks(folder / "checks.csv", checks))
    assert store.factcheck_count() == len(checks)
    return store


@pytest.fixture
def checked_store(store, tmp_path):
    return import_checks(store, tmp_path, CHECKS)


def shown(store, text):
    return [k.factcheck.claim for k in store.checked_before_text(text)]


def matched(store, text):
    return [k.factcheck.claim for k in store.checked_before_text(text, include_weak=True)]


def test_a_reworded_post_with_the_same_names_and_figure_is_shown(checked_store):
    post = (
        "WOW. 40,000 teachers quit Arizona's public schools last year and Maria Delgado "
        "is the only one saying it #RedForEd — Jo Smith (@jsmith) May 2, 2024"
    )
    assert shown(checked_store, post)[:1] == [TEACHERS]


def test_a_news_claim_sharing_only_ordinary_words_abstains(checked_store):
    news = "Police said a man was shot on the highway near the mall on Monday and later died."
    assert matched(checked_store, news)  # the matcher finds fact-checks with these words...
    assert shown(checked_store, news) == []  # ...but none is this claim


def test_the_same_names_with_another_figure_abstain(checked_store):
    post = "Maria Delgado says 4,000 teachers left Arizona public schools in 2023."
    assert matched(checked_store, post)[:1] == [TEACHERS]  # the best match by far...
    assert shown(checked_store, post) == []  # ...but 4,000 is not 40,000


KURSK = "Ukraine captured North Korean soldiers in the Kursk region."


def test_the_same_names_with_another_event_abstain(store, tmp_path):
    import_checks(store, tmp_path, [*CHECKS, (KURSK, "Did Ukraine Capture Soldiers?")])
    same = "Kyiv says Ukraine has captured two North Korean soldiers in the Kursk region."
    assert shown(store, same)[:1] == [KURSK]
    other = "Seoul says 100 North Korean soldiers were killed in the Kursk region."
    assert matched(store, other)[:1] == [KURSK]  # every name of the fact-check...
    assert shown(store, other) == []  # ...but killed is not captured


def test_the_same_names_saying_something_else_abstain(checked_store):
    post = "Maria Delgado visited Arizona to open a new library."
    assert TEACHERS in matched(checked_store, post)
    assert shown(checked_store, post) == []


def test_eval_checked_counts_news_claims_shown_a_factcheck(tmp_path):
    pool = tmp_path / "pool"
    pool.mkdir()
    write_jsonl(
        pool / "corpus.jsonl",
        [{"id": f"c{i}", "text": claim, "title": title} for i, (claim, title) in enumerate(CHECKS)],
    )
    write_jsonl(
        pool / "queries.jsonl",
        [{"id": "q", "text": "40,000 Arizona teachers left, Maria Delgado says"}],
    )
    (pool / "qrels.tsv").write_text("q\tc0\n", encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    write_jsonl(
        news / "docs.jsonl",
        [
            {"id": "d1", "text": "Police said a man was shot on the highway on Monday."},
            {"id": "d2", "text": "Maria Delgado said 40,000 teachers left Arizona schools."},
        ],
    )
    out = tmp_path / "checked.jsonl"
    result = CliRunner().invoke(
        cli,
        ["eval", "checked", str(pool), "--out", str(out), "--negatives", str(news)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    # d2 restates the fact-check: one of the two claims is shown one, counted as wrong here
    assert "news: claims=2 shown_rate=0.5000" in result.output
    assert "first shown: precision=0.5000 coverage=1.0000" in result.output
    assert out.with_suffix(".news.jsonl").exists()
