""" "Checked before" speed: importing known fact-checks and asking a claim's, with and without
the sentence model, in the same run.

A pool of generated fact-checks (the generated claims of :mod:`benchmarks.stores`, one in
every ten of them, as a CSV file) is imported into a new store; the sentence model then
reads them (``Store.prepare_meaning``, timed apart: it runs once per fact-check and its
vectors are kept). Then ``Store.checked_before_text`` is asked for claims of the same
generated set, as the related pane asks it (five matches), once with words and meaning and
once with words alone, each after one untimed pass. Without a sentence model installed
only the words are measured.

    python -m benchmarks --only checked          # 2,000 fact-checks, 300 claims
    python -m benchmarks --only checked --quick  # 500 fact-checks, 100 claims
"""

from __future__ import annotations

import csv
import random
from typing import Any

from claimdesk.store import Store
from claimdesk.store.factchecks.sentence_model import why_unavailable

from .common import ms, report, scratch_dir, stopwatch, time_each
from .stores import claim_texts


def run(args: Any) -> None:
    """Benchmark entry point (``args.quick`` for a smaller pool)."""
    quick = getattr(args, "quick", False)
    pool_size, asked = (500, 100) if quick else (2000, 300)
    sentences = claim_texts(10 * pool_size).sentences
    pool = sentences[::10][:pool_size]
    queries = random.Random(3).sample([s for i, s in enumerate(sentences) if i % 10], asked)
    figures: dict[str, object] = {"fact-checks": pool_size, "claims asked": asked}
    with scratch_dir() as tmp:
        path = tmp / "pool.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["claim", "rating"])
            writer.writerows((claim, "False") for claim in pool)
        store = Store.open(tmp / "checked.db")
        with stopwatch() as imported:
            store.import_factchecks(path)
        figures["import (words), fact-checks/s"] = pool_size / imported[0]
        with stopwatch() as read:
            meaning = store.prepare_meaning()
        if meaning:
            figures["sentence model reads, fact-checks/s"] = pool_size / read[0]
        else:
            figures["sentence model"] = f"not measured: {why_unavailable()}"
        matcher = store.factcheck_matcher
        modes = [("words and meaning", True), ("words alone", False)] if meaning else []
        for label, on in modes or [("words alone", False)]:
            matcher.use_meaning = on
            for text in queries:
                store.checked_before_text(text)
            matcher.meaning.forget_texts()  # each claim's vector is computed, as when new
            timing = time_each(lambda text: store.checked_before_text(text), queries)
            figures[f"checked before, {label}: median"] = ms(timing.median)
            figures[f"checked before, {label}: p95"] = ms(timing.p95)
        store.close()
    report(f"checked before: {pool_size:,} known fact-checks", figures)
