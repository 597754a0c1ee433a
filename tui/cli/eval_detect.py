"""``claimdesk eval detect`` and ``claimdesk train detect``: the check-worthiness model.

$ claimdesk eval detect ../shared/eval/detect/claimbuster-dev.jsonl --out detect.jsonl
$ claimdesk eval detect-later --data ../shared/eval --out later.jsonl
$ claimdesk train detect --data ../shared/eval

``eval detect`` scores every sentence of FILE with the scorer ingest uses, writes
``{"id", "score", "is_claim"}`` lines and, when FILE has labels, prints P / R / F1, AP and
mean per-group AP as the shared scorer does. ``eval detect-later`` validates the way the
held-out test is built: the model (with the shipped settings) and the TF-IDF + logistic
regression baseline are trained on the earlier CLEF-2019 debates and scored on the latest
ones, held out whole. ``train detect`` rebuilds the shipped weights from the development
sets. Both need ``pip install 'claimdesk[train]'``.
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


def _training_module():
    try:
        from claimdesk.store.extract import training
    except ImportError as exc:
        raise click.ClickException(
            f"training needs scikit-learn: pip install 'claimdesk[train]' ({exc})"
        ) from exc
    return training


data_option = click.option(
    "--data",
    "data",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("..") / "shared" / "eval",
    show_default=True,
    help="The evaluation folder holding detect/claimbuster-dev.jsonl and detect/clef2019-t1-dev.jsonl.",
)


@eval_group.command("detect-later")
@data_option
@click.option(
    "--held-out",
    type=click.IntRange(min=1),
    default=7,
    show_default=True,
    help="How many of the latest CLEF-2019 debates to hold out.",
)
@predictions_option
def eval_detect_later(data: Path, held_out: int, out: Path | None) -> None:
    """Train on the earlier CLEF-2019 debates, score the later ones: model against baseline."""
    training = _training_module()
    from claimdesk.store.evaluation.later_debates import debate_date

    cb, clef, _, _ = training.read_parts(data, progress=lambda line: click.echo(line, err=True))
    click.echo(f"training both models without the {held_out} latest debates", err=True)
    result = training.later_debates_validation(cb, clef, training.SETTINGS, held_out)
    if out is not None:
        for path, key in ((out, "model_scores"), (_baseline_path(out), "baseline_scores")):
            rows = [
                {"id": clef.ids[i], "score": round(float(v), 6), "is_claim": bool(v >= 0.5)}
                for i, v in zip(result["rows"], result[key], strict=True)
            ]
            write_jsonl(path, rows)
        click.echo(f"predictions written to {out} (baseline: {_baseline_path(out)})")
    click.echo(f"trained on {len(result['trained_on'])} debates, held out {held_out}:")
    click.echo(
        f"{'debate':<28} {'date':<10} {'rows':>5} {'pos':>4} {'model AP':>9} {'baseline AP':>12}"
    )
    for name in result["held_out"]:
        rows = clef.groups == name
        click.echo(
            f"{name:<28} {debate_date(name):<10} {int(rows.sum()):>5} "
            f"{int(clef.labels[rows].sum()):>4} {result['model_ap'][name]:>9.4f} "
            f"{result['baseline_ap'][name]:>12.4f}"
        )
    margin = result["model_mean_ap"] - result["baseline_mean_ap"]
    click.echo(
        f"mean per-debate AP: model {result['model_mean_ap']:.4f}, "
        f"TF-IDF + LR baseline {result['baseline_mean_ap']:.4f} (model {margin:+.4f})"
    )


def _baseline_path(out: Path) -> Path:
    return out.with_name(out.stem + ".baseline" + out.suffix)


@train_group.command("detect")
@data_option
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=checkworthy.MODEL_PATH,
    help="Where to write the weights (default: the shipped model file).",
)
def train_detect(data: Path, out: Path) -> None:
    """Rebuild the check-worthiness weights from the development sets (takes minutes)."""
    training = _training_module()
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
    later = record["later_debates_validation"]
    click.echo(
        f"CLEF-2019, {len(later['held_out'])} latest debates held out: mean AP "
        f"{later['model_mean_ap']:.4f} (TF-IDF + LR baseline {later['baseline_mean_ap']:.4f})"
    )
