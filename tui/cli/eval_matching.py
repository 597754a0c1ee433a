"""``claimdesk eval retrieve | crossdoc | pairs`` and ``train related``: claim matching on labelled data.

$ claimdesk eval retrieve data/retrieve/clef2020-t2-dev --out retrieve.jsonl
$ claimdesk eval crossdoc data/crossdoc/gvc-dev --out crossdoc.jsonl --baseline
$ claimdesk eval pairs data/pairs/mrpc-dev.jsonl --out pairs.jsonl --threshold 55
$ claimdesk train related --data data

Each run writes predictions as JSON Lines, prints its figures (when the gold labels are
beside the data) in the same definitions as the data sets' reference scorer, and its
wall time and throughput. Progress bars go to stderr.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from claimdesk.store.evaluation import crossdoc, metrics, pairs, retrieve, span_metrics
from claimdesk.store.evaluation.jsonl import read_jsonl, read_qrels, write_jsonl
from claimdesk.store.evaluation.report import FINAL, final_keys, fmt, summary_line
from claimdesk.tui.cli.main import eval_group, out_option, train_group

OUT = out_option(required=True)
"""The ``--out PRED.jsonl`` option every matching evaluation takes."""

SAMPLE = click.option(
    "--sample", type=int, default=None, metavar="N", help="Use only the first N items (quick runs)."
)
"""The ``--sample N`` option for quick runs on the first N queries or pairs."""


@contextmanager
def progress(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr; yields the function that advances it."""
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) as bar:
        yield bar.update


@contextmanager
def timed(label: str, items: int, unit: str) -> Iterator[None]:
    """Print ``label: N unit in S s (R unit/s)`` when the block ends."""
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    rate = items / seconds if seconds > 0 else float("inf")
    click.echo(f"{label}: {items:,} {unit} in {seconds:.1f} s ({rate:,.1f} {unit}/s)")


def print_table(task: str, results: dict[str, dict[str, Any]]) -> None:
    """Figures of one or more methods side by side, then each method's summary line."""
    keys = [k for k in FINAL[task] if k != "missing"]
    names = list(results)
    click.echo(f"{'':>16}" + "".join(f"{n:>12}" for n in names))
    for key in keys:
        click.echo(f"{key:>16}" + "".join(f"{fmt(results[n].get(key, '')):>12}" for n in names))
    for name, result in results.items():
        click.echo(f"{name}: {summary_line(result, final_keys(task, result))}")


def _sample(rows: list, n: int | None) -> list:
    return rows if n is None else rows[:n]


@eval_group.command("retrieve")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@OUT
@click.option("--baseline/--no-baseline", default=True, help="Also rank by plain bm25.")
@click.option("--title/--no-title", default=True, help="Match pool claims with their titles.")
@SAMPLE
def eval_retrieve(folder: Path, out: Path, baseline: bool, title: bool, sample: int | None) -> None:
    """Rank FOLDER's pool (corpus.jsonl) for every query (queries.jsonl); score with qrels.tsv.

    The baseline's predictions go beside OUT as ``*.bm25.jsonl``.
    """
    pool = read_jsonl(folder / "corpus.jsonl")
    queries = _sample(read_jsonl(folder / "queries.jsonl"), sample)
    methods = ["engine", "bm25"] if baseline else ["engine"]
    results: dict[str, dict[str, Any]] = {}
    with retrieve.throwaway_store() as store:
        with timed("pool", len(pool), "claims"), progress("loading pool", len(pool)) as step:
            pool_ids = retrieve.load_pool(store, pool, with_title=title, progress=step)
        for method in methods:
            with timed(method, len(queries), "queries"), progress(method, len(queries)) as step:
                preds = retrieve.rank_queries(
                    store, pool_ids, queries, method=method, progress=step
                )
            write_jsonl(out if method == "engine" else out.with_suffix(".bm25.jsonl"), preds)
            results[method] = preds
    qrels_path = folder / "qrels.tsv"
    if not qrels_path.exists():
        click.echo(f"predictions written to {out} (no qrels.tsv: not scored)")
        return
    qrels = read_qrels(qrels_path)
    if sample is not None:
        wanted = {str(q["id"]) for q in queries}
        qrels = {q: r for q, r in qrels.items() if q in wanted}
    scored = {
        m: metrics.retrieve_metrics(qrels, {p["query"]: p["ranked"] for p in preds})
        for m, preds in results.items()
    }
    print_table("retrieve", scored)


@eval_group.command("crossdoc")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@OUT
@click.option("--baseline", is_flag=True, help="Also run the brute-force fuzzy baseline.")
@click.option(
    "--sentences",
    is_flag=True,
    help="Evaluate every sentence, not only claims, and let any sentence be related.",
)
@click.option("--limit-docs", type=int, default=None, metavar="N", help="Use the first N docs.")
def eval_crossdoc(
    folder: Path, out: Path, baseline: bool, sentences: bool, limit_docs: int | None
) -> None:
    """Find related claims for every claim of FOLDER's docs.jsonl; score with mentions.jsonl.

    With ``--limit-docs`` only the mentions of those documents are scored.

    The baseline's predictions go beside OUT as ``*.fuzzy.jsonl``.
    """
    docs = _sample(read_jsonl(folder / "docs.jsonl"), limit_docs)
    results: dict[str, list[dict[str, Any]]] = {}
    with retrieve.throwaway_store() as store:
        with timed("ingest", len(docs), "docs"), progress("ingest", len(docs)) as step:
            source_ids, changed = crossdoc.load_documents(store, docs, progress=step)
        if changed:
            click.echo(f"note: normalisation changed the text of {changed} document(s)")
        claims = len(crossdoc.eval_claims(store, source_ids, sentences))
        with timed("engine", claims, "claims"), progress("related", claims) as step:
            results["engine"] = crossdoc.engine_predictions(
                store, source_ids, include_sentences=sentences, progress=step
            )
        write_jsonl(out, results["engine"])
        if baseline:
            with timed("fuzzy", claims, "claims"), progress("fuzzy", claims) as step:
                results["fuzzy"] = crossdoc.fuzzy_baseline_predictions(
                    store, source_ids, include_sentences=sentences, progress=step
                )
            write_jsonl(out.with_suffix(".fuzzy.jsonl"), results["fuzzy"])
    mentions_path = folder / "mentions.jsonl"
    if not mentions_path.exists():
        click.echo(f"predictions written to {out} (no mentions.jsonl: not scored)")
        return
    mentions = read_jsonl(mentions_path)
    if limit_docs is not None:
        kept = set(source_ids.values())
        mentions = [m for m in mentions if str(m["doc"]) in kept]
    print_table(
        "crossdoc", {m: span_metrics.crossdoc_metrics(mentions, p) for m, p in results.items()}
    )


@eval_group.command("pairs")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@OUT
@click.option("--threshold", type=float, default=None, help="Also score this fixed threshold.")
@click.option("--baseline", is_flag=True, help="Also score rapidfuzz token_set_ratio.")
@SAMPLE
def eval_pairs(
    gold: Path, out: Path, threshold: float | None, baseline: bool, sample: int | None
) -> None:
    """Score the similarity of every pair in GOLD (id, a, b[, label]): ROC-AUC and best F1.

    The baseline's predictions go beside OUT as ``*.fuzzy.jsonl``.
    """
    rows = _sample(read_jsonl(gold), sample)
    results: dict[str, dict[str, Any]] = {}
    for method in ["engine", "fuzzy"] if baseline else ["engine"]:
        with timed(method, len(rows), "pairs"), progress(method, len(rows)) as step:
            preds = pairs.score_pairs(rows, method=method, progress=step)
        write_jsonl(out if method == "engine" else out.with_suffix(".fuzzy.jsonl"), preds)
        if all("label" in r for r in rows):
            scores = {p["id"]: p["score"] for p in preds}
            results[method] = metrics.pairs_metrics(rows, scores, threshold)
    if not results:
        click.echo(f"predictions written to {out} (no labels: not scored)")
        return
    print_table("pairs", results)
    for method, result in results.items():
        click.echo(
            f"{method} thresholds: best F1 at score >= {fmt(result['best_f1_threshold'])},"
            f" best accuracy at >= {fmt(result['best_accuracy_threshold'])}"
        )


@train_group.command("related")
@click.option(
    "--data",
    "data",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("..") / "shared" / "eval",
    show_default=True,
    help="The evaluation folder holding crossdoc/gvc-dev and crossdoc/ecbplus-dev.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the weights (default: the shipped model file).",
)
def train_related(data: Path, out: Path | None) -> None:
    """Refit which related claims are shown (the same-incident model) on the development sets."""
    try:
        from claimdesk.store.evaluation import same_incident
    except ImportError as exc:  # pragma: no cover - numpy ships with the test and train extras
        raise click.ClickException(f"training needs numpy: pip install numpy ({exc})") from exc
    from claimdesk.store.related import incident

    out = out or incident.model_path()
    started = time.perf_counter()
    record = same_incident.train(data, out, progress=click.echo)
    click.echo(f"written {out} in {time.perf_counter() - started:.0f} s")
    click.echo(f"weights: {record['weights']}, bias {record['bias']}")
    click.echo(
        f"threshold: {record['threshold']} (held-out precision goal {record['precision_goal']})"
    )
    for label in ("cross_validation_by_group", "fitted_on_the_other_set"):
        for name, figures in record[label].items():
            click.echo(f"{label} {name}: " + " ".join(f"{k}={v:.4f}" for k, v in figures.items()))
