"""Check-worthiness: how much a sentence is worth checking, from 0 to 1.

:func:`score` takes the sentence text and its :class:`store.features.SentenceFeatures`;
a sentence is a claim when its score reaches :data:`CLAIM_THRESHOLD`. This version
is a transparent feature-based rule set; a trained model replaces the body of
:func:`score` behind the same signature.

>>> from store.features import sentence_features
>>> round(score("40 people died.", sentence_features("40 people died.", numbers=[{"value": 40.0}])), 2)
0.65
>>> score("What preceded", sentence_features("What preceded", is_heading=True)) < CLAIM_THRESHOLD
True
"""

from __future__ import annotations

from .features import SentenceFeatures

CLAIM_THRESHOLD = 0.5
"""Sentences scoring at or above this are claims."""


def score(text: str, features: SentenceFeatures) -> float:
    """Check-worthiness of ``text`` in 0..1 (higher = more worth checking)."""
    if features.is_heading or features.word_count < 3:
        return 0.05
    value = 0.3
    if features.numbers:
        value += 0.35
    if features.dates:
        value += 0.1
    if features.source and not features.source_carried:
        value += 0.2
    elif features.source:
        value += 0.1
    if features.entities:
        value += min(0.15, 0.05 * len(features.entities))
    if features.event:
        value += 0.1
    if features.hedge:
        value -= 0.05
    if features.opinion and not features.numbers:
        value -= 0.1
    if features.is_question:
        value -= 0.25
    if features.word_count < 6:
        value -= 0.1
    return max(0.0, min(1.0, value))
