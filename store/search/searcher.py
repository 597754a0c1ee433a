"""Keystroke search over all claims: the full-text index with prefix matching and a spelling
fallback.

Every word of the query must match, except the commonest function words ("the",
"of", ...) beside other words (see :func:`~claimdesk.store.search.query.required`); the last one is a prefix while
it is being typed (no trailing space). Words are folded like the index (case, apostrophes,
quotes, ``3,000`` -> ``3000``), and a word with inner apostrophes, hyphens or dots
(``Korea's``, ``year-old``, ``U.S.``) becomes a phrase. Nothing typed is ever
passed to FTS5 as syntax. When a word is not in the index at all, close spellings
from the index vocabulary replace it (``Zelenskiy`` finds ``Zelensky``).

Broad queries stay fast: the index has prefix indexes for one to three letters
(migration ``m002``), and only the newest :data:`CANDIDATE_CAP` matching claims
are ranked (see :func:`ranked_rows`).

>>> from claimdesk.store import Store
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Zelensky said 3,000 soldiers were killed.", title="t")
>>> [h.claim.text for h in store.search("zelen")]
['Zelensky said 3,000 soldiers were killed.']
>>> hit = store.search("Zelenskiy 3000")[0]
>>> hit.fuzzy, [hit.claim.text[s:e] for s, e in hit.spans]
(True, ['Zelensky', '3,000'])
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from claimdesk.store.database.connections import Connections
from claimdesk.store.database.handle import Database
from claimdesk.store.models import SearchHit
from claimdesk.store.search.highlight import Highlighter
from claimdesk.store.search.hit_rows import (
    HIT_JOINS,
    SearchState,
    SeenState,
    hit_columns,
    hits_from_rows,
    search_state,
)
from claimdesk.store.search.query import (
    DeadEnds,
    ParsedQuery,
    fts_query,
    parse_query,
    quoted,
    required,
)
from claimdesk.store.search.text_index import forget_lookups, text_index
from claimdesk.store.search.vocabulary import Vocabulary, VocabularyCache

CANDIDATE_CAP = 250
"""At most this many matching claims, the newest, are ranked for one query."""

MAX_COMPLETIONS = 64
"""A prefix is expanded to its terms from the vocabulary if it has at most this many (and is
long enough), unless the index prefers fewer (see
:attr:`~claimdesk.store.search.text_index.TextIndex.expanded_from`)."""

FUZZY_BELOW = 3
"""Below this many hits, words missing from the index are respelled and the query re-run."""

RESPELL_KNOWN_MIN = 6
"""With fewer than :data:`FUZZY_BELOW` hits, known words this long are respelled too."""

SEARCHABLE = (
    "(c.is_claim = 1 OR c.doc_id IN (SELECT id FROM documents"
    " WHERE language > 'en' OR (language > '' AND language < 'en')))"
)
"""What search finds: claims, and every sentence of a document in a language claims are not
extracted from yet (its sentences are all it has). The two ranges around ``'en'`` seek the
``documents_language`` index instead of scanning every document."""


def completer(
    vocab: Vocabulary | None, shortest: int = 4, most: int = MAX_COMPLETIONS
) -> Callable[[str], tuple[str, ...]] | None:
    """What a prefix completes to: the vocabulary's terms that begin it, if there are at most
    ``most``; none for a prefix shorter than ``shortest`` letters (what the index answers
    more cheaply itself: see
    :attr:`~claimdesk.store.search.text_index.TextIndex.expanded_from`). None without a
    vocabulary yet.

    >>> vocab = Vocabulary.from_counts({"world": 3, "wounded": 2, "zelensky": 1})
    >>> completer(vocab)("wo"), completer(vocab, 1)("wo"), completer(vocab, 1, 1)("wo")
    ((), ('world', 'wounded'), ())
    """
    if vocab is None:
        return None

    def complete(prefix: str) -> tuple[str, ...]:
        if len(prefix) < shortest or not prefix.isalnum():
            return ()
        return vocab.completions(prefix, most)

    return complete


def index_completer(
    db: Database, vocab: Vocabulary | None
) -> Callable[[str], tuple[str, ...]] | None:
    """:func:`completer` as the claims' index on ``db`` prefers it."""
    index = text_index(db, "claims")
    return completer(vocab, index.expanded_from, index.most_expanded)


def word_rows(
    parsed: ParsedQuery,
    vocab: Vocabulary | None,
    alternatives: Mapping[str, Sequence[str]] | None = None,
) -> list[int] | None:
    """At most how many claims hold each word of ``parsed`` (its last a prefix if so) or one
    of its ``alternatives``, from the vocabulary's row counts (a phrase: its rarest token);
    None without a vocabulary. PostgreSQL sizes its lookups by them (see
    :meth:`~claimdesk.store.search.text_index.TextIndex.newest_matches`).

    >>> vocab = Vocabulary.from_counts({"north": 40, "korean": 30, "soldier": 9, "soldiers": 7})
    >>> word_rows(parse_query("north korean sol"), vocab), word_rows(parse_query("x"), None)
    ([40, 30, 16], None)
    >>> word_rows(parse_query("nort korean"), vocab, {"nort": ["north"]})
    [40, 30]
    """
    if vocab is None:
        return None
    alternatives = alternatives or {}
    last = len(parsed.words) - 1
    found = []
    for i, (word, tokens) in enumerate(zip(parsed.words, parsed.parts(), strict=True)):
        star = parsed.prefix and i == last
        fewest = min(_rows(vocab, t, star and j == len(tokens) - 1) for j, t in enumerate(tokens))
        found.append(fewest + sum(_rows(vocab, a, star) for a in alternatives.get(word, ())))
    return found


def _rows(vocab: Vocabulary, token: str, prefix: bool) -> int:
    return vocab.prefix_rows(token) if prefix else vocab.count(token)


def ranked_rows(
    db: Database,
    match: str,
    phrase: str,
    limit: int,
    counts: Sequence[int] | None = None,
    typed: str | None = None,
    seen: bool = False,
) -> list[Any]:
    """Rows (:func:`~claimdesk.store.search.hit_rows.hit_columns`) of the best ``limit`` claims
    for a match expression, best first, with the store's state if ``seen``.

    Only the newest :data:`CANDIDATE_CAP` matching claims are read (the index is
    walked newest first and stops there). They are ranked by phrase order, length
    and age, not bm25: bm25 reads the whole posting list of every query word to
    weigh it, which costs as much as the word is common, on every keystroke. ``counts``:
    the :func:`word_rows` of the words ``match`` ANDs, when known; ``typed``: ``match``
    before its prefixes were expanded.
    """
    # Sort key: the words typed in that order first, then shorter claims (the
    # words weigh more in them), then newer ones.
    index = text_index(db, "claims")
    columns = hit_columns(seen)
    return index.best_rows(
        match, phrase, CANDIDATE_CAP, SEARCHABLE, limit, columns, HIT_JOINS, counts, typed
    )


def unknown_words(db: Database, parsed: ParsedQuery, vocab: Vocabulary | None = None) -> list[str]:
    """Single-token words of the query that match no row of the index at all.

    Answered from ``vocab`` (the index's terms) when it is fresh, else by the index.
    """
    index = text_index(db, "claims")
    unknown = []
    for i, (word, tokens) in enumerate(zip(parsed.words, parsed.parts(), strict=True)):
        star = parsed.prefix and i == len(parsed.words) - 1
        if len(tokens) != 1:
            continue
        if vocab is not None:
            found = vocab.has_prefix(tokens[0]) if star else vocab.count(tokens[0]) > 0
        else:
            found = index.any_match(quoted(tokens, star))
        if not found:
            unknown.append(word)
    return unknown


def search_claims(
    db: Database,
    query: str,
    limit: int = 50,
    *,
    vocabulary: VocabularyCache | None = None,
    generation: int = 0,
    dead_ends: DeadEnds | None = None,
    edits: int = 0,
    seen: SeenState | None = None,
) -> list[SearchHit]:
    """Claims matching every word of ``query`` (the last a prefix), best first.

    With a ``vocabulary`` cache, words missing from the index are respelled
    (the extra hits come after the exact ones, with ``fuzzy=True``). ``dead_ends``
    remembers the queries that matched nothing, for the keystrokes that follow, while
    ``generation`` and ``edits`` (the newest review edit) stay the same; ``seen``: where
    the store's state is read along with the hits.
    """
    parsed = parse_query(query)
    if not parsed.words or limit <= 0:
        return []
    tokens = [t for part in parsed.parts() for t in part]
    last = tokens[-1] if parsed.prefix else ""
    phrase = " ".join(tokens)
    fresh = vocabulary.peek(generation) if vocabulary else None
    wanted = required(parsed)
    state = (generation, edits)
    rows: list[Any] = []
    if dead_ends is None or not dead_ends.covers(state, wanted):
        match = fts_query(wanted, completions=index_completer(db, fresh))
        counts = word_rows(wanted, fresh)
        rows = ranked_rows(db, match, phrase, limit, counts, fts_query(wanted), seen is not None)
        if not rows and dead_ends is not None:
            dead_ends.add(state, wanted)
    hits = hits_from_rows(rows, Highlighter(tokens, last), False, seen)
    if seen is not None and seen.state not in (None, state):
        return hits  # the store moved since the keystroke before: searched again with it
    if len(hits) >= FUZZY_BELOW or vocabulary is None:
        return hits
    # Misspelled words first; with few hits, also respell known names ("Zelenskiy"
    # is a real spelling, and so are "Zelensky" and "Zelenskyy").
    unknown = unknown_words(db, wanted, fresh) or [
        w
        for w, part in zip(parsed.words, parsed.parts(), strict=True)
        if len(part) == 1 and len(w) >= RESPELL_KNOWN_MIN and not any(c.isdigit() for c in w)
    ]
    if not unknown:
        return hits
    vocab = vocabulary.get(db, generation)
    alternatives = {w: alts for w in unknown if (alts := vocab.close_terms(w))}
    if not alternatives:
        return hits
    found = {hit.claim.id for hit in hits}
    respelled = " ".join(alternatives.get(w, (w,))[0] for w in parsed.words)
    counts = word_rows(wanted, vocab, alternatives)
    match = fts_query(wanted, alternatives, index_completer(db, vocab))
    typed = fts_query(wanted, alternatives)
    more = ranked_rows(db, match, respelled, limit, counts, typed, seen is not None)
    more = [row for row in more if row["id"] not in found]
    highlight = tokens + [a for alts in alternatives.values() for a in alts]
    if parsed.prefix and parsed.words[-1] in alternatives:
        last = ""  # nothing starts with the misspelled last word; its alternatives stand in
    highlighter = Highlighter(highlight, last)
    return hits + hits_from_rows(more[: limit - len(hits)], highlighter, True, seen)


class ClaimSearch:
    """Keystroke search of one store, with the caches it keeps between keystrokes.

    ``vocabulary`` (the index's terms, for prefixes and misspellings) lasts until
    documents are added or removed; ``dead_ends`` (queries that matched nothing)
    until then or until the next review edit. Each keystroke assumes the store's state
    the one before it saw, reads the state along with its hits (one round trip to a server
    fewer), and searches again if it moved.
    """

    def __init__(self, connections: Connections) -> None:
        self.connections = connections
        self.vocabulary = VocabularyCache(connections.path)
        self.dead_ends = DeadEnds()
        self._states: weakref.WeakKeyDictionary[Database, SearchState] = weakref.WeakKeyDictionary()

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Claims matching ``query`` as typed (last word a prefix), best first."""
        db = self.connections.db
        assumed = self._states.get(db) or search_state(db)
        seen = SeenState()
        hits = self._search(db, query, limit, assumed, seen)
        state = seen.state or search_state(db)
        if state != assumed:
            hits = self._search(db, query, limit, state, SeenState())
        self._states[db] = state
        return hits

    def _search(
        self, db: Database, query: str, limit: int, state: SearchState, seen: SeenState
    ) -> list[SearchHit]:
        generation, edits = state
        return search_claims(
            db,
            query,
            limit,
            vocabulary=self.vocabulary,
            generation=generation,
            dead_ends=self.dead_ends,
            edits=edits,
            seen=seen,
        )

    def clear_caches(self) -> None:
        """Forget the dead ends and what the index's lookups found (benchmarks time
        keystrokes as first typed)."""
        self.dead_ends = DeadEnds()
        forget_lookups(self.connections.db)

    def prepare(self) -> None:
        """Load the vocabulary now, so the first keystrokes need not wait for it."""
        self.vocabulary.get(self.connections.db, self.connections.generation())
