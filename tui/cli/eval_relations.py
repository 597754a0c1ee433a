"""``claimdesk eval relations FILE.jsonl``: measure the relation between pairs of claims.

$ claimdesk eval relations pairs.jsonl --out relations.jsonl

Each gold line is ``{"id", "a": {"text", "title"?, "published"?}, "b": {...}, "label"}``
(``contradicts``, ``differs``, ``agrees`` or ``unrelated``). The relation of ``b`` for
``a`` is decided as the related pane decides it; ``{"id", "relation", "why", "score"}``
lines go to ``--out``. With labels, prints the reference scorer's figures (accuracy,
per-label precision / recall / F1, macro F1, false alarms) and the confusion matrix.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from claimdesk.store.evaluation import claim_relations as relations
from claimdesk.store.evaluation.jsonl import read_jsonl, write_jsonl
from claimdesk.store.evaluation.report import FINAL, fmt, summary_line
from claimdesk.tui.cli.main import eval_group, out_option


@eval_group.command("relations")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@out_option(required=True)
def eval_relations(gold: Path, out: Path) -> None:
    """Decide the relation of every pair in GOLD and score it against the labels."""
    rows = read_jsonl(gold)
    start = time.perf_counter()
    with click.progressbar(length=len(rows), label="relations", file=sys.stderr) as bar:
        predictions = relations.predict_relations(rows, progress=bar.update)
    seconds = time.perf_counter() - start
    write_jsonl(out, predictions)
    click.echo(f"relations: {len(rows):,} pairs in {seconds:.1f} s; predictions written to {out}")
    if not rows or not all("label" in r for r in rows):
        click.echo("no labels in the file: not scored")
        return
    result = relations.relations_metrics(rows, {p["id"]: p["relation"] for p in predictions})
    for key, value in result.items():
        if key != "confusion":
            click.echo(f"{key:>22}: {fmt(value)}")
    for line in relations.confusion_table(result):
        click.echo(line)
    click.echo(summary_line(result, FINAL["relations"]))
