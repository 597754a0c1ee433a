"""``claimdesk eval detect`` and ``claimdesk train detect``: the check-worthiness model.

$ claimdesk eval detect ../shared/eval/detect/claimbuster-dev.jsonl --out detect.jsonl
$ claimdesk train detect --data ../shared/eval

``eval detect`` scores every sentence of FILE with the scorer ingest uses, writes
``{"id", "score", "is_claim"}`` lines and, when FILE has labels, prints P / R / F1, AP and
mean per-group AP as the shared scorer does. ``train detect`` (needs ``pip install
'claimdesk[train]'``) rebuilds the shipped weights from the development sets.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from claimdesk.store.evaluation import detect
from claimdesk.store.evaluation.jsonl import read_jsonl, write_jsonl
from claimdesk.store.evaluation.report import fmt, summary_line
from claimdesk.store.extract import checkworthy
from claimdesk.tui.cli.main import eval_group, predictions_option, train_group


@eval_group.command("detect")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@predictions_option
@click.option(
    "--sample", type=int, default=None, metavar="N", help="Use only the first N sentences."
)
def eval_detect(gold: Path, out: Path | None, sample: int | None) -> None:
    """Score every sentence of GOLD for check-worthiness; print figures if it has labels."""
    rows = read_jsonl(gold)
    if sample is not None:
        rows = rows[:sample]
    checkworthy.model()  # load the weights before the clock starts
    start = time.perf_counter()
    with click.progressbar(length=len(rows), label="detect", file=sys.stderr, show_pos=True) as bar:
        predictions = detect.predict(rows, progress=bar.update)
    seconds = time.perf_counter() - start
    if out is not None:
        write_jsonl(out, predictions)
        click.echo(f"predictions written to {out}")
    rate = len(rows) / seconds if seconds > 0 else float("inf")
    click.echo(f"detect: {len(rows):,} sentences in {seconds:.2f} s ({rate:,.0f} sentences/s)")
    if not detect.has_labels(rows):
        click.echo("no labels in the file: not scored")
        return
    result = detect.score(rows, predictions)
    for key in ("n", "positives", "predicted_claims", "precision", "recall", "f1", "ap"):
        click.echo(f"{key:>16}: {fmt(result[key])}")
    click.echo(f"{'mean_group_ap':>16}: {fmt(result['mean_group_ap'])} ({result['groups']} groups)")
    click.echo(summary_line(result, detect.FIGURES))
    if detect.trained_on(gold):
        click.echo(
            "note: the model was trained on this file, so these figures are in-sample; "
            "`claimdesk train detect` prints cross-validated ones (see docs/EVALUATION.md)"
        )


@train_group.command("detect")
@click.option(
    "--data",
    "data",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("..") / "shared" / "eval",
    show_default=True,
    help="The evaluation folder holding detect/claimbuster-dev.jsonl and detect/clef2019-t1-dev.jsonl.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=checkworthy.MODEL_PATH,
    help="Where to write the weights (default: the shipped model file).",
)
def train_detect(data: Path, out: Path) -> None:
    """Rebuild the check-worthiness weights from the development sets (takes minutes)."""
    try:
        from claimdesk.store.extract import training
    except ImportError as exc:
        raise click.ClickException(
            f"training needs scikit-learn: pip install 'claimdesk[train]' ({exc})"
        ) from exc
    record = training.train(data, out, progress=click.echo)
    model, base = record["cross_validation"], record["baseline_cross_validation"]
    click.echo(f"written {out} ({record['file_bytes']:,} bytes) in {record['seconds']:.0f} s")
    click.echo(f"claim threshold (probability): {record['threshold_probability']:.4f}")
    cb, cb_base = model["claimbuster"], base["claimbuster_at_cv_threshold"]
    click.echo(
        f"ClaimBuster 5-fold: F1 {cb['f1']:.4f} AP {cb['ap']:.4f}"
        f" (baseline F1 {cb_base['f1']:.4f} AP {cb_base['ap']:.4f})"
    )
    click.echo(
        f"CLEF-2019 leave-debates-out: mean AP {model['clef2019']['mean_group_ap']:.4f}"
        f" (baseline {base['clef2019']['mean_group_ap']:.4f})"
    )
