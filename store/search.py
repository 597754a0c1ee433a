"""Keystroke search over all claims: FTS5 with prefix matching and a spelling fallback.

Every word of the query must match, except the commonest function words ("the",
"of", ...) beside other words (see :func:`required`); the last one is a prefix while
it is being typed (no trailing space). Words are folded like the index (case, apostrophes,
quotes, ``3,000`` -> ``3000``), and a word with inner apostrophes, hyphens or dots
(``Korea's``, ``year-old``, ``U.S.``) becomes a phrase. Nothing typed is ever
passed to FTS5 as syntax. When a word is not in the index at all, close spellings
from the index vocabulary replace it (``Zelenskiy`` finds ``Zelensky``).

Broad queries stay fast: the index has prefix indexes for one to three letters
(migration ``m002``), and only the newest :data:`CANDIDATE_CAP` matching claims
are ranked (see :func:`ranked_ids`).

>>> from store import Store
>>> store = Store.open(":memory:")
>>> _ = store.add_text("Zelensky said 3,000 soldiers were killed.", title="t")
>>> [h.claim.text for h in store.search("zelen")]
['Zelensky said 3,000 soldiers were killed.']
>>> hit = store.search("Zelenskiy 3000")[0]
>>> hit.fuzzy, [hit.claim.text[s:e] for s, e in hit.spans]
(True, ['Zelensky', '3,000'])
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlite_utils

from .models import SearchHit
from .rows import CLAIM_COLUMNS, claim_from_row
from .search_vocab import Vocabulary, VocabularyCache
from .textnorm import fold, unify_punctuation

CANDIDATE_CAP = 250
"""At most this many matching claims, the newest, are ranked for one query."""

INDEXED_PREFIX = 3
"""Prefixes up to this long have their own FTS5 prefix index (migration ``m002``)."""

MAX_COMPLETIONS = 64
"""A longer prefix is expanded to its terms from the vocabulary if it has at most this many."""

FUZZY_BELOW = 3
"""Below this many hits, words missing from the index are respelled and the query re-run."""

RESPELL_KNOWN_MIN = 6
"""With fewer than :data:`FUZZY_BELOW` hits, known words this long are respelled too."""

_QUERY_WORD = re.compile(r"\w+(?:['\-.]\w+)*", re.UNICODE)
_TEXT_WORD = re.compile(r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\w+", re.UNICODE)
_DIGIT_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009 ")
_CLAIM_SELECT = ", ".join("c." + c.strip() for c in CLAIM_COLUMNS.split(","))


@dataclass(frozen=True)
class ParsedQuery:
    """A typed query as index words: ``words`` in order, the last a prefix if ``prefix``."""

    words: tuple[str, ...]
    prefix: bool

    def parts(self) -> list[tuple[str, ...]]:
        """Each word as its index tokens (a word with inner punctuation is a phrase)."""
        return [tuple(re.findall(r"\w+", w)) for w in self.words]


def parse_query(query: str) -> ParsedQuery:
    """Split a typed query into folded words; the last is a prefix unless a space follows it.

    >>> parse_query("North Korea\u02bcs 3,000 sol")
    ParsedQuery(words=('north', "korea's", '3000', 'sol'), prefix=True)
    """
    words = tuple(_QUERY_WORD.findall(fold(query)))
    return ParsedQuery(words=words, prefix=bool(words) and not query[-1:].isspace())


FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "by", "with", "from",
     "as", "is", "was", "were", "are", "be", "been", "that", "this", "it", "its"}
)  # fmt: skip
"""Words that nearly every claim contains: required only when the query has nothing else.
Asking FTS5 for them means walking their posting lists, the longest in the index, on every
keystroke; the claims that have the words in the order typed still rank first."""


def required(parsed: ParsedQuery) -> ParsedQuery:
    """``parsed`` without its complete :data:`FUNCTION_WORDS` (a last word being typed stays).

    >>> required(parse_query("the ministry of health sa"))
    ParsedQuery(words=('ministry', 'health', 'sa'), prefix=True)
    >>> required(parse_query("the of")), required(parse_query("ministry of"))
    (ParsedQuery(words=('the', 'of'), prefix=True), ParsedQuery(words=('ministry', 'of'), prefix=True))
    """
    last = len(parsed.words) - 1
    kept = tuple(
        w
        for i, w in enumerate(parsed.words)
        if w not in FUNCTION_WORDS or (parsed.prefix and i == last)
    )
    if not kept or all(w in FUNCTION_WORDS for w in kept):
        return parsed
    return ParsedQuery(words=kept, prefix=parsed.prefix and kept[-1] == parsed.words[-1])


def query_terms(query: str) -> list[str]:
    """The index tokens of a typed query, folded like the index."""
    return [t for part in parse_query(query).parts() for t in part]


def _quoted(tokens: Sequence[str], star: bool) -> str:
    return '"' + " ".join(tokens) + '"' + ("*" if star else "")


def fts_query(
    parsed: ParsedQuery,
    alternatives: Mapping[str, Sequence[str]] | None = None,
    completions: Sequence[str] = (),
) -> str:
    """The FTS5 MATCH expression: every word (or one of its alternatives) must match.

    ``completions``, when given, are the index terms the last (prefix) word can
    complete to; they replace the prefix query, which FTS5 would answer by merging
    the whole posting lists of those terms.

    >>> fts_query(ParsedQuery(("zelenskiy", "sol"), True), {"zelenskiy": ["zelensky"]})
    '("zelenskiy" OR "zelensky") AND "sol"*'
    >>> fts_query(ParsedQuery(("sold",), True), completions=["soldier", "soldiers"])
    '("soldier" OR "soldiers")'
    """
    alternatives = alternatives or {}
    out = []
    last = len(parsed.words) - 1
    for i, (word, tokens) in enumerate(zip(parsed.words, parsed.parts(), strict=True)):
        star = parsed.prefix and i == last
        if star and completions:
            options = [_quoted([c], False) for c in completions]
        else:
            options = [_quoted(tokens, star)]
            options += [_quoted([a], star) for a in alternatives.get(word, ())]
        out.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(out)


def prefix_completions(parsed: ParsedQuery, vocab: Vocabulary | None) -> tuple[str, ...]:
    """The vocabulary terms that the last word, typed as a prefix, completes to.

    Empty when FTS5 answers the prefix cheaply itself (up to :data:`INDEXED_PREFIX`
    letters, a phrase), when there are too many, or with no vocabulary yet.
    """
    if vocab is None or not parsed.prefix:
        return ()
    word = parsed.words[-1]
    if len(word) <= INDEXED_PREFIX or not word.isalnum():
        return ()
    return vocab.completions(word, MAX_COMPLETIONS)


def ranked_ids(db: sqlite_utils.Database, match: str, phrase: str, limit: int) -> list[int]:
    """Ids of the best ``limit`` claims for a MATCH expression, best first.

    Only the newest :data:`CANDIDATE_CAP` matching claims are read (FTS5 walks its
    index newest first and stops there). They are ranked by phrase order, length
    and age, not bm25: bm25 reads the whole posting list of every query word to
    weigh it, which costs as much as the word is common, on every keystroke.
    """
    # Sort key: the words typed in that order first, then shorter claims (the
    # words weigh more in them), then newer ones.
    rows = db.execute(
        "SELECT instr(c.norm, ?) = 0, length(c.norm), -c.id"
        " FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid"
        " WHERE claims_fts MATCH ? AND c.is_claim = 1"
        " ORDER BY claims_fts.rowid DESC LIMIT ?",
        [phrase, match, CANDIDATE_CAP],
    ).fetchall()
    rows.sort()
    return [-r[2] for r in rows[:limit]]


def load_hits(
    db: sqlite_utils.Database, ids: Sequence[int], highlighter: Highlighter, fuzzy: bool
) -> list[SearchHit]:
    """Search hits for claim ``ids`` (in that order) with their document titles and spans."""
    if not ids:
        return []
    rows = db.execute(
        f"SELECT {_CLAIM_SELECT}, d.title FROM claims c JOIN documents d ON d.id = c.doc_id"
        f" WHERE c.id IN ({', '.join('?' * len(ids))})",
        list(ids),
    ).fetchall()
    by_id = {r[0]: r for r in rows}
    hits = []
    for claim_id in ids:
        row = by_id.get(claim_id)
        if row is None:
            continue
        claim = claim_from_row(row[:-1])
        hits.append(
            SearchHit(
                claim=claim,
                doc_title=row[-1],
                terms=highlighter.terms,
                fuzzy=fuzzy,
                spans=highlighter.spans(claim.text),
            )
        )
    return hits


class Highlighter:
    """Finds the words of a claim that a query matched: ``terms`` whole, ``prefix`` as a start.

    >>> Highlighter(["3000"], "zel").spans("Zelensky said 3,000 died.")
    ((0, 8), (14, 19))
    """

    def __init__(self, terms: Sequence[str], prefix: str = ""):
        self.terms = tuple(terms)
        self.prefix = prefix
        options = sorted({_term_pattern(_index_key(t)) for t in terms if t}, key=len, reverse=True)
        if prefix:
            options.append(re.escape(_index_key(prefix)) + r"\w*")
        alternation = "|".join(options)
        self._ascii = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I) if options else None

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` offsets into ``text`` of the matched words."""
        if self._ascii is None:
            return ()
        if text.isascii():  # one regular expression; other text is folded word by word
            return tuple(m.span() for m in self._ascii.finditer(text))
        return match_spans(text, self.terms, self.prefix)


def _term_pattern(key: str) -> str:
    """A regular expression for an index term in ASCII text (``3000`` also as ``3,000``)."""
    if not (key.isdigit() and len(key) > 3):
        return re.escape(key)
    head = len(key) % 3 or 3
    return key[:head] + "".join("[, ]?" + key[i : i + 3] for i in range(head, len(key), 3))


def _index_key(word: str) -> str:
    """A word of claim text as the index sees it: folded, no diacritics, no digit separators."""
    if word[:1].isdigit():
        word = word.translate(_DIGIT_SEPARATORS)
    if word.isascii():
        return word.lower()
    word = fold(word)
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_spans(text: str, terms: Sequence[str], prefix: str = "") -> tuple[tuple[int, int], ...]:
    """``(start, end)`` offsets into ``text`` of the words that match ``terms`` or start with ``prefix``.

    >>> match_spans("Zelensky said 3,000 died.", ["3000"], "zel")
    ((0, 8), (14, 19))
    """
    wanted = {_index_key(t) for t in terms}
    prefix = _index_key(prefix) if prefix else ""
    firsts = {k[:1] for k in wanted} | {prefix[:1]}
    spans = []
    for m in _TEXT_WORD.finditer(unify_punctuation(text)):
        word = m.group()
        if word.isascii() and word[:1].lower() not in firsts:
            continue  # cannot match: skip the full folding
        key = _index_key(word)
        if key in wanted or (prefix and key.startswith(prefix)):
            spans.append((m.start(), m.end()))
    return tuple(spans)


def unknown_words(
    db: sqlite_utils.Database, parsed: ParsedQuery, vocab: Vocabulary | None = None
) -> list[str]:
    """Single-token words of the query that match no row of the index at all.

    Answered from ``vocab`` (the index's terms) when it is fresh, else by FTS5.
    """
    unknown = []
    for i, (word, tokens) in enumerate(zip(parsed.words, parsed.parts(), strict=True)):
        star = parsed.prefix and i == len(parsed.words) - 1
        if len(tokens) != 1:
            continue
        if vocab is not None:
            found = vocab.has_prefix(tokens[0]) if star else vocab.count(tokens[0]) > 0
        else:
            found = db.execute(
                "SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT 1", [_quoted(tokens, star)]
            ).fetchone()
        if not found:
            unknown.append(word)
    return unknown


class DeadEnds:
    """Typed queries that matched no claim, for one state of the store (its documents and
    its review edits, which make sentences claims or not).

    Typing on never makes them match: a longer last word, or more words after it,
    only narrow an AND query. The next keystrokes skip straight to the spelling
    fallback instead of asking the index again.

    >>> ends = DeadEnds()
    >>> ends.add((1, 0), parse_query("north korean s"))
    >>> ends.covers((1, 0), parse_query("north korean sol"))
    True
    >>> ends.covers((1, 0), parse_query("north kor")), ends.covers((1, 1), parse_query("north korean"))
    (False, False)
    """

    SIZE = 256
    """How many dead ends are kept."""

    def __init__(self) -> None:
        self._state: object = None
        self._queries: OrderedDict[ParsedQuery, None] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, state: object, parsed: ParsedQuery) -> None:
        """Remember that ``parsed`` matched nothing in the store's ``state``."""
        with self._lock:
            if state != self._state:
                self._queries.clear()
                self._state = state
            self._queries[parsed] = None
            if len(self._queries) > self.SIZE:
                self._queries.popitem(last=False)

    def covers(self, state: object, parsed: ParsedQuery) -> bool:
        """Whether ``parsed`` can match nothing because a dead end it narrows matched nothing."""
        with self._lock:
            if state != self._state:
                return False
            return any(_narrows(parsed, end) for end in self._queries)


def _narrows(query: ParsedQuery, end: ParsedQuery) -> bool:
    """Whether every claim ``query`` matches is matched by ``end`` too."""
    n = len(end.words)
    if len(query.words) < n or query.words[: n - 1] != end.words[:-1]:
        return False
    word, last = query.words[n - 1], end.words[-1]
    if not end.prefix:
        return word == last
    # a prefix narrows only to a longer prefix or a whole word, not back to a prefix of itself
    return word.startswith(last) and word.isalnum() and last.isalnum()


def search_claims(
    db: sqlite_utils.Database,
    query: str,
    limit: int = 50,
    *,
    vocabulary: VocabularyCache | None = None,
    generation: int = 0,
    dead_ends: DeadEnds | None = None,
    edits: int = 0,
) -> list[SearchHit]:
    """Claims matching every word of ``query`` (the last a prefix), best first.

    With a ``vocabulary`` cache, words missing from the index are respelled
    (the extra hits come after the exact ones, with ``fuzzy=True``). ``dead_ends``
    remembers the queries that matched nothing, for the keystrokes that follow, while
    ``generation`` and ``edits`` (the newest review edit) stay the same.
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
    if dead_ends is not None and dead_ends.covers(state, wanted):
        ids = []
    else:
        ids = ranked_ids(
            db, fts_query(wanted, completions=prefix_completions(wanted, fresh)), phrase, limit
        )
        if not ids and dead_ends is not None:
            dead_ends.add(state, wanted)
    hits = load_hits(db, ids, Highlighter(tokens, last), fuzzy=False)
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
    seen = set(ids)
    respelled = " ".join(alternatives.get(w, (w,))[0] for w in parsed.words)
    more = ranked_ids(db, fts_query(wanted, alternatives), respelled, limit)
    more = [i for i in more if i not in seen]
    highlight = tokens + [a for alts in alternatives.values() for a in alts]
    if parsed.prefix and parsed.words[-1] in alternatives:
        last = ""  # nothing starts with the misspelled last word; its alternatives stand in
    return hits + load_hits(db, more[: limit - len(hits)], Highlighter(highlight, last), fuzzy=True)
