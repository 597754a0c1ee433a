"""``claimdesk eval attribution FILE.jsonl``: measure who-said-what extraction on labelled data.

$ claimdesk eval attribution data/attribution/polnear-dev.jsonl --out attribution.jsonl

Runs the same attribution rules as ingest on every unit (paragraph) of FILE, writes
``{"id", "attributions": [{"source", "cue", "content"}]}`` lines to ``--out``, and,
when FILE has gold attributions, prints source F1 (exact and lenient) and cue F1 as
the data set's reference scorer defines them, then wall time and throughput.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from claimdesk.store.evaluation import attribution
from claimdesk.store.evaluation.jsonl import read_jsonl, write_jsonl
from claimdesk.store.evaluation.report import fmt, summary_line
from claimdesk.tui.cli.main import eval_group, predictions_option


@eval_group.command("attribution")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@predictions_option
@click.option(
    "--sample", type=int, default=None, metavar="N", help="Use only the first N units (quick runs)."
)
def eval_attribution(gold: Path, out: Path | None, sample: int | None) -> None:
    """Find attributions in every unit of GOLD and score sources and cues."""
    units = read_jsonl(gold)
    if sample is not None:
        units = units[:sample]
    start = time.perf_counter()
    with click.progressbar(
        length=len(units), label="attribution", file=sys.stderr, show_pos=True
    ) as bar:
        predictions = attribution.predict(units, progress=bar.update)
    seconds = time.perf_counter() - start
    sentences = attribution.count_sentences(units)
    if out is not None:
        write_jsonl(out, predictions)
        click.echo(f"predictions written to {out}")
    rate = sentences / seconds if seconds > 0 else float("inf")
    click.echo(
        f"attribution: {len(units):,} units, {sentences:,} sentences in {seconds:.1f} s"
        f" ({rate:,.0f} sentences/s)"
    )
    if not any("attributions" in u for u in units):
        click.echo("no gold attributions in the file: not scored")
        return
    result = attribution.score(units, predictions)
    for key in (
        "source_gold",
        "source_pred",
        "source_exact_precision",
        "source_exact_recall",
        "source_exact_f1",
        "source_lenient_precision",
        "source_lenient_recall",
        "source_lenient_f1",
        "cue_exact_f1",
        "cue_lenient_f1",
    ):
        if key in result:
            click.echo(f"{key:>26}: {fmt(result[key])}")
    click.echo(summary_line(result, attribution.FIGURES))
