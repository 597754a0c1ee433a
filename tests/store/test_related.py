"""The related-claims engine: cross-document matches, relations, aliases, cache and CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.store import Store
from claimdesk.store.related import similarity
from claimdesk.store.related.matching_form import fts_tokens
from claimdesk.tui.cli import cli

LOW = (
    "South Korean intelligence said that at least 100 North Korean soldiers had been killed"
    " and another 1,000 wounded in fighting in the Kursk region."
)
HIGH = (
    "Ukrainian President Volodymyr Zelensky said that more than 3,000 North Korean soldiers"
    " had been killed or wounded in the Kursk region."
)
SPELLED = (
    "President Volodymyr Zelenskyy said more than three thousand North Korean soldiers were"
    " killed or wounded in Kursk."
)


def add(store: Store, text: str, title: str) -> int:
    """Add ``text`` as a document and return the id of its first claim."""
    doc_id = store.add_text(text, title=title).doc_id
    return store.claims(doc_id, include_sentences=True)[0].id


def test_differing_casualty_figures(store):
    low = add(store, LOW, "Seoul")
    high = add(store, HIGH, "Kyiv")
    hits = store.related(low)
    assert hits and hits[0].claim.id == high
    assert hits[0].relation == "differs"  # two lower bounds: both can be true
    assert '"at least 100" killed + "another 1,000" wounded' in hits[0].why
    assert '"more than 3,000"' in hits[0].why
    assert not hits[0].same_document


def test_spelling_variants_and_number_words_agree(store):
    high = add(store, HIGH, "Kyiv")
    spelled = add(store, SPELLED, "Wire")
    hit = store.related(high)[0]
    assert hit.claim.id == spelled
    assert hit.relation == "agrees"
    assert "zelensky" in hit.why


def test_user_alias_links_acronym_and_name(store):
    first = add(store, "The DPRK has sent 12,000 troops to the Kursk front.", "A")
    second = add(store, "North Korea has sent 12,000 troops to the Kursk front.", "B")
    before = {h.claim.id: h.score for h in store.related(first)}
    assert store.add_alias("DPRK", "North Korea")
    assert ("DPRK", "North Korea", "user") in store.aliases()
    hit = store.related(first)[0]
    assert hit.claim.id == second
    assert "dprk" in hit.why
    assert hit.score > before.get(second, 0.0)
    assert store.remove_alias("DPRK") == 1
    assert store.aliases() == []


def test_acronym_definitions_are_learned_from_documents(store):
    add(store, "Troops of the Democratic People's Republic of Korea (DPRK) arrived in Kursk.", "A")
    first = add(store, "The DPRK lost 30 soldiers near Kursk on Sunday.", "B")
    second = add(
        store, "The Democratic People's Republic of Korea lost 30 soldiers near Kursk.", "C"
    )
    assert store.related(first)  # the engine learns while catching up
    assert ("DPRK", "Democratic People's Republic of Korea", "corpus") in store.aliases()
    assert store.related(first)[0].claim.id == second


def test_other_documents_come_before_the_same_document(store):
    doc = store.add_text(f"{HIGH}\n\n{SPELLED}", title="Both").doc_id
    other = add(store, LOW, "Seoul")
    first = store.claims(doc)[0]
    hits = store.related(first.id, weaker=True)
    assert [h.same_document for h in hits] == sorted(h.same_document for h in hits)
    assert hits[0].claim.id == other
    assert any(h.same_document for h in hits)
    # the same document is no other report: its claims are only ever weaker matches
    assert not any(h.shown for h in hits if h.same_document)
    assert all(not h.same_document for h in store.related(first.id))


def test_cache_is_dropped_when_documents_are_added_and_removed(store):
    low = add(store, LOW, "Seoul")
    assert store.related(low) == []
    high = add(store, HIGH, "Kyiv")
    assert [h.claim.id for h in store.related(low)] == [high]
    store.remove_document(store.claim(high).doc_id)
    assert store.related(low) == []
    again = add(store, SPELLED, "Wire")
    assert [h.claim.id for h in store.related(low)] == [again]


def test_a_removed_claim_id_is_not_given_out_again(store):
    low = add(store, LOW, "Seoul")
    old = add(store, HIGH, "Kyiv")
    assert store.related(low)[0].relation == "differs"
    store.remove_document(store.claim(old).doc_id)
    new = add(store, "The weather in the Kursk region was sunny.", "Weather")
    assert new > old  # the newest rows' ids do not come back
    (hit,) = store.related(low)
    assert hit.claim.id == new
    assert (hit.relation, hit.why) == ("related", "shares kursk, region")


def test_related_to_free_text_and_pair_similarity(store):
    high = add(store, HIGH, "Kyiv")
    add(store, "Heavy rain flooded the city centre on Monday.", "Weather")
    hits = store.related_text("Zelenskyy: over 3000 North Korean troops killed or wounded")
    assert hits[0].claim.id == high
    assert similarity(HIGH, SPELLED) > similarity(HIGH, "Heavy rain flooded the city centre.")
    assert similarity(HIGH, HIGH) == pytest.approx(100.0)


def test_camel_case_hashtags_and_handles_match_their_words(store):
    bridge = add(store, "The city council voted to close the old harbour bridge.", "Port")
    add(store, "Harbour fees rose again this year.", "Fees")
    hits = store.related_text("Cannot believe #CouncilVotes to shut the #HarbourBridge @CityNews")
    assert hits[0].claim.id == bridge
    assert fts_tokens("#HarbourBridge @NHC_Atlantic #metoo") == [
        "harbour", "bridge", "harbourbridge", "nhc", "atlantic", "nhc_atlantic", "metoo",
    ]  # fmt: skip


VOCABULARY = (
    "north korean soldiers killed wounded kursk zelensky zelenskyy 100 3,000 at least more than"
    " captured december 26 27 troops army region president said"
)
WORDS = st.sampled_from(VOCABULARY.split(" "))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(WORDS, min_size=3, max_size=12), min_size=2, max_size=6))
def test_never_the_claim_itself_and_scores_ordered(store, sentences):
    for i, words in enumerate(sentences):
        store.add_text(" ".join(words) + f" {i}.", title=f"doc {i}")
    for claim in store.claims(include_sentences=True):
        hits = store.related(claim.id, include_sentences=True)
        assert claim.id not in [h.claim.id for h in hits]
        assert all(0 <= h.score <= 100 for h in hits)
        for group in (False, True):
            scores = [h.score for h in hits if h.same_document is group]
            assert scores == sorted(scores, reverse=True)


def test_seed_corpus_conflict(store):
    from claimdesk.seeds import seed_store

    seed_store(store)
    pairs = store.conflicts()
    assert pairs
    texts = [(p.claim.text, p.other.claim.text) for p in pairs]
    assert any(
        ("at least 100" in a and "3,000" in b)
        or ("at least 100" in b and "3,000" in a)
        or ("at least 100" in a and "three thousand" in b)
        or ("at least 100" in b and "three thousand" in a)
        for a, b in texts
    )


def test_cli_related_conflicts_and_alias(tmp_path):
    db = str(tmp_path / "cli.db")
    store = Store.open(db)
    low = add(store, LOW, "Seoul")
    high = add(store, HIGH, "Kyiv")
    store.close()
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", db, "related", str(low), "--json"], catch_exceptions=False)
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows[0]["id"] == high and rows[0]["relation"] == "differs"
    assert set(rows[0]) >= {"id", "doc_id", "score", "relation", "why", "text"}
    out = runner.invoke(cli, ["--db", db, "conflicts", "--json"], catch_exceptions=False)
    pairs = [json.loads(line) for line in out.output.splitlines()]
    assert len(pairs) == 1 and {pairs[0]["id"], pairs[0]["other_id"]} == {low, high}
    assert pairs[0]["relation"] == "differs"
    out = runner.invoke(cli, ["--db", db, "alias", "add", "DPRK", "North Korea"])
    assert out.exit_code == 0 and "added" in out.output
    out = runner.invoke(cli, ["--db", db, "alias", "list", "--json"])
    assert json.loads(out.output.splitlines()[0])["alias"] == "DPRK"
    assert runner.invoke(cli, ["--db", db, "alias", "rm", "DPRK"]).exit_code == 0
    assert runner.invoke(cli, ["--db", db, "alias", "rm", "DPRK"]).exit_code != 0


def test_alias_swap_is_seen_by_a_running_engine(store):
    first = add(store, "The DPRK has sent 12,000 troops to the Kursk front.", "A")
    second = add(store, "North Korea has sent 12,000 troops to the Kursk front.", "B")
    third = add(store, "Pyongyang has sent 12,000 troops to the Kursk front.", "C")
    assert store.add_alias("DPRK", "North Korea")
    assert store.related(first)[0].claim.id == second
    # same row count and, with rowid reuse, possibly the same newest id as before
    assert store.remove_alias("DPRK") == 1
    assert store.add_alias("DPRK", "Pyongyang")
    assert store.related(first)[0].claim.id == third


def _relation(store, first: int, other: int):
    return next(h for h in store.related(first, weaker=True) if h.claim.id == other)


def test_the_same_count_in_two_places_is_two_facts(store):
    kharkiv = add(
        store, "Officials said 100 people were killed in Kharkiv by the Monday strike.", "A"
    )
    odesa = add(
        store, "Officials said 3,000 people were killed in Odesa by the Monday strike.", "B"
    )
    spelled = add(
        store,
        "Officials said 3,000 people were killed in Kharkov by the Monday missile strike.",
        "C",
    )
    elsewhere = _relation(store, kharkiv, odesa)
    assert elsewhere.relation == "related"
    assert "in Kharkiv vs in Odesa" in elsewhere.why
    assert _relation(store, kharkiv, spelled).relation == "contradicts"  # a spelling, one place


def test_an_alias_makes_two_place_names_one_place(store):
    mumbai = add(
        store, "At least 40 people died in Mumbai after the monsoon storm, police said.", "A"
    )
    bombay = add(store, "Up to 20 people died in Bombay after the monsoon storm, police said.", "B")
    assert _relation(store, mumbai, bombay).relation == "related"
    store.add_alias("Bombay", "Mumbai")
    assert _relation(store, mumbai, bombay).relation == "contradicts"


@pytest.mark.parametrize(
    ("first", "other", "relation", "reason"),
    [
        pytest.param(
            "At least 40 people died in Mumbai after the monsoon storm, Maharashtra police said.",
            "More than 400 people died after the monsoon storm, Maharashtra police said.",
            "differs",
            "two lower bounds",
            id="one side does not say where",
        ),
        pytest.param(
            "The Navy said the tanker Aurora was seized by pirates on 26 December off Eyl.",
            "The Navy said the tanker Aurora was seized by pirates on 27 December off Eyl.",
            "contradicts",
            'captured: "26 December" vs "27 December" — same event, different days',
            id="the same event on another day",
        ),
        pytest.param(
            "Police said 100 people were killed by the Kharkiv strike on 26 December.",
            "Police said 100 people were killed by the Kharkiv strike on 27 December.",
            "contradicts",
            'killed: "26 December" vs "27 December" — same event, different days',
            id="the same strike on another day",
        ),
        pytest.param(
            "Governor Ivanenko said 120 soldiers were lost in Lima on 22 September.",
            "Governor Ivanenko said 40,000 employees were laid off in Lima on 25 September.",
            "related",
            "",
            id="two different counts on two days",
        ),
        pytest.param(
            "At least 30 civilians were wounded by shelling in Kherson, Governor Prokudin said.",
            "More than 300 civilians were hurt by shelling in Kherson, Governor Prokudin said.",
            "differs",
            '"At least 30" vs "More than 300"',
            id="an outcome whatever the word",
        ),
        pytest.param(
            "At least 30 civilians were wounded by shelling in Kherson on Monday, Governor Prokudin said.",
            "Some 300 people were hurt by shelling in Kherson on Monday, Governor Prokudin said.",
            "related",
            "",
            id="civilians are a part of the people hurt",
        ),
    ],
)
def test_relation_of_two_reports(store, first, other, relation, reason):
    hit = _relation(store, add(store, first, "A"), add(store, other, "B"))
    assert hit.relation == relation
    assert reason in hit.why


def test_conflicts_since_keeps_pairs_with_a_new_document(store):
    old = add(store, "Up to 100 soldiers were killed in the Sudzha assault, Kyiv said.", "Old A")
    older = add(
        store, "More than 3,000 soldiers were killed in the Sudzha assault, Kyiv said.", "Old B"
    )
    new = add(store, "About 900 soldiers were killed in the Sudzha assault, Kyiv said.", "New")
    store.db.execute(
        "UPDATE documents SET added = '2026-01-01T09:00:00+00:00' WHERE id IN"
        " (SELECT doc_id FROM claims WHERE id IN (?, ?))",
        [old, older],
    )
    every = {frozenset((p.claim.id, p.other.claim.id)) for p in store.conflicts()}
    assert frozenset((old, older)) in every
    seen = []
    recent = store.conflicts(since="2026-06-01", progress=lambda done, total: seen.append(total))
    assert recent and all(new in (p.claim.id, p.other.claim.id) for p in recent)
    assert seen == [1]  # only the new document's claim was looked up
    assert store.conflicts(since="2099-01-01") == []


def test_cli_conflicts_since_takes_dates_and_ages(tmp_path):
    db = str(tmp_path / "cli.db")
    store = Store.open(db)
    add(store, LOW, "Seoul")
    add(store, HIGH, "Kyiv")
    store.close()
    runner = CliRunner()
    for since in ("2d", "12h", "2000-01-01", "2000-01-01T08:00", "99999999999w"):
        out = runner.invoke(cli, ["--db", db, "conflicts", "--since", since, "--json"])
        assert out.exit_code == 0 and len(out.output.splitlines()) == 1, since
    out = runner.invoke(cli, ["--db", db, "conflicts", "--since", "2099-01-01"])
    assert out.exit_code == 0 and "no contradicting or differing claims" in out.output
    out = runner.invoke(cli, ["--db", db, "conflicts", "--since", "yesterday"])
    assert out.exit_code == 1 and "not a date" in out.output
