"""The search vocabulary: every term of the claims index in memory, for spelling fallback.

Built from the claims index's term counts (see
:meth:`~claimdesk.store.search.text_index.TextIndex.term_counts`) and kept until the
store's generation changes.

>>> vocab = Vocabulary.from_counts({"zelensky": 4, "zelenskyy": 2, "soldiers": 9})
>>> vocab.has_prefix("zel"), vocab.has_prefix("zelenskiy")
(True, False)
>>> vocab.close_terms("zelenskiy")
('zelensky', 'zelenskyy')
>>> vocab.completions("zel", limit=5), vocab.completions("zel", limit=1)
(('zelensky', 'zelenskyy'), ())
>>> vocab.prefix_rows("zel"), vocab.prefix_rows("s"), vocab.prefix_rows("x")
(6, 9, 0)
"""

from __future__ import annotations

import bisect
import itertools
import threading
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from claimdesk.store.database.connections import connect, connect_url
from claimdesk.store.database.dialect import is_postgres_url
from claimdesk.store.database.handle import Database
from claimdesk.store.search.text_index import text_index

MAX_ALTERNATIVES = 4
LENGTH_SLACK = 2


def min_similarity(term: str) -> float:
    """How close (rapidfuzz ratio, 0..100) a vocabulary term must be to replace ``term``.

    Short words need to be closer: one edit in a four-letter word is already 25%.
    """
    if len(term) <= 4:
        return 85.0
    if len(term) <= 7:
        return 80.0
    return 75.0


@dataclass(frozen=True)
class Vocabulary:
    """Index terms sorted, with how many rows contain each, bucketed for spelling lookup."""

    terms: tuple[str, ...]
    docs: tuple[int, ...]
    by_letter: dict[tuple[int, int, str], tuple[str, ...]]
    """``(length, position, letter)`` -> the terms of that length with that first (position 0)
    or second (position 1) letter."""
    running: tuple[int, ...] = ()
    """``running[i]``: the sum of ``docs[:i]`` (so a range of terms sums in constant time)."""
    _close: dict[tuple[str, int], tuple[str, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """:meth:`close_terms` already found: a word is looked up again on every keystroke after it."""

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> Vocabulary:
        """A vocabulary from ``{term: rows containing it}``."""
        terms = tuple(sorted(counts))
        buckets: dict[tuple[int, int, str], list[str]] = {}
        for term in terms:
            for position in (0, 1):
                if position < len(term):
                    buckets.setdefault((len(term), position, term[position]), []).append(term)
        docs = tuple(counts[t] for t in terms)
        return cls(
            terms=terms,
            docs=docs,
            by_letter={key: tuple(ts) for key, ts in buckets.items()},
            running=(0, *itertools.accumulate(docs)),
        )

    def count(self, term: str) -> int:
        """Rows containing exactly ``term`` (0 if unknown)."""
        i = bisect.bisect_left(self.terms, term)
        return self.docs[i] if i < len(self.terms) and self.terms[i] == term else 0

    def has_prefix(self, prefix: str) -> bool:
        """Whether any term starts with ``prefix``."""
        i = bisect.bisect_left(self.terms, prefix)
        return i < len(self.terms) and self.terms[i].startswith(prefix)

    def prefix_rows(self, prefix: str) -> int:
        """The rows holding each term that starts with ``prefix``, summed: no fewer rows hold
        one of them (a row holding two is counted twice)."""
        lo = bisect.bisect_left(self.terms, prefix)
        hi = bisect.bisect_left(self.terms, prefix + "\U0010ffff", lo)
        return self.running[hi] - self.running[lo]

    def completions(self, prefix: str, limit: int) -> tuple[str, ...]:
        """Every term that starts with ``prefix``, or ``()`` if there are more than ``limit``."""
        lo = bisect.bisect_left(self.terms, prefix)
        hi = bisect.bisect_left(
            self.terms, prefix + "\U0010ffff", lo, min(lo + limit + 1, len(self.terms))
        )
        found = self.terms[lo:hi]
        return found if len(found) <= limit else ()

    def close_terms(self, term: str, limit: int = MAX_ALTERNATIVES) -> tuple[str, ...]:
        """Terms spelled like ``term`` (a few edits away), most similar and most used first.

        Candidates share the first or the second letter with ``term`` (a typo rarely
        hits both), so a large vocabulary is not compared whole on every keystroke.
        """
        if len(term) < 3:
            return ()
        known = self._close.get((term, limit))
        if known is None:
            known = self._close[(term, limit)] = self._find_close_terms(term, limit)
        return known

    def _find_close_terms(self, term: str, limit: int) -> tuple[str, ...]:
        cutoff = min_similarity(term)
        found: dict[str, float] = {}
        for n in range(len(term) - LENGTH_SLACK, len(term) + LENGTH_SLACK + 1):
            for position in (0, 1):
                choices = self.by_letter.get((n, position, term[position]), ())
                for match, score, _ in process.extract(
                    term, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 4
                ):
                    if match != term:
                        found[match] = score
        ranked = sorted(found.items(), key=lambda m: (-round(m[1]), -self.count(m[0]), m[0]))
        return tuple(m[0] for m in ranked[:limit])


def load_vocabulary(db: Database) -> Vocabulary:
    """Read every term of the claims index with its row count."""
    counts = text_index(db, "claims").term_counts()
    return Vocabulary.from_counts({term: rows for term, rows, _ in counts})


class VocabularyCache:
    """One :class:`Vocabulary` per store, rebuilt when the store's generation changes.

    :meth:`get` loads a fresh one on the spot (the spelling fallback needs it);
    :meth:`peek` never waits: it hands out a fresh one if loaded, else starts a
    refresh in a background thread with its own connection to ``path``.
    """

    def __init__(self, path: str | None = None, mode: str = "rw") -> None:
        self.path = path
        self.mode = mode  # how the store opens: "rw", or read-only (see connections.open_first)
        self._lock = threading.Lock()
        self._generation: int | None = None
        self._vocab: Vocabulary | None = None
        self._loading: threading.Thread | None = None

    def get(self, db: Database, generation: int) -> Vocabulary:
        """The vocabulary for ``generation``, loading it through ``db`` if stale."""
        with self._lock:
            if self._vocab is None or self._generation != generation:
                self._vocab = load_vocabulary(db)
                self._generation = generation
            return self._vocab

    def peek(self, generation: int) -> Vocabulary | None:
        """The vocabulary for ``generation`` if loaded, without waiting; otherwise ``None``
        and a refresh starts in the background."""
        with self._lock:
            if self._generation == generation:
                return self._vocab
            if self.path is not None and not (self._loading and self._loading.is_alive()):
                self._loading = threading.Thread(
                    target=self._load_in_background, args=(generation,), daemon=True
                )
                self._loading.start()
            return None

    def wait(self) -> None:
        """Wait for a background refresh to finish (benchmarks and tests)."""
        thread = self._loading
        if thread is not None:
            thread.join()

    def _load_in_background(self, generation: int) -> None:
        assert self.path is not None  # started by peek only when there is a path
        try:
            db = (
                connect_url(self.path)
                if is_postgres_url(self.path)
                else connect(self.path, self.mode)
            )
            try:
                vocab = load_vocabulary(db)
            finally:
                db.conn.close()
        except Exception:  # noqa: BLE001 - any driver's error: the next peek tries again
            return  # the store went away or is busy, or its server is unreachable
        with self._lock:
            if self._generation is None or self._generation <= generation:
                self._vocab, self._generation = vocab, generation
