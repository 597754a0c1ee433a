"""The PostgreSQL side of the full-text index seam: ``tsvector`` + GIN and a term table
kept by triggers (see :mod:`~claimdesk.store.database.postgres.index_migrations`).

A match expression (FTS5's syntax, see :mod:`~claimdesk.store.search.text_index`) becomes a
``tsquery``: a phrase is its tokens joined by ``<->`` (followed by), a trailing ``*`` makes
the last one a prefix (``:*``), ``AND`` is ``&`` and ``OR`` is ``|`` (``&`` binds tighter,
as ``AND`` does in FTS5). The server runs each lexeme through the ``claimdesk``
configuration, so a query folds (``unaccent``) exactly as the stored rows did.

>>> tsquery_text('"north korea s" AND ("sol"* OR "army")')
"('north' <-> 'korea' <-> 's') & ('sol':* | 'army')"
"""

from __future__ import annotations

import math
import re
import time
import weakref
from collections import Counter
from collections.abc import Sequence

from claimdesk.store.database.handle import Database
from claimdesk.store.related.matching_form import strip_diacritics
from claimdesk.store.search.text_index import IndexedTable, SortKey

_PIECE = re.compile(r'"([^"]*)"(\*?)|(\()|(\))|\b(AND|OR)\b|(\S)')
_TOKEN = re.compile(r"[^\W_]+")

NEWEST_WINDOW = 2000
"""How many of the newest rows :meth:`PostgresTextIndex.newest_matches` reads first, at
least..."""

WINDOW_MARGIN = 1.5
"""...or, given how many rows hold each word, this many times the rows that would hold
``cap`` matches were the words independent..."""

MAX_WINDOW = 8000
"""...if that is at most this many rows; otherwise the GIN index is read at once (at 100,000
claims a window costs about 0.6 us a row read, the GIN index about 1 us a match, plus
the merging of a prefix's posting lists)."""

SHORT_PREFIX = 3
"""A last word this short, typed as a prefix (``'s':*``) after other words, is left out of
the GIN lookup when another word is rare (:data:`NARROW_ROWS`), and checked on the rows
found: the index merges the posting lists of every term the prefix begins (5.8 ms for
``'north' & 'korean' & 's':*`` at 100,000 claims, 0.13 ms without it)..."""

NARROW_ROWS = 5000
"""...at most this many rows (reading every row of a common word costs more than the prefix:
``'people'`` is in 22,850 rows at 100,000 claims, 20 ms read from the GIN index against 5 ms
for ``'people' & 'wo':*``)."""

SIZE_SECONDS = 60.0
"""How long the table's row count (for the window's size) is kept before it is read again."""

_SIZES: weakref.WeakKeyDictionary[Database, dict[str, tuple[float, float]]] = (
    weakref.WeakKeyDictionary()
)
"""Per connection and table: its row count (``pg_class.reltuples``) and when it was read."""

K1, B = 1.2, 0.75
"""FTS5's bm25 parameters."""


class MatchSyntaxError(ValueError):
    """A match expression outside the grammar both backends read."""


def tsquery_text(match: str) -> str:
    """The ``tsquery`` text (for ``to_tsquery``) of a match expression."""
    out = []
    for phrase, star, opening, closing, operator, other in _PIECE.findall(match):
        if other:
            raise MatchSyntaxError(f"unexpected {other!r} in {match!r}")
        if opening or closing:
            out.append(opening or closing)
        elif operator:
            out.append(" & " if operator == "AND" else " | ")
        else:
            out.append(_phrase(phrase, bool(star)))
    return "".join(out)


def gin_match(match: str) -> str:
    """``match`` without its last term if that is a :data:`SHORT_PREFIX` prefix ANDed with
    other terms: what the GIN index is asked for when they are rare; the rows it finds are
    then checked against all of ``match``.

    >>> gin_match('"north" AND "korean" AND "s"*'), gin_match('"zel"*'), gin_match('"korea s"*')
    ('"north" AND "korean"', '"zel"*', '"korea s"*')
    """
    groups: list[list[str]] = []
    current: list[str] = []
    depth = 0
    for piece in _PIECE.finditer(match):
        phrase, star, opening, closing, operator, _ = piece.groups()
        depth += bool(opening) - bool(closing)
        if operator == "OR" and depth == 0:
            return match  # an OR at the top: every group is needed
        if operator == "AND" and depth == 0:
            groups.append(current)
            current = []
        else:
            current.append(piece.group(0))
    groups.append(current)
    if len(groups) < 2 or not _short_prefix(groups[-1]):
        return match
    return " AND ".join(" ".join(g) for g in groups[:-1])


def _plain_terms(match: str) -> list[str]:
    """The tokens of the phrases without a ``*`` in ``match`` (the terms it surely holds if it
    is an AND of them)."""
    return [
        t for phrase, star, *_ in _PIECE.findall(match) if not star for t in _TOKEN.findall(phrase)
    ]


def _short_prefix(group: list[str]) -> bool:
    if len(group) != 1 or not group[0].endswith("*"):
        return False
    tokens = _TOKEN.findall(group[0])
    return len(tokens) == 1 and len(tokens[0]) <= SHORT_PREFIX


def _phrase(phrase: str, prefix: bool) -> str:
    tokens = _TOKEN.findall(phrase)
    if not tokens:
        raise MatchSyntaxError(f"empty phrase in a match expression: {phrase!r}")
    lexemes = [f"'{t}'" for t in tokens]
    if prefix:
        lexemes[-1] += ":*"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def _tokens(norm: str) -> list[str]:
    """The index tokens of a ``norm`` value, as both backends cut them (for bm25's counts)."""
    return _TOKEN.findall(strip_diacritics(norm))


class PostgresTextIndex:
    """The full-text index of ``table`` on a PostgreSQL connection ``db``; ``window``: how many
    of the newest rows :meth:`newest_matches` tries first."""

    def __init__(self, db: Database, table: IndexedTable, window: int = NEWEST_WINDOW) -> None:
        self.db = db
        self.table: IndexedTable = table
        self.window = window

    def _query(self) -> str:
        return "to_tsquery('claimdesk', ?)"

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
    ) -> list[SortKey]:
        """Sort keys of the newest ``cap`` matching rows that satisfy ``where``.

        A common word or prefix fills ``cap`` among the newest rows, and those are the newest
        of all: they are read first, as FTS5 does (``window`` of them, or with ``word_rows``,
        at most how many rows hold each word ``match`` ANDs, a window that would hold ``cap``
        matches if the words were independent, or none if that is too wide). A rarer match,
        or one that filled too little of the window, is read from the GIN index and its rows
        looked up newest first until ``cap`` pass ``where``, in one statement (a short last
        prefix checked on the rows found, see :data:`SHORT_PREFIX`). Asked for the newest
        matches in one query, the planner guesses the number of matches of a ``tsquery``
        poorly and walks every row backwards for a rare word: 69 to 115 ms at 100,000 claims
        for ``benghazi``. Both statements keep one text whatever the query, so the driver
        prepares them.
        """
        query = tsquery_text(match)
        window = self._window(cap, word_rows)
        if window:
            rows = self._sort_keys(
                f"(SELECT id, vector FROM {self.table}_search ORDER BY id DESC LIMIT ?) s"
                f" JOIN {self.table} c ON c.id = s.id"
                f" WHERE s.vector @@ {self._query()} AND {where} ORDER BY s.id DESC LIMIT ?",
                [phrase, window, query, cap],
            )
            if len(rows) >= cap:
                return rows
        narrowed = gin_match(match)
        lookup = f"SELECT id FROM {self.table}_search WHERE vector @@ {self._query()}"
        params: list[object] = [query]
        if narrowed != match and word_rows and min(word_rows[:-1], default=0) <= NARROW_ROWS:
            # ts_match_vq is @@ as a function: a check on the rows found, not an index lookup
            lookup += " AND ts_match_vq(vector, to_tsquery('claimdesk', ?))"
            params = [tsquery_text(narrowed), query]
        # One statement: the matching ids from the GIN index (MATERIALIZED keeps the planner
        # from walking the whole table backwards for them), newest first, each row looked up
        # by its key (OFFSET 0 keeps the lookup a nested loop, not a merge join over every
        # claim) until ``cap`` pass ``where``.
        return self._sort_keys(
            f"(SELECT id FROM m ORDER BY id DESC) o CROSS JOIN LATERAL"
            f" (SELECT c.norm, c.id FROM {self.table} c WHERE c.id = o.id AND {where} OFFSET 0) c"
            " LIMIT ?",
            [*params, phrase, cap],
            f"WITH m AS MATERIALIZED ({lookup}) ",
        )

    def _window(self, cap: int, word_rows: Sequence[int] | None) -> int:
        """How many of the newest rows to read first: 0 for none."""
        if word_rows is None:
            return self.window
        total = self._rows()
        if not total:
            return self.window
        density = math.prod(min(max(rows, 1), total) / total for rows in word_rows)
        if density * MAX_WINDOW < cap * WINDOW_MARGIN:
            return 0
        return max(math.ceil(cap * WINDOW_MARGIN / density), self.window)

    def _rows(self) -> float:
        """About how many rows the table has (the planner's figure, read once a minute)."""
        sizes = _SIZES.setdefault(self.db, {})
        known = sizes.get(self.table)
        now = time.monotonic()
        if known is None or now - known[1] > SIZE_SECONDS:
            rows = self.db.execute(
                f"SELECT reltuples FROM pg_class WHERE oid = '{self.table}_search'::regclass"
            ).fetchone()
            known = sizes[self.table] = (max(float(rows[0]), 0.0) if rows else 0.0, now)
        return known[0]

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
        phrases = [(_TOKEN.findall(p), bool(star)) for p, star, *_ in _PIECE.findall(match) if p]
        total, tokens = self.db.execute(
            f"SELECT (SELECT count(*) FROM {self.table}),"
            f" (SELECT coalesce(sum(occurrences), 0) FROM {self.table}_terms)"
        ).fetchone()
        average = int(tokens) / max(int(total), 1)
        weights = [self._idf(words, star, int(total)) for words, star in phrases]
        scored = []
        for row_id, norm in rows:
            words = _tokens(norm)
            score = 0.0
            for (phrase, star), idf in zip(phrases, weights, strict=True):
                hits = _occurrences(words, phrase, star)
                score += idf * hits * (K1 + 1) / (hits + K1 * (1 - B + B * len(words) / average))
            scored.append((-score, row_id))
        scored.sort()
        return [row_id for _, row_id in scored[:limit]]

    def _idf(self, phrase: list[str], star: bool, total: int) -> float:
        quoted = '"' + " ".join(phrase) + '"' + ("*" if star else "")
        rows = self.db.execute(
            f"SELECT count(*) FROM {self.table}_search WHERE vector @@ {self._query()}",
            [tsquery_text(quoted)],
        ).fetchone()[0]
        return max(math.log((total - rows + 0.5) / (rows + 0.5)), 1e-6)


def _occurrences(words: list[str], phrase: list[str], prefix: bool) -> int:
    """How many times ``phrase`` (its last token a prefix if ``prefix``) occurs in ``words``."""
    n = len(phrase)
    if n == 1 and not prefix:
        return Counter(words)[phrase[0]]
    found = 0
    for i in range(len(words) - n + 1):
        if words[i : i + n - 1] == phrase[:-1] and (
            words[i + n - 1].startswith(phrase[-1]) if prefix else words[i + n - 1] == phrase[-1]
        ):
            found += 1
    return found
