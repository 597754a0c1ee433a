"""Extraction speed, and sentence-boundary accuracy against pysbd and syntok.

Speed: MB/s of ``split_sentences`` and the whole ``extract`` on generated news-like
documents (CPU time, best of three). Accuracy: boundary precision/recall/F1 against
the source sentence boundaries of the ECB+ and GVC development documents in
``../shared/eval/crossdoc`` (skipped when absent); ECB+ text is one sentence a line,
so its line breaks are replaced by spaces first, which leaves only punctuation cues.
pysbd and syntok are measured the same way when installed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from claimdesk.store.extract.extractor import extract
from claimdesk.store.extract.sentences import split_sentences

from .common import report
from .corpus import generate_documents

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "crossdoc"


def cpu_seconds(fn: Callable[[str], object], docs: list[str], repeat: int = 3) -> float:
    """The fastest of ``repeat`` CPU-time runs of ``fn`` over every document."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            fn(doc)
        best = min(best, time.process_time() - start)
    return best


def ours(text: str) -> list[int]:
    """Sentence end offsets from claimdesk's segmenter."""
    return [s.end for s in split_sentences(text)]


def segmenters() -> dict[str, Callable[[str], list[int]]]:
    """Every segmenter to compare, by name (the third-party ones only when installed)."""
    found: dict[str, Callable[[str], list[int]]] = {"claimdesk": ours}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        found["pysbd"] = lambda text: [c.end for c in seg.segment(text)]
    except ImportError:
        pass
    try:
        from syntok import segmenter

        def syntok_ends(text: str) -> list[int]:
            return [
                sent[-1].offset + len(sent[-1].value)
                for para in segmenter.analyze(text)
                for sent in para
            ]

        found["syntok"] = syntok_ends
    except ImportError:
        pass
    return found


def load_reference(name: str, limit: int | None) -> list[tuple[str, set[int]]]:
    """``(text, sentence end offsets)`` of a crossdoc set's documents."""
    docs = []
    with open(EVAL / name / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row["text"] if name.startswith("gvc") else row["text"].replace("\n", " ")
            ends = {_trim(text, e) for _, e in row["sentences"]}
            ends.discard(len(text.rstrip()))
            docs.append((text, ends))
            if limit and len(docs) >= limit:
                break
    return docs


def _trim(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def boundary_f1(fn: Callable[[str], list[int]], docs) -> dict[str, float]:
    """Boundary precision, recall and F1 (the document end is not a boundary)."""
    tp = fp = fn_ = 0
    for text, gold in docs:
        pred = {_trim(text, e) for e in fn(text)}
        pred.discard(len(text.rstrip()))
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn_ += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn_) if tp + fn_ else 0.0
    return {
        "P": round(p, 3),
        "R": round(r, 3),
        "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
    }


def run(args) -> None:
    """Print extraction throughput and segmenter accuracy."""
    docs = [text for _, text in generate_documents(60 if args.quick else 400, seed=3)]
    size = sum(len(d) for d in docs) / 1e6
    figures: dict[str, object] = {"documents": len(docs), "MB": round(size, 2)}
    for name, fn in segmenters().items():
        subset = docs if name == "claimdesk" else docs[: max(10, len(docs) // 8)]
        sub_size = sum(len(d) for d in subset) / 1e6
        figures[f"{name} split MB/s"] = round(sub_size / cpu_seconds(fn, subset, 1), 2)
    figures["extract MB/s"] = round(size / cpu_seconds(extract, docs), 2)
    figures["extract docs/s"] = round(len(docs) / cpu_seconds(extract, docs, 1), 1)
    report("extract speed (CPU time, one core)", figures)
    if not EVAL.exists():
        print("boundary accuracy: skipped (../shared/eval is absent)")
        return
    for name, limit in (("gvc-dev", None), ("ecbplus-dev", 60 if args.quick else 300)):
        reference = load_reference(name, limit)
        report(
            f"sentence boundaries vs {name} ({len(reference)} docs)",
            {seg: str(boundary_f1(fn, reference)) for seg, fn in segmenters().items()},
        )
