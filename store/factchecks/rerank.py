"""Second stage of "checked before": the best candidates re-scored by character 4-grams.

The related-claims score (:mod:`claimdesk.store.related.scoring`) counts whole words in
common. A post and the fact-check of its claim often share a word's stem but not the
word (``photoshopped`` / ``Photoshop``, ``miscarry`` / ``miscarriages``,
``#Pizzagate`` / ``pizza``), and a tweet's long tail of other words dilutes what the
two share. The best :data:`RERANK_DEPTH` matches are therefore scored again: the
cosine of tf-idf vectors of the character 4-grams of their informative words (each
word marked ``<word>`` at its edges), with idf over the stored fact-checks, added to
the first score with the weight :data:`W_GRAMS`.

A tweet's "— name (@handle) date" trailer and its links are left out of this stage
(:func:`post_body`): the first stage already weighs who posted it, and here its date
would favour every fact-check of the same month.

>>> table = GramTable()
>>> pool = ["Trump campaign photoshopped a hat on a man", "A whale was seen in the Thames"]
>>> table.load(pool)
>>> q = table.vector("Did they Photoshop the hat?")
>>> cosine(q, table.vector(pool[0])) > cosine(q, table.vector(pool[1])) == 0.0
True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from claimdesk.store.related.matching_form import fts_tokens, informative, norm_tokens

GRAM = 4
"""Length of the character n-grams compared (3 and 5 did worse on the development queries)."""

W_GRAMS = 50.0
"""Weight of the 4-gram cosine (0..1) added to the first score (0..100). On the CLEF-2020
development queries, 5-fold cross-validation (three shuffles, 15 held-out folds) chose
50 or 80 in every fold: held-out MAP@5 0.863 (sd 0.017 over folds) against 0.848 (sd
0.016) for the first stage alone, a gain of +0.015 (sd 0.008, from -0.003 to +0.029).
Over all queries MAP@5 stays between 0.861 and 0.864 for weights 30 to 100."""

RERANK_DEPTH = 30
"""How many of the first stage's best matches are scored again."""

_TRAILER = re.compile(r"\s[—–]\s*[^—–]*?\(@\w+\)[^—–]*$")
_LINK = re.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+")

Vector = dict[str, float]
"""A unit-length tf-idf vector of character n-grams."""


def post_body(text: str) -> str:
    """``text`` without a tweet's "— name (@handle) date" trailer and without links.

    >>> post_body("Sharks in the mall! pic.twitter.com/x1 — Ann (@ann) May 2, 2019")
    'Sharks in the mall!  '
    """
    match = _TRAILER.search(text)
    if match and match.start() > 0:
        text = text[: match.start()]
    return _LINK.sub(" ", text)


def char_grams(tokens: Iterable[str]) -> Counter[str]:
    """How often each character 4-gram occurs in the informative words among ``tokens``
    (:func:`~claimdesk.store.related.matching_form.fts_tokens` of a text).

    >>> sorted(char_grams(["the", "whales"]))
    ['<wha', 'ales', 'hale', 'les>', 'whal']
    """
    grams: Counter[str] = Counter()
    for token in tokens:
        grams.update(word_grams(token))
    return grams


@lru_cache(maxsize=200_000)
def word_grams(token: str) -> tuple[str, ...]:
    """The 4-grams of one token marked at its edges; none for a word that is not informative."""
    if not informative(token):
        return ()
    word = f"<{token}>"
    if len(word) <= GRAM:
        return (word,)
    return tuple(word[i : i + GRAM] for i in range(len(word) - GRAM + 1))


class GramTable:
    """Document frequencies of character 4-grams over a set of texts (the stored
    fact-checks), and tf-idf vectors of texts against them."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.count = 0
        self._idf: dict[str, float] = {}

    def load(self, texts: Iterable[str]) -> None:
        """Count the 4-grams of ``texts`` afresh (stored ``norm`` values, or any folded text)."""
        df: Counter[str] = Counter()
        count = 0
        for text in texts:
            df.update(char_grams(norm_tokens(text)).keys())
            count += 1
        self.df, self.count = df, count
        self._idf = {}

    def idf(self, gram: str) -> float:
        """``log(N / df)`` of ``gram`` (a 4-gram no stored text has counts as if one had)."""
        value = self._idf.get(gram)
        if value is None:
            value = self._idf[gram] = math.log(max(self.count, 1) / (self.df.get(gram) or 1))
        return value

    def vector(self, text: str, *, stored: bool = False) -> Vector:
        """The unit-length tf-idf vector of ``text``'s 4-grams (``1 + log tf``, ``log(N / df)``);
        ``stored``: ``text`` is a stored ``norm`` value (already folded and cleaned)."""
        idf = self.idf
        tokens = norm_tokens(text) if stored else fts_tokens(text)
        weights = {
            gram: (1.0 + math.log(tf)) * idf(gram) if tf > 1 else idf(gram)
            for gram, tf in char_grams(tokens).items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {g: w / norm for g, w in weights.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit vectors (their dot product)."""
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(g, 0.0) for g, w in a.items())


def rescore(first: float, query: Vector, check: Vector) -> float:
    """The final score of a match: its first score plus the weighted 4-gram cosine,
    back on the 0..100 scale."""
    return (first + W_GRAMS * cosine(query, check)) / (1.0 + W_GRAMS / 100.0)


def figures(text: str) -> frozenset[str]:
    """The counts and amounts ``text`` states, as digits: years (1900-2099) left out, as a
    post and its fact-check often date it differently.

    >>> sorted(figures("Ninety swimmers died in 2018, 12 of them at night"))
    ['12', '90']
    """
    return frozenset(
        t for t in fts_tokens(text) if t.isdigit() and not (len(t) == 4 and t[:2] in ("19", "20"))
    )


def other_figures(wanted: frozenset[str], best: frozenset[str], check: frozenset[str]) -> bool:
    """Whether a lower match states other figures than the text where the best match
    states the text's own: then it is probably another claim about the same thing.

    >>> other_figures(frozenset({"90"}), frozenset({"90"}), frozenset({"12"}))
    True
    >>> other_figures(frozenset({"90"}), frozenset({"12"}), frozenset({"15"}))
    False
    """
    return bool(wanted & best) and bool(check) and not wanted & check
