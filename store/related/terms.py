"""The in-memory term table: how many sentences contain each indexed term, and spelling variants.

Loaded once from the full-text index's term counts (see
:meth:`~claimdesk.store.search.text_index.TextIndex.term_counts`: one scan), then
updated incrementally from the sentences added since; asking the index per query
would cost over 100 ms at a million claims. A removal reloads it.

    >>> table = TermTable()
    >>> table.add_texts(["zelensky said 3000", "zelenskyy said 100", "north korea said"])
    >>> table.count, table.df["said"]
    (3, 3)
    >>> table.variants("zelensky")
    ['zelenskyy']
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz, process

from claimdesk.store.database.handle import Database
from claimdesk.store.related.matching_form import strip_diacritics
from claimdesk.store.related.scoring import TokenInfo
from claimdesk.store.search.text_index import IndexedTable, text_index

_TOKEN = re.compile(r"\w+", re.UNICODE)

VARIANT_MIN_LENGTH = 5
"""Words shorter than this get no spelling variants (too many look-alikes)."""

VARIANT_CUTOFF = 85.0
"""rapidfuzz ``ratio`` a vocabulary word needs to count as a spelling variant (Zelensky/Zelenskyy: 94)."""

MAX_VARIANTS = 4
"""At most this many variants per query term."""


def index_tokens(norm: str) -> set[str]:
    """The distinct tokens the full-text index (FTS5's unicode61, diacritics removed) holds
    for a ``norm`` value."""
    return set(_TOKEN.findall(strip_diacritics(norm)))


class _IdfMemo(dict[str, float]):
    """bm25's idf per term, computed on first lookup (``memo[term]`` costs a dict lookup)."""

    def __init__(self, count: int, df: Counter[str]) -> None:
        super().__init__()
        self.count = max(count, 1)
        self.df = df

    def __missing__(self, term: str) -> float:
        df = self.df.get(term, 0) or 1
        value = self[term] = math.log(1 + (self.count - df + 0.5) / (df + 0.5))
        return value


def _id_stats(db: Database, table: str = "claims") -> tuple[int, int, int]:
    row = db.execute(f"SELECT count(*), coalesce(max(id), 0), coalesce(sum(id), 0) FROM {table}")
    return tuple(row.fetchone())


class TermTable:
    """Document frequencies over the ``claims`` rows and a vocabulary bucketed for fuzzy lookup.

    ``table``: another indexed table with a ``norm`` column (the known fact-checks).
    """

    def __init__(self, table: IndexedTable = "claims") -> None:
        self.table: IndexedTable = table
        self.df: Counter[str] = Counter()
        self.count = 0
        self.last_id = 0
        self.id_sum = 0
        self.tokens = 0
        self._idf: _IdfMemo | None = None
        self._token_info: TokenInfo | None = None
        self._buckets: dict[str, list[str]] = defaultdict(list)

    def _bucket_key(self, term: str) -> str:
        return term[:2]

    def _index_new_terms(self, terms: Iterable[str]) -> None:
        for term in terms:
            if len(term) >= VARIANT_MIN_LENGTH - 1 and not term[0].isdigit():
                self._buckets[self._bucket_key(term)].append(term)

    def add_texts(self, norms: Iterable[str]) -> None:
        """Count the terms of newly added sentences (their ``norm`` values)."""
        new_terms = []
        self._idf = self._token_info = None
        for norm in norms:
            self.count += 1
            self.tokens += len(_TOKEN.findall(norm))
            for term in index_tokens(norm):
                if term not in self.df:
                    new_terms.append(term)
                self.df[term] += 1
        self._index_new_terms(new_terms)

    def load(self, db: Database, stats: tuple[int, int, int] | None = None) -> None:
        """Read every term's row count from the full-text index (one scan of it).

        ``stats``: the claims' ``(count, max id, id sum)`` if just read (a scan saved at 1M rows).
        """
        rows = text_index(db, self.table).term_counts()
        self.df = Counter({term: doc for term, doc, _ in rows})
        self.tokens = sum(cnt for _, _, cnt in rows)
        self.count, self.last_id, self.id_sum = stats or _id_stats(db, self.table)
        self._buckets = defaultdict(list)
        self._idf = self._token_info = None
        self._index_new_terms(self.df)

    def refresh(self, db: Database) -> None:
        """Bring the table up to date after documents were added or removed.

        Sentences added since the last look are counted incrementally; if any
        row disappeared (a document was removed, even if others were added and
        reused its ids) the table is reloaded from the index.
        """
        count, max_id, id_sum = stats = _id_stats(db, self.table)
        if not self.df:
            self.load(db, stats)
            return
        rows = db.execute(
            f"SELECT id, norm FROM {self.table} WHERE id > ? ORDER BY id", [self.last_id]
        ).fetchall()
        if (count, id_sum) != (self.count + len(rows), self.id_sum + sum(r[0] for r in rows)):
            self.load(db)
            return
        self.add_texts(r[1] for r in rows)
        self.last_id, self.id_sum = max_id, id_sum

    @property
    def average_length(self) -> float:
        """Average number of tokens in a stored sentence (bm25's length normalisation)."""
        return self.tokens / self.count if self.count else 1.0

    def idf(self, term: str) -> float:
        """bm25's idf of ``term`` (unknown terms count as seen once); memoised until a refresh."""
        return self.idf_lookup(term)

    @property
    def idf_lookup(self) -> Callable[[str], float]:
        """:meth:`idf` as a bound dict lookup, for hot loops (valid until the next refresh).

        >>> table = TermTable()
        >>> table.add_texts(["north korea", "south korea"])
        >>> table.idf_lookup("north") > table.idf_lookup("korea")
        True
        """
        if self._idf is None:
            self._idf = _IdfMemo(self.count, self.df)
        return self._idf.__getitem__

    @property
    def token_info(self) -> TokenInfo:
        """Each token's bag key, stem and :meth:`idf` (see :class:`TokenInfo`), valid until
        the next refresh."""
        if self._token_info is None:
            self._token_info = TokenInfo(self.idf_lookup)
        return self._token_info

    def bm25_idf(self, term: str) -> float:
        """FTS5's own idf of ``term``: ``log((N - n + 0.5) / (n + 0.5))``, at least 1e-6."""
        n = max(self.count, 1)
        df = self.df.get(term, 0)
        return max(math.log((n - df + 0.5) / (df + 0.5)), 1e-6)

    def variants(self, term: str, max_df: int | None = None) -> list[str]:
        """Other spellings of ``term`` in the vocabulary (rapidfuzz ratio >= :data:`VARIANT_CUTOFF`)."""
        if len(term) < VARIANT_MIN_LENGTH or term[0].isdigit():
            return []
        bucket = self._buckets.get(self._bucket_key(term), ())
        found = process.extract(
            term,
            bucket,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=VARIANT_CUTOFF,
            limit=MAX_VARIANTS + 1,
        )
        return [
            word
            for word, _, _ in found
            if word != term and (max_df is None or self.df.get(word, 0) <= max_df)
        ][:MAX_VARIANTS]
