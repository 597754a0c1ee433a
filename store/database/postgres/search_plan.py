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

Measured over 534 distinct lookups typed at 100,000 claims on a 2-core machine, each run
every way (statements prepared, their plans kept): reading the newest rows costs 0.36 us a
row read and 0.02 us more a lexeme; the whole index 140 us, 30 us a lexeme looked up, 1.0 us a match and 0.006 us a
posting, 1.5 ms more for a prefix (its terms' lists are merged whole) and 0.02 us a posting
of it; a bucket 45
us, 6 us a lexeme and 0.06 us a posting in it (a prefix is merged whole again in every bucket: ``'people' & 'wo':*``
3.5 ms in one bucket, its four terms ORed 0.7 ms); checking a left-out
prefix 0.5 us a row found. Every way then costs about 7.5 us for each row it returns, the
same rows whichever way is taken.

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

ROW_COST = 0.36
"""Microseconds to read one of the newest rows and check it against the query..."""

ROW_TERM_COST = 0.02
"""...and against each lexeme it names..."""

GIN_COST = 140.0
"""...to start a lookup in the whole GIN index..."""

GIN_TERM_COST = 30.0
"""...and to look up each lexeme in it..."""

MATCH_COST = 1.0
"""...to read one row the whole GIN index found..."""

POSTING_COST = 0.006
"""...to read one posting of a word from the whole GIN index..."""

PREFIX_COST = 1500.0
"""...to merge the posting lists of every term a prefix begins, whole (``'least' & 'one' &
'hun':*`` 3.6 ms, ``'least' & 'one'`` 1.1 ms; ``'north' & 'ko':*`` 2.9 and 1.3 ms)..."""

PREFIX_POSTING_COST = 0.02
"""...and each of their postings..."""

BUCKET_COST = 45.0
"""...to look up one bucket..."""

BUCKET_TERM_COST = 6.0
"""...and each lexeme in it..."""

BUCKET_POSTING_COST = 0.06
"""...and each of its postings in the bucket..."""

CHECK_COST = 0.5
"""...and to check a short prefix left out of the lookup on one row found (``'ministry'``
then ``'he':*``)."""

DOUBT = 2.0
"""A share estimated rather than measured may be too high ("at least on..." matched 17% of
claims, "at least one" 0.8%, not the 3.5% derived): reading the newest rows and asking
bucket after bucket cost as many times more for a rarer match than expected, so they are
costed for a share this many times lower; the whole index, which costs more the more rows
match, for the share expected. Simulated on 534 lookups with their shares misjudged 3x
either way, twice balanced the two errors best (p95 6.2 and 9.5 ms; three times: 6.1 and
10.9)."""

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


def gin_cost(
    share: float, postings: float, total: float, lexemes: int, prefix_rows: float = 0.0
) -> float:
    """Microseconds to find every match through the whole GIN index when ``share`` of the
    ``total`` rows match, the lookup naming ``lexemes`` lexemes with ``postings`` postings
    in all, ``prefix_rows`` of them a prefix's."""
    return (
        GIN_COST
        + GIN_TERM_COST * lexemes
        + MATCH_COST * share * total
        + POSTING_COST * postings
        + (PREFIX_COST if prefix_rows else 0.0)
        + PREFIX_POSTING_COST * prefix_rows
    )


def buckets_asked(share: float, buckets: int, cap: int) -> int:
    """How many buckets hold ``cap`` matches when ``share`` of the rows match (at most
    ``buckets``)."""
    return max(1, min(buckets, math.ceil(cap / max(share * BUCKET_ROWS, 1e-9))))


def lowest_bucket(upper: int, share: float, cap: int) -> int:
    """The lowest bucket to ask for ``cap`` matches at ids up to ``upper`` when ``share`` of
    the rows match: the newest bucket counts only up to ``upper`` (the newest bucket is
    seldom full), with :data:`WINDOW_MARGIN` to spare. Buckets are asked newest first and
    the lookup stops at ``cap``, so a bucket to spare is opened only when the matches are
    fewer than expected; one too few costs another statement.

    >>> lowest_bucket(100_000, 0.067, 250), lowest_bucket(100_000, 0.5, 250)
    (23, 24)
    """
    rows = math.ceil(cap * WINDOW_MARGIN / max(share, 1e-9))
    return max((upper - rows) >> BUCKET_BITS, 0)


def bucket_cost(
    share: float, buckets: int, cap: int, lexemes: int, postings: float, checked: float = 0.0
) -> float:
    """Microseconds to find ``cap`` matches bucket by bucket, newest first, when ``share`` of
    the rows match, in at most ``buckets`` buckets, each lookup naming ``lexemes`` lexemes
    (none a prefix: its terms' lists would be merged whole in every bucket again, 3.5 ms a
    bucket for ``'people' & 'wo':*``) with ``postings`` postings a row; ``checked``: the
    share of rows found in each bucket to check a left-out prefix on."""
    per_bucket = (
        BUCKET_COST
        + BUCKET_TERM_COST * lexemes
        + (BUCKET_POSTING_COST * postings + CHECK_COST * checked) * BUCKET_ROWS
    )
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
    lexemes: int = 0,
    head_lexemes: int = 0,
) -> LookupPlan:
    """The cheapest way to ``cap`` matches of the words with ``word_rows`` in ``total`` rows
    (``buckets`` of them; 0: no bucket lookups).

    Without word counts (the vocabulary not loaded yet), ``floor`` rows are read first. A
    narrowed lookup (``can_narrow``: the last word a short prefix) finds the rows holding
    the other words and checks the prefix on them. ``prefix`` and ``head_prefix``: the
    lookup, and the narrowed lookup, name a prefix (its terms' posting lists are merged
    whole, in each bucket again). ``share`` and ``head_share``: the shares of rows the
    query and the narrowed query were found to match (see
    :class:`~claimdesk.store.database.postgres.lookup_memory.LookupMemory`), when known;
    ``sure``: ``share`` was measured for this very query (else see :data:`DOUBT`).
    ``lexemes`` and ``head_lexemes``: how many lexemes the lookup and the narrowed lookup
    name (a prefix expanded into the terms it begins names each; 0: one a word).
    """
    if word_rows is None or not total:
        return LookupPlan(floor, False, False, 0.0)
    least = 0.5 / total  # a share remembered as 0 still costs a lookup
    share = max(share if share is not None else share_of_rows(word_rows, total), least)
    terms = len(word_rows)
    lexemes = lexemes or terms
    low = share if sure else share / DOUBT
    prefix_rows = word_rows[-1] if prefix else 0
    choices = [(gin_cost(share, sum(word_rows), total, lexemes, prefix_rows), False, False)]
    if buckets and not prefix:
        choices.append(
            (bucket_cost(low, buckets, cap, lexemes, sum(word_rows) / total), False, True)
        )
    if can_narrow and terms > 1:
        rest = word_rows[:-1]
        rest_share = head_share if head_share is not None else share_of_rows(rest, total)
        rest_share = max(rest_share, share)  # the prefix only removes rows
        head_lexemes = head_lexemes or max(lexemes - 1, 1)
        head_rows = sum(rest) if head_prefix else 0
        check = CHECK_COST * rest_share * total
        cost = gin_cost(rest_share, sum(rest), total, head_lexemes, head_rows) + check
        choices.append((cost, True, False))
        if buckets and not head_prefix:
            per_row = sum(rest) / total
            cost = bucket_cost(low, buckets, cap, head_lexemes, per_row, checked=rest_share)
            choices.append((cost, True, True))
    cost, narrow, by_bucket = min(choices)
    whole_narrow = min((c, n) for c, n, b in choices if not b)[1]
    window = 0
    if (ROW_COST + ROW_TERM_COST * lexemes) * cap / low < cost:
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
