"""How PostgreSQL finds a keystroke's newest matches: by reading the newest rows until enough
match, through the GIN index bucket by bucket from the newest, or through the whole GIN
index at once, whichever costs least.

FTS5 reads a word's posting list newest first and stops at the cap. A GIN index returns
every match at once, in no order, and each is then read from the table: cheap for a rare
word, dear for a common one. Reading the newest rows and checking each stops at the cap,
but reads every row that does not match on the way: cheap for a common word only. The
index over ``(bucket, vector)`` (see :mod:`~claimdesk.store.database.postgres.index_migrations`)
finds the matches among 4,096 consecutive ids at a time, newest bucket first, and stops at
the cap: cheap unless the matches are so few that most buckets are asked for nothing. What
decides is how many rows match, known before the lookup from what the lookups of the
keystrokes before found, or from how many rows hold each word.

Measured over 570 keystrokes typed at 100,000 claims on a 2-core machine, each looked up
every way: reading the newest rows cost 1.5 ms up to 2,000 rows, 3.0 ms at 5,000-10,000 and
6.1 ms at 10,000-20,000 (0.3-0.4 us a row); the whole index 3.5 ms for 1,000-2,000 matches,
5.1 ms at 2,000-4,000, 10.9 ms at 4,000-8,000 (1.3 us a match), and a prefix's lists merged
1.8 ms more (``'ministry' & 'of':*`` against ``'ministry' & 'of'``); bucket by bucket, 1.6 to
2.7 ms for every query matching 500 rows or more (``'the'``: 1.6 ms, 67 ms through the
whole index), 5.0 ms for three words matching 94 rows in all (1.1 ms through the whole).

>>> plan = plan_lookup([22_850, 16_202], total=100_000, cap=250, floor=2000, prefix=True)
>>> plan.window, plan.narrow, plan.buckets
(4842, False, False)
>>> plan_lookup([6_604, 9_301], total=100_000, cap=250, floor=2000, buckets=25).buckets
True
>>> rare = plan_lookup([1_101, 1_081], total=100_000, cap=250, floor=2000, buckets=25)
>>> rare.window, rare.buckets
(0, False)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

BUCKET_BITS = 12
"""Rows are bucketed by ``id >> BUCKET_BITS``: 4,096 consecutive ids to a bucket."""

BUCKET_ROWS = 1 << BUCKET_BITS

ROW_COST = 0.4
"""Microseconds to read one of the newest rows and check it against the query..."""

MATCH_COST = 1.3
"""...to read one row the whole GIN index found..."""

POSTING_COST = 0.08
"""...to read one posting of a word from the whole GIN index..."""

GIN_COST = 1000.0
"""...to start a lookup in the whole GIN index..."""

PREFIX_COST = 1500.0
"""...to merge the posting lists of the words a prefix begins..."""

BUCKET_COST = 30.0
"""...to look up one bucket..."""

TERM_COST = 50.0
"""...and each word of the query in it (the same word's postings are found again in each
bucket)..."""

BUCKET_MATCH_COST = 0.4
"""...to read one row found in a bucket (its neighbours are on the same pages)...."""

CHECK_COST = 1.5
"""...and to check a short prefix left out of the lookup on one row found (``'january'``
then ``'27':*``: 0.42 ms a bucket for 303 rows; ``'least'`` then ``'one':*``: 1.6 ms for
713)."""

MAX_CHECKED = 400
"""A short prefix is checked on the rows found bucket by bucket only if the other words are
expected in at most this many rows a bucket: every bucket asked reads them all, and how
many buckets hold the matches wanted is the least sure figure of all."""

DOUBT = 3.0
"""A share estimated rather than measured may be this many times too high ("at least on..."
matched 17% of claims, "at least one" 0.8%, not the 3.5% derived): reading the newest rows
and asking bucket after bucket cost as many times more for a rarer match than expected, so
they are costed for a share this many times lower; the whole index, which costs more the
more rows match, for the share expected."""

WINDOW_MARGIN = 1.5
"""A stretch of newest rows is this many times the rows expected to hold the matches wanted:
reading stops at ``cap`` anyway, and a stretch that comes up short costs another statement."""


def share_of_rows(word_rows: Sequence[int], total: float) -> float:
    """The expected share of rows matching all the words, from each word's row count.

    Words in a query often go together ("ministry" and "health": five times what
    independence says) but not always ("people" and "wo..."); the geometric mean of
    independence (the product of shares) and words always together (the rarest share) was
    within 3x of the truth on the benchmark's keystrokes, where independence was up to 5x
    short.

    >>> round(share_of_rows([6_604, 9_301], 100_000), 4), round(6_604 * 9_301 / 1e10, 4)
    (0.0201, 0.0061)
    """
    if not total:
        return 1.0
    shares = [min(max(rows, 1), total) / total for rows in word_rows]
    return math.sqrt(math.prod(shares) * min(shares, default=1.0))


def gin_cost(share: float, postings: float, total: float, prefix: bool = False) -> float:
    """Microseconds to find every match through the whole GIN index (``prefix``: a word of
    the lookup is a prefix)."""
    merge = PREFIX_COST if prefix else 0.0
    return GIN_COST + merge + MATCH_COST * share * total + POSTING_COST * postings


def buckets_asked(share: float, buckets: int, cap: int) -> int:
    """How many buckets hold ``cap`` matches when ``share`` of the rows match (at most
    ``buckets``)."""
    return max(1, min(buckets, math.ceil(cap / max(share * BUCKET_ROWS, 1e-9))))


def bucket_cost(
    read: float, share: float, terms: int, buckets: int, cap: int, checked: bool = False
) -> float:
    """Microseconds to find ``cap`` matches bucket by bucket, newest first, when ``share`` of
    the rows match and ``read`` of them are read (more when a short prefix is checked on
    them: ``checked``), the lookup naming ``terms`` words, in at most ``buckets`` buckets."""
    per_row = BUCKET_MATCH_COST + (CHECK_COST if checked else 0.0)
    per_bucket = BUCKET_COST + TERM_COST * terms + per_row * read * BUCKET_ROWS
    return buckets_asked(share, buckets, cap) * per_bucket


@dataclass(frozen=True)
class LookupPlan:
    """How one lookup goes: ``window`` newest rows to read first (0: none), then the GIN
    index, asked without a short last prefix (``narrow``, see
    :func:`~claimdesk.store.database.postgres.tsquery.gin_match`) or not, bucket by bucket
    (``buckets``) or whole; ``cost``: the estimated microseconds of that index lookup;
    ``share``: the share of rows bucket lookups are planned for; ``whole_narrow``: whether the whole
    index, asked for the rest when buckets come up short, is asked without the prefix."""

    window: int
    narrow: bool
    buckets: bool
    cost: float
    share: float = 1.0
    whole_narrow: bool = False


def plan_lookup(
    word_rows: Sequence[int] | None,
    *,
    total: float,
    cap: int,
    floor: int,
    buckets: int = 0,
    can_narrow: bool = False,
    prefix: bool = False,
    head_prefix: bool = False,
    share: float | None = None,
    head_share: float | None = None,
    sure: bool = False,
) -> LookupPlan:
    """The cheapest way to ``cap`` matches of the words with ``word_rows`` in ``total`` rows
    (``buckets`` of them; 0: no bucket lookups).

    Without word counts (the vocabulary not loaded yet), ``floor`` rows are read first. A
    narrowed lookup (``can_narrow``: the last word a short prefix) finds the rows holding
    the other words and checks the prefix on them. ``prefix`` and ``head_prefix``: the
    lookup, and the narrowed lookup, name a prefix (merged from every word it begins: in
    each bucket again, so never bucket by bucket). ``share`` and ``head_share``: the shares
    of rows the query and the narrowed query were found to match (see
    :class:`~claimdesk.store.database.postgres.lookup_memory.LookupMemory`), when known;
    ``sure``: ``share`` was measured for this very query (else see :data:`DOUBT`).
    """
    if word_rows is None or not total:
        return LookupPlan(floor, False, False, 0.0)
    least = 0.5 / total  # a share remembered as 0 still costs a lookup
    share = max(share if share is not None else share_of_rows(word_rows, total), least)
    terms = len(word_rows)
    low = share if sure else share / DOUBT
    choices = [(gin_cost(share, sum(word_rows), total, prefix), False, False)]
    if buckets and not prefix:
        choices.append((bucket_cost(share, low, terms, buckets, cap), False, True))
    if can_narrow and terms > 1:
        rest = word_rows[:-1]
        rest_share = head_share if head_share is not None else share_of_rows(rest, total)
        rest_share = max(rest_share, share)  # the prefix only removes rows
        choices.append((gin_cost(rest_share, sum(rest), total, head_prefix), True, False))
        if buckets and not head_prefix and rest_share * BUCKET_ROWS <= MAX_CHECKED:
            cost = bucket_cost(rest_share, low, terms - 1, buckets, cap, checked=True)
            choices.append((cost, True, True))
    cost, narrow, by_bucket = min(choices)
    whole_narrow = min((c, n) for c, n, b in choices if not b)[1]
    window = 0
    if ROW_COST * cap / low < cost:
        window = max(math.ceil(cap * WINDOW_MARGIN / share), floor)
    return LookupPlan(window, narrow, by_bucket, cost, low, whole_narrow)


def next_stretch(plan: LookupPlan, wanted: int, seen: int, read: int, below: int) -> int:
    """How many more rows to read, newest first, for ``wanted`` more matches after ``seen``
    in the newest ``read`` ids, with ``below`` ids left under them; 0 when the index would
    find the rest sooner (its cost scaled to the rows left).

    >>> plan = LookupPlan(4842, False, False, 6000.0)
    >>> next_stretch(plan, 131, 119, 4842, 95_000), next_stretch(plan, 240, 10, 20_000, 80_000)
    (7996, 0)
    """
    share = max(seen, 0.5) / max(read, 1)
    if ROW_COST * wanted / share > plan.cost * below / max(read + below, 1):
        return 0
    return math.ceil(wanted * WINDOW_MARGIN / share)
