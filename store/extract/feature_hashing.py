"""The check-worthiness model's feature set, defined once for training and scoring.

A sentence becomes a sparse vector: hashed word unigrams and bigrams, hashed character
n-grams of each word (so no vocabulary is stored), and a small dense block of sentence
features taken from the extractor (figures, dates, attribution, hedges, entities, kind).
Hashes are CRC-32, so indices are the same in every process and on every machine.

>>> from claimdesk.store.extract.feature_hashing import featurize
>>> vec = featurize("Unemployment fell to 3.5 percent in 2019.", None)
>>> all(0 <= i < DIMENSION for i in vec) and len(vec) > 20
True

Change :data:`FEATURE_VERSION` whenever anything here changes what a sentence maps to; the
shipped weights record the version they were trained with, and the loader refuses a mismatch.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from typing import Any

FEATURE_VERSION = 3
"""Bumped whenever :func:`featurize` would map some sentence to a different vector."""

HASH_BITS = 20
"""Bits of the n-gram hash: 2**20 columns. With 2**18 a few hundred thousand word and character
n-grams collided often enough to cost ClaimBuster AP (0.8711 → 0.8717 and the later-debates
CLEF mean AP 0.285 → 0.292 with 2**20, same settings); the weights stay a plain list."""
HASHED = 1 << HASH_BITS
"""Size of the hashed n-gram block (indices ``0 .. HASHED-1``)."""

_MASK = HASHED - 1
_KIND_BUCKETS = 16
CHAR_SIZES = (3, 4, 5)
"""Lengths of the character n-grams taken from each ``<word>`` (padded with ``<`` ``>``)."""

DENSE_NAMES: tuple[str, ...] = (
    "has_number",
    "numbers",
    "number_qualified",
    "number_counts_something",
    "has_date",
    "date_absolute",
    "date_relative",
    "has_source",
    "has_cue",
    "has_hedge",
    "has_entity",
    "entities",
    "has_quote",
    "question",
    "len_lt5",
    "len_5_9",
    "len_10_19",
    "len_20_39",
    "len_40_plus",
    "debate_domain",
)
"""Names of the dense sentence features, in column order after the hashed block."""

DENSE_START = HASHED
"""First column of the dense sentence features."""
DENSE_COLUMN: dict[str, int] = {name: DENSE_START + i for i, name in enumerate(DENSE_NAMES)}
"""Column of each dense sentence feature."""
KIND_START = DENSE_START + len(DENSE_NAMES)
"""First of the columns the extractor's ``kind`` label is hashed into."""
DIMENSION = KIND_START + _KIND_BUCKETS
"""Total number of columns: hashed n-grams, dense sentence features, hashed ``kind``."""

DOMAIN_COLUMN = DENSE_COLUMN["debate_domain"]
"""Set only at training time for debate transcripts whose label means "a fact-checker chose
it"; product scoring leaves it at zero (see docs/EVALUATION.md)."""

# Kept to one character class: this regex is most of the scorer's time.
_TOKEN = re.compile(r"[\w']+|[$%?!\"“”€£]")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"[\"“”«»]")
_ASCII_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


def stable_hash(text: str) -> int:
    """A 32-bit hash of ``text`` that does not change between processes (CRC-32 of UTF-8)."""
    return zlib.crc32(text.encode("utf-8"))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; every digit becomes ``0`` so ``3,000`` and ``7,500`` share a shape.

    >>> tokens("Sales rose 12% to $3,400 in 2019?")
    ['sales', 'rose', '00', '%', 'to', '$', '0', '000', 'in', '0000', '?']
    """
    low = text.lower()
    if low.isascii():  # most sentences: one translate instead of a regex substitution
        return _TOKEN.findall(low.translate(_ASCII_DIGITS_TO_ZERO))
    return _TOKEN.findall(_DIGIT.sub("0", low.replace("’", "'")))


def word_key(token: str) -> int:
    """The full 32-bit hash of a token, used for its unigram and to combine bigrams."""
    return stable_hash("w " + token)


def char_indices(token: str) -> tuple[int, ...]:
    """Hashed indices of the character n-grams of ``<token>`` (every one, repeats kept)."""
    padded = "<" + token + ">"
    out = []
    for size in CHAR_SIZES:
        for i in range(len(padded) - size + 1):
            out.append(stable_hash("c " + padded[i : i + size]) & _MASK)
    return tuple(out)


def bigram_left(key: int) -> int:
    """The part of a bigram's hash contributed by its left word."""
    return key * 0x9E3779B1


def bigram_right(key: int) -> int:
    """The part of a bigram's hash contributed by its right word."""
    return key ^ (key >> 15)


def bigram_index(left_key: int, right_key: int) -> int:
    """Hashed index of a word bigram from its two word keys (order matters).

    The scorer caches :func:`bigram_left` and :func:`bigram_right` per word and combines
    them the same way.
    """
    return (bigram_left(left_key) ^ bigram_right(right_key)) & _MASK


def _field(features: Any, name: str) -> Any:
    if features is None:
        return None
    if isinstance(features, dict):
        return features.get(name)
    return getattr(features, name, None)


def _none(_name: str, default: Any = None) -> Any:
    return default


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list | tuple) else (1 if value else 0)


def _get(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def dense_values(text: str, features: Any, n_tokens: int) -> dict[str, float]:
    """The non-zero dense sentence features, by name, from the extractor's ``features``.

    ``features`` may be the extractor's per-sentence features object, an
    ``ExtractedSentence``, a dict with the same field names, or ``None`` (text only). Only
    fields both of the first two carry are read (``numbers``, ``dates``, ``source``, ``cue``,
    ``hedge``, ``entities``, ``kind``), so training on bare sentences and scoring during
    ingest see the same thing.
    """
    field: Callable[..., Any]
    if features is None:
        field = _none
    elif isinstance(features, dict):
        field = features.get
    else:
        field = partial(getattr, features)
    numbers = field("numbers", None) or ()
    dates = field("dates", None) or ()
    entities = field("entities", None) or ()
    out: dict[str, float] = {}
    if numbers:
        out["has_number"] = 1.0
        out["numbers"] = min(len(numbers), 4) / 4
        if any(_get(n, "qualifier") for n in numbers):
            out["number_qualified"] = 1.0
        if any(_get(n, "counts") for n in numbers):
            out["number_counts_something"] = 1.0
    if dates:
        out["has_date"] = 1.0
        if any(_get(d, "value") for d in dates):
            out["date_absolute"] = 1.0
        if any(_get(d, "relative") for d in dates):
            out["date_relative"] = 1.0
    # A source carried over from an earlier sentence is context, not this sentence's own
    # attribution; bare training sentences never carry one.
    own_source = not field("source_carried", None)
    for name in ("source", "cue"):
        if own_source and field(name, None):
            out["has_" + name] = 1.0
    if field("hedge", None):
        out["has_hedge"] = 1.0
    if entities:
        out["has_entity"] = 1.0
        out["entities"] = min(_count(entities), 4) / 4
    if _QUOTE.search(text):
        out["has_quote"] = 1.0
    if text.rstrip().endswith("?"):
        out["question"] = 1.0
    out[_length_bucket(n_tokens)] = 1.0
    return out


def _length_bucket(n_tokens: int) -> str:
    if n_tokens < 5:
        return "len_lt5"
    if n_tokens < 10:
        return "len_5_9"
    if n_tokens < 20:
        return "len_10_19"
    if n_tokens < 40:
        return "len_20_39"
    return "len_40_plus"


def kind_index(features: Any) -> int | None:
    """Column of the extractor's ``kind`` label (hashed into a few buckets), if it has one."""
    kind = _field(features, "kind")
    return _kind_column(str(kind)) if kind else None


@lru_cache(maxsize=64)
def _kind_column(kind: str) -> int:
    return KIND_START + stable_hash("k " + kind) % _KIND_BUCKETS


def featurize(text: str, features: Any, debate_domain: bool = False) -> dict[int, float]:
    """The sparse feature vector of one sentence as ``{column: value}``.

    N-gram counts are scaled by ``1/sqrt(n)`` (``n`` = tokens for words, character n-grams for
    characters) so long sentences do not dominate; the scorer relies on this exact form.
    """
    toks = tokens(text)
    vec: dict[int, float] = {}
    n = max(1, len(toks))
    word_scale = 1.0 / math.sqrt(n)
    keys = [word_key(t) for t in toks]
    for key in keys:
        _add(vec, (key & _MASK,), word_scale)
    _add(vec, (bigram_index(a, b) for a, b in zip(keys, keys[1:], strict=False)), word_scale)
    grams = [i for t in toks for i in char_indices(t)]
    if grams:
        _add(vec, grams, 1.0 / math.sqrt(len(grams)))
    for name, value in dense_values(text, features, len(toks)).items():
        vec[DENSE_COLUMN[name]] = value
    kind = kind_index(features)
    if kind is not None:
        vec[kind] = 1.0
    if debate_domain:
        vec[DOMAIN_COLUMN] = 1.0
    return vec


def _add(vec: dict[int, float], indices: Iterable[int], value: float) -> None:
    for i in indices:
        vec[i] = vec.get(i, 0.0) + value
