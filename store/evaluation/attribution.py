"""Attribution evaluation: run the ingest attribution rules on labelled paragraphs.

Each unit is one paragraph (``{"id", "text", "attributions": [...]}``); the
prediction for it lists every attribution the extractor finds, with the source
string exactly as written in the text (pronouns such as "he" stay pronouns, as
annotators write them).

>>> predict_unit({"id": "u1", "text": 'Prices rose, the minister said. "We act," she added.'})
{'id': 'u1', 'attributions': [{'source': 'the minister', 'cue': 'said', 'content': 'Prices rose'}, {'source': 'she', 'cue': 'added', 'content': '"We act,"'}]}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from claimdesk.store.evaluation import span_metrics
from claimdesk.store.extract.extractor import extract_attributions
from claimdesk.store.extract.sentences import split_sentences

FIGURES: tuple[str, ...] = (
    "source_exact_f1",
    "source_lenient_f1",
    "cue_exact_f1",
    "cue_lenient_f1",
    "source_exact_precision",
    "source_exact_recall",
    "missing",
)
"""The figures ``claimdesk eval attribution`` reports on its last line, in order."""


def predict_unit(unit: Mapping[str, Any]) -> dict[str, Any]:
    """The prediction line for one unit: ``{"id", "attributions": [{"source", "cue", "content"}]}``."""
    text = unit.get("text") or ""
    found = extract_attributions(text)
    return {
        "id": str(unit["id"]),
        "attributions": [
            {
                "source": a.source,
                "cue": a.cue,
                "content": text[a.content_start : a.content_end].strip(),
            }
            for a in found
        ],
    }


def predict(
    units: Iterable[Mapping[str, Any]], progress: Callable[[int], None] | None = None
) -> list[dict[str, Any]]:
    """Predictions for every unit, in order; ``progress(1)`` is called after each."""
    out = []
    for unit in units:
        out.append(predict_unit(unit))
        if progress is not None:
            progress(1)
    return out


def score(gold: list[Mapping[str, Any]], predictions: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Source and cue precision/recall/F1 (exact and lenient), as the reference scorer defines them."""
    return span_metrics.attribution_metrics(gold, {str(p["id"]): p for p in predictions})


def count_sentences(units: Iterable[Mapping[str, Any]]) -> int:
    """How many sentences the units hold (for throughput figures)."""
    return sum(len(split_sentences(u.get("text") or "")) for u in units)
