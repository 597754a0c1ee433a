"""How PostgreSQL's keystroke lookups are planned: plain arithmetic on word counts and on what
earlier lookups found, no server needed."""

from __future__ import annotations

import pytest

from claimdesk.store.database.postgres import lookup_memory
from claimdesk.store.database.postgres.lookup_memory import LookupMemory
from claimdesk.store.database.postgres.search_plan import (
    LookupPlan,
    next_stretch,
    plan_lookup,
)
from claimdesk.store.database.postgres.tsquery import and_groups

ROWS = 100_000


def plan(word_rows, **kwargs):
    return plan_lookup(word_rows, total=ROWS, cap=250, floor=2000, buckets=25, **kwargs)


def test_a_common_word_is_read_from_the_newest_rows():
    found = plan([78_994])
    assert found.window == 2000  # 250 matches expected in 316 rows: the floor


def test_a_rare_pair_is_found_through_the_whole_index():
    found = plan([1_101, 1_081])
    assert (found.window, found.buckets) == (0, False)


def test_words_in_a_few_thousand_rows_are_found_bucket_by_bucket():
    found = plan([6_604, 9_301])
    assert (found.window, found.buckets, found.narrow) == (0, True, False)


def test_a_prefix_is_never_looked_up_bucket_by_bucket_unless_left_out():
    kept = plan([6_604, 9_301, 152_769], prefix=True)
    assert not kept.buckets
    left_out = plan([6_604, 9_301, 152_769], prefix=True, can_narrow=True)
    assert left_out.narrow and left_out.buckets


def test_a_prefix_left_out_after_a_common_word_is_checked_bucket_by_bucket():
    """ "people" is in 936 rows of every bucket and each bucket asked checks "wo" on them all,
    which still costs least: measured 5.5 ms, against 6.5 ms reading the newest rows and 11
    and 25 ms through the whole index, with the prefix looked up and checked."""
    found = plan([22_850, 16_202], prefix=True, can_narrow=True)
    assert (found.window, found.narrow, found.buckets) == (0, True, True)


def test_a_measured_share_is_trusted_where_an_estimate_is_doubted():
    """A share measured for this very query plans buckets for it; the same share estimated
    may be twice too high, and a few buckets' lookups for a rarer match cost as many times
    more, so the whole index is asked instead."""
    assert plan([7_597, 2_652], share=0.008, sure=True).buckets
    assert not plan([7_597, 2_652], share=0.008).buckets


def test_without_word_counts_the_newest_rows_are_read_first():
    assert plan_lookup(None, total=ROWS, cap=250, floor=2000) == LookupPlan(2000, False, False, 0.0)


def test_reading_on_stops_when_the_index_would_be_cheaper():
    cheap_index = LookupPlan(4842, False, False, 600.0)
    costly_index = LookupPlan(4842, False, False, 60_000.0)
    assert next_stretch(cheap_index, 131, 119, 4842, 95_000) == 0
    assert next_stretch(costly_index, 131, 119, 4842, 95_000) == 7996
    assert next_stretch(costly_index, 250, 0, 4842, 95_000) == 0  # nothing seen: too far


def test_memory_recalls_a_query_or_derives_it_from_the_one_before():
    memory = LookupMemory(and_groups)
    assert memory.recall('"ministry"', 6_604, ROWS) is None
    memory.remember('"ministry"', 0.066, 6_604)
    assert memory.knows('"ministry"') and not memory.knows('"ministry" AND "h"*')
    # a new last word: as if independent of the query before it
    assert memory.recall('"ministry" AND "h"*', 56_352, ROWS) == pytest.approx(0.066 * 0.56352)
    memory.remember('"ministry" AND "h"*', 0.0435, 56_352)
    # a longer prefix: fewer rows by its share of the shorter prefix's rows
    longer = memory.recall('"ministry" AND "he"*', 13_879, ROWS)
    assert longer == pytest.approx(0.0435 * 13_879 / 56_352)
    # a group holding an OR is one part: nothing before it to derive from
    assert memory.recall('"a" OR "b"', 10, ROWS) is None


def test_memory_forgets_old_and_least_recent_queries(monkeypatch):
    memory = LookupMemory(and_groups)
    monkeypatch.setattr(lookup_memory, "SIZE", 2)
    for n, match in enumerate(['"a"', '"b"', '"c"']):
        memory.remember(match, 0.1 * (n + 1), 10)
    assert [memory.knows(m) for m in ('"a"', '"b"', '"c"')] == [False, True, True]
    clock = [1000.0]
    monkeypatch.setattr(lookup_memory.time, "monotonic", lambda: clock[0])
    memory.remember('"d"', 0.5, 10)
    clock[0] += lookup_memory.LIFETIME + 1
    assert not memory.knows('"d"')
    memory.forget()
    assert not memory.knows('"c"')


@pytest.mark.parametrize("share", [0.0, 1e-9])
def test_a_share_of_nothing_still_plans_a_lookup(share):
    found = plan([3, 2], share=share, sure=True)
    assert found.window == 0 and found.cost > 0
