"""The PostgreSQL side of the full-text index seam: ``tsvector`` + GIN and a term table
kept by triggers (see :mod:`~claimdesk.store.database.postgres.index_migrations`); match
expressions become ``tsquery`` texts (:mod:`~claimdesk.store.database.postgres.tsquery`).
"""

from __future__ import annotations

import math
import time
import weakref
from collections.abc import Sequence

from claimdesk.store.database.handle import Database
from claimdesk.store.database.postgres.bm25 import bm25_order
from claimdesk.store.database.postgres.lookup_memory import (
    LookupMemory,
    forget_lookups,
    memory_for,
)
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
from claimdesk.store.database.postgres.tsquery import (
    PIECE,
    TOKEN,
    MatchSyntaxError,
    gin_match,
    tsquery_text,
)
from claimdesk.store.search.text_index import IndexedTable, SortKey

NEWEST_WINDOW = 2000
"""How many of the newest rows :meth:`PostgresTextIndex.newest_matches` reads first, at
least."""

NO_UPPER = 2**63 - 1
"""The upper id bound of the first stretch read (a bound, not NULL, so the scan starts at it)."""

STATEMENT_LIMIT = 256
"""The least ``LIMIT`` of a bucket lookup (a power of two at least its cap: one statement text,
prepared once, for the keystroke search's 250 and every shorter rest)."""

SIZE_SECONDS = 60.0
"""How long the table's row count (for the window's size) is kept before it is read again."""

_SIZES: weakref.WeakKeyDictionary[Database, dict[str, tuple[float, float, int, bool]]] = (
    weakref.WeakKeyDictionary()
)
"""Per connection and table: its row count (``pg_class.reltuples``), when it was read, its
highest id and whether its rows are bucketed."""

__all__ = ["MatchSyntaxError", "PostgresTextIndex", "forget_lookups", "tsquery_text"]


class PostgresTextIndex:
    """The full-text index of ``table`` on a PostgreSQL connection ``db``; ``window``: how many
    of the newest rows :meth:`newest_matches` tries first."""

    expanded_from = 1
    """Any prefix is expanded into the terms it begins when they are few: a GIN index looks
    a prefix up by merging the posting lists of every term it begins whole, in every bucket
    again (``'people' & 'wo':*``: 3.5 ms in one bucket, its four terms ORed 0.7 ms; through
    the whole index 9.1 and 6.3 ms)..."""
    most_expanded = 8
    """...but not when they are many: every lexeme is looked up in each bucket and checked on
    each row read (``pres``, 49 terms, read from the newest rows: 25.8 ms ORed, 4.2 ms as a
    prefix)."""

    def __init__(self, db: Database, table: IndexedTable, window: int = NEWEST_WINDOW) -> None:
        self.db = db
        self.table: IndexedTable = table
        self.window = window

    def _query(self) -> str:
        # A sub-select, so the server parses the query once per statement (an InitPlan): in
        # the generic plan of a prepared statement a bare to_tsquery(?) is a call per row
        # checked, 13.7 ms against 2.5 ms for 'ministry' & 'o':* over 3,725 rows.
        return "(SELECT to_tsquery('claimdesk', ?))"

    def term_counts(self) -> list[tuple[str, int, int]]:
        """Every term with its row and occurrence counts, from the term table."""
        rows = self.db.execute(f"SELECT term, rows, occurrences FROM {self.table}_terms")
        return [(term, int(n), int(k)) for term, n, k in rows.fetchall()]

    def postings(self, match: str) -> list[int]:
        """Ids of the rows matching ``match`` (one array, not a Python row per posting)."""
        found = self.db.execute(
            f"SELECT array_agg(id) FROM {self.table}_search WHERE vector @@ {self._query()}",
            [tsquery_text(match)],
        ).fetchone()[0]
        return list(found) if found else []

    def postings_many(self, matches: Sequence[str]) -> list[list[int]]:
        """:meth:`postings` of each of ``matches``, in one statement (each looked up in the GIN
        index in turn: one round trip instead of one per expression)."""
        if not matches:
            return []
        rows = self.db.execute(
            f"SELECT (SELECT array_agg(s.id) FROM {self.table}_search s"
            " WHERE s.vector @@ to_tsquery('claimdesk', q.t))"
            " FROM unnest(?::text[]) WITH ORDINALITY AS q (t, i) ORDER BY q.i",
            [[tsquery_text(match) for match in matches]],
        ).fetchall()
        return [list(found) if found else [] for (found,) in rows]

    def any_match(self, match: str) -> bool:
        """Whether any row matches ``match``."""
        row = self.db.execute(
            f"SELECT 1 FROM {self.table}_search WHERE vector @@ {self._query()} LIMIT 1",
            [tsquery_text(match)],
        ).fetchone()
        return row is not None

    def newest_matches(
        self,
        match: str,
        phrase: str,
        cap: int,
        where: str,
        word_rows: Sequence[int] | None = None,
        typed: str | None = None,
    ) -> list[SortKey]:
        """Sort keys of the newest ``cap`` matching rows that satisfy ``where``.

        A common word or prefix fills ``cap`` among the newest rows, and those are the newest
        of all: they are read first, newest first, stopping at ``cap``, as FTS5 does. A less
        common match is found through the GIN index bucket by bucket, newest first, stopping
        at ``cap`` (see :func:`~claimdesk.store.database.postgres.index_migrations.search_buckets`);
        a rare one through the whole index at once, its rows looked up newest first until
        ``cap`` pass ``where``, in one statement. Which costs least is planned from how many
        rows the query is expected to match (:func:`plan_lookup`): from what the lookups of
        the keystrokes before found (:class:`LookupMemory`), or from ``word_rows``, at most
        how many rows hold each word ``match`` ANDs; ``typed``: ``match`` before its prefixes
        were expanded, what it is remembered by (the keystroke after ``people wo`` derives its
        share from ``"people" AND "wo"*``, whatever terms ``wo`` was expanded into). When
        the newest rows come up short, the
        matches seen tell how far the rest lie: the next stretch reads on from where the
        last stopped, or the GIN index finds the rest below it (:func:`next_stretch`);
        nothing is read twice. A short last prefix may be left out of the GIN lookup and
        checked on the rows found (see :data:`SHORT_PREFIX`).

        Asked for the newest matches in one query, the planner guesses the number of matches
        of a ``tsquery`` poorly and walks every row backwards for a rare word: 69 to 115 ms
        at 100,000 claims for ``benghazi``. Each statement keeps one text whatever the
        query, so the driver prepares them.
        """
        query = tsquery_text(match)
        narrowed = gin_match(match)
        key = typed or match
        total = self._rows() if word_rows is not None else 0.0
        memory = memory_for(self.db, self.table)
        last_rows = word_rows[-1] if word_rows else 0
        top = self._newest_id()
        plan = plan_lookup(
            word_rows,
            total=total,
            cap=cap,
            floor=self.window,
            buckets=(top >> BUCKET_BITS) + 1 if self._bucketed() else 0,
            can_narrow=narrowed != match,
            prefix="*" in match,
            head_prefix="*" in narrowed,
            share=self._expected(memory, key, word_rows, total),
            head_share=self._expected(memory, gin_match(key), (word_rows or [])[:-1], total),
            sure=memory.knows(key),
            lexemes=query.count("'") // 2,
            head_lexemes=tsquery_text(narrowed).count("'") // 2,
        )
        found: list[SortKey] = []
        below = NO_UPPER
        if plan.window:
            upper, below = NO_UPPER, top - plan.window
            while True:
                # OFFSET 0 keeps the planner from asking the GIN index for the stretch's
                # matches (a bitmap of every match, then a sort): the rows are read newest
                # first and reading stops at the cap.
                found += self._sort_keys(
                    f"(SELECT id, vector FROM {self.table}_search WHERE id > ? AND id <= ?"
                    f" ORDER BY id DESC OFFSET 0) s JOIN {self.table} c ON c.id = s.id"
                    f" WHERE s.vector @@ {self._query()} AND {where} ORDER BY s.id DESC LIMIT ?",
                    [phrase, below, upper, query, cap - len(found)],
                )
                if len(found) >= cap or below <= 0:
                    lowest = -found[-1][2] if len(found) >= cap else max(below, 0)
                    memory.remember(key, len(found) / max(top - lowest, 1), last_rows)
                    return found
                stretch = next_stretch(plan, cap - len(found), len(found), top - below, below)
                if not stretch:
                    break
                upper, below = below, below - stretch
        wanted = cap - len(found)
        if plan.buckets:
            rows, matched = self._bucket_by_bucket(
                plan, match, narrowed, phrase, where, below, wanted
            )
        else:
            lookup, params = self._lookup(match, narrowed, plan.narrow)
            rows, matched = self._whole_index(lookup, params, phrase, where, below, wanted)
        if total:
            memory.remember(key, max(matched, len(found) + len(rows)) / total, last_rows)
        return found + rows

    def _bucket_by_bucket(
        self,
        plan: LookupPlan,
        match: str,
        narrowed: str,
        phrase: str,
        where: str,
        below: int,
        wanted: int,
    ) -> tuple[list[SortKey], float]:
        """The newest ``wanted`` matches up to id ``below``, from the buckets ``plan`` counts
        on; if they come up short, the matches seen tell how many more buckets hold the
        rest, or the whole index finds them below the buckets read. Also: about how many
        rows match in all."""
        top = self._newest_id()
        total = self._rows()
        lookup, params = self._lookup(match, narrowed, plan.narrow)
        rows: list[SortKey] = []
        start = min(below, top)
        read_before = top - start
        stop = lowest_bucket(start, plan.share, wanted)
        count = (start >> BUCKET_BITS) - stop + 1
        while True:
            rows += self._by_bucket(lookup, params, phrase, where, below, stop, wanted - len(rows))
            if len(rows) >= wanted or stop == 0:
                lowest = -rows[-1][2] if len(rows) >= wanted else 0
                return rows, len(rows) / max(start - lowest, 1) * total
            read = max(top - (stop << BUCKET_BITS) - read_before, 1)
            below = (stop << BUCKET_BITS) - 1
            share = max(len(rows), 0.5) / read
            more = math.ceil((wanted - len(rows)) * WINDOW_MARGIN / (share * BUCKET_ROWS))
            if more > count:
                lookup, params = self._lookup(match, narrowed, plan.whole_narrow)
                rest, matched = self._whole_index(
                    lookup, params, phrase, where, below, wanted - len(rows)
                )
                return rows + rest, matched
            count = more
            stop = max((below >> BUCKET_BITS) - count + 1, 0)

    @staticmethod
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

    def _lookup(self, match: str, narrowed: str, narrow: bool) -> tuple[str, list[object]]:
        """The condition a GIN lookup for ``match`` puts on the rows, and its parameters:
        ``narrowed`` looked up and ``match`` checked on the rows found if ``narrow``."""
        if not narrow:
            return f"vector @@ {self._query()}", [tsquery_text(match)]
        # ts_match_vq is @@ as a function: a check on the rows found, not an index lookup
        lookup = f"vector @@ {self._query()} AND ts_match_vq(vector, {self._query()})"
        return lookup, [tsquery_text(narrowed), tsquery_text(match)]

    def _by_bucket(
        self,
        lookup: str,
        params: list[object],
        phrase: str,
        where: str,
        upper: int,
        stop: int,
        cap: int,
    ) -> list[SortKey]:
        """The newest ``cap`` rows up to id ``upper`` matching ``lookup``, found bucket by
        bucket from the newest down to bucket ``stop`` (each lookup names its bucket, so the
        GIN index reads only that bucket's matches), each looked up by its key until ``cap``
        pass ``where``. The first bucket is the newest row's, read here: rows added since
        the newest id was last read are not missed."""
        # The limit is a constant of the statement's text, not a parameter: with a parameter
        # the server's generic plan expects 2,000 rows, so every run was planned afresh
        # (2.7 ms of planning for 1.9 ms of work); with a constant the generic plan is kept.
        limit = max(STATEMENT_LIMIT, 1 << (cap - 1).bit_length())
        return self._sort_keys(
            f"generate_series((least(?::bigint, (SELECT coalesce(max(id), 0) FROM"
            f" {self.table}_search)) >> {BUCKET_BITS})::integer, ?, -1) b CROSS JOIN LATERAL"
            f" (SELECT id FROM {self.table}_search WHERE bucket = b AND {lookup}"
            f" ORDER BY id DESC) o CROSS JOIN LATERAL (SELECT c.norm, c.id FROM {self.table} c"
            f" WHERE c.id = o.id AND o.id <= ? AND {where} OFFSET 0) c LIMIT {limit}",
            [phrase, upper, stop, *params, upper],
        )[:cap]

    def _whole_index(
        self,
        lookup: str,
        params: list[object],
        phrase: str,
        where: str,
        upper: int,
        cap: int,
    ) -> tuple[list[SortKey], int]:
        """The newest ``cap`` rows up to id ``upper`` matching ``lookup``, from the whole GIN
        index, and how many rows matched in all (0 if it cannot tell: none below ``upper``)."""
        # One statement: the matching ids from the GIN index (MATERIALIZED keeps the planner
        # from walking the whole table backwards for them), newest first below the rows
        # already read, each row looked up by its key (OFFSET 0 keeps the lookup a nested
        # loop, not a merge join over every claim) until ``cap`` pass ``where``; and how
        # many matched in all, for the next keystroke's plan.
        rows = self.db.execute(
            f"WITH m AS MATERIALIZED (SELECT id FROM {self.table}_search WHERE {lookup})"
            " SELECT strpos(c.norm, ?) = 0, length(c.norm), -c.id, (SELECT count(*) FROM m)"
            " FROM (SELECT id FROM m WHERE id <= ? ORDER BY id DESC) o CROSS JOIN LATERAL"
            f" (SELECT c.norm, c.id FROM {self.table} c WHERE c.id = o.id AND {where} OFFSET 0) c"
            " LIMIT ?",
            [*params, phrase, upper, cap],
        ).fetchall()
        matched = int(rows[0][3]) if rows else 0
        return [(bool(a), int(n), int(i)) for a, n, i, _ in rows], matched

    def _newest_id(self) -> int:
        """The highest id in the table (read once a minute with the row count: a stretch above
        a stale one holds the rows added since, and is read first)."""
        self._rows()
        return _SIZES[self.db][self.table][2]

    def _rows(self) -> float:
        """About how many rows the table has (the planner's figure, read once a minute)."""
        sizes = _SIZES.setdefault(self.db, {})
        known = sizes.get(self.table)
        now = time.monotonic()
        if known is None or now - known[1] > SIZE_SECONDS:
            rows, top, bucketed = self.db.execute(
                f"SELECT (SELECT reltuples FROM pg_class WHERE oid = '{self.table}_search'::regclass),"
                f" (SELECT coalesce(max(id), 0) FROM {self.table}_search),"
                " EXISTS (SELECT 1 FROM pg_attribute WHERE attname = 'bucket'"
                f" AND attrelid = '{self.table}_search'::regclass AND NOT attisdropped)"
            ).fetchone()
            # a table never analysed has no row count (-1): its highest id stands in for it
            counted = float(rows) if rows is not None and rows > 0 else float(top)
            known = sizes[self.table] = (counted, now, int(top), bool(bucketed))
        return known[0]

    def _bucketed(self) -> bool:
        """Whether the table's rows are bucketed (step ``p105``; a store opened without its
        migrations, by ``claimdesk check``, may predate it)."""
        self._rows()
        return _SIZES[self.db][self.table][3]

    def _sort_keys(self, rest: str, params: list[object], before: str = "") -> list[SortKey]:
        rows = self.db.execute(
            f"{before}SELECT strpos(c.norm, ?) = 0, length(c.norm), -c.id FROM {rest}", params
        ).fetchall()
        return [(bool(a), int(n), int(i)) for a, n, i in rows]

    def best_matches(self, match: str, limit: int) -> list[int]:
        """Ids of the best ``limit`` matching rows by FTS5's bm25, computed here over the
        matching rows' tokens (ties: the lower id first)."""
        rows = self.db.execute(
            f"SELECT c.id, c.norm FROM {self.table}_search s JOIN {self.table} c ON c.id = s.id"
            f" WHERE s.vector @@ {self._query()}",
            [tsquery_text(match)],
        ).fetchall()
        if not rows:
            return []
        phrases = [(TOKEN.findall(p), bool(star)) for p, star, *_ in PIECE.findall(match) if p]
        total, tokens = self.db.execute(
            f"SELECT (SELECT count(*) FROM {self.table}),"
            f" (SELECT coalesce(sum(occurrences), 0) FROM {self.table}_terms)"
        ).fetchone()
        average = int(tokens) / max(int(total), 1)
        weights = [self._idf(words, star, int(total)) for words, star in phrases]
        return bm25_order(rows, phrases, weights, average)[:limit]

    def _idf(self, phrase: list[str], star: bool, total: int) -> float:
        quoted = '"' + " ".join(phrase) + '"' + ("*" if star else "")
        rows = self.db.execute(
            f"SELECT count(*) FROM {self.table}_search WHERE vector @@ {self._query()}",
            [tsquery_text(quoted)],
        ).fetchone()[0]
        return max(math.log((total - rows + 0.5) / (rows + 0.5)), 1e-6)
