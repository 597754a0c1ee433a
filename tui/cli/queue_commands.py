"""The review queue from the command line: ``claimdesk queue``.

$ claimdesk queue                                   # needs-check, most check-worthy first
$ claimdesk queue --status flagged --notes --sort date
$ claimdesk queue --status any --since 24h --json   # everything that came in today
$ claimdesk queue --conflicts --since 2d
"""

from __future__ import annotations

import click

from claimdesk.store import STATUSES, QueueQuery
from claimdesk.store.review_queue import FLAGGED, ORDERS
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx
from claimdesk.tui.cli.related_commands import parse_since

ANY = "any"


@cli.command("queue")
@click.option(
    "--status",
    type=click.Choice([*STATUSES, FLAGGED, ANY]),
    default="needs-check",
    show_default=True,
    help="Claims with this status (flagged: any but unreviewed; any: every claim).",
)
@click.option("--notes", is_flag=True, help="Only claims with a note.")
@click.option(
    "--conflicts",
    is_flag=True,
    help="Only claims that conflict with a claim in another document (as slow as `conflicts`).",
)
@click.option(
    "--since", help="Only claims of documents added since this UTC date/time or age (24h)."
)
@click.option(
    "--sort", "order", type=click.Choice(list(ORDERS)), default="score", show_default=True
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@pass_ctx
def queue_command(ctx: Context, status, notes, conflicts, since, order, limit, as_json) -> None:
    """Claims across every document to work through: by status, note, conflict or "new since",
    most check-worthy (or newest) first."""
    query = QueueQuery(
        status=None if status == ANY else status,
        with_notes=notes,
        since=parse_since(since),
        conflicts=conflicts,
        order=order,
    )
    page = ctx.store.queue(query, limit=limit)
    if as_json:
        emit_json(item.to_json() for item in page.items)
        return
    if not page.items:
        click.echo(f"no claims: {query.describe()}")
        return
    output.console().print(output.queue_table(page.items))
    shown = len(page.items)
    more = f" (--limit {page.total} shows them all)" if shown < page.total else ""
    click.echo(f"{shown} of {page.total} claims: {query.describe()}{more}")
