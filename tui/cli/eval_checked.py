"""``claimdesk eval checked``: "has this claim been checked before?" scored through the product.

$ claimdesk eval checked ../shared/eval/retrieve/clef2020-t2-dev --out checked.jsonl --first-stage
$ claimdesk eval checked ../shared/eval/retrieve/clef2020-t2-dev --out checked.jsonl \
    --negatives ../shared/eval/crossdoc/gvc-dev --negatives ../shared/eval/crossdoc/ecbplus-dev

The pool is imported as known fact-checks through the CSV path and every query asked
as ``claimdesk checked --text`` asks it; see :mod:`claimdesk.store.evaluation.checked`.
``--negatives`` adds the claims of news documents that no fact-check of the pool checked
(:mod:`claimdesk.store.evaluation.checked_negatives`): how many are shown one anyway.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimdesk.store.evaluation import checked, checked_negatives
from claimdesk.store.evaluation.jsonl import read_jsonl, read_qrels, write_jsonl
from claimdesk.store.evaluation.report import fmt
from claimdesk.store.factchecks.sentence_model import why_unavailable
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
@click.option(
    "--words-only",
    is_flag=True,
    help="Also rank and show without the sentence model (predictions beside OUT as *.words.jsonl).",
)
@click.option(
    "--negatives",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of news documents (docs.jsonl) none of the pool checked; repeatable.",
)
@click.option(
    "--negatives-sample", type=int, default=None, help="Ask only this many claims of each."
)
@SAMPLE
def eval_checked(
    folder: Path,
    out: Path,
    first_stage: bool,
    words_only: bool,
    negatives: tuple[Path, ...],
    negatives_sample: int | None,
    sample: int | None,
) -> None:
    """Import FOLDER's pool (corpus.jsonl) as fact-checks, ask every query (queries.jsonl)
    as `checked --text` does; score with qrels.tsv. With --negatives, also ask the claims
    of news documents as the related pane does and count those shown a fact-check."""
    pool = read_jsonl(folder / "corpus.jsonl")
    queries = read_jsonl(folder / "queries.jsonl")
    if sample is not None:
        queries = queries[:sample]
    methods = [
        "product",
        *(["words only"] if words_only else []),
        *(["first stage"] if first_stage else []),
    ]
    suffixes = {"words only": ".words.jsonl", "first stage": ".first.jsonl"}
    results: dict[str, list[dict[str, Any]]] = {}
    with checked.throwaway_store() as store:
        with timed("pool", len(pool), "fact-checks"):
            pool_ids = checked.import_pool(store, pool)
        with timed("sentence model", len(pool), "fact-checks"):
            if not store.prepare_meaning():
                click.echo(f"matching on words alone: {why_unavailable()}")
        for method in methods:
            store.factcheck_matcher.second_stage = method != "first stage"
            store.factcheck_matcher.use_meaning = method == "product"
            with timed(method, len(queries), "queries"), progress(method, len(queries)) as step:
                results[method] = checked.ask_queries(store, pool_ids, queries, progress=step)
            write_jsonl(
                out if method == "product" else out.with_suffix(suffixes[method]), results[method]
            )
        store.factcheck_matcher.second_stage = True
        store.factcheck_matcher.use_meaning = True
        asked_negatives = {}
        for folder_n in negatives:
            docs = read_jsonl(folder_n / "docs.jsonl")
            with timed(folder_n.name, len(docs), "documents"):
                asked_negatives[folder_n.name] = checked_negatives.ask_claims(
                    store, pool_ids, docs, sample=negatives_sample
                )
            write_jsonl(out.with_suffix(f".{folder_n.name}.jsonl"), asked_negatives[folder_n.name])
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
    if asked_negatives:
        _echo_negatives(qrels, results["product"], asked_negatives)


def _echo_negatives(
    qrels: dict[str, set[str]],
    positives: list[dict[str, Any]],
    asked: dict[str, list[dict[str, Any]]],
) -> None:
    every = [p for preds in asked.values() for p in preds]
    for name, preds in [*asked.items(), ("negatives", every)]:
        m = checked_negatives.shown_metrics(preds)
        click.echo(
            f"{name}: claims={int(m['claims'])} shown_rate={m['shown_rate']:.4f} "
            f"shown_per_claim={m['shown_per_claim']:.4f} median_ms={m['median_ms']:.2f}"
        )
    both = checked_negatives.combined_precision(qrels, positives, every)
    click.echo(f"first shown: precision={both['precision']:.4f} coverage={both['coverage']:.4f}")
