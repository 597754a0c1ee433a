"""FTS5's bm25 ranking, computed in Python over the rows PostgreSQL's index matched (the
two backends rank the same rows the same way).

>>> rows = [(1, "north korean soldiers"), (2, "soldiers and soldiers"), (3, "korean food")]
>>> bm25_order(rows, [(["soldiers"], False)], [1.0], 3.0)
[2, 1, 3]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimdesk.store.database.postgres.tsquery import TOKEN
from claimdesk.store.related.matching_form import strip_diacritics

K1, B = 1.2, 0.75
"""FTS5's bm25 parameters."""


def bm25_order(
    rows: Sequence[tuple[int, str]],
    phrases: Sequence[tuple[list[str], bool]],
    weights: Sequence[float],
    average: float,
) -> list[int]:
    """The ids of ``rows`` (id and ``norm``), best first by bm25 for ``phrases`` (tokens,
    and whether the last is a prefix) weighted by their idf ``weights``, with ``average``
    tokens to a row (ties: the lower id first)."""
    scored = []
    for row_id, norm in rows:
        words = index_tokens(norm)
        score = 0.0
        for (phrase, star), idf in zip(phrases, weights, strict=True):
            hits = occurrences(words, phrase, star)
            score += idf * hits * (K1 + 1) / (hits + K1 * (1 - B + B * len(words) / average))
        scored.append((-score, row_id))
    scored.sort()
    return [row_id for _, row_id in scored]


def index_tokens(norm: str) -> list[str]:
    """The index tokens of a ``norm`` value, as both backends cut them (for bm25's counts)."""
    return TOKEN.findall(strip_diacritics(norm))


def occurrences(words: list[str], phrase: list[str], prefix: bool) -> int:
    """How many times ``phrase`` (its last token a prefix if ``prefix``) occurs in ``words``.

    >>> occurrences(["north", "korean", "korea"], ["kor"], True), occurrences(["a", "b"], ["a", "b"], False)
    (2, 1)
    """
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
