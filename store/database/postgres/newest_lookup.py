"""One keystroke lookup on PostgreSQL: the newest ``cap`` rows matching a query, found the
way :func:`~claimdesk.store.database.postgres.search_plan.plan_lookup` says costs least,
statement by statement, as :class:`~claimdesk.store.database.postgres.lookup_readers.Reader`
reads them.

A common word or prefix fills ``cap`` among the newest rows, and those are the newest of
all: they are read first, newest first, stopping at ``cap``, as FTS5 does. A less common
match is found through the GIN index bucket by bucket, newest first, stopping at ``cap``
(see :func:`~claimdesk.store.database.postgres.index_migrations.search_buckets`); a rare
one through the whole index at once, its rows looked up newest first until ``cap`` pass
``where``, in one statement. When the newest rows come up short, the matches seen tell how
far the rest lie: the next stretch reads on from where the last stopped, or the GIN index
finds the rest below it (:func:`~claimdesk.store.database.postgres.search_plan.next_stretch`);
nothing is read twice. A short last prefix may be left out of the GIN lookup and checked
on the rows found (see :data:`~claimdesk.store.database.postgres.tsquery.SHORT_PREFIX`).

Asked for the newest matches in one query, the planner guesses the number of matches of a
``tsquery`` poorly and walks every row backwards for a rare word: 69 to 115 ms at 100,000
claims for ``benghazi``. Each statement keeps one text whatever the query, so the driver
prepares them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from claimdesk.store.database.handle import Database
from claimdesk.store.database.postgres.lookup_memory import LookupMemory, memory_for
from claimdesk.store.database.postgres.lookup_readers import Batch, Inner, Reader
from claimdesk.store.database.postgres.search_plan import (
    BUCKET_BITS,
    BUCKET_ROWS,
    WINDOW_MARGIN,
    LookupPlan,
    lowest_bucket,
    next_stretch,
    plan_lookup,
    share_of_rows,
)
from claimdesk.store.database.postgres.tsquery import and_groups, gin_match, tsquery_text

NO_UPPER = 2**63 - 1
"""The upper id bound of the first stretch read (a bound, not NULL, so the scan starts at it)."""

STATEMENT_LIMIT = 256
"""The least ``LIMIT`` of a bucket lookup (a power of two at least its cap: one statement text,
prepared once, for the keystroke search's 250 and every shorter rest)."""

QUERY = "(SELECT to_tsquery('claimdesk', ?))"
"""A query parsed once per statement (an InitPlan): in the generic plan of a prepared
statement a bare ``to_tsquery(?)`` is a call per row checked, 13.7 ms against 2.5 ms for
``'ministry' & 'o':*`` over 3,725 rows."""


class LookupIndex(Protocol):
    """What a lookup reads of the index it runs in."""

    @property
    def db(self) -> Database:
        """The connection."""
        ...

    @property
    def table(self) -> str:
        """The indexed table."""
        ...

    @property
    def window(self) -> int:
        """How many of the newest rows to read first, at least, without word counts."""
        ...

    def rows(self) -> float:
        """About how many rows the table has."""
        ...

    def newest_id(self) -> int:
        """The highest id in the table."""
        ...

    def bucketed(self) -> bool:
        """Whether the table's rows are bucketed."""
        ...


class NewestLookup:
    """The newest ``cap`` rows of ``index`` matching ``match`` and ``where`` (a condition on
    the table aliased ``c``), for the typed ``phrase``; ``word_rows``: at most how many rows
    hold each word ``match`` ANDs; ``typed``: ``match`` before its prefixes were expanded,
    what the lookup is remembered by."""

    def __init__(
        self,
        index: LookupIndex,
        match: str,
        phrase: str,
        cap: int,
        where: str,
        word_rows: Sequence[int] | None,
        typed: str | None,
        reader: Reader,
    ) -> None:
        self.index = index
        self.table = index.table
        self.match = match
        self.narrowed = gin_match(match)
        self.phrase = phrase
        self.cap = cap
        self.where = where
        self.word_rows = word_rows
        self.key = typed or match
        self.reader = reader
        self.batches: list[Batch] = []

    def run(self) -> list[Batch]:
        """What each statement found, in the order they ran."""
        word_rows = self.word_rows
        total = self.index.rows() if word_rows is not None else 0.0
        memory = memory_for(self.index.db, self.table)
        last_rows = word_rows[-1] if word_rows else 0
        top = self.index.newest_id()
        query = tsquery_text(self.match)
        plan = plan_lookup(
            word_rows,
            total=total,
            cap=self.cap,
            floor=self.index.window,
            buckets=(top >> BUCKET_BITS) + 1 if self.index.bucketed() else 0,
            can_narrow=self.narrowed != self.match,
            prefix="*" in self.match,
            head_prefix="*" in self.narrowed,
            share=_expected(memory, self.key, word_rows, total),
            head_share=_expected(memory, self._head_key(), (word_rows or [])[:-1], total),
            sure=memory.knows(self.key),
            lexemes=query.count("'") // 2,
            head_lexemes=tsquery_text(self.narrowed).count("'") // 2,
        )
        below = NO_UPPER
        if plan.window:
            upper, below = NO_UPPER, top - plan.window
            while True:
                # OFFSET 0 keeps the planner from asking the GIN index for the stretch's
                # matches (a bitmap of every match, then a sort): the rows are read newest
                # first and reading stops at the cap.
                wanted = self.cap - self._found()
                batch = self._read(
                    Inner(
                        f"(SELECT id, vector FROM {self.table}_search WHERE id > ? AND id <= ?"
                        f" ORDER BY id DESC OFFSET 0) s JOIN {self.table} c ON c.id = s.id"
                        f" WHERE s.vector @@ {QUERY} AND {self.where} ORDER BY s.id DESC LIMIT ?",
                        [below, upper, query, wanted],
                        wanted,
                    )
                )
                found = self._found()
                if found >= self.cap or below <= 0:
                    lowest = batch.lowest if found >= self.cap else max(below, 0)
                    memory.remember(self.key, found / max(top - lowest, 1), last_rows)
                    return self.batches
                stretch = next_stretch(plan, self.cap - found, found, top - below, below)
                if not stretch:
                    break
                upper, below = below, below - stretch
        before = self._found()
        if plan.buckets:
            matched = self._bucket_by_bucket(plan, below)
        else:
            matched = self._whole_index(plan.narrow, below, self.cap - before)
        if total:
            memory.remember(self.key, max(matched, self._found()) / total, last_rows)
        return self.batches

    def _head_key(self) -> str:
        """What the narrowed lookup is remembered by: the typed match without its last group
        (expanded or not, the typed match has the same groups as the match)."""
        if self.narrowed == self.match:
            return self.key
        return " AND ".join(and_groups(self.key)[:-1])

    def _found(self) -> int:
        return sum(batch.count for batch in self.batches)

    def _read(self, inner: Inner) -> Batch:
        batch = self.reader.read(self.index.db, self.table, self.phrase, inner)
        self.batches.append(batch)
        return batch

    def _bucket_by_bucket(self, plan: LookupPlan, below: int) -> float:
        """The newest matches still wanted up to id ``below``, from the buckets ``plan``
        counts on; if they come up short, the matches seen tell how many more buckets hold
        the rest, or the whole index finds them below the buckets read. Returns about how
        many rows match in all."""
        top = self.index.newest_id()
        total = self.index.rows()
        wanted = self.cap - self._found()
        got = 0
        start = min(below, top)
        read_before = top - start
        stop = lowest_bucket(start, plan.share, wanted)
        count = (start >> BUCKET_BITS) - stop + 1
        while True:
            batch = self._by_bucket(plan.narrow, below, stop, wanted - got)
            got += batch.count
            if got >= wanted or stop == 0:
                lowest = batch.lowest if got >= wanted else 0
                return got / max(start - lowest, 1) * total
            read = max(top - (stop << BUCKET_BITS) - read_before, 1)
            below = (stop << BUCKET_BITS) - 1
            share = max(got, 0.5) / read
            more = math.ceil((wanted - got) * WINDOW_MARGIN / (share * BUCKET_ROWS))
            if more > count:
                return self._whole_index(plan.whole_narrow, below, wanted - got)
            count = more
            stop = max((below >> BUCKET_BITS) - count + 1, 0)

    def _lookup(self, narrow: bool) -> tuple[str, list[object]]:
        """The condition a GIN lookup puts on the rows, and its parameters: the narrowed
        match looked up and the whole match checked on the rows found if ``narrow``."""
        if not narrow:
            return f"vector @@ {QUERY}", [tsquery_text(self.match)]
        # ts_match_vq is @@ as a function: a check on the rows found, not an index lookup
        lookup = f"vector @@ {QUERY} AND ts_match_vq(vector, {QUERY})"
        return lookup, [tsquery_text(self.narrowed), tsquery_text(self.match)]

    def _by_bucket(self, narrow: bool, upper: int, stop: int, cap: int) -> Batch:
        """The newest ``cap`` rows up to id ``upper``, found bucket by bucket from the newest
        down to bucket ``stop`` (each lookup names its bucket, so the GIN index reads only
        that bucket's matches), each looked up by its key until ``cap`` pass ``where``. The
        first bucket is the newest row's, read here: rows added since the newest id was
        last read are not missed."""
        lookup, params = self._lookup(narrow)
        # The limit is a constant of the statement's text, not a parameter: with a parameter
        # the server's generic plan expects 2,000 rows, so every run was planned afresh
        # (2.7 ms of planning for 1.9 ms of work); with a constant the generic plan is kept.
        limit = max(STATEMENT_LIMIT, 1 << (cap - 1).bit_length())
        table = self.table
        return self._read(
            Inner(
                f"generate_series((least(?::bigint, (SELECT coalesce(max(id), 0) FROM"
                f" {table}_search)) >> {BUCKET_BITS})::integer, ?, -1) b CROSS JOIN LATERAL"
                f" (SELECT id FROM {table}_search WHERE bucket = b AND {lookup}"
                f" ORDER BY id DESC) o CROSS JOIN LATERAL (SELECT c.norm, c.id FROM {table} c"
                f" WHERE c.id = o.id AND o.id <= ? AND {self.where} OFFSET 0) c LIMIT {limit}",
                [upper, stop, *params, upper],
                cap,
            )
        )

    def _whole_index(self, narrow: bool, upper: int, cap: int) -> int:
        """The newest ``cap`` rows up to id ``upper``, from the whole GIN index; returns how
        many rows matched in all (0 if it cannot tell: none below ``upper``)."""
        # One statement: the matching ids from the GIN index (MATERIALIZED keeps the planner
        # from walking the whole table backwards for them), newest first below the rows
        # already read, each row looked up by its key (OFFSET 0 keeps the lookup a nested
        # loop, not a merge join over every claim) until ``cap`` pass ``where``; and how
        # many matched in all, for the next keystroke's plan.
        lookup, params = self._lookup(narrow)
        batch = self._read(
            Inner(
                f"(SELECT id FROM m WHERE id <= ? ORDER BY id DESC) o CROSS JOIN LATERAL"
                f" (SELECT c.norm, c.id FROM {self.table} c WHERE c.id = o.id AND {self.where}"
                " OFFSET 0) c LIMIT ?",
                [upper, cap],
                cap,
                before=f"m AS MATERIALIZED (SELECT id FROM {self.table}_search WHERE {lookup})",
                before_params=params,
                counted=True,
            )
        )
        return batch.matched


def _expected(
    memory: LookupMemory, match: str, word_rows: Sequence[int] | None, total: float
) -> float | None:
    """The share of rows ``match`` matched lately, or, derived from a query before it,
    weighed against its words' counts (the geometric mean of the two: "least on..." ->
    "least one" as if independent 0.61%, by the counts 1.8%, measured 0.79%)."""
    if not word_rows:
        return None
    derived = memory.recall(match, word_rows[-1], total)
    if derived is None or memory.knows(match):
        return derived
    return math.sqrt(max(derived, 0.0) * share_of_rows(word_rows, total))
