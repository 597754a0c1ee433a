"""Check-worthiness: how much a sentence is worth checking, from 0 to 1.

:func:`score` runs the shipped logistic-regression model (``store/data/checkworthy.json.gz``,
trained by ``claimdesk train detect``) over the sentence's hashed word and character
n-grams and the extractor's features (:mod:`claimdesk.store.extract.feature_hashing` defines them). Two thresholds
read the same score:

- :data:`CHECK_WORTHY_THRESHOLD` (0.5) is the benchmark decision "worth checking", as the
  ClaimBuster coders used it; the threshold chosen by cross-validation is folded into the
  model's intercept, so it is always 0.5. ``claimdesk eval detect`` reports it.
- :data:`CLAIM_THRESHOLD` (lower) decides which sentences of a news document are listed
  as claims at ingest. News prose reports something in nearly every sentence, and a
  reader who checks a story must not lose a reported fact because it scores below the
  debate-calibrated cut; the score still orders and shades the claims, and the reader's
  minimum-score filter hides the weak ones.

What the model reads from the extractor for a bare sentence is
:func:`claimdesk.store.extract.model_inputs.features_of_text` (a module above both this one
and the extractor, which calls :func:`score`):

>>> from claimdesk.store.extract.model_inputs import features_of_text
>>> text = "Unemployment fell to 3.5 percent last year."
>>> score(text, features_of_text(text)) > score("Thank you all very much.", None)
True
>>> 0.0 <= score("What preceded", None) <= 1.0
True
"""

from __future__ import annotations

import base64
import gzip
import json
import math
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimdesk.store.extract.feature_hashing import (
    DENSE_COLUMN,
    DIMENSION,
    FEATURE_VERSION,
    HASHED,
    bigram_left,
    bigram_right,
    char_indices,
    dense_values,
    kind_index,
    tokens,
    word_key,
)

CHECK_WORTHY_THRESHOLD = 0.5
"""Sentences scoring at or above this are check-worthy (the detection benchmarks' decision)."""

CLAIM_THRESHOLD = 0.06
"""Sentences of an ingested document scoring at or above this are listed as claims.

The highest threshold at which claims cover as many of the event mentions of the
development news sets (ECB+, GVC) as before the current model (96.9% and 98.0%), while
questions, greetings and other sentences that state nothing stay out. Re-chosen whenever
the model is retrained (its probabilities shift).
"""

MODEL_PATH = Path(__file__).resolve().parent / "data" / "checkworthy.json.gz"
"""Where the shipped weights live (package data)."""

_CACHE_LIMIT = 200_000
_MASK = HASHED - 1


@dataclass
class Model:
    """Weights of the check-worthiness model and what they were trained from.

    ``meta`` holds the training record (data files and hashes, settings, cross-validation
    figures); ``intercept`` already includes the shift that puts the decision at 0.5.
    """

    weights: list[float]
    intercept: float
    meta: dict[str, Any]
    _words: dict[str, tuple[int, int, float, float, int]] = field(default_factory=dict, repr=False)

    @property
    def feature_version(self) -> int:
        """The :data:`claimdesk.store.extract.feature_hashing.FEATURE_VERSION` the weights were trained with."""
        return int(self.meta.get("feature_version", -1))

    def margin(self, text: str, features: Any) -> float:
        """The linear score (log-odds) of ``text``; equals ``w . featurize(text) + intercept``."""
        weights = self.weights
        words = self._words
        toks = tokens(text)
        word_sum = char_sum = 0.0
        char_n = 0
        prev_left = None
        for tok in toks:
            entry = words.get(tok)
            if entry is None:
                entry = self._word(tok)
            left, right, unigram, char_weight, grams = entry
            word_sum += unigram
            if prev_left is not None:
                word_sum += weights[(prev_left ^ right) & _MASK]  # hashing.bigram_index
            char_sum += char_weight
            char_n += grams
            prev_left = left
        z = self.intercept + word_sum / math.sqrt(max(1, len(toks)))
        if char_n:
            z += char_sum / math.sqrt(char_n)
        for name, value in dense_values(text, features, len(toks)).items():
            z += weights[DENSE_COLUMN[name]] * value
        kind = kind_index(features)
        if kind is not None:
            z += weights[kind]
        return z

    def clear_cache(self) -> None:
        """Forget the per-word cache (it refills as sentences are scored)."""
        self._words.clear()

    def _word(self, tok: str) -> tuple[int, int, float, float, int]:
        """Cache one token's bigram hash parts, unigram weight and summed n-gram weights."""
        if len(self._words) >= _CACHE_LIMIT:
            self._words.clear()
        key = word_key(tok)
        grams = char_indices(tok)
        entry = (
            bigram_left(key),
            bigram_right(key),
            self.weights[key & _MASK],
            sum(self.weights[i] for i in grams),
            len(grams),
        )
        self._words[tok] = entry
        return entry


def probability(margin: float) -> float:
    """The logistic function, safe for large margins."""
    if margin >= 0:
        return 1.0 / (1.0 + math.exp(-margin))
    e = math.exp(margin)
    return e / (1.0 + e)


def encode_weights(weights: list[float] | Any) -> dict[str, Any]:
    """The non-zero weights as base64 ``uint32`` indices and ``float32`` values (little-endian)."""
    idx = array("I", (i for i, w in enumerate(weights) if w != 0.0))
    val = array("f", (float(weights[i]) for i in idx))
    if idx.itemsize != 4 or array("I", [1]).tobytes()[0] != 1:
        raise RuntimeError("weights encoding needs 32-bit little-endian arrays")
    return {
        "count": len(idx),
        "indices": base64.b64encode(idx.tobytes()).decode("ascii"),
        "values": base64.b64encode(val.tobytes()).decode("ascii"),
    }


def decode_weights(encoded: dict[str, Any], size: int) -> list[float]:
    """Dense weights from :func:`encode_weights` output."""
    idx = array("I")
    idx.frombytes(base64.b64decode(encoded["indices"]))
    val = array("f")
    val.frombytes(base64.b64decode(encoded["values"]))
    if len(idx) != len(val) or len(idx) != encoded["count"]:
        raise ValueError("corrupt check-worthiness weights")
    dense = [0.0] * size
    for i, w in zip(idx, val, strict=True):
        dense[i] = w
    return dense


def read_model(path: str | Path) -> Model:
    """Load a model file written by :func:`write_model`."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    size = int(raw["meta"]["dimension"])
    return Model(decode_weights(raw["weights"], size), float(raw["intercept"]), raw["meta"])


def write_model(path: str | Path, weights: Any, intercept: float, meta: dict[str, Any]) -> int:
    """Write weights and their training record; byte-identical for identical inputs. Returns bytes."""
    body = {"meta": meta, "intercept": float(intercept), "weights": encode_weights(weights)}
    data = json.dumps(body, sort_keys=True, indent=1).encode("utf-8")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    Path(path).write_bytes(packed)
    return len(packed)


_current: Model | None = None


def model() -> Model:
    """The model in use: the shipped one, loaded on first use (or one set by :func:`install`)."""
    global _current
    if _current is None:
        loaded = read_model(MODEL_PATH)
        if len(loaded.weights) != DIMENSION:
            raise ValueError(
                f"{MODEL_PATH.name} has {len(loaded.weights)} columns, the feature code "
                f"{DIMENSION}; run `claimdesk train detect`"
            )
        _current = loaded
    return _current


def install(replacement: Model | None) -> None:
    """Use ``replacement`` from now on in this process (``None``: reload the shipped file).

    Training installs a blank model while it collects features, so that it does not depend on
    the weights it is about to replace.
    """
    global _current
    _current = replacement


def blank_model() -> Model:
    """A model with every weight zero (scores 0.5 everywhere)."""
    return Model([0.0] * DIMENSION, 0.0, {"feature_version": FEATURE_VERSION})


def score(text: str, features: Any) -> float:
    """Check-worthiness of ``text`` in 0..1 (higher = more worth checking).

    ``features`` is the extractor's :class:`claimdesk.store.extract.features.SentenceFeatures` for the
    sentence (``None`` scores the text alone).
    """
    return probability(model().margin(text, features))
