"""A typed search query: its words, the FTS5 expression they make, and the dead ends met.

>>> parsed = parse_query("North Korea\u02bcs 3,000 sol")
>>> parsed
ParsedQuery(words=('north', "korea's", '3000', 'sol'), prefix=True)
>>> fts_query(parsed)
'"north" AND "korea s" AND "3000" AND "sol"*'
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from claimdesk.store.folding import fold

_QUERY_WORD = re.compile(r"\w+(?:['\-.]\w+)*", re.UNICODE)


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


def quoted(tokens: Sequence[str], star: bool) -> str:
    return '"' + " ".join(tokens) + '"' + ("*" if star else "")


def fts_query(
    parsed: ParsedQuery,
    alternatives: Mapping[str, Sequence[str]] | None = None,
    completions: Callable[[str], Sequence[str]] | None = None,
) -> str:
    """The FTS5 MATCH expression: every word (or one of its alternatives) must match.

    ``completions``, when given, gives the index terms a prefix (the last word, or one of
    its alternatives, as typed) completes to, or none; they replace the prefix query,
    which the index would answer by merging the whole posting lists of those terms.

    >>> fts_query(ParsedQuery(("zelenskiy", "sol"), True), {"zelenskiy": ["zelensky"]})
    '("zelenskiy" OR "zelensky") AND "sol"*'
    >>> terms = {"sold": ("soldier", "soldiers"), "solt": ("soltan",)}
    >>> fts_query(ParsedQuery(("sold",), True), completions=lambda w: terms.get(w, ()))
    '("soldier" OR "soldiers")'
    >>> fts_query(ParsedQuery(("solx",), True), {"solx": ["sold", "solt"]}, lambda w: terms.get(w, ()))
    '("solx"* OR "soldier" OR "soldiers" OR "soltan")'
    """
    alternatives = alternatives or {}
    out = []
    last = len(parsed.words) - 1
    for i, (word, tokens) in enumerate(zip(parsed.words, parsed.parts(), strict=True)):
        star = parsed.prefix and i == last
        options: list[str] = []
        for typed in [tokens, *([a] for a in alternatives.get(word, ()))]:
            expanded = completions(typed[0]) if star and completions and len(typed) == 1 else ()
            found = [quoted([c], False) for c in expanded] or [quoted(typed, star)]
            options += [o for o in found if o not in options]
        out.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(out)


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
