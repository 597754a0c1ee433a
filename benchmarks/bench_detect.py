"""Check-worthiness scoring speed: sentences per second of ``checkworthy.score`` on one core.

The sentences come from generated news-like documents (and, when ``../shared/eval`` is
present, the ClaimBuster development sentences, whose vocabulary is wider); their extractor
features are computed first and not timed. Figures are CPU time, best of three runs, with
the model's per-word cache warm (as during a long ingest) and cleared before every run.
The target is at least 20,000 sentences/s in the steady state (warm cache); the cold figure
is the worst case, every word seen for the first time in the run.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from claimdesk.store.extract import checkworthy
from claimdesk.store.extract.extractor import extract
from claimdesk.store.extract.features import SentenceFeatures
from claimdesk.store.extract.model_inputs import features_of_text

from .common import report
from .corpus import generate_documents

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "detect"
TARGET = 20_000


def news_sentences(documents: int) -> list[str]:
    """Sentences of generated news-like documents, as the extractor splits them."""
    return [s.text for _, text in generate_documents(documents) for s in extract(text)]


def dev_sentences(limit: int) -> list[str]:
    """Up to ``limit`` ClaimBuster development sentences (empty when the data is absent)."""
    path = EVAL / "claimbuster-dev.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line, _ in zip(fh, range(limit), strict=False)]


def sentences_per_second(items: list[tuple[str, SentenceFeatures]], cold: bool) -> float:
    """Best of three CPU-time runs of scoring every item; ``cold`` clears the word cache first."""
    model = checkworthy.model()
    best = float("inf")
    for _ in range(3):
        if cold:
            model.clear_cache()
        start = time.process_time()
        for text, features in items:
            checkworthy.score(text, features)
        best = min(best, time.process_time() - start)
    return len(items) / best if best > 0 else float("inf")


def run(args) -> None:
    """Measure and print scoring throughput for each sentence source."""
    quick = getattr(args, "quick", False)
    checkworthy.model()
    sources = {
        "news-like": news_sentences(20 if quick else 200),
        "claimbuster dev": dev_sentences(1000 if quick else 8228),
    }
    figures: dict[str, object] = {}
    for name, texts in sources.items():
        if not texts:
            figures[f"{name}: skipped"] = "../shared/eval absent"
            continue
        items = [(t, SentenceFeatures.from_dict(features_of_text(t))) for t in texts]
        warm = sentences_per_second(items, cold=False)
        cold = sentences_per_second(items, cold=True)
        figures[f"{name}: sentences"] = len(items)
        figures[f"{name}: sentences/s (warm cache)"] = warm
        figures[f"{name}: sentences/s (cold cache)"] = cold
        figures[f"{name}: meets {TARGET:,}/s (warm)"] = warm >= TARGET
    figures["model file bytes"] = checkworthy.MODEL_PATH.stat().st_size
    report("check-worthiness scoring (one core, CPU time)", figures)
