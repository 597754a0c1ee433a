"""``claimdesk eval checked``: "has this claim been checked before?" scored through the product.

$ claimdesk eval checked ../shared/eval/retrieve/clef2020-t2-dev --out checked.jsonl --first-stage

The pool is imported as known fact-checks through the CSV path and every query asked
as ``claimdesk checked --text`` asks it; see :mod:`claimdesk.store.evaluation.checked`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimdesk.store.evaluation import checked
from claimdesk.store.evaluation.jsonl import read_jsonl, read_qrels, write_jsonl
from claimdesk.store.evaluation.report import fmt
from claimdesk.tui.cli.eval_matching import OUT, SAMPLE, progress, timed
from claimdesk.tui.cli.main import eval_group

ROWS = (
    ("all", "map@1"),
    ("all", "map@5"),
    ("all", "recall@5"),
    ("all", "recall@10"),
    ("all", "mrr"),
    ("shown", "map@5"),
    ("shown", "recall@5"),
    ("shown", "shown_per_query"),
    ("shown", "shown_right"),
    ("shown", "abstained"),
    ("all", "median_ms"),
)
"""The figures printed, as ``(part, key)``: every match, then what the abstain rule shows."""


@eval_group.command("checked")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@OUT
@click.option(
    "--first-stage",
    is_flag=True,
    help="Also rank by the first stage alone (predictions beside OUT as *.first.jsonl).",
)
@SAMPLE
def eval_checked(folder: Path, out: Path, first_stage: bool, sample: int | None) -> None:
    """Import FOLDER's pool (corpus.jsonl) as fact-checks, ask every query (queries.jsonl)
    as `checked --text` does; score with qrels.tsv."""
    pool = read_jsonl(folder / "corpus.jsonl")
    queries = read_jsonl(folder / "queries.jsonl")
    if sample is not None:
        queries = queries[:sample]
    methods = ["product", "first stage"] if first_stage else ["product"]
    results: dict[str, list[dict[str, Any]]] = {}
    with checked.throwaway_store() as store:
        with timed("pool", len(pool), "fact-checks"):
            pool_ids = checked.import_pool(store, pool)
        for method in methods:
            store.factcheck_matcher.second_stage = method == "product"
            with timed(method, len(queries), "queries"), progress(method, len(queries)) as step:
                results[method] = checked.ask_queries(store, pool_ids, queries, progress=step)
            write_jsonl(
                out if method == "product" else out.with_suffix(".first.jsonl"), results[method]
            )
    qrels_path = folder / "qrels.tsv"
    if not qrels_path.exists():
        click.echo(f"predictions written to {out} (no qrels.tsv: not scored)")
        return
    wanted = {str(q["id"]) for q in queries}
    qrels = {q: r for q, r in read_qrels(qrels_path).items() if q in wanted}
    scored = {m: checked.checked_metrics(qrels, preds) for m, preds in results.items()}
    click.echo(f"{'':>24}" + "".join(f"{m:>14}" for m in scored))
    for part, key in ROWS:
        label = f"{part} {key}"
        click.echo(f"{label:>24}" + "".join(f"{fmt(s[part][key]):>14}" for s in scored.values()))
    for method, s in scored.items():
        figures = " ".join(f"{part}_{key}={s[part][key]:.4f}" for part, key in ROWS)
        click.echo(f"{method}: {figures}")
