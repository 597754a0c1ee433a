"""The full-text index seam on both backends: the same corpus in SQLite and in PostgreSQL
gives the same search results, the same related claims and the same term counts."""

from __future__ import annotations

import pytest

from claimdesk.store import Store
from claimdesk.store.database.postgres.search_index import MatchSyntaxError, tsquery_text
from claimdesk.store.search.text_index import text_index

EXTRA = [
    (
        "Café owners in Kraków said 1,200 jobs were lost; Zelenskyý's office disputed it.",
        "Accents",
    ),
    ("The U.S. sent 3.5 billion in year-old aid, said the ministry of health.", "Punctuation"),
    ("Ministry of health officials said 1,200 cafe jobs were lost in Krakow.", "Plain"),
]

QUERIES = [
    "z",
    "zel",
    "zelensky",
    "zelenskiy",
    "north korean sol",
    "north korean soldiers ",
    "3,000",
    "3000 sol",
    "the ministry of health sa",
    "u.s.",
    "year-old",
    "cafe",
    "café",
    "krakow",
    "korea's",
    "kursk",
    "wonded",
    "benghasi",
    "nothingmatcheshere",
]


def _fill(store: Store) -> None:
    from claimdesk.seeds import seed_store

    seed_store(store)
    for text, title in EXTRA:
        store.add_text(text, title=title)


@pytest.fixture
def both(tmp_path, pg_dsn):
    """A SQLite store and a PostgreSQL store holding the same corpus, added in the same order."""
    lite = Store.open(tmp_path / "lite.db")
    desk = Store.open(pg_dsn)
    for store in (lite, desk):
        _fill(store)
    yield lite, desk
    lite.close()
    desk.close()


def _claim_ids(store: Store) -> list[int]:
    return [r[0] for r in store.db.execute("SELECT id FROM claims ORDER BY id").fetchall()]


def test_search_and_related_give_the_same_ids_on_both_backends(both):
    lite, desk = both
    assert _claim_ids(lite) == _claim_ids(desk)
    searched = 0
    for query in QUERIES:
        found = [h.claim.id for h in lite.search(query)]
        assert [h.claim.id for h in desk.search(query)] == found, query
        searched += bool(found)
    assert searched >= len(QUERIES) - 2  # the corpus answers nearly every query
    related = 0
    for claim_id in _claim_ids(lite):
        ids = [h.claim.id for h in lite.related(claim_id, limit=10, weaker=True)]
        assert [h.claim.id for h in desk.related(claim_id, limit=10, weaker=True)] == ids
        related += bool(ids)
    assert related > 10


def test_term_counts_and_postings_agree(both):
    lite, desk = both
    lite_index, desk_index = text_index(lite.db, "claims"), text_index(desk.db, "claims")
    assert sorted(desk_index.term_counts()) == sorted(lite_index.term_counts())
    matches = ['"cafe"', '"krakow"', '"u s"', '"year old" AND "aid"', '"min"* OR "3000"', '"zzz"']
    for match in matches:
        assert sorted(desk_index.postings(match)) == sorted(lite_index.postings(match)), match
        assert desk_index.any_match(match) == lite_index.any_match(match)
    together = [sorted(found) for found in desk_index.postings_many(matches)]
    assert together == [sorted(found) for found in lite_index.postings_many(matches)]
    assert together[0] and not together[-1] and desk_index.postings_many([]) == []


@pytest.mark.parametrize("window", [4, 40, 4000])
def test_newest_matches_agree_whichever_way_they_are_found(both, window):
    """A small window is filled by common words (found there), not by rare ones (found
    through the whole index)."""
    from claimdesk.store.database.postgres.search_index import PostgresTextIndex
    from claimdesk.store.search.searcher import SEARCHABLE

    lite, desk = both
    lite_index, desk_index = (
        text_index(lite.db, "claims"),
        PostgresTextIndex(desk.db, "claims", window),
    )
    for match in ['"the"', '"s"*', '"said"', '"korean" AND "sol"*', '"cafe"', '"zzz"']:
        for cap in (1, 3, 250):
            found = lite_index.newest_matches(match, "korean", cap, SEARCHABLE)
            assert desk_index.newest_matches(match, "korean", cap, SEARCHABLE) == [
                (bool(a), n, i) for a, n, i in found
            ], (match, cap)


@pytest.mark.parametrize("analyzed", [False, True])
def test_newest_matches_agree_however_word_counts_and_short_prefixes_steer_them(
    both, monkeypatch, analyzed
):
    """Word counts size the window (or skip it for the GIN index); a short prefix beside
    other words is left out of the GIN lookup when they are rare enough, and checked on the
    rows found. The rows are SQLite's whichever way they are found; the table's size is
    known to the planner only once analysed."""
    from claimdesk.store.database.postgres import search_index, search_plan, tsquery
    from claimdesk.store.search.searcher import SEARCHABLE

    lite, desk = both
    if analyzed:
        desk.db.execute("ANALYZE claims_search")
    lite_index = text_index(lite.db, "claims")
    counts = {term: rows for term, rows, _ in lite_index.term_counts()}
    matches = {
        '"korean" AND "s"*': [counts["korean"], 10**6],
        '"ministry" AND "health" AND "sa"*': [counts["ministry"], counts["health"], 10**6],
        '"north" AND "korea s"*': [counts["north"], counts["korea"]],
        '"the"': [counts["the"]],
        '"zzz" AND "s"*': [0, 10**6],
    }
    assert all(tsquery.gin_match(m) != m for m in list(matches)[:2])
    for posting_cost in (0.0, 10**6):  # the narrowed lookup never, and always
        monkeypatch.setattr(search_plan, "POSTING_COST", posting_cost)
        desk_index = search_index.PostgresTextIndex(desk.db, "claims", 4)
        for match, rows in matches.items():
            for word_rows in (None, rows, [1] * len(rows), [10**9] * len(rows)):
                for cap in (1, 3, 250):
                    found = lite_index.newest_matches(match, "korean", cap, SEARCHABLE)
                    assert desk_index.newest_matches(
                        match, "korean", cap, SEARCHABLE, word_rows
                    ) == [(bool(a), n, i) for a, n, i in found], (match, word_rows, cap)


@pytest.mark.parametrize("row_cost", [0.0, 0.45, 10**6])
def test_newest_matches_agree_when_read_in_stretches(both, monkeypatch, row_cost):
    """A search short of ``cap`` in the newest rows reads on from where it stopped (always,
    while cheaper, never), then asks the GIN index for the rest below what it read: nothing
    is missed or found twice, across the gaps a removed document leaves and past rows added
    after the newest id was read."""
    from claimdesk.store.database.postgres import search_index, search_plan
    from claimdesk.store.search.searcher import SEARCHABLE

    lite, desk = both
    for store in (lite, desk):
        store.remove_document(store.db.execute("SELECT min(id) + 2 FROM documents").fetchone()[0])
    monkeypatch.setattr(search_plan, "ROW_COST", row_cost)
    lite_index = text_index(lite.db, "claims")
    desk_index = search_index.PostgresTextIndex(desk.db, "claims", 4)
    matches = ['"the"', '"said"', '"s"*', '"korean" AND "sol"*', '"cafe"', '"zzz"']

    def agree() -> int:
        stretched = 0
        for match in matches:
            for cap in (1, 3, 40, 250):
                found = [
                    (bool(a), n, i)
                    for a, n, i in lite_index.newest_matches(match, "k", cap, SEARCHABLE)
                ]
                assert desk_index.newest_matches(match, "k", cap, SEARCHABLE) == found, (match, cap)
                stretched += len(found) > 4
        return stretched

    assert agree() > 5
    for store in (lite, desk):  # the newest id is kept for a minute: these lie above it
        store.add_text("The ministry said Korean soldiers were seen near the cafe.", title="New")
    agree()


LATER = [
    "The ministry of health said 12 people were wounded in the north on Monday.",
    "Korean soldiers said the cafe near the border was shelled; the ministry denied it.",
    "The ministry of health said the toll rose to 30, and Korean officials said 12.",
]


@pytest.fixture
def spread(tmp_path, pg_dsn):
    """Both stores holding the corpus in three parts whose claim ids lie in three buckets of
    the PostgreSQL index (ids from 1, from 4,101 and from 8,301), the same ids in both."""
    from claimdesk.store.database.bulk_rows import keep_ids_given_out

    lite = Store.open(tmp_path / "lite.db")
    desk = Store.open(pg_dsn)
    for store in (lite, desk):
        _fill(store)
        for jump in (4100, 8300):
            keep_ids_given_out(store.db, ("claims",), {"claims": jump})
            for n, text in enumerate(LATER):
                store.add_text(f"{text} Filed at {jump}.", title=f"Later {jump} {n}")
    desk.db.execute("ANALYZE claims_search")
    yield lite, desk
    lite.close()
    desk.close()


@pytest.mark.parametrize("way", ["buckets", "whole index", "newest rows"])
def test_newest_matches_agree_across_buckets_whichever_way_they_are_found(spread, monkeypatch, way):
    """Bucket by bucket from the newest, through the whole index, or reading the newest rows
    (then the index below them): the same rows as SQLite's, in claims spread over three
    buckets, for every cap, with a short last prefix checked on the rows found or not."""
    from claimdesk.store.database.postgres import search_index, search_plan
    from claimdesk.store.search.searcher import SEARCHABLE

    lite, desk = spread
    free = {
        "buckets": ["BUCKET_COST", "BUCKET_TERM_COST", "BUCKET_POSTING_COST", "CHECK_COST"]
    }.get(way, [])
    for name in ["BUCKET_COST", "ROW_COST"]:
        monkeypatch.setattr(search_plan, name, 10.0**9)
    if way == "newest rows":
        monkeypatch.setattr(search_plan, "ROW_COST", 0.0)
    for name in free:
        monkeypatch.setattr(search_plan, name, 0.0)
    assert {
        -key[2] >> search_plan.BUCKET_BITS
        for key in text_index(lite.db, "claims").newest_matches('"the"', "x", 10**6, SEARCHABLE)
    } == {0, 1, 2}
    lite_index = text_index(lite.db, "claims")
    every = lite_index.newest_matches('"the"', "x", 10**6, SEARCHABLE)
    assert {-key[2] >> search_plan.BUCKET_BITS for key in every} == {0, 1, 2}
    counts = {term: rows for term, rows, _ in lite_index.term_counts()}
    matches = {
        '"the"': [counts["the"]],
        '"said"': [counts["said"]],
        '"ministry" AND "health"': [counts["ministry"], counts["health"]],
        '"korean" AND "s"*': [counts["korean"], 10**6],
        '"cafe"': [counts["cafe"]],
        '"zzz"': [0],
    }
    desk_index = search_index.PostgresTextIndex(desk.db, "claims", 4)
    for match, rows in matches.items():
        for cap in (1, 3, 40, 250):
            found = lite_index.newest_matches(match, "said", cap, SEARCHABLE)
            assert desk_index.newest_matches(match, "said", cap, SEARCHABLE, rows) == [
                (bool(a), n, i) for a, n, i in found
            ], (match, cap)


@pytest.mark.parametrize("window", [0, 3, 40])
@pytest.mark.parametrize("buckets", [False, True])
@pytest.mark.parametrize("read_on", [False, True])
def test_every_plan_finds_the_same_rows(spread, monkeypatch, window, buckets, read_on):
    """Whatever the plan (newest rows read first or not, reading on or not, then the index
    bucket by bucket or whole, a short last prefix checked on the rows found or not), the
    rows are SQLite's, and so are the best of them read whole in the lookup's statements:
    the plan decides only how they are found."""
    from claimdesk.store.database.postgres import newest_lookup, search_index
    from claimdesk.store.database.postgres.search_plan import LookupPlan
    from claimdesk.store.search.searcher import SEARCHABLE

    lite, desk = spread
    lite_index = text_index(lite.db, "claims")
    desk_index = search_index.PostgresTextIndex(desk.db, "claims")
    for narrow in (False, True):

        def plan(*args, narrow=narrow, **kwargs):
            narrow = narrow and kwargs["can_narrow"]
            return LookupPlan(
                window, narrow, buckets, 1.0, 1.0, not narrow and kwargs["can_narrow"]
            )

        monkeypatch.setattr(newest_lookup, "plan_lookup", plan)
        if not read_on:
            monkeypatch.setattr(newest_lookup, "next_stretch", lambda *a: 0)
        for match in ['"the"', '"said"', '"ministry" AND "s"*', '"korean" AND "said"', '"zzz"']:
            for cap in (1, 3, 40, 250):
                found = lite_index.newest_matches(match, "said", cap, SEARCHABLE)
                assert desk_index.newest_matches(match, "said", cap, SEARCHABLE, [1]) == [
                    (bool(a), n, i) for a, n, i in found
                ], (match, cap, narrow)
                for best in (1, 7):
                    args = (match, "said", cap, SEARCHABLE, best, "c.id AS claim, c.norm")
                    lite_best = [(r["claim"], r["norm"]) for r in lite_index.best_rows(*args)]
                    desk_best = [
                        (r["claim"], r["norm"]) for r in desk_index.best_rows(*args, "", [1])
                    ]
                    assert desk_best == lite_best, (match, cap, best, narrow)


def test_a_desk_indexed_before_buckets_is_bucketed_when_opened(both, pg_dsn):
    """A store whose index predates step p105 searches as before when opened without its
    migrations, and gets its rows bucketed when opened, finding what it found before."""
    from claimdesk.store.database.postgres import migrations

    lite, desk = both
    for table in ("claims", "factchecks"):
        desk.db.execute(
            f"DROP INDEX {table}_search_vector; ALTER TABLE {table}_search DROP COLUMN bucket;"
            f" CREATE INDEX {table}_search_vector ON {table}_search USING gin (vector)"
        )
    desk.db.execute("DELETE FROM claimdesk_migrations WHERE name = 'p105_search_buckets'")
    for store in (lite, desk):
        store.add_text(
            "The ministry said 7 people were hurt before the index changed.", title="Old"
        )
    desk.close()
    unmigrated = Store.open(pg_dsn, migrate=False)  # as ``claimdesk check`` opens it
    for query in QUERIES:
        assert [h.claim.id for h in unmigrated.search(query)] == [
            h.claim.id for h in lite.search(query)
        ], query
    unmigrated.close()
    reopened = Store.open(pg_dsn)
    assert migrations.applied(reopened.db)[-1] == "p105_search_buckets"
    bucketed = reopened.db.execute("SELECT count(*) FROM claims_search WHERE bucket = id >> 12")
    assert bucketed.fetchone()[0] == len(_claim_ids(lite))
    for query in QUERIES:
        assert [h.claim.id for h in reopened.search(query)] == [
            h.claim.id for h in lite.search(query)
        ], query
    reopened.close()


def test_every_keystroke_finds_the_same_claims_on_both_backends(both):
    """Typed one letter at a time with the vocabulary loaded (its counts steer PostgreSQL's
    lookups), and with the store's state read in one statement."""
    from claimdesk.store.review import last_event_id
    from claimdesk.store.search.searcher import search_state

    lite, desk = both
    desk.db.execute("ANALYZE claims_search")
    for store in (lite, desk):
        store.set_status(_claim_ids(store)[0], "needs-check")
        store.prepare_search()
        assert search_state(store.db) == (store.generation(), last_event_id(store.db)) != (0, 0)
    typed = ["north korean soldiers", "the ministry of health said", "zelensky", "3,000 people"]
    typed += ["cafe owners in kr", "u.s. sent", "korea's"]
    searched = 0
    for query in typed:
        for n in range(1, len(query) + 1):
            found = [h.claim.id for h in lite.search(query[:n])]
            assert [h.claim.id for h in desk.search(query[:n])] == found, query[:n]
            searched += bool(found)
    assert searched > 60


def test_term_counts_follow_removals_and_edits(both):
    lite, desk = both
    for store in (lite, desk):
        doc_id = store.db.execute("SELECT max(id) FROM documents").fetchone()[0]
        store.remove_document(doc_id)
    lite_counts = sorted(text_index(lite.db, "claims").term_counts())
    assert sorted(text_index(desk.db, "claims").term_counts()) == lite_counts
    assert not any(term == "krakow" and rows > 1 for term, rows, _ in lite_counts)


def test_match_expressions_outside_the_grammar_are_refused():
    assert tsquery_text('"a b"* OR ("c" AND "d")') == "('a' <-> 'b':*) | ('c' & 'd')"
    with pytest.raises(MatchSyntaxError):
        tsquery_text("a OR b")
    with pytest.raises(MatchSyntaxError):
        tsquery_text('"" AND "x"')


CHECKS = (
    "Statement;Verdict;Fact checker;Link\n"
    "Zelensky said 3,000 North Korean soldiers were killed or wounded in Kursk;Mostly true;"
    "Desk A;https://a.example/1\n"
    "North Korea sent no soldiers to Russia;False;Desk B;https://b.example/2\n"
    "Café owners in Kraków lost 1,200 jobs;Misleading;Desk C;https://c.example/3\n"
    "The ministry of health said 1,200 jobs were lost;True;Desk A;https://a.example/4\n"
)


def test_factcheck_search_and_matching_agree(both, tmp_path):
    lite, desk = both
    path = tmp_path / "checks.csv"
    path.write_text(CHECKS, encoding="utf-8")
    for store in (lite, desk):
        assert store.import_factchecks(path, columns={"claim": "Statement"}).added == 4
    for query in ["north korea", "sold", "cafe", "kraków", "jobs", "ministry of health sa"]:
        found = [c.id for c in lite.search_factchecks(query)]
        assert found and [c.id for c in desk.search_factchecks(query)] == found, query
    matched = 0
    for claim_id in _claim_ids(lite):
        known = [
            (k.factcheck.id, k.score) for k in lite.checked_before(claim_id, include_weak=True)
        ]
        assert [
            (k.factcheck.id, k.score) for k in desk.checked_before(claim_id, include_weak=True)
        ] == known
        matched += bool(known)
    assert matched >= 3


def test_a_flag_does_not_wait_for_an_ingest_counting_terms(pg_dsn):
    """Term counts are kept under one lock held until the ingest commits; statements that
    change no indexed text must not take it."""
    import psycopg

    desk = Store.open(pg_dsn)
    desk.add_text("Zelensky said 3,000 soldiers were killed.", title="t")
    claim_id = _claim_ids(desk)[0]
    with psycopg.connect(pg_dsn) as ingest, psycopg.connect(pg_dsn, autocommit=True) as reader:
        ingest.execute(
            'INSERT INTO claims (doc_id, ordinal, start, "end", text, norm)'
            " SELECT doc_id, 99, 0, 1, 'x', 'north korea' FROM claims WHERE id = %s",
            [claim_id],
        )  # the ingest's transaction stays open, holding the term counts' lock
        reader.execute("SET lock_timeout = '3s'")
        reader.execute("UPDATE claims SET status = 'flagged' WHERE id = %s", [claim_id])
        reader.execute("UPDATE claims SET note = 'checked' WHERE id = %s", [claim_id])
        with pytest.raises(psycopg.errors.LockNotAvailable):
            reader.execute("UPDATE claims SET norm = 'edited' WHERE id = %s", [claim_id])
        ingest.rollback()
    terms = dict((t, n) for t, n, _ in text_index(desk.db, "claims").term_counts())
    assert "north" not in terms and terms["zelensky"] == 1
    desk.close()
