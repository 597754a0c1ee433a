"""Known fact-checks on the command line: factchecks add / list / search, and checked.

$ claimdesk factchecks add feed.json results.json checks.csv
$ claimdesk factchecks add pool.csv --column claim=Statement --reviewer "Snopes"
$ claimdesk factchecks search "bleach coronavirus"
$ claimdesk checked 42
$ claimdesk checked --text "Drinking bleach cures the coronavirus" --json
"""

from __future__ import annotations

import click

from claimdesk.store import STATUSES
from claimdesk.store.factchecks.sentence_model import why_unavailable
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")


def parse_columns(values: tuple[str, ...]) -> dict[str, str]:
    """``("claim=Statement", ...)`` as ``{"claim": "Statement"}``.

    >>> parse_columns(("claim=Statement", "rating = Verdict"))
    {'claim': 'Statement', 'rating': 'Verdict'}
    """
    columns = {}
    for value in values:
        name, sep, header = value.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise click.BadParameter(f"{value!r} is not FIELD=HEADER", param_hint="--column")
        columns[name.strip()] = header.strip()
    return columns


@cli.group("factchecks")
def factchecks_group() -> None:
    """Published fact-checks: import them, list and search them."""


@factchecks_group.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=HEADER",
    help="CSV: read FIELD (claim, rating, reviewer, url, title, ...) from column HEADER.",
)
@click.option("--reviewer", default="", help="Reviewer of fact-checks that name none.")
@json_option
@pass_ctx
def factchecks_add(ctx: Context, files, columns, reviewer: str, as_json: bool) -> None:
    """Import fact-checks: ClaimReview JSON-LD (objects, lists, @graph, DataFeed), fact-check
    search results (JSON with a claims list) or CSV with a header row.

    A fact-check imported again is updated, never duplicated. Files that cannot be
    read are reported one line each; the others are still imported, and the exit
    code is 1.
    """
    mapping = parse_columns(columns)
    reports = [ctx.store.import_factchecks(f, columns=mapping, reviewer=reviewer) for f in files]
    if any(r.added or r.updated for r in reports):
        _read_meaning(ctx.store, quiet=as_json)
    if as_json:
        emit_json(r.to_json() for r in reports)
    else:
        for r in reports:
            line = (
                f"{r.path}: {r.format or 'not read'}, {r.added} added, {r.updated} updated,"
                f" {r.unchanged} unchanged"
                + (f", {r.skipped} rows without a claim" if r.skipped else "")
            )
            click.echo(output.safe(line).plain)
            for problem in r.problems:
                click.echo(output.safe(f"  {problem}").plain, err=True)
    if any(r.problems and not (r.added or r.updated or r.unchanged) for r in reports):
        raise click.exceptions.Exit(1)


def _read_meaning(store, quiet: bool) -> None:
    """Have the sentence model read the new fact-checks now, with a bar, so that the reader
    does not wait on it; say when no model is installed."""
    with output.progress_bar("reading meaning") as bar:
        task = bar.add_task("meaning", total=None)
        on = store.prepare_meaning(
            lambda done, total: bar.update(task, completed=done, total=total)
        )
    if not on and not quiet:
        click.echo(f"matching on words alone: {why_unavailable()}", err=True)


def _rows(checks):
    return (
        (
            c.id,
            c.reviewer,
            c.rating + (f" ({c.verdict})" if c.verdict else ""),
            c.review_date,
            c.claim,
            c.url,
        )
        for c in checks
    )


_HEADERS = ("id", "reviewer", "rating", "date", "claim", "url")


@factchecks_group.command("list")
@click.option("--verdict", type=click.Choice(STATUSES), help="Only ratings that mean this status.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@json_option
@pass_ctx
def factchecks_list(ctx: Context, verdict: str | None, limit: int | None, as_json: bool) -> None:
    """List the stored fact-checks, newest review first."""
    checks = ctx.store.factchecks(verdict=verdict, limit=limit)
    if as_json:
        emit_json(c.to_json() for c in checks)
    elif not checks:
        click.echo("no fact-checks yet: import some with `claimdesk factchecks add FILE`")
    else:
        output.print_table(_HEADERS, _rows(checks))


@factchecks_group.command("search")
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@json_option
@pass_ctx
def factchecks_search(ctx: Context, query: str, limit: int, as_json: bool) -> None:
    """Fact-checks whose claim or title holds every word of QUERY (the last a prefix)."""
    checks = ctx.store.search_factchecks(query, limit=limit)
    if as_json:
        emit_json(c.to_json() for c in checks)
    elif not checks:
        click.echo(f"no fact-checks match {query!r}")
    else:
        output.print_table(_HEADERS, _rows(checks))


@cli.command("checked")
@click.argument("claim_id", type=int, required=False)
@click.option("--text", help="Look up this text instead of a stored claim.")
@click.option("--limit", "-n", default=5, show_default=True, help="At most this many.")
@click.option(
    "--all", "include_weak", is_flag=True, help="Also show matches below the abstain rule."
)
@json_option
@pass_ctx
def checked_command(
    ctx: Context,
    claim_id: int | None,
    text: str | None,
    limit: int,
    include_weak: bool,
    as_json: bool,
) -> None:
    """Has this claim been checked before? Known fact-checks of CLAIM_ID (or of --text),
    confident matches only unless --all."""
    if (claim_id is None) == (text is None):
        raise click.UsageError("give a CLAIM_ID or --text, not both")
    store = ctx.store
    if store.meaning_pending():  # imported without the model, or copied: read them first
        _read_meaning(store, quiet=True)
    if text is not None:
        found = store.checked_before_text(text, limit, include_weak=include_weak)
    else:
        found = store.checked_before(claim_id, limit, include_weak=include_weak)
    if as_json:
        emit_json(k.to_json() for k in found)
        return
    if not found:
        suffix = (
            ""
            if store.factcheck_count()
            else " (no fact-checks stored: `claimdesk factchecks add`)"
        )
        click.echo(f"no known fact-check of this claim{suffix}")
        return
    rows = (
        (
            f"{k.score:.0f}" + ("" if k.confident else " (weak)"),
            k.factcheck.reviewer,
            k.factcheck.rating,
            k.factcheck.review_date,
            k.factcheck.claim,
            k.factcheck.url,
        )
        for k in found
    )
    output.print_table(("score", "reviewer", "rating", "date", "claim", "url"), rows)
