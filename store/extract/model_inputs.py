"""What the check-worthiness model reads from the extractor, for a bare sentence.

Training (``claimdesk train detect``) and ``claimdesk eval detect`` score sentences out
of any document; :func:`features_of_text` gives them the features ingest would find,
and :func:`extractor_fingerprint` summarises those features so that a test notices when
the extractor has changed under the shipped weights. This module sits above both the
extractor and :mod:`claimdesk.store.extract.checkworthy` (the extractor scores every
sentence with the model), so neither imports the other's caller.

>>> found = features_of_text("Officials said 40 people died on Monday.")
>>> found["source"], [n["value"] for n in found["numbers"]]
('Officials', [40.0])
>>> len(extractor_fingerprint())
16
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from claimdesk.store.extract.extractor import extract
from claimdesk.store.extract.feature_hashing import dense_values, kind_index, tokens


def features_of_text(text: str) -> dict[str, Any]:
    """The extractor's features for a bare sentence (as ingest would find them), as a dict.

    Used by training and ``claimdesk eval detect`` so both see exactly what ingest sees. If the
    extractor splits ``text`` into several sentences their figures, dates and names are pooled.
    """
    found: dict[str, Any] = {"numbers": [], "dates": [], "entities": []}
    for name in ("source", "cue", "hedge", "kind"):
        found[name] = ""
    for sentence in extract(text):
        for name in ("numbers", "dates", "entities"):
            found[name].extend(getattr(sentence, name))
        for name in ("source", "cue", "hedge", "kind"):
            found[name] = found[name] or getattr(sentence, name)
    return found


PROBES: tuple[str, ...] = (
    "Officials said on Monday that 40 people died in the flooding.",
    "The ministry reportedly estimated that about 3,000 homes were damaged.",
    "Unemployment fell to 3.5 percent in March 2019, the lowest in decades.",
    "“We will rebuild every bridge,” the governor told reporters.",
    "According to the census bureau, the city grew by 12% over ten years.",
    "I think this is a terrible idea.",
    "Thank you very much.",
    "Senator Maria Lopez voted against the bill twice last year.",
    "Prices may rise again next week, analysts warned.",
    "Why would anyone believe that?",
)
"""Sentences whose extractor features :func:`extractor_fingerprint` summarises."""


def extractor_fingerprint() -> str:
    """A short hash of what the model reads from the extractor for :data:`PROBES`.

    The training record keeps it; a test fails when the extractor's output for the model has
    changed since the weights were trained (retrain with ``claimdesk train detect``).
    """
    seen = []
    for text in PROBES:
        found = features_of_text(text)
        dense = sorted(dense_values(text, found, len(tokens(text))).items())
        seen.append([dense, kind_index(found)])
    return hashlib.sha256(json.dumps(seen).encode("utf-8")).hexdigest()[:16]
