"""Where a search query matched a claim: offsets of the matched words, for highlighting.

>>> Highlighter(["3000"], "zel").spans("Zelensky said 3,000 died.")
((0, 8), (14, 19))
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from claimdesk.store.folding import fold, unify_punctuation

_TEXT_WORD = re.compile(r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\w+", re.UNICODE)
_DIGIT_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009 ")


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
